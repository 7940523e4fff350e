package io.github.kenshinbooking.bench;

import io.github.kenshinbooking.bench.Population.Person;
import io.github.kenshinbooking.jdbc.Dialect;
import io.github.kenshinbooking.schedule.Slot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The two raw-JDBC baselines: no library object in the loop, only statements on a pooled
 * connection, in a transaction shaped as the adapter's unit of work (borrow, {@code autoCommit}
 * off, statements, commit, {@code autoCommit} on, return; a deadlock or serialization failure runs
 * it again up to 3 times after the same short random pause).
 *
 * <p>The statements are the adapter's, character for character ({@link SqlCapture} compares them
 * with what one library booking sends before any timed run). Only the checks that need no SQL
 * (reception window, eligibility, phone format) are left out: they are the library's work, not
 * the database's.
 */
final class RawBookers {
    // ---- the adapter's statements for one booking, in the order it sends them ----
    static final String ACCOUNT = "SELECT household, password_hash, email FROM account WHERE household = ?";
    static final String SLOT = "SELECT id, venue, institution, exam_date, start_time, duration_seconds, capacity,"
            + " reserved, reception_opens, cancelled FROM slot WHERE id = ?";
    static final String LIVE = "SELECT id, household, member_id, slot_id, fiscal_year, status, phone, terms_version,"
            + " booked_at, updated_at, staff_id, staff_reason, staff_at FROM reservation WHERE member_id = ?"
            + " AND live_fiscal_year = ?";
    static final String OUTBOX = "INSERT INTO outbox (kind, recipient, dedupe_key, payload, created_at, attempts,"
            + " next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_COLUMNS = "id, household, member_id, slot_id, fiscal_year, status,"
            + " live_fiscal_year, phone, terms_version, booked_at, updated_at, staff_id, staff_reason, staff_at";
    static final String TAKE =
            "UPDATE slot SET reserved = reserved + 1 WHERE id = ? AND reserved < capacity AND NOT cancelled";
    /** PostgreSQL: capacity update and insert as one statement. */
    static final String TAKE_INSERT = "WITH upd AS (" + TAKE + " RETURNING id) INSERT INTO reservation ("
            + INSERT_COLUMNS + ") SELECT ?, ?, ?, upd.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM upd";
    /** H2, MariaDB: the insert after {@link #TAKE}. */
    static final String INSERT = "INSERT INTO reservation (" + INSERT_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String LIVE_EXISTS = "SELECT 1 FROM reservation WHERE member_id = ? AND live_fiscal_year = ?";
    static final String SLOT_CANCELLED = "SELECT cancelled FROM slot WHERE id = ?";

    // ---- the peers' capacity mechanism ----
    static final String LOCK_SLOT = "SELECT capacity FROM slot WHERE id = ? FOR UPDATE";
    static final String COUNT_LIVE = "SELECT count(*) FROM reservation WHERE slot_id = ? AND status = 'CONFIRMED'";

    // ---- a proposal: the whole write as one auto-commit statement (PostgreSQL) ----
    static final String TAKE_INSERT_NOTIFY = "WITH upd AS (" + TAKE + " RETURNING id), ins AS (INSERT INTO reservation ("
            + INSERT_COLUMNS + ") SELECT ?, ?, ?, upd.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM upd RETURNING id)"
            + " INSERT INTO outbox (kind, recipient, dedupe_key, payload, created_at, attempts, next_attempt_at)"
            + " SELECT ?, ?, ?, ?, ?, ?, ? FROM ins";

    private static final int MAX_RETRIES = 3;

    private RawBookers() {
    }

    private enum Write {
        ADAPTER, LOCK_AND_COUNT, ONE_STATEMENT
    }

    /** The adapter's SQL in a minimal loop. */
    static Booker sameSql(DataSource ds, Dialect dialect, Population p) {
        return new Loop(ds, dialect, p, Write.ADAPTER);
    }

    /** The same loop with {@code SELECT … FOR UPDATE} + {@code count(*)} + insert instead of the conditional update. */
    static Booker lockAndCount(DataSource ds, Dialect dialect, Population p) {
        return new Loop(ds, dialect, p, Write.LOCK_AND_COUNT);
    }

    /**
     * The same reads in auto-commit, then {@link #TAKE_INSERT_NOTIFY} as one auto-commit statement.
     *
     * @throws IllegalArgumentException on any database but PostgreSQL
     */
    static Booker oneStatement(DataSource ds, Dialect dialect, Population p) {
        if (dialect != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("the one-statement mechanism is written for PostgreSQL");
        }
        return new Loop(ds, dialect, p, Write.ONE_STATEMENT);
    }

    private static final class Loop implements Booker {
        private final DataSource ds;
        private final boolean postgres;
        private final String nextval;
        private final Write write;
        private final String payload;
        private final String terms;
        private final LocalDateTime now;

        Loop(DataSource ds, Dialect dialect, Population p, Write write) {
            this.ds = ds;
            this.postgres = dialect == Dialect.POSTGRESQL;
            this.nextval = postgres ? "SELECT nextval('reservation_id_seq')" : "SELECT NEXT VALUE FOR reservation_id_seq";
            this.write = write;
            this.payload = p.outboxPayload;
            this.terms = p.termsVersion;
            this.now = LocalDateTime.ofInstant(Population.CLOCK.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        }

        @Override
        public String book(Person person, Slot slot) throws SQLException, InterruptedException {
            int fy = slot.fiscalYear().startYear();
            for (int attempt = 0;; attempt++) {
                try (Connection c = ds.getConnection()) {
                    if (write == Write.ONE_STATEMENT) {
                        return once(c, person, slot.id().value(), fy);
                    }
                    if (c.getAutoCommit()) {
                        c.setAutoCommit(false);
                    }
                    try {
                        String refusal = once(c, person, slot.id().value(), fy);
                        if (refusal == null) {
                            c.commit();
                        } else {
                            c.rollback();
                        }
                        return refusal;
                    } catch (SQLException e) {
                        c.rollback();
                        if (!retryable(e) || attempt >= MAX_RETRIES) {
                            throw e;
                        }
                    } finally {
                        c.setAutoCommit(true);
                    }
                }
                TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(1, 4L << Math.min(attempt, 4)));
            }
        }

        private String once(Connection c, Person person, long slot, int fy) throws SQLException {
            String household = person.household();
            String member = person.member().value();
            String[] account = account(c, household);
            if (account[0] == null) {
                return "PASSWORD_CHANGE_REQUIRED";
            }
            int capacity;
            int reserved;
            try (PreparedStatement ps = c.prepareStatement(SLOT)) {
                ps.setLong(1, slot);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return "NOT_FOUND";
                    }
                    if (rs.getBoolean("cancelled")) {
                        return "EVENT_CANCELLED";
                    }
                    capacity = rs.getInt("capacity");
                    reserved = rs.getInt("reserved");
                }
            }
            try (PreparedStatement ps = c.prepareStatement(LIVE)) {
                ps.setString(1, member);
                ps.setInt(2, fy);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return "ALREADY_RESERVED_THIS_FISCAL_YEAR";
                    }
                }
            }
            if (capacity - reserved <= 0) {
                return "SLOT_FULL";
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement(nextval); ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            String email = account[1];
            if (write == Write.ONE_STATEMENT) {
                int inserted;
                try (PreparedStatement ps = c.prepareStatement(TAKE_INSERT_NOTIFY)) {
                    ps.setLong(1, slot);
                    ps.setLong(2, id);
                    ps.setString(3, household);
                    ps.setString(4, member);
                    int i = setRest(ps, 5, fy);
                    ps.setString(i, "BOOKED");
                    ps.setString(i + 1, email);
                    ps.setNull(i + 2, Types.VARCHAR);
                    ps.setString(i + 3, payload);
                    ps.setObject(i + 4, now);
                    ps.setInt(i + 5, 0);
                    ps.setObject(i + 6, now);
                    inserted = ps.executeUpdate();
                }
                return inserted == 1 ? null : noPlace(c, member, fy, slot);
            }
            if (email != null) {
                try (PreparedStatement ps = c.prepareStatement(OUTBOX)) {
                    ps.setString(1, "BOOKED");
                    ps.setString(2, email);
                    ps.setNull(3, Types.VARCHAR);
                    ps.setString(4, payload);
                    ps.setObject(5, now);
                    ps.setInt(6, 0);
                    ps.setObject(7, now);
                    ps.executeUpdate();
                }
            }
            if (write == Write.LOCK_AND_COUNT) {
                int cap;
                try (PreparedStatement ps = c.prepareStatement(LOCK_SLOT)) {
                    ps.setLong(1, slot);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        cap = rs.getInt(1);
                    }
                }
                long live;
                try (PreparedStatement ps = c.prepareStatement(COUNT_LIVE)) {
                    ps.setLong(1, slot);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        live = rs.getLong(1);
                    }
                }
                if (live >= cap) {
                    return "SLOT_FULL";
                }
                insert(c, INSERT, id, household, member, slot, fy, false);
                return null;
            }
            int inserted;
            if (postgres) {
                inserted = insert(c, TAKE_INSERT, id, household, member, slot, fy, true);
            } else {
                try (PreparedStatement ps = c.prepareStatement(TAKE)) {
                    ps.setLong(1, slot);
                    inserted = ps.executeUpdate();
                }
                if (inserted == 1) {
                    insert(c, INSERT, id, household, member, slot, fy, false);
                }
            }
            return inserted == 1 ? null : noPlace(c, member, fy, slot);
        }

        /** password_hash and email of the household's account; both null without an account. */
        private static String[] account(Connection c, String household) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(ACCOUNT)) {
                ps.setString(1, household);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new String[] {rs.getString(2), rs.getString(3)} : new String[2];
                }
            }
        }

        private int insert(Connection c, String sql, long id, String household, String member, long slot, int fy,
                boolean slotFirst) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i;
                if (slotFirst) { // the CTE: slot id first, the row's slot_id comes from the update
                    ps.setLong(1, slot);
                    ps.setLong(2, id);
                    ps.setString(3, household);
                    ps.setString(4, member);
                    i = 5;
                } else {
                    ps.setLong(1, id);
                    ps.setString(2, household);
                    ps.setString(3, member);
                    ps.setLong(4, slot);
                    i = 5;
                }
                setRest(ps, i, fy);
                return ps.executeUpdate();
            }
        }

        /** fiscal_year .. staff_at of a new reservation from parameter {@code i}; answers the next index. */
        private int setRest(PreparedStatement ps, int i, int fy) throws SQLException {
            ps.setInt(i, fy);
            ps.setString(i + 1, "CONFIRMED");
            ps.setInt(i + 2, fy);
            ps.setString(i + 3, Population.PHONE_DIGITS);
            ps.setString(i + 4, terms);
            ps.setObject(i + 5, now);
            ps.setObject(i + 6, now);
            ps.setNull(i + 7, Types.VARCHAR);
            ps.setNull(i + 8, Types.VARCHAR);
            ps.setNull(i + 9, Types.TIMESTAMP);
            return i + 10;
        }

        private static String noPlace(Connection c, String member, int fy, long slot) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(LIVE_EXISTS)) {
                ps.setString(1, member);
                ps.setInt(2, fy);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return "ALREADY_RESERVED_THIS_FISCAL_YEAR";
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(SLOT_CANCELLED)) {
                ps.setLong(1, slot);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1) ? "EVENT_CANCELLED" : "SLOT_FULL";
                }
            }
        }

        private static boolean retryable(SQLException e) {
            for (SQLException x = e; x != null; x = x.getNextException()) {
                String s = x.getSQLState();
                if ("40001".equals(s) || "40P01".equals(s) || "90131".equals(s) || x.getErrorCode() == 1213) {
                    return true;
                }
            }
            return false;
        }
    }
}
