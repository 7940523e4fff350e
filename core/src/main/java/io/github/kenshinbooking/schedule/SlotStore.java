package io.github.kenshinbooking.schedule;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the union's slots. The reserved count is changed only by the reservation store, which
 * enforces capacity (SLOT-3). Implementations must be thread-safe; writes join the current unit of
 * work.
 */
public interface SlotStore {
    /** Stores a new slot and returns it with its id. */
    Slot add(SlotSpec spec);

    Optional<Slot> find(SlotId id);

    /** The slots with these ids that exist, by id, in one read (history lists; no N+1). */
    Map<SlotId, Slot> findAll(Collection<SlotId> ids);

    /**
     * Slots with {@code from <= date < to}, of one venue or of all venues when {@code venue} is
     * empty, ordered by date, venue name, start time, id.
     */
    List<Slot> findBetween(Optional<Venue> venue, LocalDate from, LocalDate to);

    /** Marks every slot of the venue-day as cancelled (SLOT-6); returns those slots. */
    List<Slot> cancelEventDay(Venue venue, LocalDate date);
}
