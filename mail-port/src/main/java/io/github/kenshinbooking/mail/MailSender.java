package io.github.kenshinbooking.mail;

/** Port: delivers one rendered mail. Implementations must be thread-safe. */
public interface MailSender {
    /** @throws MailDeliveryException if the mail could not be handed over; it will be retried */
    void send(MailMessage message) throws MailDeliveryException;
}
