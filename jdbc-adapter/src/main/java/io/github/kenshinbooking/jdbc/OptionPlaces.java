package io.github.kenshinbooking.jdbc;

import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.schedule.SlotOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The places of a slot's optional tests (OPT-2) in {@code kb_slot_option}, split over stripes exactly
 * as the slot's own places are ({@link Places}): each stripe holds its share, every change is a
 * conditional update of one stripe, never above its share nor below zero, so a test can never be
 * overbooked; its reserved count is the sum of its stripes. A take first tries a stripe with room that
 * no other transaction holds ({@code SKIP LOCKED}); only if there is none does it lock every stripe of
 * the test, in stripe order, and look again, so a refusal means the test was full at one instant. H2
 * always takes the second way. A booking takes the slot's place first and then its tests in code order,
 * and so does every release, so two transactions never wait for each other's stripes in opposite
 * orders. A test offered with no places keeps one stripe of capacity 0 so the slot still lists it.
 *
 * <p>On PostgreSQL the pick runs after a savepoint, rolled back before the lock of every stripe. At READ
 * COMMITTED a locking pick that meets a stripe changed and committed since its snapshot locks the newest
 * version first and checks the condition after: a stripe just filled (or, for a release, just emptied) is
 * then skipped but stays locked until the transaction ends. Two bookings that each kept such a lock and
 * then locked every stripe in stripe order waited for each other (each held a stripe above one the other
 * held: PostgreSQL's deadlock, a 1 s stall and a retry). Rolling back to the savepoint gives those locks
 * up, so the lock of every stripe starts holding none of the test's and stripe order alone decides.
 * The savepoint is sent with the pick and its rollback with the lock, in the same round trips. MariaDB
 * (InnoDB) checks a locking read's condition on the newest version before it locks, and keeps no lock on
 * a row that fails it at READ COMMITTED. Internal.
 */
final class OptionPlaces {
    private static final String KEY = " WHERE slot_id = ? AND option_id = ?";
    static final String PICK_FREE = "SELECT stripe FROM kb_slot_option" + KEY
            + " AND reserved < capacity ORDER BY stripe LIMIT 1 FOR UPDATE SKIP LOCKED";
    static final String PICK_USED = "SELECT stripe FROM kb_slot_option" + KEY
            + " AND reserved > 0 ORDER BY stripe DESC LIMIT 1 FOR UPDATE SKIP LOCKED";
    static final String LOCK_ALL = "SELECT stripe, capacity, reserved FROM kb_slot_option" + KEY
            + " ORDER BY stripe FOR UPDATE";
    static final String TAKE = "UPDATE kb_slot_option SET reserved = reserved + 1" + KEY
            + " AND stripe = ? AND reserved < capacity";
    static final String RELEASE = "UPDATE kb_slot_option SET reserved = reserved - 1" + KEY
            + " AND stripe = ? AND reserved > 0";
    /** PostgreSQL: the savepoint each pick follows, so that the locks it kept can be given up (class comment). */
    static final String SAVEPOINT = "SAVEPOINT kb_option_pick; ";
    static final String ROLLBACK_TO = "ROLLBACK TO SAVEPOINT kb_option_pick; ";

    private OptionPlaces() {
    }

    /**
     * The SQL expression of the slot aliased {@code slot}'s test places, one {@code code:capacity:reserved}
     * per stripe, comma-separated ({@link #parse} sums them).
     */
    static String placesOf(Dialect dialect, String slot) {
        String item = "CONCAT(o.option_id, ':', o.capacity, ':', o.reserved)";
        String agg = switch (dialect) {
            case POSTGRESQL -> "string_agg(" + item + ", ',')";
            case MARIADB -> "GROUP_CONCAT(" + item + " SEPARATOR ',')";
            case H2 -> "LISTAGG(" + item + ", ',')";
        };
        return "(SELECT " + agg + " FROM kb_slot_option o WHERE o.slot_id = " + slot + ".id)";
    }

    /** The tests of {@link #placesOf}'s text, their stripes summed, by code; none for {@code null}. */
    static List<SlotOption> parse(String places) {
        if (places == null || places.isEmpty()) {
            return List.of();
        }
        Map<OptionId, int[]> sums = new TreeMap<>();
        for (String item : places.split(",")) {
            String[] f = item.split(":");
            int[] sum = sums.computeIfAbsent(OptionId.of(f[0]), k -> new int[2]);
            sum[0] += Integer.parseInt(f[1]);
            sum[1] += Integer.parseInt(f[2]);
        }
        List<SlotOption> out = new ArrayList<>();
        sums.forEach((id, sum) -> out.add(new SlotOption(id, sum[0], sum[1])));
        return out;
    }

    /** Stores the stripes of a new slot's tests, none reserved. */
    static void create(Connection c, long slot, Map<OptionId, Integer> capacities, int stripes) throws SQLException {
        if (capacities.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO kb_slot_option (slot_id, option_id, stripe, capacity, reserved) VALUES (?, ?, ?, ?, 0)")) {
            for (Map.Entry<OptionId, Integer> e : capacities.entrySet()) {
                int[] shares = Places.shares(e.getValue(), stripes);
                if (shares.length == 0) {
                    shares = new int[] {0};
                }
                for (int i = 0; i < shares.length; i++) {
                    ps.setLong(1, slot);
                    ps.setString(2, e.getKey().value());
                    ps.setInt(3, i);
                    ps.setInt(4, shares[i]);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /**
     * Takes one place of the test in the current transaction.
     *
     * @return false if every stripe of the test is full, or the slot does not offer it
     */
    static boolean take(Connection c, Dialect dialect, long slot, OptionId option) throws SQLException {
        boolean pg = dialect == Dialect.POSTGRESQL;
        if (dialect != Dialect.H2) {
            int free = pick(c, pg ? SAVEPOINT + PICK_FREE : PICK_FREE, slot, option);
            if (free >= 0 && change(c, TAKE, slot, option, free)) {
                return true;
            }
        }
        // H2 may answer the values read before the wait: its conditional updates decide alone
        boolean h2 = dialect == Dialect.H2;
        for (int[] s : lockAll(c, pg ? ROLLBACK_TO + LOCK_ALL : LOCK_ALL, slot, option)) {
            if ((h2 || s[2] < s[1]) && change(c, TAKE, slot, option, s[0])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Gives back one place of the test in the current transaction.
     *
     * @throws IllegalStateException if no stripe of the test has a place taken: the counts disagree with
     *     the live reservations, which only a change outside this adapter can cause
     */
    static void release(Connection c, Dialect dialect, long slot, OptionId option) throws SQLException {
        boolean pg = dialect == Dialect.POSTGRESQL;
        if (dialect != Dialect.H2) {
            int used = pick(c, pg ? SAVEPOINT + PICK_USED : PICK_USED, slot, option);
            if (used >= 0 && change(c, RELEASE, slot, option, used)) {
                return;
            }
        }
        boolean h2 = dialect == Dialect.H2;
        List<int[]> all = lockAll(c, pg ? ROLLBACK_TO + LOCK_ALL : LOCK_ALL, slot, option);
        for (int i = all.size() - 1; i >= 0; i--) {
            if ((h2 || all.get(i)[2] > 0) && change(c, RELEASE, slot, option, all.get(i)[0])) {
                return;
            }
        }
        throw new IllegalStateException("option " + option + " of slot " + slot + " has no reserved place to release");
    }

    private static int pick(Connection c, String sql, long slot, OptionId option) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, slot);
            ps.setString(2, option.value());
            try (ResultSet rs = query(ps)) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }

    /** Every stripe of the test, locked in stripe order: {stripe, capacity, reserved}. */
    private static List<int[]> lockAll(Connection c, String sql, long slot, OptionId option) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, slot);
            ps.setString(2, option.value());
            List<int[]> out = new ArrayList<>();
            try (ResultSet rs = query(ps)) {
                while (rs.next()) {
                    out.add(new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)});
                }
            }
            return out;
        }
    }

    /** The rows of a query, also when a savepoint command comes first in the same round trip. */
    static ResultSet query(PreparedStatement ps) throws SQLException {
        if (ps.execute()) {
            return ps.getResultSet();
        }
        if (!ps.getMoreResults()) {
            throw new SQLException("no rows answered by " + ps);
        }
        return ps.getResultSet();
    }

    private static boolean change(Connection c, String sql, long slot, OptionId option, int stripe)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, slot);
            ps.setString(2, option.value());
            ps.setInt(3, stripe);
            return ps.executeUpdate() == 1;
        }
    }
}
