package io.github.kenshinbooking.jdbc;

import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.ReservationIds;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** {@link ReservationIds} from the sequence {@code reservation_id_seq}: unique, never reused. Internal. */
final class JdbcReservationIds implements ReservationIds {
    private final Transactions tx;

    JdbcReservationIds(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public ReservationId next() {
        String sql = tx.dialect().nextReservationId();
        return tx.read("next reservation id", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("sequence returned no value");
                }
                return ReservationId.of(rs.getLong(1));
            }
        });
    }
}
