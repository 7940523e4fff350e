package io.github.kenshinbooking.memory;

import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.ReservationIds;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link ReservationIds} from a counter: unique, never reused, and not taken back by a failed unit
 * of work (like a database sequence), so it needs no lock. Internal.
 */
final class MemoryReservationIds implements ReservationIds {
    private final AtomicLong last = new AtomicLong();

    @Override
    public ReservationId next() {
        return ReservationId.of(last.incrementAndGet());
    }
}
