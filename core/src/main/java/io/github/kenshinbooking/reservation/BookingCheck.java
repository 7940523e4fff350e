package io.github.kenshinbooking.reservation;

import io.github.kenshinbooking.error.ErrorCode;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The checks that decide whether a member may take a slot (予約可否), in the order of ORDER-1: when
 * several fail, the first one's refusal is answered. Book, confirm, change (for the new slot), the
 * staff's change and the calendar's status all run this one list through {@link BookingRules}.
 * What comes before it (input, session, member of the household, the slot exists) is located by the
 * use case, because it names the entities this list judges.
 */
public enum BookingCheck {
    /** SLOT-6: the event day was not cancelled ({@code EVENT_CANCELLED}). */
    EVENT_DAY(ErrorCode.EVENT_CANCELLED),
    /** STAFF-3: staff did not close the slot to new bookings ({@code SLOT_CLOSED}, where ORDER-1 has the event day). */
    SLOT_OPEN(ErrorCode.SLOT_CLOSED),
    /**
     * SLOT-2: the reception window is open ({@code RECEPTION_NOT_OPEN}, then {@code BOOKING_CLOSED};
     * staff may override the closing, STAFF-2).
     */
    RECEPTION(ErrorCode.RECEPTION_NOT_OPEN, ErrorCode.BOOKING_CLOSED),
    /**
     * ELIG-2, and CRS-1 for the chosen course: the member's age on the exam date, the course's own age
     * range and sex ({@code NOT_ELIGIBLE_AGE}); a course the slot does not offer is {@code INVALID_INPUT}
     * on field {@code course} here.
     */
    AGE(ErrorCode.NOT_ELIGIBLE_AGE, ErrorCode.INVALID_INPUT),
    /** ELIG-3: the member's qualification on the exam date ({@code NOT_QUALIFIED}). */
    QUALIFICATION(ErrorCode.NOT_QUALIFIED),
    /** ONE-1: no other live reservation in the slot's fiscal year ({@code ALREADY_RESERVED_THIS_FISCAL_YEAR}). */
    ONE_PER_FISCAL_YEAR(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR),
    /**
     * OPT-1: every optional test chosen may be added (sex, age, interval, exclusive group, course) and
     * the slot offers it; after ONE-1, before {@code SLOT_FULL}.
     */
    OPTIONS(ErrorCode.OPTION_NOT_ELIGIBLE),
    /** SLOT-3: a place is left ({@code SLOT_FULL}). */
    CAPACITY(ErrorCode.SLOT_FULL),
    /** OPT-2: every optional test chosen has a place left in the slot; after {@code SLOT_FULL}. */
    OPTION_CAPACITY(ErrorCode.OPTION_FULL);

    /** The checks about the slot alone, which the calendar's status reflects (SLOT-4, ELIG-4). */
    public static final Set<BookingCheck> OF_SLOT = EnumSet.of(EVENT_DAY, SLOT_OPEN, RECEPTION, CAPACITY);

    private final List<ErrorCode> refusals;

    BookingCheck(ErrorCode... refusals) {
        this.refusals = List.of(refusals);
    }

    /**
     * The codes this check can refuse with, in the order they are answered.
     *
     * @return the codes, unmodifiable
     */
    public List<ErrorCode> refusals() {
        return refusals;
    }
}
