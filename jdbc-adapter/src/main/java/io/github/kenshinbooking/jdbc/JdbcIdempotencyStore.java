package io.github.kenshinbooking.jdbc;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.IdempotencyKey;
import io.github.kenshinbooking.reservation.IdempotencyStore;
import io.github.kenshinbooking.reservation.ReservationId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * {@link IdempotencyStore} over {@code kb_idempotency_key}, primary key (household, key). A claim
 * inserts without an error on conflict, so it waits for a concurrent holder's transaction (the
 * database does) and answers {@code false} without aborting the caller's transaction. Internal.
 */
final class JdbcIdempotencyStore implements IdempotencyStore {
    private final Transactions tx;

    JdbcIdempotencyStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<ReservationId> find(SymbolNumber household, IdempotencyKey key) {
        requireNonNull(household, "household");
        requireNonNull(key, "key");
        return tx.read("find idempotency key", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT reservation_id FROM kb_idempotency_key WHERE household = ? AND idem_key = ?")) {
                ps.setString(1, household.value());
                ps.setString(2, key.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(ReservationId.of(rs.getLong(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean claim(SymbolNumber household, IdempotencyKey key, ReservationId reservation) {
        requireNonNull(household, "household");
        requireNonNull(key, "key");
        requireNonNull(reservation, "reservation");
        String sql = tx.dialect().insertIgnore("kb_idempotency_key", "household, idem_key, reservation_id", 3);
        return tx.write("claim idempotency key", c -> InsertIgnore.run(tx.dialect(), c, sql, ps -> {
            ps.setString(1, household.value());
            ps.setString(2, key.value());
            ps.setLong(3, reservation.value());
        }));
    }
}
