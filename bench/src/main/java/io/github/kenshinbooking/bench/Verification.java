package io.github.kenshinbooking.bench;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.schedule.Slot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What the database holds after a run, checked against the rules: no slot has more live rows than
 * its capacity (SLOT-3), the slot's counter equals its live rows so remaining = capacity − live
 * rows (SLOT-3; not for the lock-and-count baseline, which keeps no counter), at most one live
 * reservation per member and fiscal year (ONE-1), as many live rows as the clients counted
 * bookings, and (for library and raw same-SQL) one outbox row per booking (MAIL-2). The first
 * three also cover the history rows of earlier fiscal years.
 *
 * @param overbookedSlots     slots with more live rows than capacity
 * @param counterMismatches   slots whose remaining (library's {@code CalendarService.remaining}) is
 *                            not capacity − live rows; -1 when not checked
 * @param one1Violations      (member, fiscal year) pairs with more than one live reservation
 * @param liveRows            live reservations in the database
 * @param outboxRows          outbox rows in the database
 * @param problems            what failed, in words; empty when all holds
 */
record Verification(long overbookedSlots, long counterMismatches, long one1Violations, long liveRows,
        long outboxRows, List<String> problems) {

    boolean ok() {
        return problems.isEmpty();
    }

    static Verification check(DataSource ds, KenshinBooking engine, List<Slot> slots, Mechanism mechanism,
            long bookedByClients) throws SQLException {
        List<String> problems = new ArrayList<>();
        long overbooked = count(ds, "SELECT count(*) FROM kb_slot s WHERE (SELECT count(*) FROM kb_reservation r"
                + " WHERE r.slot_id = s.id AND r.status = 'CONFIRMED') > s.capacity");
        if (overbooked != 0) {
            problems.add(overbooked + " slot(s) overbooked");
        }
        long one1 = count(ds, "SELECT count(*) FROM (SELECT member_id, fiscal_year FROM kb_reservation"
                + " WHERE status = 'CONFIRMED' GROUP BY member_id, fiscal_year HAVING count(*) > 1) x");
        if (one1 != 0) {
            problems.add(one1 + " ONE-1 violation(s)");
        }
        // the history rows of earlier fiscal years are not this run's bookings
        long live = count(ds, "SELECT count(*) FROM kb_reservation WHERE status = 'CONFIRMED' AND fiscal_year >= "
                + Population.FISCAL_YEAR_START.getYear());
        if (live != bookedByClients) {
            problems.add(live + " live rows but the clients counted " + bookedByClients + " bookings");
        }
        long outbox = count(ds, "SELECT count(*) FROM kb_outbox");
        long mismatches = -1;
        if (mechanism != Mechanism.LOCK_COUNT) {
            if (outbox != bookedByClients) {
                problems.add(outbox + " outbox rows for " + bookedByClients + " bookings");
            }
            mismatches = 0;
            for (Slot s : slots) {
                long rows = count(ds, "SELECT count(*) FROM kb_reservation WHERE status = 'CONFIRMED' AND slot_id = "
                        + s.id().value());
                int remaining;
                try {
                    remaining = engine.calendar().remaining(s.id());
                } catch (Refusal r) {
                    throw new IllegalStateException("slot " + s.id() + " vanished", r);
                }
                if (remaining != s.capacity() - rows || remaining < 0) {
                    mismatches++;
                }
            }
            if (mismatches != 0) {
                problems.add(mismatches + " slot(s) with remaining != capacity - live rows");
            }
        }
        return new Verification(overbooked, mismatches, one1, live, outbox, List.copyOf(problems));
    }

    /** The one number a query answers. */
    static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String summary() {
        return ok() ? "OK (overbooked 0, remaining=capacity-live " + (counterMismatches < 0 ? "n/a" : "0 mismatches")
                + ", ONE-1 violations 0, live rows " + liveRows + ")"
                : "FAILED: " + String.join("; ", problems);
    }
}
