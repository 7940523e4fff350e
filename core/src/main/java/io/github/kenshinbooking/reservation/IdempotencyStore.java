package io.github.kenshinbooking.reservation;

import io.github.kenshinbooking.household.SymbolNumber;
import java.util.Optional;

/** Port: idempotency keys of the final booking step, unique per household (BOOK-4). Thread-safe. */
public interface IdempotencyStore {
    /**
     * The reservation a key already produced in that household, if any. Keys are scoped to the
     * household and compared exactly.
     *
     * @param household the household
     * @param key the key
     * @return the reservation the claim named, or empty for a key not claimed (or claimed in a unit of
     *     work that failed)
     */
    Optional<ReservationId> find(SymbolNumber household, IdempotencyKey key);

    /**
     * Claims the key for the reservation, in the current unit of work. If another unit of work
     * holds or committed the same key, waits for it where the store can, and answers {@code false};
     * if that holder rolls back, the claim gets the key. A claim in a unit of work that fails leaves
     * the key free.
     *
     * @param household the household the key is scoped to
     * @param key the key
     * @param reservation the reservation the key produces
     * @return {@code true} if this call claimed the key, {@code false} if another claim had it (the
     *     first reservation is kept)
     */
    boolean claim(SymbolNumber household, IdempotencyKey key, ReservationId reservation);
}
