package io.github.kenshinbooking.mail;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import java.util.Optional;

/**
 * A rendered mail, ready for a {@link MailSender}: a stable Message-ID (one per outbox entry, the
 * same on every retry), the sender, the recipient, a plain-text subject and body, and the
 * notification it was rendered from, so tests and the compliance kit can read its structured data
 * (kind, recipient, reservation id, reset token) without parsing text. Immutable and thread-safe.
 *
 * @param messageId    the RFC 5322 Message-ID including the angle brackets, e.g.
 *                     {@code <kenshin-outbox-42@kenren.example.jp>}
 * @param kind         the kind of mail (MAIL-1)
 * @param from         the sender address, from the union's policy
 * @param fromName     the display name of the sender, from the union's policy
 * @param to           the recipient address
 * @param subject      the subject, one line, not yet MIME-encoded
 * @param body         the body text, lines separated by {@code \n}
 * @param notification the structured data the mail was rendered from
 */
public record MailMessage(String messageId, NotificationKind kind, String from, String fromName, String to,
        String subject, String body, Notification notification) {

    /**
     * Checks the components.
     *
     * @param messageId    the RFC 5322 Message-ID including the angle brackets
     * @param kind         the kind of mail (MAIL-1)
     * @param from         the sender address
     * @param fromName     the display name of the sender
     * @param to           the recipient address
     * @param subject      the subject, one line, not yet MIME-encoded
     * @param body         the body text, lines separated by {@code \n}
     * @param notification the structured data the mail was rendered from
     * @throws NullPointerException     if a component is {@code null}
     * @throws IllegalArgumentException if {@code kind} differs from the notification's kind
     */
    public MailMessage {
        requireNonNull(messageId, "messageId");
        requireNonNull(kind, "kind");
        requireNonNull(from, "from");
        requireNonNull(fromName, "fromName");
        requireNonNull(to, "to");
        requireNonNull(subject, "subject");
        requireNonNull(body, "body");
        requireNonNull(notification, "notification");
        if (notification.kind() != kind) {
            throw new IllegalArgumentException("kind " + kind + " differs from the notification's "
                    + notification.kind());
        }
    }

    /**
     * The 予約ID the mail is about, for reservation mails.
     *
     * @return the reservation id, or empty if the notification has none
     */
    public Optional<String> reservationId() {
        return notification.get(NotificationData.RESERVATION_ID);
    }

    /**
     * The raw reset token of a {@link NotificationKind#PASSWORD_RESET} mail.
     *
     * @return the token, or empty for other kinds
     */
    public Optional<String> resetToken() {
        return notification.get(NotificationData.RESET_TOKEN);
    }

    /**
     * A data value of the notification (keys in {@link NotificationData}).
     *
     * @param key the data key
     * @return the value, or empty if the notification has none for the key
     */
    public Optional<String> data(String key) {
        return notification.get(key);
    }

    @Override
    public String toString() {
        // the body may hold a reset link: never let it reach a log line
        return "MailMessage[messageId=" + messageId + ", kind=" + kind + ", to=" + to + ", subject=" + subject + "]";
    }
}
