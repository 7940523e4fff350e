package io.github.kenshinbooking.reservation;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.eligibility.ExamChoice;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.schedule.SlotId;
import java.time.Instant;
import java.util.Optional;

/**
 * A member's entry on a slot's waiting list (キャンセル待ち, WAIT-1..WAIT-4). A snapshot: immutable and
 * thread-safe; each step gives a new entry.
 *
 * @param id          the entry's id, in joining order
 * @param household   the member's household
 * @param member      the waiting member
 * @param slot        the slot waited for
 * @param fiscalYear  the slot's fiscal year (the 3 live entries of WAIT-1 are counted per fiscal year)
 * @param phone       the daytime phone given at joining, used for the booking an accepted offer makes
 * @param state       where the entry stands
 * @param joinedAt    when the member joined
 * @param updatedAt   the last step
 * @param heldUntil   while {@link WaitingState#OFFERED} (and after), the end of the hold (WAIT-2)
 * @param reservation once {@link WaitingState#BOOKED}, the reservation the offer became
 * @param choice      the course and optional tests of the request the member joined with: an offer holds
 *     a place of the slot and one of each of these tests, and books them (WAIT-1, OPT-2)
 */
public record WaitingEntry(WaitingEntryId id, SymbolNumber household, MemberId member, SlotId slot,
        FiscalYear fiscalYear, PhoneNumber phone, WaitingState state, Instant joinedAt, Instant updatedAt,
        Optional<Instant> heldUntil, Optional<ReservationId> reservation, ExamChoice choice) {

    /**
     * Checks the components.
     *
     * @param id the entry's id
     * @param household the member's household
     * @param member the waiting member
     * @param slot the slot waited for
     * @param fiscalYear the slot's fiscal year
     * @param phone the daytime phone given at joining
     * @param state where the entry stands
     * @param joinedAt when the member joined
     * @param updatedAt the last step
     * @param heldUntil the end of the hold, required while offered
     * @param reservation the reservation, required once booked
     * @param choice the course and optional tests joined with
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if an offered entry has no hold end or a booked one no reservation
     */
    public WaitingEntry {
        requireNonNull(id, "id");
        requireNonNull(household, "household");
        requireNonNull(member, "member");
        requireNonNull(slot, "slot");
        requireNonNull(fiscalYear, "fiscalYear");
        requireNonNull(phone, "phone");
        requireNonNull(state, "state");
        requireNonNull(joinedAt, "joinedAt");
        requireNonNull(updatedAt, "updatedAt");
        requireNonNull(heldUntil, "heldUntil");
        requireNonNull(reservation, "reservation");
        requireNonNull(choice, "choice");
        if (state == WaitingState.OFFERED && heldUntil.isEmpty()) {
            throw new IllegalArgumentException("an offered entry needs the end of its hold");
        }
        if (state == WaitingState.BOOKED && reservation.isEmpty()) {
            throw new IllegalArgumentException("a booked entry needs its reservation");
        }
    }

    /**
     * An entry of the default course without optional tests (the entries before WAIT-1 took tests).
     *
     * @param id the entry's id
     * @param household the member's household
     * @param member the waiting member
     * @param slot the slot waited for
     * @param fiscalYear the slot's fiscal year
     * @param phone the daytime phone given at joining
     * @param state where the entry stands
     * @param joinedAt when the member joined
     * @param updatedAt the last step
     * @param heldUntil the end of the hold, required while offered
     * @param reservation the reservation, required once booked
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if an offered entry has no hold end or a booked one no reservation
     */
    public WaitingEntry(WaitingEntryId id, SymbolNumber household, MemberId member, SlotId slot,
            FiscalYear fiscalYear, PhoneNumber phone, WaitingState state, Instant joinedAt, Instant updatedAt,
            Optional<Instant> heldUntil, Optional<ReservationId> reservation) {
        this(id, household, member, slot, fiscalYear, phone, state, joinedAt, updatedAt, heldUntil, reservation,
                ExamChoice.DEFAULT);
    }

    /**
     * A new entry of the default course without optional tests, waiting.
     *
     * @param id the id the store gave it
     * @param household the member's household
     * @param member the member
     * @param slot the slot
     * @param fiscalYear the slot's fiscal year
     * @param phone the daytime phone
     * @param at when the member joined
     * @return the entry
     */
    public static WaitingEntry joined(WaitingEntryId id, SymbolNumber household, MemberId member, SlotId slot,
            FiscalYear fiscalYear, PhoneNumber phone, Instant at) {
        return joined(id, household, member, slot, fiscalYear, phone, at, ExamChoice.DEFAULT);
    }

    /**
     * A new entry for a course and optional tests, waiting.
     *
     * @param id the id the store gave it
     * @param household the member's household
     * @param member the member
     * @param slot the slot
     * @param fiscalYear the slot's fiscal year
     * @param phone the daytime phone
     * @param at when the member joined
     * @param choice the course and optional tests of the request
     * @return the entry
     */
    public static WaitingEntry joined(WaitingEntryId id, SymbolNumber household, MemberId member, SlotId slot,
            FiscalYear fiscalYear, PhoneNumber phone, Instant at, ExamChoice choice) {
        return new WaitingEntry(id, household, member, slot, fiscalYear, phone, WaitingState.WAITING, at, at,
                Optional.empty(), Optional.empty(), choice);
    }

    /**
     * Whether the entry is still on the list (waiting or offered).
     *
     * @return {@code true} while live
     */
    public boolean live() {
        return state.live();
    }

    /**
     * Whether a place is held for it at {@code now}: offered and the hold has not ended (WAIT-3).
     *
     * @param now the current instant
     * @return {@code true} if the offer may still be accepted
     */
    public boolean holding(Instant now) {
        return state == WaitingState.OFFERED && now.isBefore(heldUntil.orElseThrow());
    }

    /**
     * This entry, offered a place held until {@code until} (WAIT-2).
     *
     * @param now when the offer is made
     * @param until the end of the hold
     * @return the offered entry
     */
    public WaitingEntry offered(Instant now, Instant until) {
        return with(WaitingState.OFFERED, now, Optional.of(until), Optional.empty());
    }

    /**
     * This entry, its offer accepted as {@code reservation} (WAIT-3).
     *
     * @param now when it was accepted
     * @param reservation the reservation made
     * @return the booked entry
     */
    public WaitingEntry booked(Instant now, ReservationId reservation) {
        return with(WaitingState.BOOKED, now, heldUntil, Optional.of(reservation));
    }

    /**
     * This entry, in a final state without a reservation ({@link WaitingState#EXPIRED} or
     * {@link WaitingState#LEFT}).
     *
     * @param state the final state
     * @param now when it ended
     * @return the ended entry
     */
    public WaitingEntry ended(WaitingState state, Instant now) {
        if (state.live() || state == WaitingState.BOOKED) {
            throw new IllegalArgumentException("not an end without a reservation: " + state);
        }
        return with(state, now, heldUntil, Optional.empty());
    }

    private WaitingEntry with(WaitingState s, Instant now, Optional<Instant> until, Optional<ReservationId> r) {
        return new WaitingEntry(id, household, member, slot, fiscalYear, phone, s, joinedAt, now, until, r, choice);
    }
}
