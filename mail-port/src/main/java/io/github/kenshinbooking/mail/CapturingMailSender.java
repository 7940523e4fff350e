package io.github.kenshinbooking.mail;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/** Keeps every mail it is given, in order, for tests and demos. Thread-safe. */
public final class CapturingMailSender implements MailSender {
    private final List<MailMessage> messages = new ArrayList<>();

    @Override
    public synchronized void send(MailMessage message) {
        messages.add(requireNonNull(message, "message"));
    }

    /** Every mail delivered so far, oldest first. */
    public synchronized List<MailMessage> messages() {
        return List.copyOf(messages);
    }

    /** The mails delivered to that address, oldest first. */
    public synchronized List<MailMessage> to(String address) {
        requireNonNull(address, "address");
        return messages.stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    public synchronized void clear() {
        messages.clear();
    }
}
