package io.github.kenshinbooking;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.account.PasswordHasher;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.eligibility.Eligibility;
import io.github.kenshinbooking.household.HouseholdDirectory;
import io.github.kenshinbooking.observation.EngineObserver;
import io.github.kenshinbooking.eligibility.CourseCatalog;
import io.github.kenshinbooking.policy.UnionPolicy;
import io.github.kenshinbooking.schedule.Deadlines;
import io.github.kenshinbooking.storage.Storage;
import io.github.kenshinbooking.subsidy.SubsidyCalculator;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The booking engine of one union (集団特定健診 WEB予約): its policy, clock, storage adapter and
 * member records, and the use cases over them. Build one per union and share it; it is
 * immutable and thread-safe.
 *
 * <pre>{@code
 * KenshinBooking engine = KenshinBooking.builder()
 *     .storage(new InMemoryStorage())
 *     .directory(directory)
 *     .build();
 * LoginResult login = engine.logins().login("1999999", "ｹﾝｾﾂ ﾀﾛｳ", "sakura2024");
 * HouseholdSession later = engine.sessions().resume(login.token().value());
 * }</pre>
 */
public final class KenshinBooking {
    private final EngineContext ctx;
    private final LoginService logins;
    private final SessionService sessions;
    private final PasswordService passwords;
    private final EmailService emails;
    private final ResetService resets;
    private final BookingService bookings;
    private final WaitingListService waitingList;
    private final StaffService staff;
    private final StaffAccountService staffAccounts;
    private final CalendarService calendar;
    private final ScheduleService schedule;
    private final ReminderJob reminders;
    private final DataExchangeService exchange;
    private final RetentionJob retention;
    private final SubsidyCalculator subsidy;

    private KenshinBooking(EngineContext ctx) {
        this.ctx = ctx;
        HouseholdAccess access = new HouseholdAccess(ctx);
        this.logins = new LoginService(ctx, access);
        this.sessions = new SessionService(ctx);
        this.passwords = new PasswordService(ctx, access);
        this.emails = new EmailService(ctx, access);
        this.resets = new ResetService(ctx, access);
        this.waitingList = new WaitingListService(ctx, access);
        this.bookings = new BookingService(ctx, access, waitingList);
        this.staff = new StaffService(ctx, bookings);
        this.staffAccounts = new StaffAccountService(ctx, logins.dummyHash());
        this.calendar = new CalendarService(ctx, access);
        this.schedule = new ScheduleService(ctx);
        this.reminders = new ReminderJob(ctx);
        this.exchange = new DataExchangeService(ctx);
        this.retention = new RetentionJob(ctx);
        this.subsidy = new SubsidyCalculator(ctx.policy());
    }

    /** @return a builder; storage and directory are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return login, lockout and first-login (AUTH-1..AUTH-5) */
    public LoginService logins() {
        return logins;
    }

    /** @return sessions by token: resume on any instance, expiry and logout (SES-1..SES-3) */
    public SessionService sessions() {
        return sessions;
    }

    /** @return the household password (PW-1..PW-3, AUTH-3) */
    public PasswordService passwords() {
        return passwords;
    }

    /** @return the household e-mail address (MAIL-ADDR-1) */
    public EmailService emails() {
        return emails;
    }

    /** @return reset links (RESET-1, RESET-2) */
    public ResetService resets() {
        return resets;
    }

    /** @return book, change, cancel, details and history (BOOK-*, CHG-1, CNL-1, HIST-*) */
    public BookingService bookings() {
        return bookings;
    }

    /**
     * @return the waiting list: join, leave, accept or decline an offer, its history, and the job that
     *     ends holds and makes offers (WAIT-1..WAIT-4)
     */
    public WaitingListService waitingList() {
        return waitingList;
    }

    /**
     * @return staff actions: unlock (STAFF-1), book, change and cancel on a member's behalf (STAFF-2,
     *     CNL-2), slots (STAFF-3, SLOT-6), each named and with a reason (STAFF-4) and audited (AUDIT-1)
     */
    public StaffService staff() {
        return staff;
    }

    /** @return staff accounts of the back office: create, disable, sign in */
    public StaffAccountService staffAccounts() {
        return staffAccounts;
    }

    /** @return slot status, month and list calendars (SLOT-4, SLOT-5) */
    public CalendarService calendar() {
        return calendar;
    }

    /** @return opening slots (SLOT-1, SLOT-2) */
    public ScheduleService schedule() {
        return schedule;
    }

    /** @return the day-before reminder job (MAIL-3) */
    public ReminderJob reminders() {
        return reminders;
    }

    /** @return the roster and the slot and member imports (DATA-1..DATA-3) */
    public DataExchangeService exchange() {
        return exchange;
    }

    /** @return the retention job and its dry run (DATA-4) */
    public RetentionJob retention() {
        return retention;
    }

    /** @return the subsidy calculation (SUB-2) */
    public SubsidyCalculator subsidy() {
        return subsidy;
    }

    /** @return eligibility under this union's policy (ELIG-2, ELIG-3, SUB-1) */
    public Eligibility eligibility() {
        return ctx.eligibility();
    }

    /** @return deadlines under this union's policy (SLOT-2, CHG-1, CNL-1) */
    public Deadlines deadlines() {
        return ctx.deadlines();
    }

    /** @return the union's courses and optional tests (CRS-1, OPT-1) */
    public CourseCatalog courses() {
        return ctx.courses();
    }

    /** @return the union's policy */
    public UnionPolicy policy() {
        return ctx.policy();
    }

    /** @return the clock every rule reads the time from */
    public Clock clock() {
        return ctx.clock();
    }

    /** @return the storage adapter */
    public Storage storage() {
        return ctx.storage();
    }

    /** @return the union's member records */
    public HouseholdDirectory directory() {
        return ctx.directory();
    }

    /**
     * Builds a {@link KenshinBooking}. Storage and directory are required; the policy defaults to
     * {@link UnionPolicy#defaults()}, the clock to the system clock in the policy's zone, the
     * password hasher to PBKDF2 at the policy's iterations, the observer to none. Not thread-safe.
     */
    public static final class Builder {
        private UnionPolicy policy = UnionPolicy.defaults();
        private Clock clock;
        private Storage storage;
        private HouseholdDirectory directory;
        private PasswordHasher hasher;
        private SecureRandom random;
        private EngineObserver observer = EngineObserver.NONE;
        private CourseCatalog courses = CourseCatalog.none();

        private Builder() {
        }

        /**
         * @param policy the union's policy (default: the manual's)
         * @return this builder
         */
        public Builder policy(UnionPolicy policy) {
            this.policy = requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param clock the clock (default: the system clock in the policy's zone)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param storage the storage adapter (required)
         * @return this builder
         */
        public Builder storage(Storage storage) {
            this.storage = requireNonNull(storage, "storage");
            return this;
        }

        /**
         * @param directory the union's member records (required)
         * @return this builder
         */
        public Builder directory(HouseholdDirectory directory) {
            this.directory = requireNonNull(directory, "directory");
            return this;
        }

        /**
         * @param hasher the password hasher (default: PBKDF2 at the policy's iterations)
         * @return this builder
         */
        public Builder passwordHasher(PasswordHasher hasher) {
            this.hasher = requireNonNull(hasher, "hasher");
            return this;
        }

        /**
         * @param random the source of tokens and salts (default: a new SecureRandom)
         * @return this builder
         */
        public Builder secureRandom(SecureRandom random) {
            this.random = requireNonNull(random, "random");
            return this;
        }

        /**
         * @param observer hears each use case's outcome, e.g. for metrics (default: {@link EngineObserver#NONE});
         *     what it throws is logged and ignored
         * @return this builder
         */
        public Builder observer(EngineObserver observer) {
            this.observer = requireNonNull(observer, "observer");
            return this;
        }

        /**
         * @param courses the union's courses and optional tests (CRS-1, OPT-1; default
         *     {@link CourseCatalog#none()}: the manual's one course, no optional tests)
         * @return this builder
         */
        public Builder courses(CourseCatalog courses) {
            this.courses = requireNonNull(courses, "courses");
            return this;
        }

        /**
         * @return the engine
         * @throws IllegalStateException if storage or directory is missing
         */
        public KenshinBooking build() {
            if (storage == null) {
                throw new IllegalStateException("storage is required");
            }
            if (directory == null) {
                throw new IllegalStateException("directory is required");
            }
            SecureRandom r = random != null ? random : new SecureRandom();
            Clock c = clock != null ? clock : Clock.system(policy.zone());
            PasswordHasher h = hasher != null ? hasher : new Pbkdf2PasswordHasher(policy.passwords().pbkdf2Iterations(), r);
            return new KenshinBooking(EngineContext.create(policy, c, storage, directory, h, r, observer, courses));
        }
    }
}
