package io.github.kenshinbooking.notification;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What must be told to whom: a kind, a recipient address and the data a template needs (keys in
 * {@link NotificationData}). Core records it; {@code mail-port} renders and sends it. The optional
 * dedupe key makes a notification at most once per key in the outbox (MAIL-3 reminders).
 * Immutable and thread-safe.
 *
 * @param kind      the kind of mail (MAIL-1)
 * @param recipient the recipient's address
 * @param dedupeKey the dedupe key, if any
 * @param data      the template's data by {@link NotificationData} key; copied, sorted by key
 */
public record Notification(NotificationKind kind, String recipient, Optional<String> dedupeKey,
        Map<String, String> data) {
    /**
     * Checks the components and copies the data.
     *
     * @param kind the kind of mail (MAIL-1)
     * @param recipient the recipient's address
     * @param dedupeKey the dedupe key, if any
     * @param data the template's data by {@link NotificationData} key; copied, sorted by key
     * @throws NullPointerException if a component is {@code null}
     */
    public Notification {
        requireNonNull(kind, "kind");
        requireNonNull(recipient, "recipient");
        requireNonNull(dedupeKey, "dedupeKey");
        data = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(data, "data")));
    }

    /**
     * A notification without dedupe key.
     *
     * @param kind the kind of mail
     * @param recipient the recipient's address
     * @param data the template's data
     * @return the notification
     */
    public static Notification of(NotificationKind kind, String recipient, Map<String, String> data) {
        return new Notification(kind, recipient, Optional.empty(), data);
    }

    /**
     * The data value for a key, or empty.
     *
     * @param key a {@link NotificationData} key
     * @return the value, or empty
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(data.get(key));
    }

    /**
     * This notification without its secrets ({@link NotificationData#SECRETS}): what a store keeps
     * once the mail is sent (HARD-2).
     *
     * @return the notification without secret data; this one if it has none
     */
    public Notification withoutSecrets() {
        if (NotificationData.SECRETS.stream().noneMatch(data::containsKey)) {
            return this;
        }
        Map<String, String> kept = new TreeMap<>(data);
        kept.keySet().removeAll(NotificationData.SECRETS);
        return new Notification(kind, recipient, dedupeKey, kept);
    }

    @Override
    public String toString() {
        // reset tokens must never reach a log line
        return "Notification[kind=" + kind + ", recipient=" + recipient + ", dedupeKey=" + dedupeKey.orElse("-")
                + ", keys=" + data.keySet() + "]";
    }
}
