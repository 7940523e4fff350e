package io.github.kenshinbooking.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The one-column text encoding of notification data, and what a notification shows of itself. */
class NotificationDataTest {

    @Test
    @DisplayName("MAIL-2 data with escapes at the start, the end and in keys, and an empty key, survives the encoding")
    void roundTrip() {
        Map<String, String> data = Map.of(
                "", "empty key",
                "=key", "%start",
                "k%", "end%",
                "crlf", "\r\nline",
                "plain", "ミリカローデン那珂川",
                "only", "%");

        assertThat(NotificationData.decode(NotificationData.encode(data))).isEqualTo(data);
    }

    @Test
    @DisplayName("no text, or empty text, decodes to no data; an empty map encodes to empty text")
    void empty() {
        assertThat(NotificationData.decode(null)).isEmpty();
        assertThat(NotificationData.decode("")).isEmpty();
        assertThat(NotificationData.encode(Map.of())).isEmpty();
    }

    @Test
    @DisplayName("the encoding is one key=value line per entry, sorted by key, with %, =, CR and LF escaped")
    void lines() {
        assertThat(NotificationData.encode(Map.of("b", "1=2", "a", "50%")))
                .isEqualTo("a=50%25\nb=1%3D2\n");
        assertThat(NotificationData.decode("a=50%25\nb=1%3D2\n")).isEqualTo(Map.of("a", "50%", "b", "1=2"));
    }

    @Test
    @DisplayName("a line without = is not data the encoding wrote: it is refused, not skipped")
    void malformedLine() {
        assertThatThrownBy(() -> NotificationData.decode("a=1\nbroken\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a notification's toString shows kind, recipient, key and data keys, never the data values")
    void notificationToString() {
        Notification n = new Notification(NotificationKind.PASSWORD_RESET, "taro@example.jp", Optional.of("dedupe-1"),
                Map.of(NotificationData.RESET_TOKEN, "secret-token-value"));

        assertThat(n.toString()).contains("PASSWORD_RESET").contains("taro@example.jp").contains("dedupe-1")
                .contains(NotificationData.RESET_TOKEN).doesNotContain("secret-token-value");
    }

    @Test
    @DisplayName("MAIL-2 an outbox entry is sent once it has a sent instant")
    void entrySent() {
        Notification n = Notification.of(NotificationKind.BOOKED, "taro@example.jp", Map.of());
        Instant t = Instant.parse("2024-01-10T01:00:00Z");

        assertThat(new OutboxEntry(1, n, t, 0, t, Optional.empty(), Optional.empty()).sent()).isFalse();
        assertThat(new OutboxEntry(1, n, t, 1, t, Optional.of(t), Optional.empty()).sent()).isTrue();
    }
}
