package io.github.kenshinbooking.spring;

import io.github.kenshinbooking.mail.RelayPolicy;
import io.github.kenshinbooking.policy.AgePolicy;
import io.github.kenshinbooking.policy.DeadlinePolicy;
import io.github.kenshinbooking.policy.LockoutPolicy;
import io.github.kenshinbooking.policy.MailPolicy;
import io.github.kenshinbooking.policy.PasswordPolicy;
import io.github.kenshinbooking.policy.ResetPolicy;
import io.github.kenshinbooking.policy.SessionPolicy;
import io.github.kenshinbooking.policy.SlotPolicy;
import io.github.kenshinbooking.policy.SourceThrottle;
import io.github.kenshinbooking.policy.SubsidyPolicy;
import io.github.kenshinbooking.policy.UnionContact;
import io.github.kenshinbooking.policy.UnionPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code kenshin.*} properties: every number of the union's {@link UnionPolicy} (each defaults to the
 * policy's default, the manual's value), the union's mail identity, and how the starter runs migrations,
 * the mail relay and the reminder job. Validated at start-up: a bad value stops the application with a
 * message naming the property. Not thread-safe (bound once at start-up).
 */
@ConfigurationProperties(prefix = "kenshin")
@Validated
public class KenshinProperties {
    private static final UnionPolicy DEFAULTS = UnionPolicy.defaults();

    /** The union's zone; every instant is judged in it. */
    @NotNull
    private ZoneId zone = DEFAULTS.zone();
    /** BOOK-1: the version of the terms the site shows. */
    @NotBlank
    private String termsVersion = DEFAULTS.termsVersion();
    @Valid
    private final Deadlines deadlines = new Deadlines();
    @Valid
    private final Slots slots = new Slots();
    @Valid
    private final Lockout lockout = new Lockout();
    @Valid
    private final Passwords passwords = new Passwords();
    @Valid
    private final Reset reset = new Reset();
    @Valid
    private final Ages ages = new Ages();
    @Valid
    private final Subsidy subsidy = new Subsidy();
    @Valid
    private final Mail mail = new Mail();
    @Valid
    private final Sessions sessions = new Sessions();
    @Valid
    private final Migrations migrations = new Migrations();
    @Valid
    private final Outbox outbox = new Outbox();
    @Valid
    private final Reminders reminders = new Reminders();
    @Valid
    private final WaitingList waitingList = new WaitingList();
    @Valid
    private final Messages messages = new Messages();

    /** Properties at the policy's defaults. */
    public KenshinProperties() {
    }

    /**
     * The union's policy these properties describe.
     *
     * @return the policy
     * @throws IllegalStateException naming the {@code kenshin.*} group if the policy refuses a value the
     *     annotations let through
     */
    public UnionPolicy toPolicy() {
        try {
            LockoutPolicy lock = new LockoutPolicy(lockout.afterFailures, lockout.duration);
            if (lockout.sourceThrottle.enabled) {
                lock = lock.withSourceThrottle(
                        new SourceThrottle(lockout.sourceThrottle.afterFailures, lockout.sourceThrottle.duration));
            }
            return UnionPolicy.builder().zone(zone).termsVersion(termsVersion)
                    .deadlines(new DeadlinePolicy(deadlines.bookingDays, deadlines.changeDays, deadlines.cancelDays))
                    .slots(new SlotPolicy(slots.defaultDuration, slots.fewLeftThreshold))
                    .lockout(lock)
                    .passwords(new PasswordPolicy(passwords.initialPrefix, passwords.minLength, passwords.maxLength,
                            passwords.pbkdf2Iterations))
                    .reset(new ResetPolicy(reset.linkValidity, reset.maxIdentityMismatches, reset.tokenBytes,
                            reset.mailInterval))
                    .ages(new AgePolicy(ages.eligibleFrom, ages.eligibleUnder, ages.subsidyFrom))
                    .subsidy(new SubsidyPolicy(subsidy.fullUpTo, subsidy.ratePercent, subsidy.cap))
                    .mail(new MailPolicy(mail.reminderDaysBefore, new UnionContact(mail.unionName, mail.senderAddress,
                            mail.senderName, mail.footerLines)))
                    .sessions(new SessionPolicy(sessions.idle, sessions.absolute, sessions.tokenBytes,
                            sessions.lastUseGranularity))
                    .build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("kenshin.* does not make a valid union policy: kenshin." + e.getMessage(), e);
        }
    }

    /**
     * The outbox relay's batch size, lease and backoff.
     *
     * @return the relay policy
     */
    public RelayPolicy toRelayPolicy() {
        return new RelayPolicy(outbox.batchSize, outbox.lease, outbox.initialBackoff, outbox.maxBackoff);
    }

    /** @return the union's zone */
    public ZoneId getZone() {
        return zone;
    }

    /** @param zone the union's zone */
    public void setZone(ZoneId zone) {
        this.zone = zone;
    }

    /** @return the version of the terms the site shows (BOOK-1) */
    public String getTermsVersion() {
        return termsVersion;
    }

    /** @param termsVersion the version of the terms the site shows (BOOK-1) */
    public void setTermsVersion(String termsVersion) {
        this.termsVersion = termsVersion;
    }

    /** @return {@code kenshin.deadlines.*} */
    public Deadlines getDeadlines() {
        return deadlines;
    }

    /** @return {@code kenshin.slots.*} */
    public Slots getSlots() {
        return slots;
    }

    /** @return {@code kenshin.lockout.*} */
    public Lockout getLockout() {
        return lockout;
    }

    /** @return {@code kenshin.passwords.*} */
    public Passwords getPasswords() {
        return passwords;
    }

    /** @return {@code kenshin.reset.*} */
    public Reset getReset() {
        return reset;
    }

    /** @return {@code kenshin.ages.*} */
    public Ages getAges() {
        return ages;
    }

    /** @return {@code kenshin.subsidy.*} */
    public Subsidy getSubsidy() {
        return subsidy;
    }

    /** @return {@code kenshin.mail.*} */
    public Mail getMail() {
        return mail;
    }

    /** @return {@code kenshin.sessions.*} */
    public Sessions getSessions() {
        return sessions;
    }

    /** @return {@code kenshin.migrations.*} */
    public Migrations getMigrations() {
        return migrations;
    }

    /** @return {@code kenshin.outbox.*} */
    public Outbox getOutbox() {
        return outbox;
    }

    /** @return {@code kenshin.reminders.*} */
    public Reminders getReminders() {
        return reminders;
    }

    /** @return {@code kenshin.waiting-list.*} */
    public WaitingList getWaitingList() {
        return waitingList;
    }

    /** @return {@code kenshin.messages.*} */
    public Messages getMessages() {
        return messages;
    }

    /** Booking, change and cancel deadlines in days before the exam (SLOT-2, CHG-1, CNL-1). */
    public static class Deadlines {
        /** SLOT-2: booking closes this many days before the exam. */
        @Min(0)
        private int bookingDays = DEFAULTS.deadlines().bookingDays();
        /** CHG-1: a household may change until this many days before the exam. */
        @Min(0)
        private int changeDays = DEFAULTS.deadlines().changeDays();
        /** CNL-1: a household may cancel until this many days before the exam. */
        @Min(0)
        private int cancelDays = DEFAULTS.deadlines().cancelDays();

        /** The policy's defaults. */
        public Deadlines() {
        }

        /** @return days before the exam that booking closes (SLOT-2) */
        public int getBookingDays() {
            return bookingDays;
        }

        /** @param v days before the exam that booking closes (SLOT-2) */
        public void setBookingDays(int v) {
            bookingDays = v;
        }

        /** @return days before the exam that changing closes (CHG-1) */
        public int getChangeDays() {
            return changeDays;
        }

        /** @param v days before the exam that changing closes (CHG-1) */
        public void setChangeDays(int v) {
            changeDays = v;
        }

        /** @return days before the exam that cancelling closes (CNL-1) */
        public int getCancelDays() {
            return cancelDays;
        }

        /** @param v days before the exam that cancelling closes (CNL-1) */
        public void setCancelDays(int v) {
            cancelDays = v;
        }
    }

    /** Slot length and the △ threshold (SLOT-1, SLOT-4). */
    public static class Slots {
        /** SLOT-1: the length of a slot when none is given. */
        @NotNull
        @DurationMin(nanos = 1)
        private Duration defaultDuration = DEFAULTS.slots().defaultDuration();
        /** SLOT-4: a slot with at most this many places left shows △. */
        @Min(0)
        private int fewLeftThreshold = DEFAULTS.slots().fewLeftThreshold();

        /** The policy's defaults. */
        public Slots() {
        }

        /** @return the length of a slot when none is given (SLOT-1) */
        public Duration getDefaultDuration() {
            return defaultDuration;
        }

        /** @param v the length of a slot when none is given (SLOT-1) */
        public void setDefaultDuration(Duration v) {
            defaultDuration = v;
        }

        /** @return the most places left that still show △ (SLOT-4) */
        public int getFewLeftThreshold() {
            return fewLeftThreshold;
        }

        /** @param v the most places left that still show △ (SLOT-4) */
        public void setFewLeftThreshold(int v) {
            fewLeftThreshold = v;
        }
    }

    /** Login lockout (AUTH-4) and the optional per-source throttle. */
    public static class Lockout {
        /** AUTH-4: failed logins in a row that lock the household. */
        @Min(1)
        private int afterFailures = DEFAULTS.lockout().afterFailures();
        /** AUTH-4: how long a lock lasts. */
        @NotNull
        @DurationMin(nanos = 1)
        private Duration duration = DEFAULTS.lockout().duration();
        @Valid
        private final Throttle sourceThrottle = new Throttle();

        /** The policy's defaults. */
        public Lockout() {
        }

        /** @return failed logins in a row that lock the household (AUTH-4) */
        public int getAfterFailures() {
            return afterFailures;
        }

        /** @param v failed logins in a row that lock the household (AUTH-4) */
        public void setAfterFailures(int v) {
            afterFailures = v;
        }

        /** @return how long a lock lasts (AUTH-4) */
        public Duration getDuration() {
            return duration;
        }

        /** @param v how long a lock lasts (AUTH-4) */
        public void setDuration(Duration v) {
            duration = v;
        }

        /** @return {@code kenshin.lockout.source-throttle.*} */
        public Throttle getSourceThrottle() {
            return sourceThrottle;
        }
    }

    /** The per-source login throttle against credential stuffing (off by default). */
    public static class Throttle {
        private static final SourceThrottle THROTTLE_DEFAULTS = SourceThrottle.defaults();

        /** Whether failed logins are also counted per source (the address the web tier passes). */
        private boolean enabled;
        /** Failed logins from one source that throttle it. */
        @Min(1)
        private int afterFailures = THROTTLE_DEFAULTS.afterFailures();
        /** How long a throttled source is refused. */
        @NotNull
        @DurationMin(nanos = 1)
        private Duration duration = THROTTLE_DEFAULTS.duration();

        /** The throttle's defaults, off. */
        public Throttle() {
        }

        /** @return whether the throttle is on */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param v whether the throttle is on */
        public void setEnabled(boolean v) {
            enabled = v;
        }

        /** @return failed logins from one source that throttle it */
        public int getAfterFailures() {
            return afterFailures;
        }

        /** @param v failed logins from one source that throttle it */
        public void setAfterFailures(int v) {
            afterFailures = v;
        }

        /** @return how long a throttled source is refused */
        public Duration getDuration() {
            return duration;
        }

        /** @param v how long a throttled source is refused */
        public void setDuration(Duration v) {
            duration = v;
        }
    }

    /** Initial password and password rules (AUTH-3, PW-1, PW-3). */
    public static class Passwords {
        /** AUTH-3: the initial password is this prefix and the representative's birth date (yyyyMMdd). */
        @NotNull
        private String initialPrefix = DEFAULTS.passwords().initialPrefix();
        /** PW-1: the shortest password. */
        @Min(1)
        private int minLength = DEFAULTS.passwords().minLength();
        /** PW-1: the longest password; not below min-length. */
        @Min(1)
        private int maxLength = DEFAULTS.passwords().maxLength();
        /** PW-3: PBKDF2 iterations of new hashes (older hashes are upgraded on login); at least 600,000 (HARD-5). */
        @Min(PasswordPolicy.MIN_PBKDF2_ITERATIONS)
        private int pbkdf2Iterations = DEFAULTS.passwords().pbkdf2Iterations();

        /** The policy's defaults. */
        public Passwords() {
        }

        /** @return the initial password's prefix (AUTH-3) */
        public String getInitialPrefix() {
            return initialPrefix;
        }

        /** @param v the initial password's prefix (AUTH-3) */
        public void setInitialPrefix(String v) {
            initialPrefix = v;
        }

        /** @return the shortest password (PW-1) */
        public int getMinLength() {
            return minLength;
        }

        /** @param v the shortest password (PW-1) */
        public void setMinLength(int v) {
            minLength = v;
        }

        /** @return the longest password (PW-1) */
        public int getMaxLength() {
            return maxLength;
        }

        /** @param v the longest password (PW-1) */
        public void setMaxLength(int v) {
            maxLength = v;
        }

        /** @return PBKDF2 iterations of new hashes (PW-3) */
        public int getPbkdf2Iterations() {
            return pbkdf2Iterations;
        }

        /** @param v PBKDF2 iterations of new hashes (PW-3) */
        public void setPbkdf2Iterations(int v) {
            pbkdf2Iterations = v;
        }

        /** @return whether max-length is at least min-length (checked at start-up) */
        @AssertTrue(message = "kenshin.passwords.max-length must not be below kenshin.passwords.min-length")
        public boolean isMaxLengthAtLeastMinLength() {
            return maxLength >= minLength;
        }
    }

    /** Reset links (RESET-1, RESET-2). */
    public static class Reset {
        /** RESET-1: how long a reset link is valid. */
        @NotNull
        @DurationMin(nanos = 1)
        private Duration linkValidity = DEFAULTS.reset().linkValidity();
        /** RESET-2: identity mismatches that void a reset link. */
        @Min(1)
        private int maxIdentityMismatches = DEFAULTS.reset().maxIdentityMismatches();
        /** RESET-1: random bytes of a reset token. */
        @Min(ResetPolicy.MIN_TOKEN_BYTES)
        private int tokenBytes = DEFAULTS.reset().tokenBytes();
        /** HARD-2: at most one reset mail per household within this time. */
        @NotNull
        @DurationMin(nanos = 1)
        private Duration mailInterval = DEFAULTS.reset().mailInterval();

        /** The policy's defaults. */
        public Reset() {
        }

        /** @return how long a reset link is valid */
        public Duration getLinkValidity() {
            return linkValidity;
        }

        /** @param v how long a reset link is valid */
        public void setLinkValidity(Duration v) {
            linkValidity = v;
        }

        /** @return identity mismatches before a reset request is refused */
        public int getMaxIdentityMismatches() {
            return maxIdentityMismatches;
        }

        /** @param v identity mismatches before a reset request is refused */
        public void setMaxIdentityMismatches(int v) {
            maxIdentityMismatches = v;
        }

        /** @return random bytes of a reset token */
        public int getTokenBytes() {
            return tokenBytes;
        }

        /** @param v random bytes of a reset token */
        public void setTokenBytes(int v) {
            tokenBytes = v;
        }

        /** @return the shortest time between two reset mails to one household */
        public Duration getMailInterval() {
            return mailInterval;
        }

        /** @param v the shortest time between two reset mails to one household */
        public void setMailInterval(Duration v) {
            mailInterval = v;
        }
    }

    /** Eligibility and subsidy ages (ELIG-2, SUB-1). */
    public static class Ages {
        /** ELIG-2: the youngest eligible age at the fiscal year's end. */
        @Min(0)
        private int eligibleFrom = DEFAULTS.ages().eligibleFrom();
        /** ELIG-2: eligible while younger than this at the fiscal year's end; above eligible-from. */
        @Min(1)
        private int eligibleUnder = DEFAULTS.ages().eligibleUnder();
        /** SUB-1: the youngest age with a subsidy. */
        @Min(0)
        private int subsidyFrom = DEFAULTS.ages().subsidyFrom();

        /** The policy's defaults. */
        public Ages() {
        }

        /** @return the youngest eligible age (ELIG-2) */
        public int getEligibleFrom() {
            return eligibleFrom;
        }

        /** @param v the youngest eligible age (ELIG-2) */
        public void setEligibleFrom(int v) {
            eligibleFrom = v;
        }

        /** @return the first age no longer eligible (ELIG-2) */
        public int getEligibleUnder() {
            return eligibleUnder;
        }

        /** @param v the first age no longer eligible (ELIG-2) */
        public void setEligibleUnder(int v) {
            eligibleUnder = v;
        }

        /** @return the youngest age with a subsidy (SUB-1) */
        public int getSubsidyFrom() {
            return subsidyFrom;
        }

        /** @param v the youngest age with a subsidy (SUB-1) */
        public void setSubsidyFrom(int v) {
            subsidyFrom = v;
        }

        /** @return whether eligible-under is above eligible-from (checked at start-up) */
        @AssertTrue(message = "kenshin.ages.eligible-under must be above kenshin.ages.eligible-from")
        public boolean isEligibleUnderAboveEligibleFrom() {
            return eligibleUnder > eligibleFrom;
        }
    }

    /** The subsidy calculation (SUB-2), in yen. */
    public static class Subsidy {
        /** SUB-2: the union pays the whole fee up to this amount. */
        @Min(0)
        private long fullUpTo = DEFAULTS.subsidy().fullUpTo();
        /** SUB-2: the share in percent the union pays of the fee above full-up-to. */
        @Min(0)
        @Max(100)
        private int ratePercent = DEFAULTS.subsidy().ratePercent();
        /** SUB-2: the most the union pays; not below full-up-to. */
        @Min(0)
        private long cap = DEFAULTS.subsidy().cap();

        /** The policy's defaults. */
        public Subsidy() {
        }

        /** @return the amount paid in full (SUB-2) */
        public long getFullUpTo() {
            return fullUpTo;
        }

        /** @param v the amount paid in full (SUB-2) */
        public void setFullUpTo(long v) {
            fullUpTo = v;
        }

        /** @return the share in percent paid above full-up-to (SUB-2) */
        public int getRatePercent() {
            return ratePercent;
        }

        /** @param v the share in percent paid above full-up-to (SUB-2) */
        public void setRatePercent(int v) {
            ratePercent = v;
        }

        /** @return the most the union pays (SUB-2) */
        public long getCap() {
            return cap;
        }

        /** @param v the most the union pays (SUB-2) */
        public void setCap(long v) {
            cap = v;
        }

        /** @return whether cap is at least full-up-to (checked at start-up) */
        @AssertTrue(message = "kenshin.subsidy.cap must not be below kenshin.subsidy.full-up-to")
        public boolean isCapAtLeastFullUpTo() {
            return cap >= fullUpTo;
        }
    }

    /** Reminders and the union's mail identity (MAIL-1, MAIL-3). */
    public static class Mail {
        private static final UnionContact CONTACT = DEFAULTS.mail().contact();

        /** MAIL-3: the reminder goes this many calendar days before the exam. */
        @Min(0)
        private int reminderDaysBefore = DEFAULTS.mail().reminderDaysBefore();
        /** MAIL-1: the union's name in the mails. */
        @NotBlank
        private String unionName = CONTACT.unionName();
        /** MAIL-1: the From address of the mails. */
        @NotBlank
        @Email
        private String senderAddress = CONTACT.senderAddress();
        /** MAIL-1: the From display name of the mails. */
        @NotBlank
        private String senderName = CONTACT.senderName();
        /** MAIL-1: the contact lines at the foot of every mail. */
        @NotNull
        private List<String> footerLines = new ArrayList<>(CONTACT.footerLines());
        /**
         * The reset link up to the token, an absolute http(s) URL, e.g.
         * https://kenshin.example.jp/password-reset?token= (default: https://SENDER-DOMAIN/password-reset?token=).
         */
        private String resetLinkBase;
        /** A directory of the union's own templates, one KIND.txt file per kind of mail (default: the built-in ones). */
        private Path templatesDir;

        /** The policy's defaults. */
        public Mail() {
        }

        /** @return days before the exam that the reminder goes (MAIL-3) */
        public int getReminderDaysBefore() {
            return reminderDaysBefore;
        }

        /** @param v days before the exam that the reminder goes (MAIL-3) */
        public void setReminderDaysBefore(int v) {
            reminderDaysBefore = v;
        }

        /** @return the union's name in the mails */
        public String getUnionName() {
            return unionName;
        }

        /** @param v the union's name in the mails */
        public void setUnionName(String v) {
            unionName = v;
        }

        /** @return the From address */
        public String getSenderAddress() {
            return senderAddress;
        }

        /** @param v the From address */
        public void setSenderAddress(String v) {
            senderAddress = v;
        }

        /** @return the From display name */
        public String getSenderName() {
            return senderName;
        }

        /** @param v the From display name */
        public void setSenderName(String v) {
            senderName = v;
        }

        /** @return the contact lines at the foot of every mail */
        public List<String> getFooterLines() {
            return footerLines;
        }

        /** @param v the contact lines at the foot of every mail */
        public void setFooterLines(List<String> v) {
            footerLines = v;
        }

        /** @return the reset link up to the token, or {@code null} for the default */
        public String getResetLinkBase() {
            return resetLinkBase;
        }

        /** @param v the reset link up to the token */
        public void setResetLinkBase(String v) {
            resetLinkBase = v;
        }

        /** @return the directory of the union's templates, or {@code null} for the built-in ones */
        public Path getTemplatesDir() {
            return templatesDir;
        }

        /** @param v the directory of the union's templates */
        public void setTemplatesDir(Path v) {
            templatesDir = v;
        }
    }

    /** Session expiry and token size (SES-1, SES-2). */
    public static class Sessions {
        /** SES-2: a session unused this long expires. */
        @NotNull
        @DurationMin(nanos = 1)
        private Duration idle = DEFAULTS.sessions().idle();
        /** SES-2: a session expires this long after login, used or not. */
        @NotNull
        @DurationMin(nanos = 1)
        private Duration absolute = DEFAULTS.sessions().absolute();
        /** SES-1: random bytes of a session token. */
        @Min(SessionPolicy.MIN_TOKEN_BYTES)
        private int tokenBytes = DEFAULTS.sessions().tokenBytes();
        /** A use this close to the last recorded one is not written (zero: every use is). */
        @NotNull
        private Duration lastUseGranularity = DEFAULTS.sessions().lastUseGranularity();

        /** The policy's defaults. */
        public Sessions() {
        }

        /** @return how long an unused session lives (SES-2) */
        public Duration getIdle() {
            return idle;
        }

        /** @param v how long an unused session lives (SES-2) */
        public void setIdle(Duration v) {
            idle = v;
        }

        /** @return how long a session lives at most (SES-2) */
        public Duration getAbsolute() {
            return absolute;
        }

        /** @param v how long a session lives at most (SES-2) */
        public void setAbsolute(Duration v) {
            absolute = v;
        }

        /** @return how close to the last recorded use a use is not written */
        public Duration getLastUseGranularity() {
            return lastUseGranularity;
        }

        /** @param v how close to the last recorded use a use is not written (zero: every use is) */
        public void setLastUseGranularity(Duration v) {
            lastUseGranularity = v;
        }

        /** @return random bytes of a session token (SES-1) */
        public int getTokenBytes() {
            return tokenBytes;
        }

        /** @param v random bytes of a session token (SES-1) */
        public void setTokenBytes(int v) {
            tokenBytes = v;
        }
    }

    /** The library's Flyway migrations. */
    public static class Migrations {
        /** Whether the starter applies the library's migrations at start-up (own history table kb_flyway_schema_history). */
        private boolean enabled = true;

        /** Migrations on. */
        public Migrations() {
        }

        /** @return whether the starter applies the library's migrations */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param v whether the starter applies the library's migrations */
        public void setEnabled(boolean v) {
            enabled = v;
        }
    }

    /** The outbox relay (MAIL-2) and its health. */
    public static class Outbox {
        private static final RelayPolicy RELAY = RelayPolicy.defaults();

        /** Whether this instance runs the scheduled relay (safe on many instances: claims are leased). */
        private boolean enabled = true;
        /** The pause between two relay runs; each run sends what is due, batch after batch. */
        @NotNull
        @DurationMin(millis = 1)
        private Duration interval = Duration.ofSeconds(10);
        /** Entries claimed per batch. */
        @Min(1)
        private int batchSize = RELAY.batchSize();
        /** How long claimed entries are not due for other relays; longer than a batch takes to send. */
        @NotNull
        @DurationMin(nanos = 1)
        private Duration lease = RELAY.lease();
        /** The wait after a failed attempt, doubling with each further failure. */
        @NotNull
        @DurationMin(nanos = 1)
        private Duration initialBackoff = RELAY.initialBackoff();
        /** The longest wait between two attempts; failures never give up. */
        @NotNull
        @DurationMin(nanos = 1)
        private Duration maxBackoff = RELAY.maxBackoff();
        /** The health indicator kenshinMail is DOWN once an unsent mail has been failing this long. */
        @NotNull
        @DurationMin(nanos = 1)
        private Duration failingAlertAfter = Duration.ofMinutes(30);
        /** How long a reading of the outbox (pending count, oldest ages) is reused by metrics and health. */
        @NotNull
        private Duration statusCache = Duration.ofSeconds(10);

        /** The relay's defaults, on. */
        public Outbox() {
        }

        /** @return whether this instance runs the scheduled relay */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param v whether this instance runs the scheduled relay */
        public void setEnabled(boolean v) {
            enabled = v;
        }

        /** @return the pause between two relay runs */
        public Duration getInterval() {
            return interval;
        }

        /** @param v the pause between two relay runs */
        public void setInterval(Duration v) {
            interval = v;
        }

        /** @return entries claimed per batch */
        public int getBatchSize() {
            return batchSize;
        }

        /** @param v entries claimed per batch */
        public void setBatchSize(int v) {
            batchSize = v;
        }

        /** @return how long claimed entries are not due for other relays */
        public Duration getLease() {
            return lease;
        }

        /** @param v how long claimed entries are not due for other relays */
        public void setLease(Duration v) {
            lease = v;
        }

        /** @return the wait after a first failed attempt */
        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        /** @param v the wait after a first failed attempt */
        public void setInitialBackoff(Duration v) {
            initialBackoff = v;
        }

        /** @return the longest wait between two attempts */
        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        /** @param v the longest wait between two attempts */
        public void setMaxBackoff(Duration v) {
            maxBackoff = v;
        }

        /** @return how long a mail may fail before the health indicator is DOWN */
        public Duration getFailingAlertAfter() {
            return failingAlertAfter;
        }

        /** @param v how long a mail may fail before the health indicator is DOWN */
        public void setFailingAlertAfter(Duration v) {
            failingAlertAfter = v;
        }

        /** @return how long a reading of the outbox is reused */
        public Duration getStatusCache() {
            return statusCache;
        }

        /** @param v how long a reading of the outbox is reused */
        public void setStatusCache(Duration v) {
            statusCache = v;
        }

        /** @return whether max-backoff is at least initial-backoff (checked at start-up) */
        @AssertTrue(message = "kenshin.outbox.max-backoff must not be shorter than kenshin.outbox.initial-backoff")
        public boolean isMaxBackoffAtLeastInitial() {
            return maxBackoff == null || initialBackoff == null || maxBackoff.compareTo(initialBackoff) >= 0;
        }

        /** @return whether status-cache is not negative (checked at start-up) */
        @AssertTrue(message = "kenshin.outbox.status-cache must not be negative")
        public boolean isStatusCacheNotNegative() {
            return statusCache == null || !statusCache.isNegative();
        }
    }

    /** The day-before reminder job (MAIL-3). */
    public static class Reminders {
        /** Whether this instance runs the scheduled reminder job (safe on many instances: dedupe keys). */
        private boolean enabled = true;
        /** The pause between two runs of the reminder job. */
        @NotNull
        @DurationMin(millis = 1)
        private Duration interval = Duration.ofHours(1);
        /** The wait before the first run after start-up. */
        @NotNull
        private Duration initialDelay = Duration.ofMinutes(1);

        /** The job's defaults, on. */
        public Reminders() {
        }

        /** @return whether this instance runs the scheduled reminder job */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param v whether this instance runs the scheduled reminder job */
        public void setEnabled(boolean v) {
            enabled = v;
        }

        /** @return the pause between two runs */
        public Duration getInterval() {
            return interval;
        }

        /** @param v the pause between two runs */
        public void setInterval(Duration v) {
            interval = v;
        }

        /** @return the wait before the first run */
        public Duration getInitialDelay() {
            return initialDelay;
        }

        /** @param v the wait before the first run */
        public void setInitialDelay(Duration v) {
            initialDelay = v;
        }

        /** @return whether initial-delay is not negative (checked at start-up) */
        @AssertTrue(message = "kenshin.reminders.initial-delay must not be negative")
        public boolean isInitialDelayNotNegative() {
            return initialDelay == null || !initialDelay.isNegative();
        }
    }

    /** The waiting-list job (キャンセル待ち, WAIT-2, WAIT-3): ends holds and offers freed places. */
    public static class WaitingList {
        /** Whether this instance runs the scheduled waiting-list job (safe on many instances: conditional updates). */
        private boolean enabled = true;
        /** The pause between two runs of the waiting-list job (also the wait before the first). */
        @NotNull
        @DurationMin(millis = 1)
        private Duration interval = Duration.ofMinutes(1);

        /** The job's defaults, on. */
        public WaitingList() {
        }

        /** @return whether this instance runs the scheduled waiting-list job */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param v whether this instance runs the scheduled waiting-list job */
        public void setEnabled(boolean v) {
            enabled = v;
        }

        /** @return the pause between two runs */
        public Duration getInterval() {
            return interval;
        }

        /** @param v the pause between two runs */
        public void setInterval(Duration v) {
            interval = v;
        }
    }

    /** The refusal messages (エラーメッセージ). */
    public static class Messages {
        /**
         * The base name of the union's own message bundle (UTF-8 .properties on the class path, e.g.
         * union-messages) whose keys replace the library's; unset: the library's messages.
         */
        private String bundle;

        /** The library's messages. */
        public Messages() {
        }

        /** @return the base name of the union's bundle, or {@code null} */
        public String getBundle() {
            return bundle;
        }

        /** @param v the base name of the union's bundle */
        public void setBundle(String v) {
            bundle = v;
        }
    }
}
