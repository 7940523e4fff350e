package io.github.kenshinbooking.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MailMessageTest {
    private static MailMessage message(NotificationKind kind, Notification n) {
        return new MailMessage("<kenshin-outbox-1.1@kenren.example.jp>", kind, "no-reply@kenren.example.jp",
                "健診予約", Samples.TO, "件名", "本文 https://kenren.example.jp/password-reset?token=" + Samples.TOKEN, n);
    }

    @Test
    @DisplayName("MAIL-1 a mail whose kind differs from its notification's kind is refused")
    void kindMustMatch() {
        Notification booked = Samples.notification(NotificationKind.BOOKED);
        assertThatThrownBy(() -> message(NotificationKind.CANCELLED, booked))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(message(NotificationKind.BOOKED, booked).kind()).isEqualTo(NotificationKind.BOOKED);
    }

    @Test
    @DisplayName("MAIL-1 data(key) reads the notification's structured data")
    void data() {
        MailMessage m = message(NotificationKind.BOOKED, Samples.notification(NotificationKind.BOOKED));
        assertThat(m.data(NotificationData.VENUE)).contains("ミリカローデン那珂川");
        assertThat(m.data(NotificationData.RESET_TOKEN)).isEmpty();
        assertThat(m.reservationId()).contains("5247");
    }

    @Test
    @DisplayName("RESET-1 toString names id, kind, recipient and subject but never the body with its reset link")
    void toStringHidesBody() {
        MailMessage m = message(NotificationKind.PASSWORD_RESET, Samples.notification(NotificationKind.PASSWORD_RESET));
        assertThat(m.toString()).contains("<kenshin-outbox-1.1@kenren.example.jp>", "PASSWORD_RESET", Samples.TO, "件名")
                .doesNotContain(Samples.TOKEN, "本文");
    }
}
