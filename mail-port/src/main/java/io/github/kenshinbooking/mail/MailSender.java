package io.github.kenshinbooking.mail;

/**
 * Port: delivers one rendered mail. Implementations must be thread-safe. A sender may be asked to
 * deliver the same message again after a crash or a lost acknowledgement (at-least-once, MAIL-2);
 * the {@link MailMessage#messageId() Message-ID} is then the same, so receivers can de-duplicate.
 */
public interface MailSender {
    /**
     * Delivers the message, or throws.
     *
     * @param message the rendered mail
     * @throws MailDeliveryException if it was not accepted (server down, refused, timed out); the
     *     relay tries again later
     */
    void send(MailMessage message) throws MailDeliveryException;
}
