package io.github.kenshinbooking.policy;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Every number, zone and threshold of RULES.md for one union. {@link #defaults()} gives the
 * manual's values; {@link #builder()} changes any of them. Rules read their numbers from here and
 * nowhere else. Immutable and thread-safe.
 *
 * @param zone                      the union's zone; every instant is judged in it (default Asia/Tokyo)
 * @param bookingDeadlineDays       SLOT-2: booking closes this many days before the exam at 00:00 (13)
 * @param changeDeadlineDays        CHG-1: change closes this many days before the current exam at 00:00 (13)
 * @param cancelDeadlineDays        CNL-1: cancel closes this many days before the exam at 00:00 (2)
 * @param fewLeftThreshold          SLOT-4: remaining at or below this shows △ (3)
 * @param defaultSlotDuration       SLOT-1: slot length when none is given (30 min)
 * @param lockAfterFailures         AUTH-4: consecutive failures that lock (3)
 * @param lockDuration              AUTH-4: how long a lock lasts (30 min)
 * @param resetLinkValidity         RESET-1: reset link lifetime (60 min)
 * @param resetMaxIdentityMismatches RESET-2: identity mismatches that void a token (3)
 * @param resetTokenBytes           RESET-1: random bytes per reset token, at least 16 (32)
 * @param initialPasswordPrefix     AUTH-3: prefix of the initial password ("kenren")
 * @param passwordMinLength         PW-1: minimum length (8)
 * @param passwordMaxLength         PW-1: maximum length (64)
 * @param pbkdf2Iterations          PW-3: PBKDF2-HMAC-SHA256 iterations (600,000)
 * @param eligibleFromAge           ELIG-2: age to attain within the fiscal year (40)
 * @param eligibleUnderAge          ELIG-2: age the member must be under on the exam date (75)
 * @param subsidyFromAge            SUB-1: age to attain within the fiscal year for the subsidy (16)
 * @param subsidyFullUpTo           SUB-2: costs up to this are paid in full (13,000 yen)
 * @param subsidyRatePercent        SUB-2: share of the cost paid above the flat band (70 %)
 * @param subsidyCap                SUB-2: the most ever paid (30,000 yen)
 * @param reminderDaysBefore        MAIL-3: the reminder goes out this many calendar days before (1)
 * @param termsVersion              BOOK-1: the version of the terms the site shows
 * @param contact                   MAIL-1: sender and footer of every mail
 */
public record UnionPolicy(
        ZoneId zone,
        int bookingDeadlineDays,
        int changeDeadlineDays,
        int cancelDeadlineDays,
        int fewLeftThreshold,
        Duration defaultSlotDuration,
        int lockAfterFailures,
        Duration lockDuration,
        Duration resetLinkValidity,
        int resetMaxIdentityMismatches,
        int resetTokenBytes,
        String initialPasswordPrefix,
        int passwordMinLength,
        int passwordMaxLength,
        int pbkdf2Iterations,
        int eligibleFromAge,
        int eligibleUnderAge,
        int subsidyFromAge,
        long subsidyFullUpTo,
        int subsidyRatePercent,
        long subsidyCap,
        int reminderDaysBefore,
        String termsVersion,
        UnionContact contact) {

    public UnionPolicy {
        requireNonNull(zone, "zone");
        requireNonNull(defaultSlotDuration, "defaultSlotDuration");
        requireNonNull(lockDuration, "lockDuration");
        requireNonNull(resetLinkValidity, "resetLinkValidity");
        requireNonNull(initialPasswordPrefix, "initialPasswordPrefix");
        requireNonNull(termsVersion, "termsVersion");
        requireNonNull(contact, "contact");
        nonNegative(bookingDeadlineDays, "bookingDeadlineDays");
        nonNegative(changeDeadlineDays, "changeDeadlineDays");
        nonNegative(cancelDeadlineDays, "cancelDeadlineDays");
        nonNegative(fewLeftThreshold, "fewLeftThreshold");
        positive(lockAfterFailures, "lockAfterFailures");
        positive(resetMaxIdentityMismatches, "resetMaxIdentityMismatches");
        if (resetTokenBytes < 16) {
            throw new IllegalArgumentException("resetTokenBytes must be at least 16 (128 bits)");
        }
        positive(passwordMinLength, "passwordMinLength");
        if (passwordMaxLength < passwordMinLength) {
            throw new IllegalArgumentException("passwordMaxLength < passwordMinLength");
        }
        positive(pbkdf2Iterations, "pbkdf2Iterations");
        nonNegative(eligibleFromAge, "eligibleFromAge");
        if (eligibleUnderAge <= eligibleFromAge) {
            throw new IllegalArgumentException("eligibleUnderAge must exceed eligibleFromAge");
        }
        nonNegative(subsidyFromAge, "subsidyFromAge");
        if (subsidyFullUpTo < 0 || subsidyCap < subsidyFullUpTo) {
            throw new IllegalArgumentException("need 0 <= subsidyFullUpTo <= subsidyCap");
        }
        if (subsidyRatePercent < 0 || subsidyRatePercent > 100) {
            throw new IllegalArgumentException("subsidyRatePercent must be 0..100");
        }
        nonNegative(reminderDaysBefore, "reminderDaysBefore");
        if (defaultSlotDuration.isNegative() || defaultSlotDuration.isZero()) {
            throw new IllegalArgumentException("defaultSlotDuration must be positive");
        }
        if (lockDuration.isNegative() || resetLinkValidity.isNegative() || resetLinkValidity.isZero()) {
            throw new IllegalArgumentException("durations must be positive");
        }
    }

    /** The manual's numbers (RULES.md defaults). */
    public static UnionPolicy defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void nonNegative(int v, String name) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }

    private static void positive(int v, String name) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** Builds a {@link UnionPolicy}; starts from the RULES.md defaults. Not thread-safe. */
    public static final class Builder {
        private ZoneId zone = ZoneId.of("Asia/Tokyo");
        private int bookingDeadlineDays = 13;
        private int changeDeadlineDays = 13;
        private int cancelDeadlineDays = 2;
        private int fewLeftThreshold = 3;
        private Duration defaultSlotDuration = Duration.ofMinutes(30);
        private int lockAfterFailures = 3;
        private Duration lockDuration = Duration.ofMinutes(30);
        private Duration resetLinkValidity = Duration.ofMinutes(60);
        private int resetMaxIdentityMismatches = 3;
        private int resetTokenBytes = 32;
        private String initialPasswordPrefix = "kenren";
        private int passwordMinLength = 8;
        private int passwordMaxLength = 64;
        private int pbkdf2Iterations = 600_000;
        private int eligibleFromAge = 40;
        private int eligibleUnderAge = 75;
        private int subsidyFromAge = 16;
        private long subsidyFullUpTo = 13_000;
        private int subsidyRatePercent = 70;
        private long subsidyCap = 30_000;
        private int reminderDaysBefore = 1;
        private String termsVersion = "2024-03";
        private UnionContact contact = UnionContact.manualExample();

        private Builder() {
        }

        private Builder(UnionPolicy p) {
            zone = p.zone;
            bookingDeadlineDays = p.bookingDeadlineDays;
            changeDeadlineDays = p.changeDeadlineDays;
            cancelDeadlineDays = p.cancelDeadlineDays;
            fewLeftThreshold = p.fewLeftThreshold;
            defaultSlotDuration = p.defaultSlotDuration;
            lockAfterFailures = p.lockAfterFailures;
            lockDuration = p.lockDuration;
            resetLinkValidity = p.resetLinkValidity;
            resetMaxIdentityMismatches = p.resetMaxIdentityMismatches;
            resetTokenBytes = p.resetTokenBytes;
            initialPasswordPrefix = p.initialPasswordPrefix;
            passwordMinLength = p.passwordMinLength;
            passwordMaxLength = p.passwordMaxLength;
            pbkdf2Iterations = p.pbkdf2Iterations;
            eligibleFromAge = p.eligibleFromAge;
            eligibleUnderAge = p.eligibleUnderAge;
            subsidyFromAge = p.subsidyFromAge;
            subsidyFullUpTo = p.subsidyFullUpTo;
            subsidyRatePercent = p.subsidyRatePercent;
            subsidyCap = p.subsidyCap;
            reminderDaysBefore = p.reminderDaysBefore;
            termsVersion = p.termsVersion;
            contact = p.contact;
        }

        public Builder zone(ZoneId v) { zone = v; return this; }
        public Builder bookingDeadlineDays(int v) { bookingDeadlineDays = v; return this; }
        public Builder changeDeadlineDays(int v) { changeDeadlineDays = v; return this; }
        public Builder cancelDeadlineDays(int v) { cancelDeadlineDays = v; return this; }
        public Builder fewLeftThreshold(int v) { fewLeftThreshold = v; return this; }
        public Builder defaultSlotDuration(Duration v) { defaultSlotDuration = v; return this; }
        public Builder lockAfterFailures(int v) { lockAfterFailures = v; return this; }
        public Builder lockDuration(Duration v) { lockDuration = v; return this; }
        public Builder resetLinkValidity(Duration v) { resetLinkValidity = v; return this; }
        public Builder resetMaxIdentityMismatches(int v) { resetMaxIdentityMismatches = v; return this; }
        public Builder resetTokenBytes(int v) { resetTokenBytes = v; return this; }
        public Builder initialPasswordPrefix(String v) { initialPasswordPrefix = v; return this; }
        public Builder passwordMinLength(int v) { passwordMinLength = v; return this; }
        public Builder passwordMaxLength(int v) { passwordMaxLength = v; return this; }
        public Builder pbkdf2Iterations(int v) { pbkdf2Iterations = v; return this; }
        public Builder eligibleFromAge(int v) { eligibleFromAge = v; return this; }
        public Builder eligibleUnderAge(int v) { eligibleUnderAge = v; return this; }
        public Builder subsidyFromAge(int v) { subsidyFromAge = v; return this; }
        public Builder subsidyFullUpTo(long v) { subsidyFullUpTo = v; return this; }
        public Builder subsidyRatePercent(int v) { subsidyRatePercent = v; return this; }
        public Builder subsidyCap(long v) { subsidyCap = v; return this; }
        public Builder reminderDaysBefore(int v) { reminderDaysBefore = v; return this; }
        public Builder termsVersion(String v) { termsVersion = v; return this; }
        public Builder contact(UnionContact v) { contact = v; return this; }

        /** @throws IllegalArgumentException if a value breaks its range */
        public UnionPolicy build() {
            return new UnionPolicy(zone, bookingDeadlineDays, changeDeadlineDays, cancelDeadlineDays,
                    fewLeftThreshold, defaultSlotDuration, lockAfterFailures, lockDuration, resetLinkValidity,
                    resetMaxIdentityMismatches, resetTokenBytes, initialPasswordPrefix, passwordMinLength,
                    passwordMaxLength, pbkdf2Iterations, eligibleFromAge, eligibleUnderAge, subsidyFromAge,
                    subsidyFullUpTo, subsidyRatePercent, subsidyCap, reminderDaysBefore, termsVersion, contact);
        }
    }
}
