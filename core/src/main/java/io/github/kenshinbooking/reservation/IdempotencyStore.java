package io.github.kenshinbooking.reservation;

import io.github.kenshinbooking.household.SymbolNumber;
import java.util.Optional;

/** Port: idempotency keys of the final booking step, unique per household (BOOK-4). Thread-safe. */
public interface IdempotencyStore {
    /** The reservation a key already produced in that household, if any. */
    Optional<ReservationId> find(SymbolNumber household, IdempotencyKey key);

    /**
     * Claims the key for the reservation, in the current unit of work. If another unit of work
     * holds or committed the same key, waits for it where the store can, and answers {@code false}.
     */
    boolean claim(SymbolNumber household, IdempotencyKey key, ReservationId reservation);
}
