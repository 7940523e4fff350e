package io.github.kenshinbooking.audit;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.error.InputText;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.exchange.Anonymised;
import io.github.kenshinbooking.reservation.PhoneNumber;
import java.time.Instant;
import java.util.Optional;

/**
 * One audit record (監査ログ, AUDIT-1): when, who, through which channel, what, on what, and a short
 * summary of the state before and after; for staff, the reason they gave (STAFF-4). Never a password,
 * hash or token: the engine writes summaries without them, and every phone number in a summary or
 * reason (a run of digits as {@link #maskPhones} finds it) is masked to its last four digits here, so
 * no full phone number is stored whoever builds the record. Immutable and thread-safe.
 *
 * @param at      when the change was made (the engine's clock)
 * @param actor   who made it
 * @param channel where it came in
 * @param action  what happened
 * @param target  what it happened to
 * @param before  a short summary of the state before, or empty
 * @param after   a short summary of the state after, or empty
 * @param reason  the reason staff gave (STAFF-4), if any
 */
public record AuditRecord(Instant at, AuditActor actor, AuditChannel channel, AuditAction action, AuditTarget target,
        String before, String after, Optional<String> reason) {
    /** The longest summary, before or after, in UTF-16 units. */
    public static final int MAX_SUMMARY_LENGTH = 500;
    /** The longest reason, in UTF-16 units: that of a staff action's reason input. */
    public static final int MAX_REASON_LENGTH = InputText.MAX_MULTILINE_LENGTH;
    /** How many trailing digits of a phone number stay readable. */
    static final int VISIBLE_DIGITS = 4;
    /** The fewest digits in a run starting with 0 that is masked as a phone number (10 or 11 in Japan). */
    static final int PHONE_DIGITS = 10;
    /** The fewest digits in a run not starting with 0 that is masked (a number with a country code). */
    static final int INTERNATIONAL_DIGITS = 12;

    /**
     * Checks the components and masks phone numbers in the summaries and the reason.
     *
     * @param at when the change was made
     * @param actor who made it
     * @param channel where it came in
     * @param action what happened
     * @param target what it happened to
     * @param before a short summary of the state before, or empty
     * @param after a short summary of the state after, or empty
     * @param reason the reason staff gave, if any
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if a summary is longer than {@link #MAX_SUMMARY_LENGTH} or holds
     *     a control character or malformed UTF-16, or the reason is blank, longer than
     *     {@link #MAX_REASON_LENGTH} or holds a control character other than tab and line breaks
     */
    public AuditRecord {
        requireNonNull(at, "at");
        requireNonNull(actor, "actor");
        requireNonNull(channel, "channel");
        requireNonNull(action, "action");
        requireNonNull(target, "target");
        before = maskPhones(summary(before, "before"));
        after = maskPhones(summary(after, "after"));
        requireNonNull(reason, "reason");
        if (reason.isPresent()) {
            try {
                InputText.multiline(reason.get(), Refusal.FIELD_REASON, MAX_REASON_LENGTH);
            } catch (Refusal r) {
                throw new IllegalArgumentException("reason: " + r.getMessage(), r);
            }
            if (reason.get().isBlank()) {
                throw new IllegalArgumentException("a reason must not be blank");
            }
            reason = Optional.of(maskPhones(reason.get()));
        }
    }

    /**
     * A record without a reason.
     *
     * @param at when the change was made
     * @param actor who made it
     * @param channel where it came in
     * @param action what happened
     * @param target what it happened to
     * @param before a short summary of the state before, or empty
     * @param after a short summary of the state after, or empty
     * @return the record
     */
    public static AuditRecord of(Instant at, AuditActor actor, AuditChannel channel, AuditAction action,
            AuditTarget target, String before, String after) {
        return new AuditRecord(at, actor, channel, action, target, before, after, Optional.empty());
    }

    /**
     * The same record with the reason staff gave (STAFF-4).
     *
     * @param reason the reason, not blank
     * @return a new record
     */
    public AuditRecord withReason(String reason) {
        return new AuditRecord(at, actor, channel, action, target, before, after, Optional.of(reason));
    }

    /**
     * A phone number as an audit record may show it: every digit but the last four masked, e.g.
     * {@code *******5678}.
     *
     * @param phone the number
     * @return the masked digits
     */
    public static String maskPhone(PhoneNumber phone) {
        return maskPhones(requireNonNull(phone, "phone").digits());
    }

    /**
     * An e-mail address as an audit record may show it: the first character of the local part and the
     * domain, e.g. {@code t***@example.jp}.
     *
     * @param email the address
     * @return the masked address
     */
    public static String maskEmail(EmailAddress email) {
        String v = requireNonNull(email, "email").value();
        int at = v.lastIndexOf('@');
        return v.substring(0, Character.charCount(v.codePointAt(0))) + "***" + v.substring(at);
    }

    /**
     * The text with every phone number masked but for its last four digits: a run of digits (ASCII or
     * full-width, single hyphens, dashes or spaces between them allowed) of {@value #PHONE_DIGITS} or
     * more digits starting with 0, or of {@value #INTERNATIONAL_DIGITS} or more digits (e.g.
     * {@code 81 90 1234 5678}). A date-time such as {@code 2024-02-18 09:00} is not such a run.
     *
     * @param text any text
     * @return the text, phone numbers masked
     */
    public static String maskPhones(String text) {
        requireNonNull(text, "text");
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (!isDigit(text.charAt(i))) {
                out.append(text.charAt(i++));
                continue;
            }
            // a run: digits, each separator single and between two digits
            int end = i;
            int digits = 0;
            int j = i;
            while (j < text.length()) {
                if (isDigit(text.charAt(j))) {
                    digits++;
                    end = ++j;
                } else if (isSeparator(text.charAt(j)) && j + 1 < text.length() && isDigit(text.charAt(j + 1))) {
                    j++;
                } else {
                    break;
                }
            }
            char first = text.charAt(i);
            boolean phone = digits >= INTERNATIONAL_DIGITS
                    || (digits >= PHONE_DIGITS && (first == '0' || first == '\uff10'));
            int toMask = phone ? digits - VISIBLE_DIGITS : 0;
            for (int k = i; k < end; k++) {
                char c = text.charAt(k);
                if (isDigit(c) && toMask > 0) {
                    out.append('*');
                    toMask--;
                } else {
                    out.append(c);
                }
            }
            i = end;
        }
        return out.toString();
    }

    /**
     * Whether the record still holds details a retention purge removes (DATA-4): a summary, a reason, or a
     * household as actor or target other than {@link Anonymised#HOUSEHOLD}.
     *
     * @return {@code true} if {@link #withoutDetails()} would change it
     */
    public boolean hasDetails() {
        return !equals(withoutDetails());
    }

    /**
     * This record without its details (DATA-4): empty summaries, no reason, a household actor as
     * {@link Anonymised#HOUSEHOLD} without member, a household target likewise; time, channel, action, a staff
     * or job actor and other targets stay.
     *
     * @return the record without details
     */
    public AuditRecord withoutDetails() {
        AuditActor a = actor.kind() == AuditActor.Kind.HOUSEHOLD ? AuditActor.household(Anonymised.HOUSEHOLD) : actor;
        AuditTarget t = target.kind() == AuditTarget.Kind.HOUSEHOLD ? AuditTarget.household(Anonymised.HOUSEHOLD)
                : target;
        return new AuditRecord(at, a, channel, action, t, "", "", Optional.empty());
    }

    private static String summary(String text, String what) {
        requireNonNull(text, what);
        if (text.length() > MAX_SUMMARY_LENGTH || !InputText.isClean(text)) {
            throw new IllegalArgumentException(what + " must be at most " + MAX_SUMMARY_LENGTH
                    + " characters without control characters");
        }
        return text;
    }

    private static boolean isDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= '\uff10' && c <= '\uff19');
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == ' ' || c == '\u2010' || c == '\u2212' || c == '\uff0d' || c == '\u30fc'
                || c == '\u3000';
    }
}
