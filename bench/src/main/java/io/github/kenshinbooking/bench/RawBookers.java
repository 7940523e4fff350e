package io.github.kenshinbooking.bench;

import io.github.kenshinbooking.bench.Population.Person;
import io.github.kenshinbooking.jdbc.Dialect;
import io.github.kenshinbooking.schedule.DeadlineKind;
import io.github.kenshinbooking.schedule.Slot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The raw-JDBC baselines: no library object in the loop, only statements on a pooled
 * connection. The load driver's two below; the option bench's loop of a booking with an optional test
 * ({@link #sameSqlWithOption}: the transaction path, the test's place taken after the slot's). Both read as the adapter reads (one snapshot statement in auto-commit, reservation
 * ids in blocks from the sequence) and differ only in how they take the place:
 * <ul>
 *   <li>same SQL: the adapter's write, character for character ({@link SqlCapture} compares the
 *       statements with what one library booking sends before any timed run) - on PostgreSQL one
 *       auto-commit statement (a place from a stripe of the slot no one else holds, reservation and
 *       outbox row chained in CTEs; when no stripe is free without waiting, the transaction below),
 *       on H2 and MariaDB a transaction of outbox insert, stripe pick (MariaDB: {@code SKIP LOCKED};
 *       H2 and the fallback: every stripe locked), conditional update of one stripe, insert;
 *   <li>lock-and-count, the peers' mechanism: a transaction of outbox insert,
 *       {@code SELECT … FOR UPDATE} of the slot, {@code count(*)} of its live reservations, insert.
 * </ul>
 * A deadlock or serialization failure runs the write again up to 3 times after a short random
 * pause. Only the checks that need no SQL (reception window, eligibility, phone format) are left
 * out: they are the library's work, not the database's.
 */
final class RawBookers {
    // ---- the adapter's statements for one booking, in the order it sends them ----
    static final String RESERVATION_COLUMNS = "id, household, member_id, slot_id, fiscal_year, status, phone,"
            + " terms_version, booked_at, updated_at, staff_id, staff_reason, staff_at, change_deadline, cancel_deadline,"
            + " course, course_family, options";
    static final String SLOT_COLUMNS = "id, venue, institution, exam_date, start_time, duration_seconds, capacity,"
            + " reserved, reception_opens, cancelled, closed, courses";
    /** A slot's reserved count: the sum of its stripes (the adapter's {@code kb_slot_stripe}). */
    static final String RESERVED_OF_S = "(SELECT COALESCE(SUM(st.reserved), 0) FROM kb_slot_stripe st WHERE st.slot_id = s.id)";
    /** Account, slot (with its optional tests' places) and the member's live reservations in one statement. */
    static String snapshot(Dialect dialect) {
        String item = "CONCAT(o.option_id, ':', o.capacity, ':', o.reserved)";
        String agg = switch (dialect) {
            case POSTGRESQL -> "string_agg(" + item + ", ',')";
            case MARIADB -> "GROUP_CONCAT(" + item + " SEPARATOR ',')";
            case H2 -> "LISTAGG(" + item + ", ',')";
        };
        return "SELECT a.household AS a_household, a.password_hash AS a_password_hash,"
                + " a.email AS a_email, " + aliased("s", SLOT_COLUMNS) + ", (SELECT " + agg
                + " FROM kb_slot_option o WHERE o.slot_id = s.id) AS s_option_places, " + aliased("r", RESERVATION_COLUMNS)
                + " FROM (SELECT 1 AS one) one LEFT JOIN kb_account a ON a.household = ? LEFT JOIN kb_slot s ON s.id = ?"
                + " LEFT JOIN kb_reservation r ON r.member_id = ? AND r.live_fiscal_year IS NOT NULL";
    }
    static final String OUTBOX_COLUMNS = "kind, recipient, dedupe_key, payload, created_at, attempts,"
            + " next_attempt_at";
    static final String OUTBOX = "INSERT INTO kb_outbox (" + OUTBOX_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_COLUMNS = "id, household, member_id, slot_id, fiscal_year, status,"
            + " live_fiscal_year, phone, terms_version, booked_at, updated_at, staff_id, staff_reason, staff_at,"
            + " change_deadline, cancel_deadline, course, course_family, options";
    /** One free stripe of the slot that no other transaction holds. */
    static final String PICK_FREE = "SELECT stripe FROM kb_slot_stripe WHERE slot_id = ? AND bookable"
            + " AND reserved < capacity ORDER BY stripe LIMIT 1 FOR UPDATE SKIP LOCKED";
    /** MariaDB: from the node's share of the stripes on, then before it (the adapter's {@code Places}). */
    private static final String NODE_START = "(@@auto_increment_offset - 1) * ? DIV @@auto_increment_increment";
    static final String PICK_FREE_FROM_NODE = "SELECT stripe FROM kb_slot_stripe WHERE slot_id = ? AND stripe >= "
            + NODE_START + " AND bookable AND reserved < capacity ORDER BY stripe LIMIT 1 FOR UPDATE SKIP LOCKED";
    static final String PICK_FREE_BEFORE_NODE = "SELECT stripe FROM kb_slot_stripe WHERE slot_id = ? AND stripe < "
            + NODE_START + " AND bookable AND reserved < capacity ORDER BY stripe LIMIT 1 FOR UPDATE SKIP LOCKED";
    static final String TAKE = "UPDATE kb_slot_stripe SET reserved = reserved + 1 WHERE slot_id = ? AND stripe = ?"
            + " AND bookable AND reserved < capacity";
    /** Every stripe of the slot, locked in order (H2 always; elsewhere when no stripe is free without waiting). */
    static final String LOCK_ALL =
            "SELECT stripe, capacity, reserved, bookable FROM kb_slot_stripe WHERE slot_id = ? ORDER BY stripe FOR UPDATE";
    /** PostgreSQL: a place from a free stripe, reservation and outbox row as one auto-commit statement. */
    static final String AUDIT_COLUMNS = "occurred_at, actor_kind, actor_id, actor_member, channel, action,"
            + " target_kind, target_id, before_summary, after_summary, reason";
    static final String BOOK_ONE_STATEMENT = "WITH pick AS (SELECT slot_id, stripe FROM kb_slot_stripe WHERE slot_id = ?"
            + " AND bookable AND reserved < capacity ORDER BY stripe LIMIT 1 FOR UPDATE SKIP LOCKED),"
            + " upd AS (UPDATE kb_slot_stripe t SET reserved = t.reserved + 1 FROM pick"
            + " WHERE t.slot_id = pick.slot_id AND t.stripe = pick.stripe RETURNING t.slot_id AS id),"
            + " ins AS (INSERT INTO kb_reservation ("
            + INSERT_COLUMNS + ") SELECT ?, ?, ?, upd.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM upd RETURNING id),"
            + " ob AS (INSERT INTO kb_outbox (" + OUTBOX_COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, ? FROM ins),"
            + " au AS (INSERT INTO kb_audit (" + AUDIT_COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM ins)"
            + " SELECT count(*) FROM ins";
    /** The booking's audit record (AUDIT-1), after the reservation's insert (H2, MariaDB). */
    static final String AUDIT = "INSERT INTO kb_audit (" + AUDIT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** The insert after {@link #TAKE} (H2, MariaDB) and after the lock and count. */
    static final String INSERT = "INSERT INTO kb_reservation (" + INSERT_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String LIVE_EXISTS = "SELECT 1 FROM kb_reservation WHERE member_id = ? AND live_fiscal_year = ?";
    /** After the booking commits: the member's live waiting entries of the year, which a booking leaves (WAIT-4). */
    static final String WAITING_OF_MEMBER = "SELECT id, household, member_id, slot_id, fiscal_year, phone, state,"
            + " joined_at, updated_at, held_until, reservation_id, course, course_family, options FROM kb_waiting_entry"
            + " WHERE member_id = ?"
            + " AND live_fiscal_year = ? ORDER BY id";
    static final String SLOT_CANCELLED = "SELECT cancelled FROM kb_slot WHERE id = ?";
    /** Ids per sequence round trip: the adapter's default. */
    static final int ID_BLOCK = io.github.kenshinbooking.jdbc.JdbcStorage.DEFAULT_ID_BLOCK;

    // ---- a booking with an optional test (OPT-2; the adapter's OptionPlaces), on the transaction path ----
    private static final String OPTION_KEY = " WHERE slot_id = ? AND option_id = ?";
    /** One free stripe of the test that no other transaction holds. */
    static final String OPTION_PICK_FREE = "SELECT stripe FROM kb_slot_option" + OPTION_KEY
            + " AND reserved < capacity ORDER BY stripe LIMIT 1 FOR UPDATE SKIP LOCKED";
    /** Every stripe of the test, locked in order (H2 always; elsewhere when no stripe is free without waiting). */
    static final String OPTION_LOCK_ALL = "SELECT stripe, capacity, reserved FROM kb_slot_option" + OPTION_KEY
            + " ORDER BY stripe FOR UPDATE";
    static final String OPTION_TAKE = "UPDATE kb_slot_option SET reserved = reserved + 1" + OPTION_KEY
            + " AND stripe = ? AND reserved < capacity";
    /**
     * PostgreSQL: the pick follows a savepoint, rolled back before the lock of every stripe, in the same round
     * trips (the locks a pick keeps on stripes it skipped are given up: see the adapter's {@code OptionPlaces}).
     */
    static final String OPTION_SAVEPOINT = "SAVEPOINT kb_option_pick; ";
    static final String OPTION_ROLLBACK_TO = "ROLLBACK TO SAVEPOINT kb_option_pick; ";
    /** ONE-1 per course family, asked when the test has no place (ORDER-1: ONE-1 is answered first). */
    static final String LIVE_IN_FAMILY = "SELECT 1 FROM kb_reservation WHERE member_id = ? AND live_fiscal_year = ?"
            + " AND course_family = ?";

    // ---- the peers' capacity mechanism ----
    static final String LOCK_SLOT = "SELECT capacity FROM kb_slot WHERE id = ? FOR UPDATE";
    static final String COUNT_LIVE = "SELECT count(*) FROM kb_reservation WHERE slot_id = ? AND status = 'CONFIRMED'";

    private static final int MAX_RETRIES = 3;

    private RawBookers() {
    }

    private static String aliased(String table, String columns) {
        StringBuilder sb = new StringBuilder();
        for (String c : columns.split(",\\s*")) {
            sb.append(sb.length() == 0 ? "" : ", ")
                    .append(table.equals("s") && c.equals("reserved") ? RESERVED_OF_S : table + "." + c)
                    .append(" AS ").append(table).append('_').append(c);
        }
        return sb.toString();
    }

    private enum Write {
        ADAPTER, LOCK_AND_COUNT, WITH_OPTION
    }

    /** The adapter's SQL in a minimal loop. */
    static Booker sameSql(DataSource ds, Dialect dialect, Population p) {
        return new Loop(ds, dialect, p, Write.ADAPTER);
    }

    /** The same reads, then {@code SELECT … FOR UPDATE} + {@code count(*)} + insert instead of the conditional update. */
    static Booker lockAndCount(DataSource ds, Dialect dialect, Population p) {
        return new Loop(ds, dialect, p, Write.LOCK_AND_COUNT);
    }

    /**
     * The adapter's SQL of a booking that asks for one optional test (OPT-2), in a minimal loop: the snapshot
     * read (refused {@code OPTION_FULL} there when the test shows no place, as the engine refuses), then always
     * the transaction (a booking with a test never takes the one-statement write): outbox row, a place of the
     * slot, a place of the test, reservation, audit row, commit, and the waiting-list read afterwards.
     */
    static Booker sameSqlWithOption(DataSource ds, Dialect dialect, Population p, String option) {
        Loop loop = new Loop(ds, dialect, p, Write.WITH_OPTION);
        loop.option = java.util.Objects.requireNonNull(option, "option");
        return loop;
    }

    private static final class Loop implements Booker {
        private final DataSource ds;
        private final boolean postgres;
        private final boolean h2;
        private final boolean mariadb;
        private final String nextIds;
        private final String snapshotSql;
        private final Write write;
        private final String payload;
        private final String terms;
        private final LocalDateTime now;
        private final ArrayDeque<Long> ids = new ArrayDeque<>();
        /** Per slot id: the change and cancel deadlines a booking is promised (CHG-1, CNL-1), as stored (UTC). */
        private final Map<Long, LocalDateTime[]> promised = new ConcurrentHashMap<>();
        private final Population population;
        /** The optional test every booking asks for ({@link Write#WITH_OPTION}), else null. */
        private String option;

        Loop(DataSource ds, Dialect dialect, Population p, Write write) {
            this.ds = ds;
            this.postgres = dialect == Dialect.POSTGRESQL;
            this.h2 = dialect == Dialect.H2;
            this.mariadb = dialect == Dialect.MARIADB;
            this.nextIds = switch (dialect) {
                case POSTGRESQL -> "SELECT nextval('kb_reservation_id_seq') FROM generate_series(1, " + ID_BLOCK + ")";
                case H2 -> "SELECT NEXT VALUE FOR kb_reservation_id_seq FROM SYSTEM_RANGE(1, " + ID_BLOCK + ")";
                default -> "SELECT NEXT VALUE FOR kb_reservation_id_seq";
            };
            this.snapshotSql = RawBookers.snapshot(dialect);
            this.write = write;
            this.payload = p.outboxPayload;
            this.terms = p.termsVersion;
            this.now = LocalDateTime.ofInstant(Population.CLOCK.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
            this.population = p;
            for (Slot s : p.spread) {
                promised.put(s.id().value(), promise(p, s));
            }
            for (Slot s : p.hot) {
                promised.put(s.id().value(), promise(p, s));
            }
        }

        /** What the library computes at booking: the slot's deadlines under the engine's policy. */
        private static LocalDateTime[] promise(Population p, Slot s) {
            return new LocalDateTime[] {
                LocalDateTime.ofInstant(p.engine.deadlines().deadline(DeadlineKind.CHANGE, s.date()), ZoneOffset.UTC),
                LocalDateTime.ofInstant(p.engine.deadlines().deadline(DeadlineKind.CANCEL, s.date()), ZoneOffset.UTC)};
        }

        @Override
        public String book(Person person, Slot slot) throws SQLException, InterruptedException {
            int fy = slot.fiscalYear().startYear();
            String household = person.household();
            String member = person.member().value();
            long slotId = slot.id().value();
            String email;
            try (Connection c = ds.getConnection()) {
                // the reads, in auto-commit, as the adapter reads them
                String[] read = snapshot(c, household, slotId, member, fy);
                if (read[0] != null) {
                    return read[0];
                }
                email = read[1];
            }
            long id = nextId();
            if (write == Write.WITH_OPTION) {
                promised.computeIfAbsent(slotId, k -> promise(population, slot));
            }
            boolean oneStatement = write == Write.ADAPTER && postgres;
            for (int attempt = 0;; attempt++) {
                try (Connection c = ds.getConnection()) {
                    if (oneStatement) {
                        if (oneStatement(c, id, household, member, slotId, fy, email)) {
                            leaveWaitingLists(c, member, fy);
                            return null;
                        }
                        oneStatement = false; // no free stripe without waiting: the transaction decides
                    }
                    if (c.getAutoCommit()) {
                        c.setAutoCommit(false);
                    }
                    try {
                        String refusal = transaction(c, id, household, member, slotId, fy, email);
                        if (refusal == null) {
                            c.commit();
                            c.setAutoCommit(true);
                            leaveWaitingLists(c, member, fy);
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
                } catch (SQLException e) {
                    if (!retryable(e) || attempt >= MAX_RETRIES) {
                        throw e;
                    }
                }
                TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(1, 4L << Math.min(attempt, 4)));
            }
        }

        /** {refusal or null, e-mail or null}. */
        private String[] snapshot(Connection c, String household, long slot, String member, int fy)
                throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(snapshotSql)) {
                ps.setString(1, household);
                ps.setLong(2, slot);
                ps.setString(3, member);
                try (ResultSet rs = ps.executeQuery()) {
                    String email = null;
                    boolean first = true;
                    while (rs.next()) {
                        if (first) {
                            first = false;
                            if (rs.getString("a_password_hash") == null) {
                                return new String[] {"PASSWORD_CHANGE_REQUIRED", null};
                            }
                            email = rs.getString("a_email");
                            rs.getLong("s_id");
                            if (rs.wasNull()) {
                                return new String[] {"NOT_FOUND", null};
                            }
                            if (rs.getBoolean("s_cancelled")) {
                                return new String[] {"EVENT_CANCELLED", null};
                            }
                            if (rs.getInt("s_capacity") - rs.getInt("s_reserved") <= 0) {
                                return new String[] {"SLOT_FULL", null};
                            }
                            if (option != null && optionRemaining(rs.getString("s_option_places")) <= 0) {
                                return new String[] {"OPTION_FULL", null};
                            }
                        }
                        rs.getLong("r_id");
                        if (!rs.wasNull() && rs.getInt("r_fiscal_year") == fy) {
                            return new String[] {"ALREADY_RESERVED_THIS_FISCAL_YEAR", null};
                        }
                    }
                    return new String[] {null, email};
                }
            }
        }

        /** The places left of the test in the snapshot's {@code code:capacity:reserved} per stripe; 0 if not offered. */
        private int optionRemaining(String places) {
            int left = 0;
            if (places != null && !places.isEmpty()) {
                for (String item : places.split(",")) {
                    String[] f = item.split(":");
                    if (f[0].equals(option)) {
                        left += Integer.parseInt(f[1]) - Integer.parseInt(f[2]);
                    }
                }
            }
            return left;
        }

        private long nextId() throws SQLException {
            synchronized (ids) {
                Long id = ids.pollFirst();
                if (id != null) {
                    return id;
                }
            }
            List<Long> got = new ArrayList<>(ID_BLOCK);
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(nextIds);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    got.add(rs.getLong(1));
                }
            }
            synchronized (ids) {
                ids.addAll(got.subList(1, got.size()));
            }
            return got.get(0);
        }

        /** Whether it booked; false when no stripe with room was free without waiting (the transaction decides). */
        private boolean oneStatement(Connection c, long id, String household, String member, long slot, int fy,
                String email) throws SQLException {
            long inserted;
            try (PreparedStatement ps = c.prepareStatement(BOOK_ONE_STATEMENT)) {
                ps.setLong(1, slot);
                ps.setLong(2, id);
                ps.setString(3, household);
                ps.setString(4, member);
                int i = setRest(ps, 5, fy, slot);
                setOutbox(ps, i, email);
                setAudit(ps, i + 7, id, household, member);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    inserted = rs.getLong(1);
                }
            }
            return inserted == 1;
        }

        private String transaction(Connection c, long id, String household, String member, long slot, int fy,
                String email) throws SQLException {
            if (email != null) {
                try (PreparedStatement ps = c.prepareStatement(OUTBOX)) {
                    setOutbox(ps, 1, email);
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
                insert(c, id, household, member, slot, fy);
                return null;
            }
            if (take(c, slot)) {
                if (option != null && !takeOption(c, slot)) {
                    return liveInFamily(c, member, fy) ? "ALREADY_RESERVED_THIS_FISCAL_YEAR" : "OPTION_FULL";
                }
                insert(c, id, household, member, slot, fy);
                return null;
            }
            return noPlace(c, member, fy, slot);
        }

        /** A place of the test from one stripe, as the adapter takes it (see {@link #OPTION_SAVEPOINT}). */
        private boolean takeOption(Connection c, long slot) throws SQLException {
            if (!h2) {
                int free = -1;
                try (PreparedStatement ps = c.prepareStatement(postgres ? OPTION_SAVEPOINT + OPTION_PICK_FREE
                        : OPTION_PICK_FREE)) {
                    ps.setLong(1, slot);
                    ps.setString(2, option);
                    try (ResultSet rs = rows(ps)) {
                        free = rs.next() ? rs.getInt(1) : -1;
                    }
                }
                if (free >= 0 && takeOptionStripe(c, slot, free)) {
                    return true;
                }
            }
            List<int[]> stripes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(postgres ? OPTION_ROLLBACK_TO + OPTION_LOCK_ALL
                    : OPTION_LOCK_ALL)) {
                ps.setLong(1, slot);
                ps.setString(2, option);
                try (ResultSet rs = rows(ps)) {
                    while (rs.next()) {
                        stripes.add(new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)});
                    }
                }
            }
            for (int[] st : stripes) {
                if ((h2 || st[2] < st[1]) && takeOptionStripe(c, slot, st[0])) {
                    return true;
                }
            }
            return false;
        }

        private boolean takeOptionStripe(Connection c, long slot, int stripe) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(OPTION_TAKE)) {
                ps.setLong(1, slot);
                ps.setString(2, option);
                ps.setInt(3, stripe);
                return ps.executeUpdate() == 1;
            }
        }

        /** The rows of a query, also when a savepoint command comes first in the same round trip. */
        private static ResultSet rows(PreparedStatement ps) throws SQLException {
            if (ps.execute() || ps.getMoreResults()) {
                return ps.getResultSet();
            }
            throw new SQLException("no rows answered by " + ps);
        }

        private boolean liveInFamily(Connection c, String member, int fy) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(LIVE_IN_FAMILY)) {
                ps.setString(1, member);
                ps.setInt(2, fy);
                ps.setString(3, "default");
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        }

        /** A place from one stripe, as the adapter takes it: a free stripe no one holds, else every stripe locked. */
        private boolean take(Connection c, long slot) throws SQLException {
            if (!h2) {
                int free = pick(c, mariadb ? PICK_FREE_FROM_NODE : PICK_FREE, slot);
                if (free < 0 && mariadb) {
                    free = pick(c, PICK_FREE_BEFORE_NODE, slot);
                }
                if (free >= 0 && takeStripe(c, slot, free)) {
                    return true;
                }
            }
            List<int[]> stripes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(LOCK_ALL)) {
                ps.setLong(1, slot);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stripes.add(new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4) ? 1 : 0});
                    }
                }
            }
            for (int[] st : stripes) {
                if ((h2 || st[3] == 1 && st[2] < st[1]) && takeStripe(c, slot, st[0])) {
                    return true;
                }
            }
            return false;
        }

        private int pick(Connection c, String sql, long slot) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, slot);
                if (mariadb) {
                    ps.setInt(2, io.github.kenshinbooking.jdbc.JdbcStorage.DEFAULT_STRIPES_PER_SLOT);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : -1;
                }
            }
        }

        private static boolean takeStripe(Connection c, long slot, int stripe) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(TAKE)) {
                ps.setLong(1, slot);
                ps.setInt(2, stripe);
                return ps.executeUpdate() == 1;
            }
        }

        private void setOutbox(PreparedStatement ps, int i, String email) throws SQLException {
            ps.setString(i, "BOOKED");
            ps.setString(i + 1, email);
            ps.setNull(i + 2, Types.VARCHAR);
            ps.setString(i + 3, payload);
            ps.setObject(i + 4, now);
            ps.setInt(i + 5, 0);
            ps.setObject(i + 6, now);
        }

        private void insert(Connection c, long id, String household, String member, long slot, int fy)
                throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setLong(1, id);
                ps.setString(2, household);
                ps.setString(3, member);
                ps.setLong(4, slot);
                setRest(ps, 5, fy, slot);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(AUDIT)) {
                setAudit(ps, 1, id, household, member);
                ps.executeUpdate();
            }
        }

        /** The audit record's columns from parameter {@code i}: a household's booking through the web. */
        private void setAudit(PreparedStatement ps, int i, long id, String household, String member)
                throws SQLException {
            ps.setObject(i, now);
            ps.setString(i + 1, "HOUSEHOLD");
            ps.setString(i + 2, household);
            ps.setString(i + 3, member);
            ps.setString(i + 4, "WEB");
            ps.setString(i + 5, "BOOKED");
            ps.setString(i + 6, "RESERVATION");
            ps.setString(i + 7, Long.toString(id));
            ps.setString(i + 8, "-");
            ps.setString(i + 9, "booked");
            ps.setNull(i + 10, Types.VARCHAR);
        }

        /** fiscal_year .. cancel_deadline of a new reservation from parameter {@code i}; answers the next index. */
        private int setRest(PreparedStatement ps, int i, int fy, long slot) throws SQLException {
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
            LocalDateTime[] deadlines = promised.get(slot);
            ps.setObject(i + 10, deadlines[0]);
            ps.setObject(i + 11, deadlines[1]);
            ps.setString(i + 12, "default"); // the default course and family (CRS-1), and the test asked for, if any
            ps.setString(i + 13, "default");
            ps.setString(i + 14, option == null ? "" : option);
            return i + 15;
        }

        /** As the library after a booking: the member's live waiting entries of the year (none here, so no write). */
        private static void leaveWaitingLists(Connection c, String member, int fy) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(WAITING_OF_MEMBER)) {
                ps.setString(1, member);
                ps.setInt(2, fy);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                    }
                }
            }
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
