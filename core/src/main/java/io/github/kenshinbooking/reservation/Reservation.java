package io.github.kenshinbooking.reservation;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.eligibility.ExamChoice;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.schedule.DeadlineKind;
import io.github.kenshinbooking.schedule.Deadlines;
import io.github.kenshinbooking.schedule.SlotId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A reservation (予約) of one member for one slot, for a course and its optional tests (CRS-1, OPT-2). Live while {@link ReservationStatus#CONFIRMED};
 * a change keeps the id and moves the slot (CHG-1); a cancel ends it (CNL-1). It keeps the change and
 * cancel deadlines it was booked (or last moved) under: a later change of the union's deadline days
 * applies to new bookings only (CHG-1, CNL-1). Immutable and thread-safe; the lifecycle methods return
 * new values.
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
 * @param changeDeadline the change deadline (CHG-1) promised when it was booked or last moved; empty
 *     for a reservation stored before promises were kept, whose deadline is the current policy's
 * @param cancelDeadline the cancel deadline (CNL-1) promised when it was booked or last moved; empty
 *     as for {@code changeDeadline}
 * @param choice       its course (with the family ONE-1 counts it in, CRS-1) and the optional tests it
 *     holds places for (OPT-2)
 */
public record Reservation(ReservationId id, SymbolNumber household, MemberId member, SlotId slot,
        FiscalYear fiscalYear, ReservationStatus status, PhoneNumber phone, String termsVersion,
        Instant bookedAt, Instant updatedAt, Optional<StaffAction> staffAction, Optional<Instant> changeDeadline,
        Optional<Instant> cancelDeadline, ExamChoice choice) {

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
     * @param changeDeadline the promised change deadline (CHG-1), or empty for the current policy's
     * @param cancelDeadline the promised cancel deadline (CNL-1), or empty for the current policy's
     * @param choice its course and optional tests (CRS-1, OPT-2)
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
        requireNonNull(changeDeadline, "changeDeadline");
        requireNonNull(cancelDeadline, "cancelDeadline");
        requireNonNull(choice, "choice");
    }

    /**
     * A reservation of the default course without optional tests ({@link ExamChoice#DEFAULT}).
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
     * @param changeDeadline the promised change deadline (CHG-1), or empty for the current policy's
     * @param cancelDeadline the promised cancel deadline (CNL-1), or empty for the current policy's
     * @throws NullPointerException if a component is {@code null}
     */
    public Reservation(ReservationId id, SymbolNumber household, MemberId member, SlotId slot, FiscalYear fiscalYear,
            ReservationStatus status, PhoneNumber phone, String termsVersion, Instant bookedAt, Instant updatedAt,
            Optional<StaffAction> staffAction, Optional<Instant> changeDeadline, Optional<Instant> cancelDeadline) {
        this(id, household, member, slot, fiscalYear, status, phone, termsVersion, bookedAt, updatedAt, staffAction,
                changeDeadline, cancelDeadline, ExamChoice.DEFAULT);
    }

    /**
     * This reservation for another course or other optional tests (a new booking's choice, CRS-1, OPT-2).
     *
     * @param newChoice the course and tests
     * @return a new reservation, otherwise the same
     */
    public Reservation withChoice(ExamChoice newChoice) {
        return new Reservation(id, household, member, slot, fiscalYear, status, phone, termsVersion, bookedAt,
                updatedAt, staffAction, changeDeadline, cancelDeadline, newChoice);
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
     * @param changeDeadline the change deadline (CHG-1) the policy in force gives the slot: promised
     * @param cancelDeadline the cancel deadline (CNL-1) the policy in force gives the slot: promised
     * @return the reservation, {@code CONFIRMED}, without staff action
     * @throws NullPointerException if an argument is {@code null}
     */
    public static Reservation booked(ReservationId id, SymbolNumber household, MemberId member, SlotId slot,
            FiscalYear fiscalYear, PhoneNumber phone, String termsVersion, Instant at, Instant changeDeadline,
            Instant cancelDeadline) {
        return new Reservation(id, household, member, slot, fiscalYear, ReservationStatus.CONFIRMED, phone,
                termsVersion, at, at, Optional.empty(), Optional.of(changeDeadline), Optional.of(cancelDeadline));
    }

    /**
     * The deadline of that kind this reservation holds: the promised one, or, for a reservation stored
     * before promises were kept, the one the current policy gives its exam date (CHG-1, CNL-1).
     *
     * @param kind {@link DeadlineKind#CHANGE} or {@link DeadlineKind#CANCEL}
     * @param current the deadlines under the current policy
     * @param examDate the exam date of its slot
     * @return the deadline instant
     * @throws IllegalArgumentException for {@link DeadlineKind#BOOKING}, a property of the slot (SLOT-2)
     */
    public Instant deadline(DeadlineKind kind, Deadlines current, LocalDate examDate) {
        requireNonNull(current, "current");
        requireNonNull(examDate, "examDate");
        Optional<Instant> promised = switch (requireNonNull(kind, "kind")) {
            case CHANGE -> changeDeadline;
            case CANCEL -> cancelDeadline;
            case BOOKING -> throw new IllegalArgumentException("the booking deadline is the slot's (SLOT-2)");
        };
        return promised.orElseGet(() -> current.deadline(kind, examDate));
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
     * This reservation moved to another slot (CHG-1, CNL-2); id and booking time stay; it is promised
     * the new slot's deadlines under the policy in force at the change.
     *
     * @param newSlot the new slot
     * @param newFiscalYear the fiscal year of the new slot's exam date
     * @param newPhone the daytime phone
     * @param at when it is changed
     * @param by the staff action, or empty when the household changes it (the last one is kept)
     * @param newChangeDeadline the new slot's change deadline (CHG-1) under the policy in force
     * @param newCancelDeadline the new slot's cancel deadline (CNL-1) under the policy in force
     * @return the moved reservation
     * @throws NullPointerException if an argument is {@code null}
     */
    public Reservation movedTo(SlotId newSlot, FiscalYear newFiscalYear, PhoneNumber newPhone, Instant at,
            Optional<StaffAction> by, Instant newChangeDeadline, Instant newCancelDeadline) {
        return new Reservation(id, household, member, newSlot, newFiscalYear, status, newPhone, termsVersion,
                bookedAt, at, by.isPresent() ? by : staffAction, Optional.of(newChangeDeadline),
                Optional.of(newCancelDeadline), choice);
    }

    /**
     * This reservation cancelled (CNL-1, SLOT-6); it keeps its promised deadlines.
     *
     * @param at when it is cancelled
     * @param by the staff action, or empty when the household cancels it (the last one is kept)
     * @return the cancelled reservation
     */
    public Reservation cancelled(Instant at, Optional<StaffAction> by) {
        return new Reservation(id, household, member, slot, fiscalYear, ReservationStatus.CANCELLED, phone,
                termsVersion, bookedAt, at, by.isPresent() ? by : staffAction, changeDeadline, cancelDeadline, choice);
    }
}
