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
 * @param fiscalYear   the fiscal year of the exam date (ELIG-1), the ONE-1 scope
 * @param termsVersion the version of the terms the household accepted (BOOK-1)
 * @param staffAction  the last staff action on it (CNL-2), if any
 */
public record Reservation(ReservationId id, SymbolNumber household, MemberId member, SlotId slot,
        FiscalYear fiscalYear, ReservationStatus status, PhoneNumber phone, String termsVersion,
        Instant bookedAt, Instant updatedAt, Optional<StaffAction> staffAction) {

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

    /** A new live reservation. */
    public static Reservation booked(ReservationId id, SymbolNumber household, MemberId member, SlotId slot,
            FiscalYear fiscalYear, PhoneNumber phone, String termsVersion, Instant at) {
        return new Reservation(id, household, member, slot, fiscalYear, ReservationStatus.CONFIRMED, phone,
                termsVersion, at, at, Optional.empty());
    }

    public boolean live() {
        return status == ReservationStatus.CONFIRMED;
    }

    /** This reservation moved to another slot (CHG-1). */
    public Reservation movedTo(SlotId newSlot, FiscalYear newFiscalYear, PhoneNumber newPhone, Instant at,
            Optional<StaffAction> by) {
        return new Reservation(id, household, member, newSlot, newFiscalYear, status, newPhone, termsVersion,
                bookedAt, at, by.isPresent() ? by : staffAction);
    }

    /** This reservation cancelled (CNL-1, SLOT-6). */
    public Reservation cancelled(Instant at, Optional<StaffAction> by) {
        return new Reservation(id, household, member, slot, fiscalYear, ReservationStatus.CANCELLED, phone,
                termsVersion, bookedAt, at, by.isPresent() ? by : staffAction);
    }
}
