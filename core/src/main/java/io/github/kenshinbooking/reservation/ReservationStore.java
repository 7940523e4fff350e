package io.github.kenshinbooking.reservation;

import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.schedule.SlotId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Port: reservations and the places they hold. The store itself enforces capacity (SLOT-3) and one
 * live reservation per member and fiscal year (ONE-1), so no race between the service's checks and
 * the write can break them: the JDBC adapter by a conditional update and a unique constraint.
 * Writes join the current unit of work; a refused write leaves nothing behind once the unit of
 * work rolls back. Implementations must be thread-safe.
 */
public interface ReservationStore {
    /**
     * Reads one reservation, live or cancelled.
     *
     * @param id the reservation's id
     * @return the reservation, or empty
     */
    Optional<Reservation> find(ReservationId id);

    /**
     * The member's live reservation in that fiscal year, if any (ONE-1 allows one).
     *
     * @param member the member
     * @param fiscalYear the fiscal year of the exam date
     * @return the live reservation, or empty
     */
    Optional<Reservation> findLive(MemberId member, FiscalYear fiscalYear);

    /**
     * Every reservation of the member, live and cancelled, in no particular order (HIST-1).
     *
     * @param member the member
     * @return that member's reservations only
     */
    List<Reservation> findByMember(MemberId member);

    /**
     * Live reservations holding a place in the slot.
     *
     * @param slot the slot
     * @return the live reservations, by id
     */
    List<Reservation> findLiveBySlot(SlotId slot);

    /**
     * Live reservations whose slot is on that date (MAIL-3 reminders).
     *
     * @param examDate the exam date
     * @return the live reservations, by id
     */
    List<Reservation> findLiveOn(LocalDate examDate);

    /**
     * Takes a place in {@code reservation.slot()} and stores the new live reservation, atomically.
     * When several refusals apply, ONE-1's is answered before {@code SLOT_FULL}.
     *
     * @param reservation the new live reservation
     * @throws Refusal {@code SLOT_FULL} if no place is left, {@code EVENT_CANCELLED} if the slot's
     *     day was cancelled, {@code SLOT_CLOSED} if staff closed the slot (STAFF-3),
     *     {@code ALREADY_RESERVED_THIS_FISCAL_YEAR} if the member already holds a live reservation in
     *     that fiscal year
     * @throws DuplicateReservationIdException if a stored reservation has the same id (the id source
     *     handed it out again); nothing is written
     */
    void insert(Reservation reservation) throws Refusal;

    /**
     * Moves a live reservation: takes a place in {@code moved.slot()}, releases the place of
     * {@code current.slot()} and stores {@code moved}, atomically; the id stays (CHG-1). A refusal
     * changes nothing.
     *
     * @param current the reservation as it is stored
     * @param moved the same reservation in its new slot, fiscal year and phone
     * @throws Refusal {@code ALREADY_CANCELLED} if it is no longer live, {@code SLOT_FULL},
     *     {@code EVENT_CANCELLED} or {@code SLOT_CLOSED} for the new slot, {@code ALREADY_RESERVED_THIS_FISCAL_YEAR} if the
     *     move enters a fiscal year where the member holds another live reservation
     */
    void move(Reservation current, Reservation moved) throws Refusal;

    /**
     * Cancels a live reservation and releases its place, atomically; the reservation is kept as
     * cancelled (CNL-1).
     *
     * @param current the reservation as it is stored
     * @param cancelled the same reservation, cancelled
     * @throws Refusal {@code ALREADY_CANCELLED} if it is no longer live
     */
    void cancel(Reservation current, Reservation cancelled) throws Refusal;
}
