package io.github.kenshinbooking.policy;

import static java.util.Objects.requireNonNull;

/**
 * The union's mails. Immutable and thread-safe.
 *
 * @param reminderDaysBefore MAIL-3: the reminder goes out this many calendar days before the exam (default 1)
 * @param contact            MAIL-1: sender and footer of every mail
 */
public record MailPolicy(int reminderDaysBefore, UnionContact contact) {
    /**
     * Checks the values.
     *
     * @param reminderDaysBefore MAIL-3: the reminder goes out this many calendar days before the exam (default 1)
     * @param contact MAIL-1: sender and footer of every mail
     * @throws IllegalArgumentException if the number of days is negative
     */
    public MailPolicy {
        Checks.nonNegative(reminderDaysBefore, "mail.reminderDaysBefore");
        requireNonNull(contact, "contact");
    }

    /**
     * The manual's mails: the reminder the day before, the manual's contact block.
     *
     * @return the defaults
     */
    public static MailPolicy defaults() {
        return new MailPolicy(1, UnionContact.manualExample());
    }
}
