package io.github.kenshinbooking.jdbc;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A slot's places (SLOT-3) in the {@code kb_slot_stripe} table: the capacity is split over up to
 * {@code stripesPerSlot} rows, each with its share and its own reserved count, so that bookings of
 * one slot lock different rows and commit in the same disk flush instead of queueing for one
 * counter row (the row lock is held until the commit's flush). Every change is a conditional update
 * of one stripe, never above its share nor below zero, and the shares add up to the capacity, so
 * the slot can never be overbooked; the reserved count of a slot is the sum of its stripes.
 *
 * <p>A take first tries one stripe with room that no other transaction holds ({@code SKIP
 * LOCKED}); only if there is none does it lock every stripe of the slot, in stripe order, and look
 * again, so a refusal means the slot was full at one instant, never that its free places were
 * merely busy. H2 applies {@code LIMIT} before skipping locked rows, so it always takes the second
 * way.
 *
 * <p>Staff change a slot's places here too (STAFF-3). A capacity change, and an edit that needs the slot
 * empty, first lock every stripe of the slot (so no booking, cancel or move of the slot is in flight)
 * and then the slot's row (so two capacity changes queue); they decide on the stripes read under those
 * locks and write with conditional updates that also check what was read, so a stale read can never
 * write a wrong count: it rolls back and runs again. A capacity change keeps every stripe's reserved
 * places; lowering it takes only free places (a stripe left with none is removed), raising it adds new
 * stripes up to the adapter's count, else spreads the places over the stripes. Closing a slot marks its
 * stripes not bookable, as a cancelled event day does.
 *
 * <p>On MariaDB the search for a free stripe starts at the connection's node's share of the stripes:
 * stripe {@code (auto_increment_offset - 1) * stripesPerSlot / auto_increment_increment}, then wraps
 * around. On one server that is stripe 0, as elsewhere. A Galera cluster gives each node its own
 * offset (1..nodes, increment = nodes), and its nodes do not see each other's row locks: two
 * bookings of one slot on two nodes that took the same stripe would meet only at commit, where
 * certification aborts one of them (deadlock error 1213) and its unit of work runs again. Starting
 * in different stripes, nodes seldom take the same one. Internal.
 */
final class Places {
    /** Stripes per slot unless set otherwise: as many bookings of one slot as proceed at once. */
    static final int DEFAULT_STRIPES = 8;
    /** The most stripes a slot may have. */
    static final int MAX_STRIPES = 64;

    /** Where a free stripe no other transaction holds is found: after {@code FROM kb_slot_stripe}. */
    private static final String FREE = " WHERE slot_id = ? AND bookable AND reserved < capacity"
            + " ORDER BY stripe LIMIT 1 FOR UPDATE SKIP LOCKED";
    static final String PICK_FREE = "SELECT stripe FROM kb_slot_stripe" + FREE;
    /** MariaDB: the first stripe of this node's share; parameter: stripes per slot (see the class comment). */
    private static final String NODE_START = "(@@auto_increment_offset - 1) * ? DIV @@auto_increment_increment";
    /** MariaDB: a free stripe from the node's start on (parameters: slot, stripes per slot)... */
    static final String PICK_FREE_FROM_NODE = "SELECT stripe FROM kb_slot_stripe WHERE slot_id = ? AND stripe >= "
            + NODE_START + " AND bookable AND reserved < capacity ORDER BY stripe LIMIT 1 FOR UPDATE SKIP LOCKED";
    /** ...or, wrapping around, before it (only where the node's start is not stripe 0). */
    static final String PICK_FREE_BEFORE_NODE = "SELECT stripe FROM kb_slot_stripe WHERE slot_id = ? AND stripe < "
            + NODE_START + " AND bookable AND reserved < capacity ORDER BY stripe LIMIT 1 FOR UPDATE SKIP LOCKED";
    static final String TAKE = "UPDATE kb_slot_stripe SET reserved = reserved + 1 WHERE slot_id = ? AND stripe = ?"
            + " AND bookable AND reserved < capacity";
    static final String LOCK_ALL =
            "SELECT stripe, capacity, reserved, bookable FROM kb_slot_stripe WHERE slot_id = ? ORDER BY stripe FOR UPDATE";
    static final String PICK_USED = "SELECT stripe FROM kb_slot_stripe WHERE slot_id = ? AND reserved > 0"
            + " ORDER BY stripe DESC LIMIT 1 FOR UPDATE SKIP LOCKED";
    static final String RELEASE =
            "UPDATE kb_slot_stripe SET reserved = reserved - 1 WHERE slot_id = ? AND stripe = ? AND reserved > 0";
    /**
     * PostgreSQL: the first CTEs of a one-statement booking, taking a free stripe no one else holds;
     * {@code upd} yields the slot id once a place is taken, no row otherwise. Parameter 1: the slot.
     */
    static final String TAKE_CTES = "pick AS (SELECT slot_id, stripe FROM kb_slot_stripe" + FREE + "),"
            + " upd AS (UPDATE kb_slot_stripe t SET reserved = t.reserved + 1 FROM pick"
            + " WHERE t.slot_id = pick.slot_id AND t.stripe = pick.stripe RETURNING t.slot_id AS id)";

    private Places() {
    }

    /** The SQL expression of the reserved count of the slot aliased {@code slot}. */
    static String reservedOf(String slot) {
        return "(SELECT COALESCE(SUM(st.reserved), 0) FROM kb_slot_stripe st WHERE st.slot_id = " + slot + ".id)";
    }

    /** The shares of {@code capacity} over {@code min(stripes, capacity)} stripes, as even as possible. */
    static int[] shares(int capacity, int stripes) {
        if (capacity < 0 || stripes < 1) {
            throw new IllegalArgumentException("capacity " + capacity + ", stripes " + stripes);
        }
        int n = Math.min(stripes, capacity);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = capacity / n + (i < capacity % n ? 1 : 0);
        }
        return out;
    }

    /** Stores the stripes of a new slot, none reserved, all bookable. */
    static void create(Connection c, long slot, int capacity, int stripes) throws SQLException {
        int[] shares = shares(capacity, stripes);
        if (shares.length == 0) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO kb_slot_stripe (slot_id, stripe, capacity, reserved, bookable) VALUES (?, ?, ?, 0, TRUE)")) {
            for (int i = 0; i < shares.length; i++) {
                ps.setLong(1, slot);
                ps.setInt(2, i);
                ps.setInt(3, shares[i]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Takes one place of the slot in the current transaction.
     *
     * @param stripes the stripes per slot of the storage (where a MariaDB node's share starts)
     * @return false if every stripe is full or not bookable (event day cancelled), or the slot has none
     */
    static boolean take(Connection c, Dialect dialect, long slot, int stripes) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            int free = pick(c, PICK_FREE, slot);
            if (free >= 0 && change(c, TAKE, slot, free)) {
                return true;
            }
        } else if (dialect == Dialect.MARIADB) {
            int free = pickFromNode(c, PICK_FREE_FROM_NODE, slot, stripes);
            if (free < 0) {
                free = pickFromNode(c, PICK_FREE_BEFORE_NODE, slot, stripes);
            }
            if (free >= 0 && change(c, TAKE, slot, free)) {
                return true;
            }
        }
        // H2 may answer the values read before the wait: its conditional updates decide alone
        boolean h2 = dialect == Dialect.H2;
        for (Stripe s : lockAll(c, slot)) {
            if ((h2 || s.bookable && s.reserved < s.capacity) && change(c, TAKE, slot, s.stripe)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Gives back one place of the slot in the current transaction (a cancel or a move away; also
     * on a cancelled event day).
     *
     * @throws IllegalStateException if no stripe of the slot has a place taken: the counts disagree
     *     with the live reservations, which only a change outside this adapter can cause
     */
    static void release(Connection c, Dialect dialect, long slot) throws SQLException {
        if (dialect != Dialect.H2) {
            int used = pick(c, PICK_USED, slot);
            if (used >= 0 && change(c, RELEASE, slot, used)) {
                return;
            }
        }
        boolean h2 = dialect == Dialect.H2;
        List<Stripe> all = lockAll(c, slot);
        for (int i = all.size() - 1; i >= 0; i--) {
            Stripe s = all.get(i);
            if ((h2 || s.reserved > 0) && change(c, RELEASE, slot, s.stripe)) {
                return;
            }
        }
        throw new IllegalStateException("slot " + slot + " has no reserved place to release");
    }

    /** Marks the stripes of the venue-day's slots not bookable (SLOT-6), waiting for bookings in flight. */
    static void closeEventDay(Connection c, String venue, LocalDate date) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE kb_slot_stripe SET bookable = FALSE"
                + " WHERE slot_id IN (SELECT id FROM kb_slot WHERE venue = ? AND exam_date = ?)")) {
            ps.setString(1, venue);
            Jdbc.setDate(ps, 2, date);
            ps.executeUpdate();
        }
    }

    /**
     * STAFF-3: sets the slot's capacity, never below its places taken. Locks every stripe, then the slot.
     *
     * @return {@code false} (nothing changed) for an unknown slot
     * @throws Refusal {@code CAPACITY_BELOW_TAKEN}, having written nothing
     */
    static boolean changeCapacity(Connection c, Dialect dialect, long slot, int capacity, int stripesPerSlot)
            throws SQLException, Refusal {
        lockAll(c, slot);
        Boolean bookable = lockSlot(c, dialect, slot);
        if (bookable == null) {
            return false;
        }
        List<Stripe> stripes = lockAll(c, slot); // again: also the stripes a capacity change committed meanwhile
        int taken = 0;
        int total = 0;
        int last = -1;
        for (Stripe s : stripes) {
            taken += s.reserved;
            total += s.capacity;
            last = Math.max(last, s.stripe);
        }
        if (capacity < taken) {
            throw Refusal.onField(ErrorCode.CAPACITY_BELOW_TAKEN, Refusal.FIELD_CAPACITY, taken + " places are taken");
        }
        if (capacity < total) {
            int lower = total - capacity;
            for (int i = stripes.size() - 1; i >= 0 && lower > 0; i--) {
                Stripe s = stripes.get(i);
                int by = Math.min(lower, s.capacity - s.reserved);
                if (by > 0) {
                    setCapacity(c, slot, s, s.capacity - by);
                    lower -= by;
                }
            }
        } else if (capacity > total) {
            int raise = capacity - total;
            int room = Math.min(stripesPerSlot - stripes.size(), raise);
            if (room > 0) {
                int[] shares = shares(raise, room);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO kb_slot_stripe (slot_id, stripe, capacity,"
                        + " reserved, bookable) VALUES (?, ?, ?, 0, ?)")) {
                    for (int i = 0; i < shares.length; i++) {
                        ps.setLong(1, slot);
                        ps.setInt(2, last + 1 + i);
                        ps.setInt(3, shares[i]);
                        ps.setBoolean(4, bookable);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            } else {
                int[] shares = shares(raise, stripes.size());
                for (int i = 0; i < shares.length; i++) {
                    setCapacity(c, slot, stripes.get(i), stripes.get(i).capacity + shares[i]);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE kb_slot SET capacity = ? WHERE id = ?")) {
            ps.setInt(1, capacity);
            ps.setLong(2, slot);
            ps.executeUpdate();
        }
        return true;
    }

    /**
     * STAFF-3: whether the slot holds no place taken, for an edit in the same transaction. Locks every
     * stripe, then the slot.
     *
     * @return {@code null} for an unknown slot, else whether no place is taken
     */
    static Boolean lockEmpty(Connection c, Dialect dialect, long slot) throws SQLException {
        lockAll(c, slot);
        if (lockSlot(c, dialect, slot) == null) {
            return null;
        }
        for (Stripe s : lockAll(c, slot)) {
            if (s.reserved > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * STAFF-3: closes the slot's stripes to bookings, waiting for bookings in flight, or opens them again
     * unless the slot's event day is cancelled.
     */
    static void setBookable(Connection c, long slot, boolean closed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(closed
                ? "UPDATE kb_slot_stripe SET bookable = FALSE WHERE slot_id = ?"
                : "UPDATE kb_slot_stripe SET bookable = (SELECT NOT s.cancelled FROM kb_slot s WHERE s.id = ?)"
                        + " WHERE slot_id = ?")) {
            ps.setLong(1, slot);
            if (!closed) {
                ps.setLong(2, slot);
            }
            ps.executeUpdate();
        }
    }

    /**
     * Locks the slot's row for a change of its places; answers whether new stripes would be bookable
     * (neither cancelled nor closed), or {@code null} for an unknown slot.
     */
    private static Boolean lockSlot(Connection c, Dialect dialect, long slot) throws SQLException {
        // on PostgreSQL a lock that does not block the key-share locks of reservations referring to the slot
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM kb_slot WHERE id = ?"
                + (dialect == Dialect.POSTGRESQL ? " FOR NO KEY UPDATE" : " FOR UPDATE"))) {
            ps.setLong(1, slot);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
            }
        }
        // read again once locked: H2 may answer a locking read with the values from before its wait
        try (PreparedStatement ps = c.prepareStatement("SELECT cancelled, closed FROM kb_slot WHERE id = ?")) {
            ps.setLong(1, slot);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return !rs.getBoolean(1) && !rs.getBoolean(2);
            }
        }
    }

    /**
     * One stripe's new capacity, conditional on the stripe being as read and keeping its reserved places;
     * a stripe left without places is removed. A stripe not as read (a stale read) rolls the unit of work
     * back to run again.
     */
    private static void setCapacity(Connection c, long slot, Stripe s, int capacity) throws SQLException {
        String sql = capacity == 0
                ? "DELETE FROM kb_slot_stripe WHERE slot_id = ? AND stripe = ? AND capacity = ? AND reserved = 0"
                : "UPDATE kb_slot_stripe SET capacity = ? WHERE slot_id = ? AND stripe = ? AND capacity = ?"
                        + " AND reserved <= ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (capacity > 0) {
                ps.setInt(i++, capacity);
            }
            ps.setLong(i++, slot);
            ps.setInt(i++, s.stripe);
            ps.setInt(i++, s.capacity);
            if (capacity > 0) {
                ps.setInt(i, capacity);
            }
            if (ps.executeUpdate() != 1) {
                throw new SQLException("stripe " + s.stripe + " of slot " + slot + " changed under a capacity change",
                        "40001");
            }
        }
    }

    private record Stripe(int stripe, int capacity, int reserved, boolean bookable) {
    }

    private static int pick(Connection c, String sql, long slot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, slot);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }

    private static int pickFromNode(Connection c, String sql, long slot, int stripes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, slot);
            ps.setInt(2, stripes);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }

    private static List<Stripe> lockAll(Connection c, long slot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LOCK_ALL)) {
            ps.setLong(1, slot);
            List<Stripe> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Stripe(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4)));
                }
            }
            return out;
        }
    }

    private static boolean change(Connection c, String sql, long slot, int stripe) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, slot);
            ps.setInt(2, stripe);
            return ps.executeUpdate() == 1;
        }
    }
}
