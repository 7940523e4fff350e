package io.github.kenshinbooking.reservation;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import java.util.Optional;

/**
 * What one booking decision reads from storage (BOOK-2, ORDER-1), as
 * {@link io.github.kenshinbooking.storage.Storage#bookingSnapshot} returns it. Each part is read
 * committed; the parts need not be one consistent snapshot, because
 * {@link io.github.kenshinbooking.storage.Storage#book} re-checks in the store everything a
 * concurrent change could break (capacity, cancelled day, ONE-1, idempotency key). Immutable and thread-safe.
 *
 * @param account the household's stored account, empty if it never logged in
 * @param slot the requested slot, empty if there is no such slot
 * @param liveInSlotYear the member's live reservation in the fiscal year of {@code slot}, if any
 *     (always empty when {@code slot} is)
 * @param repeat the reservation the request's idempotency key already produced in the household, if
 *     any (always empty without a key)
 */
public record BookingSnapshot(Optional<Account> account, Optional<Slot> slot, Optional<Reservation> liveInSlotYear,
        Optional<Reservation> repeat) {
    /**
     * Checks the components.
     *
     * @param account the household's stored account, empty if it never logged in
     * @param slot the requested slot, empty if there is no such slot
     * @param liveInSlotYear the member's live reservation in the fiscal year of {@code slot}, if any
     *     (always empty when {@code slot} is)
     * @param repeat the reservation the request's idempotency key already produced in the household,
     *     if any (always empty without a key)
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if {@code liveInSlotYear} is present without {@code slot}
     */
    public BookingSnapshot {
        requireNonNull(account, "account");
        requireNonNull(slot, "slot");
        requireNonNull(liveInSlotYear, "liveInSlotYear");
        requireNonNull(repeat, "repeat");
        if (slot.isEmpty() && liveInSlotYear.isPresent()) {
            throw new IllegalArgumentException("a live reservation in the slot's fiscal year needs the slot");
        }
    }
}
