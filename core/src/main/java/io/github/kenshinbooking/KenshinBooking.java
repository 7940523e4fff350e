package io.github.kenshinbooking;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.account.PasswordHasher;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.eligibility.Eligibility;
import io.github.kenshinbooking.household.HouseholdDirectory;
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
 * LoginResult login = engine.accounts().login("1999999", "ｹﾝｾﾂ ﾀﾛｳ", "sakura2024");
 * }</pre>
 */
public final class KenshinBooking {
    private final EngineContext ctx;
    private final AccountService accounts;
    private final BookingService bookings;
    private final StaffService staff;
    private final CalendarService calendar;
    private final ScheduleService schedule;
    private final ReminderJob reminders;
    private final SubsidyCalculator subsidy;

    private KenshinBooking(EngineContext ctx) {
        this.ctx = ctx;
        this.accounts = new AccountService(ctx);
        this.bookings = new BookingService(ctx, accounts);
        this.staff = new StaffService(ctx, bookings);
        this.calendar = new CalendarService(ctx, accounts);
        this.schedule = new ScheduleService(ctx);
        this.reminders = new ReminderJob(ctx);
        this.subsidy = new SubsidyCalculator(ctx.policy());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Login, passwords, e-mail, reset links (AUTH-*, PW-*, MAIL-ADDR-1, RESET-*). */
    public AccountService accounts() {
        return accounts;
    }

    /** Book, change, cancel, history (BOOK-*, CHG-1, CNL-1, HIST-*). */
    public BookingService bookings() {
        return bookings;
    }

    /** Staff change and cancel after deadlines (CNL-2). */
    public StaffService staff() {
        return staff;
    }

    /** Slot status, month and list calendars (SLOT-4, SLOT-5). */
    public CalendarService calendar() {
        return calendar;
    }

    /** Opening slots and cancelling event days (SLOT-1, SLOT-6). */
    public ScheduleService schedule() {
        return schedule;
    }

    /** The day-before reminder job (MAIL-3). */
    public ReminderJob reminders() {
        return reminders;
    }

    /** The subsidy calculation (SUB-2). */
    public SubsidyCalculator subsidy() {
        return subsidy;
    }

    /** Eligibility under this union's policy (ELIG-2, ELIG-3, SUB-1). */
    public Eligibility eligibility() {
        return ctx.eligibility();
    }

    /** Deadlines under this union's policy. */
    public Deadlines deadlines() {
        return ctx.deadlines();
    }

    public UnionPolicy policy() {
        return ctx.policy();
    }

    public Clock clock() {
        return ctx.clock();
    }

    public Storage storage() {
        return ctx.storage();
    }

    public HouseholdDirectory directory() {
        return ctx.directory();
    }

    /**
     * Builds a {@link KenshinBooking}. Storage and directory are required; the policy defaults to
     * {@link UnionPolicy#defaults()}, the clock to the system clock in the policy's zone, the
     * password hasher to PBKDF2 at the policy's iterations. Not thread-safe.
     */
    public static final class Builder {
        private UnionPolicy policy = UnionPolicy.defaults();
        private Clock clock;
        private Storage storage;
        private HouseholdDirectory directory;
        private PasswordHasher hasher;
        private SecureRandom random;

        private Builder() {
        }

        public Builder policy(UnionPolicy policy) {
            this.policy = requireNonNull(policy, "policy");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        public Builder storage(Storage storage) {
            this.storage = requireNonNull(storage, "storage");
            return this;
        }

        public Builder directory(HouseholdDirectory directory) {
            this.directory = requireNonNull(directory, "directory");
            return this;
        }

        public Builder passwordHasher(PasswordHasher hasher) {
            this.hasher = requireNonNull(hasher, "hasher");
            return this;
        }

        public Builder secureRandom(SecureRandom random) {
            this.random = requireNonNull(random, "random");
            return this;
        }

        /** @throws IllegalStateException if storage or directory is missing */
        public KenshinBooking build() {
            if (storage == null) {
                throw new IllegalStateException("storage is required");
            }
            if (directory == null) {
                throw new IllegalStateException("directory is required");
            }
            SecureRandom r = random != null ? random : new SecureRandom();
            Clock c = clock != null ? clock : Clock.system(policy.zone());
            PasswordHasher h = hasher != null ? hasher : new Pbkdf2PasswordHasher(policy.pbkdf2Iterations(), r);
            return new KenshinBooking(EngineContext.create(policy, c, storage, directory, h, r));
        }
    }
}
