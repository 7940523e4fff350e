package io.github.kenshinbooking.mail;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.notification.NotificationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A {@link MailSender} that keeps every mail it is given, for tests and the compliance kit: each
 * {@link MailMessage} carries its text and its structured data (kind, recipient, reservation id,
 * reset token). It can play an unreachable server ({@link #setDown}, {@link #failWhile}).
 * Thread-safe.
 */
public final class CapturingMailSender implements MailSender {
    private final List<MailMessage> messages = new ArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean down;
    private volatile BooleanSupplier failWhile = () -> false;

    @Override
    public void send(MailMessage message) throws MailDeliveryException {
        requireNonNull(message, "message");
        if (down || failWhile.getAsBoolean()) {
            refused.incrementAndGet();
            throw new MailDeliveryException("mail server unreachable (simulated)");
        }
        synchronized (messages) {
            messages.add(message);
        }
    }

    /**
     * Every mail accepted so far, in the order sent (a resend after a crash appears twice).
     *
     * @return a copy of the accepted mails
     */
    public List<MailMessage> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /**
     * The mails to one address (domain compared ignoring case), in the order sent.
     *
     * @param address the recipient address
     * @return the mails accepted for that address; empty if none
     */
    public List<MailMessage> to(String address) {
        requireNonNull(address, "address");
        String key = mailboxKey(address);
        return messages().stream().filter(m -> mailboxKey(m.to()).equals(key)).toList();
    }

    /**
     * The mails of one kind, in the order sent.
     *
     * @param kind the kind of mail (MAIL-1)
     * @return the mails accepted of that kind; empty if none
     */
    public List<MailMessage> ofKind(NotificationKind kind) {
        requireNonNull(kind, "kind");
        return messages().stream().filter(m -> m.kind() == kind).toList();
    }

    /**
     * The last mail to an address, if any.
     *
     * @param address the recipient address (domain compared ignoring case)
     * @return the last mail accepted for that address, or empty
     */
    public Optional<MailMessage> lastTo(String address) {
        List<MailMessage> to = to(address);
        return to.isEmpty() ? Optional.empty() : Optional.of(to.get(to.size() - 1));
    }

    /**
     * The reset token of the last {@link NotificationKind#PASSWORD_RESET} mail to an address, if any.
     *
     * @param address the recipient address (domain compared ignoring case)
     * @return the raw token of the last reset mail (RESET-1) to that address, or empty
     */
    public Optional<String> lastResetToken(String address) {
        List<MailMessage> to = to(address);
        for (int i = to.size() - 1; i >= 0; i--) {
            if (to.get(i).kind() == NotificationKind.PASSWORD_RESET) {
                return to.get(i).resetToken();
            }
        }
        return Optional.empty();
    }

    /** Forgets every mail captured so far (the refused count too). */
    public void clear() {
        synchronized (messages) {
            messages.clear();
        }
        refused.set(0);
    }

    /**
     * While {@code true}, every send fails with {@link MailDeliveryException}, as if the server were down.
     *
     * @param down whether the simulated server is down
     */
    public void setDown(boolean down) {
        this.down = down;
    }

    /**
     * Whether the simulated server is down (set by {@link #setDown}).
     *
     * @return {@code true} while every send fails
     */
    public boolean isDown() {
        return down;
    }

    /**
     * Every send fails while the condition holds (checked at each send); replaces any earlier condition.
     *
     * @param condition checked at each send; {@code true} makes that send fail
     */
    public void failWhile(BooleanSupplier condition) {
        this.failWhile = requireNonNull(condition, "condition");
    }

    /**
     * How many sends were refused as if the server were down.
     *
     * @return the refused sends since creation or the last {@link #clear()}
     */
    public int refusedCount() {
        return refused.get();
    }

    private static String mailboxKey(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at) + address.substring(at).toLowerCase(Locale.ROOT);
    }
}
