package io.github.kenshinbooking.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationKind;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CapturingMailSenderEdgesTest {
    private final CapturingMailSender mailbox = new CapturingMailSender();

    private static MailMessage to(String address, NotificationKind kind) {
        Notification n = new Notification(kind, address, Optional.empty(),
                kind == NotificationKind.PASSWORD_RESET ? Map.of("resetToken", "tok-" + address) : Map.of());
        return new MailMessage("<m@example.jp>", kind, "no-reply@example.jp", "s", address, "subject", "body", n);
    }

    @Test
    @DisplayName("clear forgets the mails and resets the refused count")
    void clearResetsRefused() throws MailDeliveryException {
        mailbox.send(to("a@example.jp", NotificationKind.BOOKED));
        mailbox.setDown(true);
        assertThatThrownBy(() -> mailbox.send(to("a@example.jp", NotificationKind.BOOKED)))
                .isInstanceOf(MailDeliveryException.class);
        assertThat(mailbox.refusedCount()).isEqualTo(1);
        mailbox.clear();
        assertThat(mailbox.refusedCount()).isZero();
        assertThat(mailbox.messages()).isEmpty();
    }

    @Test
    @DisplayName("isDown reports setDown, up by default")
    void isDown() {
        assertThat(mailbox.isDown()).isFalse();
        mailbox.setDown(true);
        assertThat(mailbox.isDown()).isTrue();
        mailbox.setDown(false);
        assertThat(mailbox.isDown()).isFalse();
    }

    @Test
    @DisplayName("RESET-1 lastResetToken finds a reset mail that is the first and only mail to the address")
    void lastResetTokenOnlyMail() throws MailDeliveryException {
        mailbox.send(to("a@example.jp", NotificationKind.PASSWORD_RESET));
        assertThat(mailbox.lastResetToken("a@example.jp")).contains("tok-a@example.jp");
        assertThat(mailbox.lastResetToken("b@example.jp")).isEmpty();
    }

    @Test
    @DisplayName("mailboxes compare the domain ignoring case, the local part exactly; an address without @ whole")
    void mailboxKey() throws MailDeliveryException {
        mailbox.send(to("Taro@Example.JP", NotificationKind.BOOKED));
        mailbox.send(to("postmaster", NotificationKind.BOOKED));
        mailbox.send(to("@Example.JP", NotificationKind.BOOKED));
        assertThat(mailbox.to("Taro@example.jp")).hasSize(1);
        assertThat(mailbox.to("taro@example.jp")).isEmpty();
        assertThat(mailbox.to("postmaster")).hasSize(1);
        assertThat(mailbox.to("Postmaster")).isEmpty();
        assertThat(mailbox.to("@example.jp")).hasSize(1);
    }
}
