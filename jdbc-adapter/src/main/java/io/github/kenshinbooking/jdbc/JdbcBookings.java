package io.github.kenshinbooking.jdbc;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.eligibility.CourseFamily;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.reservation.IdempotencyKey;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.reservation.BookingSnapshot;
import io.github.kenshinbooking.reservation.NewBooking;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The booking's composite operations with few round trips. The snapshot is one statement on every
 * dialect (left joins of account, slot, the member's live reservations and the key's reservation).
 * On PostgreSQL the write of a booking without optional tests is one auto-commit statement: a place taken from a stripe of the slot that
 * no other booking holds ({@link Places}), the reservation, the key and the outbox row chained in
 * data-modifying CTEs (and the booking's audit record, AUDIT-1), so the stripe's row lock is held only from that statement's update to its
 * commit, with no round trip in between. When no stripe is free without waiting (the slot is full,
 * or every stripe with room is held by a booking in flight) it writes nothing and the caller takes
 * the transaction instead, which waits for the stripes and answers the refusal. Inside a caller's
 * unit of work, for a booking with optional tests (OPT-2: their places are taken after the slot's, by
 * the reservation store), and on H2 and MariaDB (no data-modifying CTEs), the write is the
 * fine-grained ports in one transaction. Internal.
 */
final class JdbcBookings {
    static final String IDEMPOTENCY_CONSTRAINT = "pk_kb_idempotency_key";
    private static final String OUTBOX_COLUMNS = "kind, recipient, dedupe_key, payload, created_at, attempts,"
            + " next_attempt_at";

    private final Transactions tx;
    private final JdbcReservationIds ids;
    private final String snapshot;
    private final String snapshotWithKey;
    private static final String[] WRITES = writeStatements();

    JdbcBookings(Transactions tx, JdbcReservationIds ids) {
        this.tx = tx;
        this.ids = ids;
        String select = "SELECT a.household AS a_household, a.password_hash AS a_password_hash, a.email AS a_email, "
                + JdbcSlotStore.select("s", "s_", tx.dialect()) + ", " + aliased("r", JdbcReservationStore.COLUMNS);
        String from = " FROM (SELECT 1 AS one) one"
                + " LEFT JOIN kb_account a ON a.household = ?"
                + " LEFT JOIN kb_slot s ON s.id = ?"
                + " LEFT JOIN kb_reservation r ON r.member_id = ? AND r.live_fiscal_year IS NOT NULL";
        this.snapshot = select + from;
        this.snapshotWithKey = select + ", " + aliased("k", JdbcReservationStore.COLUMNS) + from
                + " LEFT JOIN kb_idempotency_key ik ON ik.household = ? AND ik.idem_key = ?"
                + " LEFT JOIN kb_reservation k ON k.id = ik.reservation_id";
    }

    /** The write statement for each shape of booking, by {@link #writeIndex}. */
    private static String[] writeStatements() {
        String[] out = new String[16];
        for (int i = 0; i < out.length; i++) {
            boolean audit = (i & 8) != 0;
            boolean key = (i & 4) != 0;
            boolean mail = (i & 2) != 0;
            boolean dedupe = (i & 1) != 0;
            StringBuilder sql = new StringBuilder("WITH ").append(Places.TAKE_CTES)
                    .append(", ins AS (INSERT INTO kb_reservation (").append(JdbcReservationStore.INSERT_COLUMNS)
                    .append(") SELECT ?, ?, ?, upd.id, ")
                    .append(String.join(", ", java.util.Collections.nCopies(JdbcReservationStore.REST_PARAMS, "?")))
                    .append(" FROM upd RETURNING id)");
            if (key) {
                // a key held by another request fails the whole statement (IDEMPOTENCY_CONSTRAINT)
                sql.append(", ik AS (INSERT INTO kb_idempotency_key (household, idem_key, reservation_id)")
                        .append(" SELECT ?, ?, ins.id FROM ins)");
            }
            if (mail) {
                sql.append(", ob AS (INSERT INTO kb_outbox (").append(OUTBOX_COLUMNS)
                        .append(") SELECT ?, ?, ?, ?, ?, ?, ? FROM ins").append(dedupe ? " ON CONFLICT DO NOTHING)" : ")");
            }
            if (audit) {
                // AUDIT-1: the booking's audit record in the same statement, so in the same commit
                sql.append(", au AS (INSERT INTO kb_audit (").append(JdbcAuditLog.INSERT_COLUMNS).append(") SELECT ")
                        .append(String.join(", ", java.util.Collections.nCopies(JdbcAuditLog.INSERT_PARAMS, "?")))
                        .append(" FROM ins)");
            }
            out[i] = sql.append(" SELECT count(*) FROM ins").toString();
        }
        return out;
    }

    private static int writeIndex(boolean audit, boolean key, boolean mail, boolean dedupe) {
        return (audit ? 8 : 0) | (key ? 4 : 0) | (mail ? 2 : 0) | (mail && dedupe ? 1 : 0);
    }

    /** {@code t.c AS t_c, ...} for every column. */
    private static String aliased(String table, String columns) {
        return Arrays.stream(columns.split(",\\s*")).map(c -> table + "." + c + " AS " + table + "_" + c)
                .collect(Collectors.joining(", "));
    }

    BookingSnapshot snapshot(SymbolNumber household, MemberId member, SlotId slot, Optional<IdempotencyKey> key,
            CourseFamily family) {
        requireNonNull(household, "household");
        requireNonNull(member, "member");
        requireNonNull(slot, "slot");
        requireNonNull(key, "key");
        return tx.read("read booking snapshot", c -> {
            try (PreparedStatement ps = c.prepareStatement(key.isPresent() ? snapshotWithKey : snapshot)) {
                ps.setString(1, household.value());
                ps.setLong(2, slot.value());
                ps.setString(3, member.value());
                if (key.isPresent()) {
                    ps.setString(4, household.value());
                    ps.setString(5, key.get().value());
                }
                Optional<Account> account = Optional.empty();
                Optional<Slot> s = Optional.empty();
                Optional<Reservation> repeat = Optional.empty();
                List<Reservation> lives = new ArrayList<>(1); // one at most (ONE-1)
                try (ResultSet rs = ps.executeQuery()) {
                    boolean first = true;
                    while (rs.next()) {
                        if (first) {
                            first = false;
                            String h = rs.getString("a_household");
                            if (h != null) {
                                String hash = rs.getString("a_password_hash");
                                String email = rs.getString("a_email");
                                account = Optional.of(new Account(SymbolNumber.of(h),
                                        Optional.ofNullable(hash).map(PasswordHash::new),
                                        Optional.ofNullable(email).map(EmailAddress::new)));
                            }
                            rs.getLong("s_id");
                            if (!rs.wasNull()) {
                                s = Optional.of(JdbcSlotStore.map(rs, "s_"));
                            }
                            if (key.isPresent()) {
                                rs.getLong("k_id");
                                if (!rs.wasNull()) {
                                    repeat = Optional.of(JdbcReservationStore.map(rs, "k_"));
                                }
                            }
                        }
                        rs.getLong("r_id");
                        // the member's live rows of other fiscal years are not mapped: only the slot's year counts
                        if (!rs.wasNull() && s.isPresent() && rs.getInt("r_fiscal_year") == s.get().fiscalYear()
                                .startYear() && family.value().equals(rs.getString("r_course_family"))) {
                            lives.add(JdbcReservationStore.map(rs, "r_"));
                        }
                    }
                }
                // ONE-1 counts per course family (CRS-1): the member's live rows of other families are not mapped
                return new BookingSnapshot(account, s, lives.stream().findFirst(), repeat);
            }
        });
    }

    /** Whether {@link #book} can write as one auto-commit statement here. */
    boolean oneStatement() {
        return tx.dialect() == Dialect.POSTGRESQL && !tx.inUnitOfWork();
    }

    /** What the one-statement write did. */
    enum Written {
        /** Booked: the reservation, its key and its mail are stored. */
        BOOKED,
        /** Nothing written: another request holds the idempotency key. */
        KEY_TAKEN,
        /** Nothing written: no stripe with room was free without waiting; write in a transaction. */
        NO_FREE_STRIPE
    }

    /**
     * The write of {@link io.github.kenshinbooking.storage.Storage#book}, with its audit record if one is
     * given, as one auto-commit statement (only when {@link #oneStatement()}).
     */
    Written book(NewBooking b, Optional<AuditRecord> audit) throws Refusal {
        Reservation r = b.reservation();
        JdbcReservationStore.checkText(r);
        b.notification().ifPresent(JdbcOutbox::checkText);
        String statement = WRITES[writeIndex(audit.isPresent(), b.key().isPresent(), b.notification().isPresent(),
                b.notification().flatMap(Notification::dedupeKey).isPresent())];
        return tx.atomicStatement("book", c -> {
            try (PreparedStatement ps = c.prepareStatement(statement)) {
                ps.setLong(1, r.slot().value());
                ps.setLong(2, r.id().value());
                ps.setString(3, r.household().value());
                ps.setString(4, r.member().value());
                int i = JdbcReservationStore.setRest(ps, 5, r);
                if (b.key().isPresent()) {
                    ps.setString(i++, r.household().value());
                    ps.setString(i++, b.key().get().value());
                }
                if (b.notification().isPresent()) {
                    Notification n = b.notification().get();
                    ps.setString(i++, n.kind().name());
                    ps.setString(i++, n.recipient());
                    Jdbc.setText(ps, i++, n.dedupeKey().orElse(null));
                    ps.setString(i++, NotificationData.encode(n.data()));
                    Jdbc.setInstant(ps, i++, b.at());
                    ps.setInt(i++, 0);
                    Jdbc.setInstant(ps, i++, b.at());
                }
                if (audit.isPresent()) {
                    JdbcAuditLog.bind(ps, i, audit.get());
                }
                long inserted;
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    inserted = rs.getLong(1);
                }
                return inserted == 0 ? Written.NO_FREE_STRIPE : Written.BOOKED;
            } catch (SQLException e) {
                if (SqlErrors.isUniqueViolation(e, IDEMPOTENCY_CONSTRAINT)) {
                    return Written.KEY_TAKEN;
                }
                // a held id fails the whole statement (the reservation's primary key): nothing written
                throw JdbcReservationStore.insertFailure(e, r, ids);
            }
        });
    }
}
