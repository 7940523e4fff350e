package io.github.kenshinbooking.mail;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationKind;

/**
 * A rendered mail, ready to send, with the notification it came from. Immutable and thread-safe.
 *
 * @param messageId    stable across retries of the same outbox entry (MAIL-2)
 * @param notification the structured data the mail was rendered from
 */
public record MailMessage(String messageId, NotificationKind kind, String from, String fromName, String to,
        String subject, String body, Notification notification) {
    public MailMessage {
        requireNonNull(messageId, "messageId");
        requireNonNull(kind, "kind");
        requireNonNull(from, "from");
        requireNonNull(fromName, "fromName");
        requireNonNull(to, "to");
        requireNonNull(subject, "subject");
        requireNonNull(body, "body");
        requireNonNull(notification, "notification");
    }
}
