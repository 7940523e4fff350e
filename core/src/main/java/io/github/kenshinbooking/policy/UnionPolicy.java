package io.github.kenshinbooking.policy;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;

/**
 * Every number, zone and threshold of the rules for one union, in small groups. {@link #defaults()}
 * gives the manual's values; {@link #builder()} replaces any group. Rules read their numbers from
 * here and nowhere else. Immutable and thread-safe.
 *
 * @param zone         the union's zone; every instant is judged in it (default Asia/Tokyo)
 * @param termsVersion BOOK-1: the version of the terms the site shows (default "2024-03")
 * @param deadlines    booking, change and cancel deadlines (SLOT-2, CHG-1, CNL-1)
 * @param slots        slot length and the △ threshold (SLOT-1, SLOT-4)
 * @param lockout      login lockout (AUTH-4)
 * @param passwords    initial password and password rules (AUTH-3, PW-1, PW-3)
 * @param reset        reset links (RESET-1, RESET-2)
 * @param ages         eligibility and subsidy ages (ELIG-2, SUB-1)
 * @param subsidy      the subsidy calculation (SUB-2)
 * @param mail         reminders and the union's mail identity (MAIL-1, MAIL-3)
 * @param sessions     session expiry and token size (SES-1, SES-2)
 * @param exchange     data exchange: imports and retention (DATA-2..DATA-4)
 * @param waitingList  the waiting list (WAIT-1..WAIT-3)
 */
public record UnionPolicy(ZoneId zone, String termsVersion, DeadlinePolicy deadlines, SlotPolicy slots,
        LockoutPolicy lockout, PasswordPolicy passwords, ResetPolicy reset, AgePolicy ages, SubsidyPolicy subsidy,
        MailPolicy mail, SessionPolicy sessions, DataExchangePolicy exchange,
        WaitingListPolicy waitingList) {

    /**
     * Checks the values.
     *
     * @param zone the union's zone; every instant is judged in it (default Asia/Tokyo)
     * @param termsVersion BOOK-1: the version of the terms the site shows (default "2024-03")
     * @param deadlines booking, change and cancel deadlines (SLOT-2, CHG-1, CNL-1)
     * @param slots slot length and the △ threshold (SLOT-1, SLOT-4)
     * @param lockout login lockout (AUTH-4)
     * @param passwords initial password and password rules (AUTH-3, PW-1, PW-3)
     * @param reset reset links (RESET-1, RESET-2)
     * @param ages eligibility and subsidy ages (ELIG-2, SUB-1)
     * @param subsidy the subsidy calculation (SUB-2)
     * @param mail reminders and the union's mail identity (MAIL-1, MAIL-3)
     * @param sessions session expiry and token size (SES-1, SES-2)
     * @param exchange data exchange: imports and retention (DATA-2..DATA-4)
     * @param waitingList the waiting list (WAIT-1..WAIT-3)
     * @throws NullPointerException if a part is missing
     */
    public UnionPolicy {
        requireNonNull(zone, "zone");
        requireNonNull(termsVersion, "termsVersion");
        requireNonNull(deadlines, "deadlines");
        requireNonNull(slots, "slots");
        requireNonNull(lockout, "lockout");
        requireNonNull(passwords, "passwords");
        requireNonNull(reset, "reset");
        requireNonNull(ages, "ages");
        requireNonNull(subsidy, "subsidy");
        requireNonNull(mail, "mail");
        requireNonNull(sessions, "sessions");
        requireNonNull(exchange, "exchange");
        requireNonNull(waitingList, "waitingList");
    }

    /**
     * The manual's values (the rules' defaults).
     *
     * @return the defaults
     */
    public static UnionPolicy defaults() {
        return builder().build();
    }

    /**
     * A builder starting from the manual's values.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder(null);
    }

    /**
     * A builder starting from this policy's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link UnionPolicy}; each group is validated when it is constructed. Not thread-safe. */
    public static final class Builder {
        private ZoneId zone = ZoneId.of("Asia/Tokyo");
        private String termsVersion = "2024-03";
        private DeadlinePolicy deadlines = DeadlinePolicy.defaults();
        private SlotPolicy slots = SlotPolicy.defaults();
        private LockoutPolicy lockout = LockoutPolicy.defaults();
        private PasswordPolicy passwords = PasswordPolicy.defaults();
        private ResetPolicy reset = ResetPolicy.defaults();
        private AgePolicy ages = AgePolicy.defaults();
        private SubsidyPolicy subsidy = SubsidyPolicy.defaults();
        private MailPolicy mail = MailPolicy.defaults();
        private SessionPolicy sessions = SessionPolicy.defaults();
        private DataExchangePolicy exchange = DataExchangePolicy.defaults();
        private WaitingListPolicy waitingList = WaitingListPolicy.defaults();

        private Builder(UnionPolicy p) {
            if (p != null) {
                zone = p.zone;
                termsVersion = p.termsVersion;
                deadlines = p.deadlines;
                slots = p.slots;
                lockout = p.lockout;
                passwords = p.passwords;
                reset = p.reset;
                ages = p.ages;
                subsidy = p.subsidy;
                mail = p.mail;
                sessions = p.sessions;
                exchange = p.exchange;
                waitingList = p.waitingList;
            }
        }

        /**
         * Sets the union's zone.
         *
         * @param zone the union's zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Sets the version of the terms the site shows (BOOK-1).
         *
         * @param termsVersion the version of the terms the site shows (BOOK-1)
         * @return this builder
         */
        public Builder termsVersion(String termsVersion) {
            this.termsVersion = requireNonNull(termsVersion, "termsVersion");
            return this;
        }

        /**
         * Sets the deadlines.
         *
         * @param deadlines the deadlines
         * @return this builder
         */
        public Builder deadlines(DeadlinePolicy deadlines) {
            this.deadlines = requireNonNull(deadlines, "deadlines");
            return this;
        }

        /**
         * Sets the slot settings.
         *
         * @param slots the slot settings
         * @return this builder
         */
        public Builder slots(SlotPolicy slots) {
            this.slots = requireNonNull(slots, "slots");
            return this;
        }

        /**
         * Sets the lockout.
         *
         * @param lockout the lockout
         * @return this builder
         */
        public Builder lockout(LockoutPolicy lockout) {
            this.lockout = requireNonNull(lockout, "lockout");
            return this;
        }

        /**
         * Sets the password rules.
         *
         * @param passwords the password rules
         * @return this builder
         */
        public Builder passwords(PasswordPolicy passwords) {
            this.passwords = requireNonNull(passwords, "passwords");
            return this;
        }

        /**
         * Sets the reset-link settings.
         *
         * @param reset the reset-link settings
         * @return this builder
         */
        public Builder reset(ResetPolicy reset) {
            this.reset = requireNonNull(reset, "reset");
            return this;
        }

        /**
         * Sets the eligibility and subsidy ages.
         *
         * @param ages the eligibility and subsidy ages
         * @return this builder
         */
        public Builder ages(AgePolicy ages) {
            this.ages = requireNonNull(ages, "ages");
            return this;
        }

        /**
         * Sets the subsidy calculation.
         *
         * @param subsidy the subsidy calculation
         * @return this builder
         */
        public Builder subsidy(SubsidyPolicy subsidy) {
            this.subsidy = requireNonNull(subsidy, "subsidy");
            return this;
        }

        /**
         * Sets the mail settings.
         *
         * @param mail the mail settings
         * @return this builder
         */
        public Builder mail(MailPolicy mail) {
            this.mail = requireNonNull(mail, "mail");
            return this;
        }

        /**
         * Sets the session settings (SES-1, SES-2).
         *
         * @param sessions the session settings
         * @return this builder
         */
        public Builder sessions(SessionPolicy sessions) {
            this.sessions = requireNonNull(sessions, "sessions");
            return this;
        }

        /**
         * Sets the data exchange settings (DATA-2..DATA-4).
         *
         * @param exchange the data exchange settings
         * @return this builder
         */
        public Builder exchange(DataExchangePolicy exchange) {
            this.exchange = requireNonNull(exchange, "exchange");
            return this;
        }

        /**
         * Sets the waiting list settings (WAIT-1..WAIT-3).
         *
         * @param waitingList the waiting list settings
         * @return this builder
         */
        public Builder waitingList(WaitingListPolicy waitingList) {
            this.waitingList = requireNonNull(waitingList, "waitingList");
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         */
        public UnionPolicy build() {
            return new UnionPolicy(zone, termsVersion, deadlines, slots, lockout, passwords, reset, ages, subsidy,
                    mail, sessions, exchange, waitingList);
        }
    }
}
