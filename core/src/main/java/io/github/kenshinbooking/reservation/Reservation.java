package io.github.kenshinbooking.reservation;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.schedule.SlotId;
import java.time.Instant;
import java.util.Optional;

/**
 * A reservation (予約) of one member for one slot. Live while {@link ReservationStatus#CONFIRMED};
 * a change keeps the id and moves the slot (CHG-1); a cancel ends it (CNL-1). Immutable and
 * thread-safe; the lifecycle methods return new values.
 *
 * @param id           the 予約ID
 * @param household    the household's symbol number (記号番号)
 * @param member       the reserved member
 * @param slot         the slot it holds
 * @param fiscalYear   the fiscal year of the exam date (ELIG-1), the ONE-1 scope
 * @param status       live ({@code CONFIRMED}) or cancelled
 * @param phone        the daytime phone (日中の連絡先)
 * @param termsVersion the version of the terms the household accepted (BOOK-1)
 * @param bookedAt     when it was booked
 * @param updatedAt    when it was last booked, changed or cancelled
 * @param staffAction  the last staff action on it (CNL-2), if any
 */
public record Reservation(ReservationId id, SymbolNumber household, MemberId member, SlotId slot,
        FiscalYear fiscalYear, ReservationStatus status, PhoneNumber phone, String termsVersion,
        Instant bookedAt, Instant updatedAt, Optional<StaffAction> staffAction) {

    /**
     * Checks the components.
     *
     * @param id the 予約ID
     * @param household the household's symbol number (記号番号)
     * @param member the reserved member
     * @param slot the slot it holds
     * @param fiscalYear the fiscal year of the exam date (ELIG-1), the ONE-1 scope
     * @param status live ({@code CONFIRMED}) or cancelled
     * @param phone the daytime phone (日中の連絡先)
     * @param termsVersion the version of the terms the household accepted (BOOK-1)
     * @param bookedAt when it was booked
     * @param updatedAt when it was last booked, changed or cancelled
     * @param staffAction the last staff action on it (CNL-2), if any
     * @throws NullPointerException if a component is {@code null}
     */
    public Reservation {
        requireNonNull(id, "id");
        requireNonNull(household, "household");
        requireNonNull(member, "member");
        requireNonNull(slot, "slot");
        requireNonNull(fiscalYear, "fiscalYear");
        requireNonNull(status, "status");
        requireNonNull(phone, "phone");
        requireNonNull(termsVersion, "termsVersion");
        requireNonNull(bookedAt, "bookedAt");
        requireNonNull(updatedAt, "updatedAt");
        requireNonNull(staffAction, "staffAction");
    }

    /**
     * A new live reservation.
     *
     * @param id the new 予約ID
     * @param household the household
     * @param member the reserved member
     * @param slot the slot
     * @param fiscalYear the fiscal year of the slot's exam date
     * @param phone the daytime phone
     * @param termsVersion the version of the terms accepted
     * @param at when it is booked
     * @return the reservation, {@code CONFIRMED}, without staff action
     */
    public static Reservation booked(ReservationId id, SymbolNumber household, MemberId member, SlotId slot,
            FiscalYear fiscalYear, PhoneNumber phone, String termsVersion, Instant at) {
        return new Reservation(id, household, member, slot, fiscalYear, ReservationStatus.CONFIRMED, phone,
                termsVersion, at, at, Optional.empty());
    }

    /**
     * Whether it is live: {@link ReservationStatus#CONFIRMED}.
     *
     * @return {@code true} unless cancelled
     */
    public boolean live() {
        return status == ReservationStatus.CONFIRMED;
    }

    /**
     * This reservation moved to another slot (CHG-1); id and booking time stay.
     *
     * @param newSlot the new slot
     * @param newFiscalYear the fiscal year of the new slot's exam date
     * @param newPhone the daytime phone
     * @param at when it is changed
     * @param by the staff action, or empty when the household changes it (the last one is kept)
     * @return the moved reservation
     */
    public Reservation movedTo(SlotId newSlot, FiscalYear newFiscalYear, PhoneNumber newPhone, Instant at,
            Optional<StaffAction> by) {
        return new Reservation(id, household, member, newSlot, newFiscalYear, status, newPhone, termsVersion,
                bookedAt, at, by.isPresent() ? by : staffAction);
    }

    /**
     * This reservation cancelled (CNL-1, SLOT-6).
     *
     * @param at when it is cancelled
     * @param by the staff action, or empty when the household cancels it (the last one is kept)
     * @return the cancelled reservation
     */
    public Reservation cancelled(Instant at, Optional<StaffAction> by) {
        return new Reservation(id, household, member, slot, fiscalYear, ReservationStatus.CANCELLED, phone,
                termsVersion, bookedAt, at, by.isPresent() ? by : staffAction);
    }
}
