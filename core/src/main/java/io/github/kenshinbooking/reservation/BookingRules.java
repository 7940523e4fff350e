package io.github.kenshinbooking.reservation;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.eligibility.Eligibility;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.schedule.Deadlines;
import io.github.kenshinbooking.schedule.ReceptionWindow;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.EnumSet;
import java.util.Set;

/**
 * ORDER-1's one home: runs the {@link BookingCheck}s in their order for a member and a slot, under one
 * union's deadlines and eligibility. Immutable and thread-safe.
 */
public final class BookingRules {
    private final Deadlines deadlines;
    private final Eligibility eligibility;

    /**
     * Rules judging by these deadlines (SLOT-2) and this eligibility (ELIG-2, ELIG-3).
     *
     * @param deadlines the union's deadlines
     * @param eligibility the union's eligibility
     */
    public BookingRules(Deadlines deadlines, Eligibility eligibility) {
        this.deadlines = requireNonNull(deadlines, "deadlines");
        this.eligibility = requireNonNull(eligibility, "eligibility");
    }

    /**
     * Refuses with the first failing check of the whole list, for booking {@code member} into
     * {@code slot} at {@code now}; the reception window's closing holds.
     *
     * @param member the member to book
     * @param slot the slot to book
     * @param liveInSlotYear whether the member already holds another live reservation in the slot's
     *     fiscal year
     * @param now the current instant
     * @throws Refusal the first failing check's code, in ORDER-1: {@code EVENT_CANCELLED},
     *     {@code SLOT_CLOSED}, {@code RECEPTION_NOT_OPEN}, {@code BOOKING_CLOSED},
     *     {@code NOT_ELIGIBLE_AGE}, {@code NOT_QUALIFIED}, {@code ALREADY_RESERVED_THIS_FISCAL_YEAR},
     *     {@code SLOT_FULL}; {@code NOT_ELIGIBLE_AGE} carries {@link Refusal#ageLimit()}
     */
    public void check(Member member, Slot slot, boolean liveInSlotYear, Instant now) throws Refusal {
        check(member, slot, liveInSlotYear, now, ReceptionClosing.ENFORCED);
    }

    /**
     * Refuses with the first failing check of the whole list, as {@link #check(Member, Slot, boolean,
     * Instant)}, with the reception window's closing enforced or overridden by staff (STAFF-2).
     *
     * @param member the member to book
     * @param slot the slot to book
     * @param liveInSlotYear whether the member already holds another live reservation in the slot's
     *     fiscal year
     * @param now the current instant
     * @param closing {@link ReceptionClosing#OVERRIDDEN} to skip {@code BOOKING_CLOSED} only
     * @throws Refusal as {@link #check(Member, Slot, boolean, Instant)}, without {@code BOOKING_CLOSED}
     *     when the closing is overridden
     */
    public void check(Member member, Slot slot, boolean liveInSlotYear, Instant now, ReceptionClosing closing)
            throws Refusal {
        requireNonNull(member, "member");
        requireNonNull(closing, "closing");
        Optional<ErrorCode> refusal = firstRefusal(EnumSet.allOf(BookingCheck.class), Optional.of(member), slot,
                liveInSlotYear, now, closing);
        if (refusal.isPresent()) {
            if (refusal.get() == ErrorCode.NOT_ELIGIBLE_AGE) {
                throw Refusal.notEligibleAge(
                        eligibility.ageLimit(member.birthDate(), slot.date()).orElseThrow());
            }
            throw Refusal.of(refusal.get());
        }
    }

    /**
     * The slot's status for a member (SLOT-4), from the slot-only checks of the same list:
     * {@code RESERVED} if the member holds it, else {@code OUTSIDE_RECEPTION} when the event day or
     * reception check fails, else {@code FULL} when capacity fails, else {@code AVAILABLE}.
     *
     * @param slot the slot
     * @param heldByMember whether the selected member holds a live reservation in it
     * @param now the current instant
     * @return the slot's status for the member
     */
    public SlotStatus status(Slot slot, boolean heldByMember, Instant now) {
        if (heldByMember) {
            return SlotStatus.RESERVED;
        }
        Optional<ErrorCode> refusal = firstRefusal(BookingCheck.OF_SLOT, Optional.empty(), slot, false, now,
                ReceptionClosing.ENFORCED);
        if (refusal.isEmpty()) {
            return SlotStatus.AVAILABLE;
        }
        return BookingCheck.CAPACITY.refusals().contains(refusal.get()) ? SlotStatus.FULL
                : SlotStatus.OUTSIDE_RECEPTION;
    }

    private Optional<ErrorCode> firstRefusal(Set<BookingCheck> checks, Optional<Member> member, Slot slot,
            boolean liveInSlotYear, Instant now, ReceptionClosing closing) {
        requireNonNull(slot, "slot");
        requireNonNull(now, "now");
        for (BookingCheck check : BookingCheck.values()) {
            if (checks.contains(check)) {
                Optional<ErrorCode> refusal = refusal(check, member, slot, liveInSlotYear, now, closing);
                if (refusal.isPresent()) {
                    return refusal;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<ErrorCode> refusal(BookingCheck check, Optional<Member> member, Slot slot,
            boolean liveInSlotYear, Instant now, ReceptionClosing closing) {
        switch (check) {
            case EVENT_DAY:
                return when(slot.eventCancelled(), ErrorCode.EVENT_CANCELLED);
            case SLOT_OPEN:
                return when(slot.closed(), ErrorCode.SLOT_CLOSED);
            case RECEPTION:
                ReceptionWindow window = deadlines.receptionWindow(slot);
                return window.notYetOpen(now) ? Optional.of(ErrorCode.RECEPTION_NOT_OPEN)
                        : when(window.closed(now) && closing == ReceptionClosing.ENFORCED, ErrorCode.BOOKING_CLOSED);
            case AGE:
                return when(!eligibility.ageEligible(member.orElseThrow().birthDate(), slot.date()),
                        ErrorCode.NOT_ELIGIBLE_AGE);
            case QUALIFICATION:
                return when(!Eligibility.qualifiedOn(member.orElseThrow(), slot.date()), ErrorCode.NOT_QUALIFIED);
            case ONE_PER_FISCAL_YEAR:
                return when(liveInSlotYear, ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
            case CAPACITY:
                return when(slot.remaining() <= 0, ErrorCode.SLOT_FULL);
            default:
                throw new AssertionError(check);
        }
    }

    private static Optional<ErrorCode> when(boolean failed, ErrorCode code) {
        return failed ? Optional.of(code) : Optional.empty();
    }
}
