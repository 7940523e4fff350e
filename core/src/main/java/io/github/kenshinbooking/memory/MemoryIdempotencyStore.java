package io.github.kenshinbooking.memory;

import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.IdempotencyKey;
import io.github.kenshinbooking.reservation.IdempotencyStore;
import io.github.kenshinbooking.reservation.ReservationId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link IdempotencyStore} in a map keyed by household and key. Internal. */
final class MemoryIdempotencyStore implements IdempotencyStore {
    private final MemoryTransactions tx;
    final Map<String, ReservationId> claimed = new HashMap<>();

    MemoryIdempotencyStore(MemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<ReservationId> find(SymbolNumber household, IdempotencyKey key) {
        return tx.read(() -> Optional.ofNullable(claimed.get(key(household, key))));
    }

    @Override
    public boolean claim(SymbolNumber household, IdempotencyKey key, ReservationId reservation) {
        return tx.write(() -> {
            String k = key(household, key);
            if (claimed.containsKey(k)) {
                return false;
            }
            tx.put(claimed, k, reservation);
            return true;
        });
    }

    private static String key(SymbolNumber h, IdempotencyKey k) {
        return h.value() + "\u0000" + k.value();
    }
}
