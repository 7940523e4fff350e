package io.github.kenshinbooking.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.policy.UnionPolicy;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CapturingMailSenderTest {
    private final MailRenderer renderer = MailRenderer.withDefaults(UnionPolicy.defaults());
    private final CapturingMailSender sender = new CapturingMailSender();

    private MailMessage mail(long id, NotificationKind kind, String to) {
        Notification n = Samples.notification(kind);
        return renderer.render(Samples.entry(id, new Notification(kind, to, n.dedupeKey(), n.data())));
    }

    @Test
    @DisplayName("MAIL-1 captured mails hand back text and structured data: kind, recipient, reservation id, reset token")
    void structuredData() throws MailDeliveryException {
        sender.send(mail(1, NotificationKind.BOOKED, "taro@example.jp"));
        sender.send(mail(2, NotificationKind.PASSWORD_RESET, "taro@example.jp"));
        sender.send(mail(3, NotificationKind.CANCELLED, "hanako@example.jp"));

        assertThat(sender.messages()).extracting(MailMessage::kind).containsExactly(NotificationKind.BOOKED,
                NotificationKind.PASSWORD_RESET, NotificationKind.CANCELLED);
        assertThat(sender.to("taro@example.jp")).hasSize(2);
        assertThat(sender.to("taro@EXAMPLE.JP")).hasSize(2);
        assertThat(sender.to("Taro@example.jp")).isEmpty();
        assertThat(sender.ofKind(NotificationKind.CANCELLED)).singleElement()
                .satisfies(m -> assertThat(m.reservationId()).contains("5247"));
        MailMessage reset = sender.lastTo("taro@example.jp").orElseThrow();
        assertThat(reset.resetToken()).contains(Samples.TOKEN);
        assertThat(reset.body()).contains(Samples.TOKEN);
        assertThat(sender.lastTo("nobody@example.jp")).isEmpty();
        sender.send(mail(4, NotificationKind.BOOKED, "taro@example.jp"));
        assertThat(sender.lastResetToken("taro@example.jp")).contains(Samples.TOKEN);
        assertThat(sender.lastResetToken("hanako@example.jp")).isEmpty();

        sender.clear();
        assertThat(sender.messages()).isEmpty();
    }

    @Test
    @DisplayName("MAIL-2 it plays an unreachable server on demand")
    void down() throws MailDeliveryException {
        sender.setDown(true);
        assertThat(sender.isDown()).isTrue();
        assertThatThrownBy(() -> sender.send(mail(1, NotificationKind.BOOKED, "a@example.jp")))
                .isInstanceOf(MailDeliveryException.class);
        sender.setDown(false);
        AtomicBoolean outage = new AtomicBoolean(true);
        sender.failWhile(outage::get);
        assertThatThrownBy(() -> sender.send(mail(2, NotificationKind.BOOKED, "a@example.jp")))
                .isInstanceOf(MailDeliveryException.class);
        outage.set(false);
        sender.send(mail(3, NotificationKind.BOOKED, "a@example.jp"));
        assertThat(sender.refusedCount()).isEqualTo(2);
        assertThat(sender.messages()).hasSize(1);
    }
}
