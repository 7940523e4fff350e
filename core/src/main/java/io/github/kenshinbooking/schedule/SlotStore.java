package io.github.kenshinbooking.schedule;

import io.github.kenshinbooking.error.Refusal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the union's slots. The reserved count is changed only by the reservation store, which
 * enforces capacity (SLOT-3); staff change capacity, close slots and edit them here (STAFF-3), and the
 * store holds those changes against concurrent bookings itself. Implementations must be thread-safe;
 * writes join the current unit of work.
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

    /**
     * Sets a slot's capacity (STAFF-3), never below the places taken: decided against the places as
     * they are when the change is written, so a booking committing meanwhile is counted (the JDBC
     * adapter changes the slot's stripes by conditional updates under their row locks). Raising it
     * frees places at once; the reservations are untouched.
     *
     * @param id the slot
     * @param capacity the new capacity, at least 0
     * @return the slot with its new capacity, or empty (and nothing changed) for an id never handed out
     * @throws Refusal {@code CAPACITY_BELOW_TAKEN} if more places are taken than {@code capacity};
     *     nothing changed
     * @throws IllegalArgumentException if {@code capacity} is negative
     */
    Optional<Slot> changeCapacity(SlotId id, int capacity) throws Refusal;

    /**
     * Closes a slot to new bookings, or opens it again (STAFF-3). A closed slot's places are refused
     * by the reservation store ({@code SLOT_CLOSED}) to bookings and moves into it from the moment the
     * close commits; reservations it holds stay, and cancelling them gives their places back. Opening
     * a slot of a cancelled event day (SLOT-6) leaves it not bookable.
     *
     * @param id the slot
     * @param closed {@code true} to close it, {@code false} to open it again
     * @return the slot as it is now, or empty (and nothing changed) for an id never handed out
     */
    Optional<Slot> setClosed(SlotId id, boolean closed);

    /**
     * Edits the start, duration and reception opening of a slot that holds no live reservation
     * (STAFF-3), decided against its places as they are when the edit is written.
     *
     * @param id the slot
     * @param edit the new start, duration and reception opening
     * @return the edited slot, or empty (and nothing changed) for an id never handed out
     * @throws Refusal {@code SLOT_HAS_RESERVATIONS} if a live reservation holds a place in it;
     *     nothing changed
     */
    Optional<Slot> edit(SlotId id, SlotEdit edit) throws Refusal;
}
