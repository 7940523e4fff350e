package io.github.kenshinbooking.mail;

/**
 * A mail was not accepted for delivery: server unreachable, refused, timed out. The
 * {@link OutboxRelay} keeps the notification and tries again with backoff. Messages never hold
 * a mail's body or a reset token.
 */
public class MailDeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * A delivery failure.
     *
     * @param message what failed, without the mail's body or a reset token
     */
    public MailDeliveryException(String message) {
        super(message);
    }

    /**
     * A delivery failure with its cause.
     *
     * @param message what failed, without the mail's body or a reset token
     * @param cause   the underlying failure, e.g. from the mail library
     */
    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
