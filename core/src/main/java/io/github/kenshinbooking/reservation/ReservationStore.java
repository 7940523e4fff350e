package io.github.kenshinbooking.reservation;

import io.github.kenshinbooking.eligibility.CourseFamily;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.schedule.SlotId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Port: reservations and the places they hold. The store itself enforces capacity (SLOT-3), the
 * places of optional tests (OPT-2) and one live reservation per member, fiscal year and course family
 * (ONE-1, CRS-1), so no race between the service's checks and the write can break them: the JDBC
 * adapter by conditional updates and a unique constraint. A reservation's places are its slot's and
 * one of each optional test of its {@link Reservation#choice()}, taken and released together.
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
     * The member's live reservation of the default course family in that fiscal year, if any (ONE-1
     * allows one); the manual's reading, where every course is of that family.
     *
     * @param member the member
     * @param fiscalYear the fiscal year of the exam date
     * @return the live reservation, or empty
     */
    default Optional<Reservation> findLive(MemberId member, FiscalYear fiscalYear) {
        return findLive(member, fiscalYear, CourseFamily.DEFAULT);
    }

    /**
     * The member's live reservation of a course family in that fiscal year, if any (ONE-1 allows one
     * per family, CRS-1).
     *
     * @param member the member
     * @param fiscalYear the fiscal year of the exam date
     * @param family the course family
     * @return the live reservation, or empty
     */
    Optional<Reservation> findLive(MemberId member, FiscalYear fiscalYear, CourseFamily family);

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
     * Takes a place in {@code reservation.slot()} and one of each of its optional tests there, and
     * stores the new live reservation, atomically: all or none. When several refusals apply, ONE-1's is
     * answered before {@code SLOT_FULL}, and {@code SLOT_FULL} before {@code OPTION_FULL}.
     *
     * @param reservation the new live reservation
     * @throws Refusal {@code SLOT_FULL} if no place is left, {@code EVENT_CANCELLED} if the slot's
     *     day was cancelled, {@code SLOT_CLOSED} if staff closed the slot (STAFF-3),
     *     {@code ALREADY_RESERVED_THIS_FISCAL_YEAR} if the member already holds a live reservation in
     *     that fiscal year and course family, {@code OPTION_FULL} naming (in {@link Refusal#subject()})
     *     the first optional test, in code order, without a place (also one the slot does not offer)
     * @throws DuplicateReservationIdException if a stored reservation has the same id (the id source
     *     handed it out again); nothing is written
     */
    void insert(Reservation reservation) throws Refusal;

    /**
     * Moves a live reservation: takes a place in {@code moved.slot()}, releases the place of
     * {@code current.slot()} and stores {@code moved}, atomically; the id stays (CHG-1). Its optional
     * tests move with it: those of {@code moved.choice()} are taken, those of the stored reservation
     * released (OPT-2, OPT-3). Within the same slot only the tests added are taken and those dropped
     * released; the slot's own place stays. A refusal changes nothing.
     *
     * @param current the reservation as it is stored
     * @param moved the same reservation in its new slot, fiscal year and phone
     * @throws Refusal {@code ALREADY_CANCELLED} if it is no longer live, {@code SLOT_FULL},
     *     {@code EVENT_CANCELLED} or {@code SLOT_CLOSED} for the new slot, {@code ALREADY_RESERVED_THIS_FISCAL_YEAR} if the
     *     move enters a fiscal year where the member holds another live reservation of its family,
     *     {@code OPTION_FULL} naming the first optional test to take without a place
     */
    void move(Reservation current, Reservation moved) throws Refusal;

    /**
     * Cancels a live reservation and releases its place and those of its optional tests, atomically; the reservation is kept as
     * cancelled (CNL-1).
     *
     * @param current the reservation as it is stored
     * @param cancelled the same reservation, cancelled
     * @throws Refusal {@code ALREADY_CANCELLED} if it is no longer live
     */
    void cancel(Reservation current, Reservation cancelled) throws Refusal;
}
