package io.github.kenshinbooking.jdbc;

import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.ReservationIds;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ReservationIds} from the sequence {@code kb_reservation_id_seq}: unique, never reused. Where
 * the dialect can fetch several sequence values in one statement (PostgreSQL, H2), it takes a block
 * of them at a time and hands them out from memory, so most bookings cost no round trip for their
 * id; ids not handed out when the process ends are skipped, never reused. A store that finds an id
 * in use {@linkplain #drop drops} the ids held. Internal.
 */
final class JdbcReservationIds implements ReservationIds {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcReservationIds.class);

    private final Transactions tx;
    private final int block;
    private final String sql;
    private final ArrayDeque<Long> cached = new ArrayDeque<>();
    /** Counts {@link #drop}s, so a block fetched before one is not cached after it (guarded by cached). */
    private long drops;

    JdbcReservationIds(Transactions tx, int block) {
        this.tx = tx;
        String many = block > 1 ? tx.dialect().nextReservationIds(block) : null;
        this.block = many == null ? 1 : block;
        this.sql = many == null ? tx.dialect().nextReservationId() : many;
    }

    @Override
    public ReservationId next() {
        long generation;
        synchronized (cached) {
            Long id = cached.pollFirst();
            if (id != null) {
                return ReservationId.of(id);
            }
            generation = drops;
        }
        // fetched outside the lock (a sequence never hands out a value twice); the first is ours
        long[] ids = tx.read("next reservation id", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                long[] out = new long[block];
                int n = 0;
                while (rs.next() && n < block) {
                    out[n++] = rs.getLong(1);
                }
                if (n == 0) {
                    throw new SQLException("sequence returned no value");
                }
                return java.util.Arrays.copyOf(out, n);
            }
        });
        synchronized (cached) {
            for (int i = 1; i < ids.length && generation == drops; i++) {
                cached.addLast(ids[i]);
            }
        }
        return ReservationId.of(ids[0]);
    }

    /**
     * The store found {@code inUse} held already: the sequence was set back (a fail-over to a standby
     * that had not received its last advance), so the ids held may be held too; drop them, and any block
     * being fetched now, so that the next id comes from the sequence.
     */
    void drop(ReservationId inUse) {
        int dropped;
        synchronized (cached) {
            dropped = cached.size();
            cached.clear();
            drops++;
        }
        LOG.warn("reservation id {} is held already: kb_reservation_id_seq was set back (as by a fail-over);"
                + " dropped the {} ids held, the booking is written again with a new id", inUse.value(), dropped);
    }
}
