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
    /**
     * Stores a new slot and returns it with its id (SLOT-1): a new id per slot, no reservation, not
     * cancelled.
     *
     * @param spec what the union configured
     * @return the stored slot
     */
    Slot add(SlotSpec spec);

    /**
     * Reads one slot.
     *
     * @param id the slot's id
     * @return the slot, or empty for an id never handed out
     */
    Optional<Slot> find(SlotId id);

    /**
     * The slots with these ids that exist, by id, in one read (history lists; no N+1). Unknown and
     * repeated ids are harmless.
     *
     * @param ids the ids to read
     * @return the slots found, keyed by id
     */
    Map<SlotId, Slot> findAll(Collection<SlotId> ids);

    /**
     * Slots with {@code from <= date < to}, of one venue or of all venues when {@code venue} is
     * empty, ordered by date, venue name, start time, id. Venue names compare exactly.
     *
     * @param venue the venue, or empty for all venues
     * @param from the first date, inclusive
     * @param to the end date, exclusive
     * @return the slots, ordered
     */
    List<Slot> findBetween(Optional<Venue> venue, LocalDate from, LocalDate to);

    /**
     * Marks every slot of the venue-day as cancelled (SLOT-6, 開催中止); slots of other venues or days
     * are left alone.
     *
     * @param venue the venue
     * @param date the event day
     * @return those slots, cancelled, by start time; empty (and nothing changed) if the venue-day
     *     has none
     */
    List<Slot> cancelEventDay(Venue venue, LocalDate date);
}
