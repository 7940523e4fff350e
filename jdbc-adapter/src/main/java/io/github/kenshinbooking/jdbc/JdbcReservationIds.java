package io.github.kenshinbooking.jdbc;

import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.ReservationIds;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;

/**
 * {@link ReservationIds} from the sequence {@code kb_reservation_id_seq}: unique, never reused. Where
 * the dialect can fetch several sequence values in one statement (PostgreSQL, H2), it takes a block
 * of them at a time and hands them out from memory, so most bookings cost no round trip for their
 * id; ids not handed out when the process ends are skipped, never reused. Internal.
 */
final class JdbcReservationIds implements ReservationIds {
    private final Transactions tx;
    private final int block;
    private final String sql;
    private final ArrayDeque<Long> cached = new ArrayDeque<>();

    JdbcReservationIds(Transactions tx, int block) {
        this.tx = tx;
        String many = block > 1 ? tx.dialect().nextReservationIds(block) : null;
        this.block = many == null ? 1 : block;
        this.sql = many == null ? tx.dialect().nextReservationId() : many;
    }

    @Override
    public ReservationId next() {
        synchronized (cached) {
            Long id = cached.pollFirst();
            if (id != null) {
                return ReservationId.of(id);
            }
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
            for (int i = 1; i < ids.length; i++) {
                cached.addLast(ids[i]);
            }
        }
        return ReservationId.of(ids[0]);
    }
}
