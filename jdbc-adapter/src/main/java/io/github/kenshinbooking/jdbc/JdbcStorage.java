package io.github.kenshinbooking.jdbc;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.account.AccountStore;
import io.github.kenshinbooking.account.LoginAttemptStore;
import io.github.kenshinbooking.account.ResetTokenStore;
import io.github.kenshinbooking.account.SessionStore;
import io.github.kenshinbooking.audit.AuditLog;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.eligibility.CourseFamily;
import io.github.kenshinbooking.error.InfrastructureException;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.DuplicateReservationIdException;
import io.github.kenshinbooking.reservation.IdempotencyKey;
import io.github.kenshinbooking.notification.NotificationOutbox;
import io.github.kenshinbooking.reservation.IdempotencyStore;
import io.github.kenshinbooking.reservation.ReservationIds;
import io.github.kenshinbooking.reservation.ReservationStore;
import io.github.kenshinbooking.reservation.WaitingListStore;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.schedule.SlotStore;
import io.github.kenshinbooking.staff.StaffAccountStore;
import io.github.kenshinbooking.reservation.BookingSnapshot;
import io.github.kenshinbooking.reservation.NewBooking;
import io.github.kenshinbooking.exchange.RosterEntry;
import io.github.kenshinbooking.exchange.RosterQuery;
import io.github.kenshinbooking.storage.RetentionStore;
import io.github.kenshinbooking.storage.Storage;
import io.github.kenshinbooking.storage.UnitOfWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Every persistence port of the engine over plain JDBC and a caller-supplied {@link DataSource}
 * (bring your own pool), for H2, PostgreSQL and MariaDB with the schema of
 * the migrations of {@code db/kenshin-booking/<dialect>} applied (Flyway layout, {@code V1}, {@code V2}, ...;
 * see {@link KenshinMigrations}): tables {@code kb_*}, found through the connection's current schema. Any number
 * of application instances may share one database.
 *
 * <p>A unit of work is one transaction on one connection, {@code autoCommit=false}, at READ
 * COMMITTED (the default of PostgreSQL and H2; set per transaction on MariaDB). Ports called on the
 * same thread join it; outside one a read uses a short auto-commit connection and a write is a
 * transaction of its own. A serialization failure or deadlock runs the whole work again, at most
 * {@link Builder#maxRetries} times. Invariants live in the database: capacity by conditional
 * updates of the slot's stripes, each holding a share of its places (SLOT-3; see
 * {@link Builder#stripesPerSlot}), ONE-1 by a unique constraint, idempotency keys and reminder dedupe keys by
 * unique keys. A booking reads with one statement ({@link #bookingSnapshot}) and, on PostgreSQL,
 * writes with one auto-commit statement ({@link #book}); reservation ids come from the sequence
 * in blocks ({@link Builder#reservationIdBlock}). SQL errors surface as {@link InfrastructureException}, never as
 * {@link SQLException}; the rule violations among them as the rule's refusal. Instants are stored
 * in UTC to the microsecond. Immutable and thread-safe.
 */
public final class JdbcStorage implements Storage {
    /** Retries of a unit of work after a serialization failure or deadlock, unless set otherwise. */
    public static final int DEFAULT_MAX_RETRIES = 10;
    /** Reservation ids fetched per sequence round trip, unless set otherwise. */
    public static final int DEFAULT_ID_BLOCK = 20;
    /** Stripes a new slot's places are split over, unless set otherwise. */
    public static final int DEFAULT_STRIPES_PER_SLOT = Places.DEFAULT_STRIPES;

    private final Transactions tx;
    private final JdbcSlotStore slots;
    private final JdbcReservationStore reservations;
    private final JdbcWaitingListStore waitingList;
    private final JdbcReservationIds reservationIds;
    private final JdbcIdempotencyStore idempotency;
    private final JdbcOutbox outbox;
    private final JdbcAccountStore accounts;
    private final JdbcLoginAttemptStore loginAttempts;
    private final JdbcResetTokenStore resetTokens;
    private final JdbcSessionStore sessions;
    private final JdbcAuditLog audit;
    private final JdbcStaffAccountStore staffAccounts;
    private final JdbcBookings bookings;
    private final JdbcRoster roster;
    private final JdbcRetentionStore retention;

    private JdbcStorage(Transactions tx, int idBlock, int stripes) {
        this.tx = tx;
        this.slots = new JdbcSlotStore(tx, stripes);
        this.reservationIds = new JdbcReservationIds(tx, idBlock);
        this.reservations = new JdbcReservationStore(tx, stripes, reservationIds);
        this.waitingList = new JdbcWaitingListStore(tx, stripes);
        this.idempotency = new JdbcIdempotencyStore(tx);
        this.outbox = new JdbcOutbox(tx);
        this.accounts = new JdbcAccountStore(tx);
        this.loginAttempts = new JdbcLoginAttemptStore(tx);
        this.resetTokens = new JdbcResetTokenStore(tx);
        this.sessions = new JdbcSessionStore(tx);
        this.audit = new JdbcAuditLog(tx);
        this.staffAccounts = new JdbcStaffAccountStore(tx);
        this.bookings = new JdbcBookings(tx, reservationIds);
        this.roster = new JdbcRoster(tx);
        this.retention = new JdbcRetentionStore(tx);
    }

    /**
     * Storage over the data source, its dialect detected from the database's metadata.
     *
     * @param dataSource the database holding the migrated schema
     * @return a new storage with the defaults of {@link Builder}
     * @throws InfrastructureException if no connection can be had or the database is not supported
     */
    public static JdbcStorage create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /**
     * A builder of storage over the data source.
     *
     * @param dataSource the database holding the migrated schema
     * @return a new builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(requireNonNull(dataSource, "dataSource"));
    }

    /**
     * The dialect in use.
     *
     * @return the dialect, given or detected
     */
    public Dialect dialect() {
        return tx.dialect();
    }

    /**
     * The data source given at creation.
     *
     * @return the data source
     */
    public DataSource dataSource() {
        return tx.dataSource();
    }

    @Override
    public UnitOfWork unitOfWork() {
        return tx;
    }

    @Override
    public SlotStore slots() {
        return slots;
    }

    @Override
    public ReservationStore reservations() {
        return reservations;
    }

    @Override
    public WaitingListStore waitingList() {
        return waitingList;
    }

    @Override
    public ReservationIds reservationIds() {
        return reservationIds;
    }

    @Override
    public IdempotencyStore idempotency() {
        return idempotency;
    }

    @Override
    public NotificationOutbox outbox() {
        return outbox;
    }

    @Override
    public AccountStore accounts() {
        return accounts;
    }

    @Override
    public LoginAttemptStore loginAttempts() {
        return loginAttempts;
    }

    @Override
    public ResetTokenStore resetTokens() {
        return resetTokens;
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public AuditLog audit() {
        return audit;
    }

    @Override
    public StaffAccountStore staffAccounts() {
        return staffAccounts;
    }

    @Override
    public RetentionStore retention() {
        return retention;
    }

    /**
     * One query read through a forward-only cursor with a fetch size (on PostgreSQL inside a transaction,
     * which its driver needs to stream), on a connection of its own outside a unit of work.
     */
    @Override
    public void forEachLive(RosterQuery query, Consumer<RosterEntry> action) {
        roster.forEachLive(requireNonNull(query, "query"), requireNonNull(action, "action"));
    }

    /** One statement on every dialect: account, slot, the member's live reservations, the key's reservation. */
    @Override
    public BookingSnapshot bookingSnapshot(SymbolNumber household, MemberId member, SlotId slot,
            Optional<IdempotencyKey> key) {
        return bookings.snapshot(household, member, slot, key, CourseFamily.DEFAULT);
    }

    @Override
    public BookingSnapshot bookingSnapshot(SymbolNumber household, MemberId member, SlotId slot,
            Optional<IdempotencyKey> key, CourseFamily family) {
        return bookings.snapshot(household, member, slot, key, family);
    }

    /**
     * On PostgreSQL outside a unit of work, one auto-commit statement (a place from a free stripe,
     * reservation, key and outbox row chained in CTEs); otherwise, and when no stripe with room is
     * free without waiting, or the booking holds optional tests (OPT-2), the fine-grained ports in one
     * transaction.
     */
    @Override
    public boolean book(NewBooking booking) throws Refusal {
        requireNonNull(booking, "booking");
        return book(booking, Optional.empty());
    }

    /** The one statement takes the slot's place only: a booking with optional tests takes theirs in a transaction. */
    private boolean oneStatement(NewBooking booking) {
        return bookings.oneStatement() && booking.reservation().choice().options().isEmpty();
    }

    /** As {@link #book(NewBooking)}, the audit record in the same statement or transaction (AUDIT-1). */
    @Override
    public boolean book(NewBooking booking, AuditRecord audit) throws Refusal {
        requireNonNull(booking, "booking");
        requireNonNull(audit, "audit");
        return book(booking, Optional.of(audit));
    }

    private boolean book(NewBooking booking, Optional<AuditRecord> audit) throws Refusal {
        boolean ownTransaction = !tx.inUnitOfWork();
        try {
            if (oneStatement(booking)) {
                JdbcBookings.Written written = bookings.book(booking, audit);
                if (written != JdbcBookings.Written.NO_FREE_STRIPE) {
                    return written == JdbcBookings.Written.BOOKED;
                }
            }
            if (audit.isEmpty()) {
                return Storage.super.book(booking);
            }
            // as Storage's default, but without calling book(NewBooking) back, which would take its own
            // unit of work for a caller's
            return tx.execute(() -> {
                if (!Storage.super.book(booking)) {
                    return false;
                }
                this.audit.append(audit.get());
                return true;
            });
        } catch (DuplicateReservationIdException e) {
            if (ownTransaction) {
                throw e; // rolled back: the caller may write the booking again with a new id
            }
            // the caller's transaction holds this booking's other writes until it rolls back
            throw new InfrastructureException(e.getMessage() + " (inside a unit of work, which must roll back)", e);
        }
    }

    /** The dialect of the database behind a data source. */
    static Dialect detect(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return Dialect.detect(c.getMetaData());
        } catch (SQLException e) {
            throw SqlErrors.translate("detect database dialect", e);
        } catch (IllegalArgumentException e) {
            throw new InfrastructureException(e.getMessage(), e);
        }
    }

    /** Builds a {@link JdbcStorage}. Not thread-safe. */
    public static final class Builder {
        private final DataSource dataSource;
        private Dialect dialect;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private int idBlock = DEFAULT_ID_BLOCK;
        private int stripes = DEFAULT_STRIPES_PER_SLOT;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * The dialect, instead of detecting it from the database (which needs a connection).
         *
         * @param dialect the database's dialect
         * @return this builder
         */
        public Builder dialect(Dialect dialect) {
            this.dialect = requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * How often a unit of work runs again after a serialization failure or deadlock (default 10).
         *
         * @param maxRetries the retries, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * How many reservation ids one sequence round trip fetches (default 20; PostgreSQL and H2,
         * MariaDB always fetches one). Ids fetched but not used before the process ends are
         * skipped, never reused; 1 makes ids follow booking order across instances exactly.
         *
         * @param size the ids per round trip, 1..1000
         * @return this builder
         * @throws IllegalArgumentException if outside 1..1000
         */
        public Builder reservationIdBlock(int size) {
            if (size < 1 || size > 1000) {
                throw new IllegalArgumentException("reservationIdBlock must be 1..1000");
            }
            this.idBlock = size;
            return this;
        }

        /**
         * Into how many rows (stripes) a new slot's places are split (default 8, at most 64; a slot
         * with fewer places has one stripe per place). Bookings of one slot that find a stripe no
         * other booking holds proceed at once: up to this many commit in one disk flush instead of
         * queueing for one row lock across each commit. Capacity stays exact with any number: a
         * stripe never goes above its share and the shares add up to the capacity. 1 gives the
         * single counter row of a slot. Slots already stored keep their stripes.
         *
         * @param stripes the stripes per new slot, 1..64
         * @return this builder
         * @throws IllegalArgumentException if outside 1..64
         */
        public Builder stripesPerSlot(int stripes) {
            if (stripes < 1 || stripes > Places.MAX_STRIPES) {
                throw new IllegalArgumentException("stripesPerSlot must be 1.." + Places.MAX_STRIPES);
            }
            this.stripes = stripes;
            return this;
        }

        /**
         * Builds the storage; detects the dialect first unless one was set.
         *
         * @return the storage
         * @throws InfrastructureException if the dialect must be detected and cannot be
         */
        public JdbcStorage build() {
            Dialect d = dialect != null ? dialect : detect(dataSource);
            return new JdbcStorage(new Transactions(dataSource, d, maxRetries), idBlock, stripes);
        }
    }
}
