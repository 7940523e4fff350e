package io.github.kenshinbooking.mail;

/** A mail could not be delivered now; the relay retries it later. */
public class MailDeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    public MailDeliveryException(String message) {
        super(message);
    }

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
