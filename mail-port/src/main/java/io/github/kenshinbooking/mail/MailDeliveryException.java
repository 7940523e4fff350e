package io.github.kenshinbooking.mail;

/**
 * A mail was not accepted for delivery: server unreachable, refused, timed out. The
 * {@link OutboxRelay} keeps the notification and tries again with backoff. Messages never hold
 * a mail's body or a reset token.
 */
public class MailDeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    public MailDeliveryException(String message) {
        super(message);
    }

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
