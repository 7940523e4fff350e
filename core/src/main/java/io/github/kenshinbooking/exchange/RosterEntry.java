package io.github.kenshinbooking.exchange;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;

/**
 * The store's part of a roster row (DATA-1): a live reservation and the slot it holds. Immutable and
 * thread-safe.
 *
 * @param reservation the live reservation
 * @param slot        its slot
 */
public record RosterEntry(Reservation reservation, Slot slot) {
    /**
     * Checks the components.
     *
     * @param reservation the live reservation
     * @param slot its slot
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if the reservation does not hold that slot
     */
    public RosterEntry {
        requireNonNull(reservation, "reservation");
        requireNonNull(slot, "slot");
        if (!reservation.slot().equals(slot.id())) {
            throw new IllegalArgumentException("reservation " + reservation.id() + " does not hold slot " + slot.id());
        }
    }
}
