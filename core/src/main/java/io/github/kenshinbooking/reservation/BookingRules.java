package io.github.kenshinbooking.reservation;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.eligibility.AgeRange;
import io.github.kenshinbooking.eligibility.Course;
import io.github.kenshinbooking.eligibility.CourseCatalog;
import io.github.kenshinbooking.eligibility.Eligibility;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.error.AgeLimit;
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
 * union's deadlines, eligibility and courses with their optional tests (CRS-1, OPT-1, OPT-2).
 * Immutable and thread-safe.
 */
public final class BookingRules {
    private final Deadlines deadlines;
    private final Eligibility eligibility;
    private final CourseCatalog courses;
    private final AgeRange unionAges;

    /**
     * Rules judging by these deadlines (SLOT-2) and this eligibility (ELIG-2, ELIG-3), with the manual's
     * one course and no optional tests.
     *
     * @param deadlines the union's deadlines
     * @param eligibility the union's eligibility
     */
    public BookingRules(Deadlines deadlines, Eligibility eligibility) {
        this(deadlines, eligibility, CourseCatalog.none());
    }

    /**
     * Rules judging by these deadlines (SLOT-2), this eligibility (ELIG-2, ELIG-3) and these courses and
     * optional tests (CRS-1, OPT-1).
     *
     * @param deadlines the union's deadlines
     * @param eligibility the union's eligibility
     * @param courses the union's courses and optional tests
     */
    public BookingRules(Deadlines deadlines, Eligibility eligibility, CourseCatalog courses) {
        this.deadlines = requireNonNull(deadlines, "deadlines");
        this.eligibility = requireNonNull(eligibility, "eligibility");
        this.courses = requireNonNull(courses, "courses");
        this.unionAges = eligibility.ageRange();
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
        check(BookingCase.of(member, slot, liveInSlotYear), now, closing);
    }

    /**
     * Refuses with the first failing check of the whole list for a booking or change with a course and
     * optional tests (CRS-1, OPT-1, OPT-2): as {@link #check(Member, Slot, boolean, Instant,
     * ReceptionClosing)}, the course judged with {@code NOT_ELIGIBLE_AGE}, then after ONE-1
     * {@code OPTION_NOT_ELIGIBLE}, {@code SLOT_FULL}, {@code OPTION_FULL}. A change within its slot is not
     * refused for the slot's place or a test's place it already holds.
     *
     * @param c the member, slot, choice and history
     * @param now the current instant
     * @param closing {@link ReceptionClosing#OVERRIDDEN} to skip {@code BOOKING_CLOSED} only
     * @throws Refusal the first failing check's; {@code OPTION_NOT_ELIGIBLE} and {@code OPTION_FULL} name
     *     the first test, in code order, in {@link Refusal#subject()}; a course of the union's own that
     *     excludes the member names it too
     */
    public void check(BookingCase c, Instant now, ReceptionClosing closing) throws Refusal {
        requireNonNull(c, "case");
        requireNonNull(closing, "closing");
        Optional<Refusal> refusal = firstRefusal(EnumSet.allOf(BookingCheck.class), Optional.of(c), c.slot(), now,
                closing);
        if (refusal.isPresent()) {
            throw refusal.get();
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
        Optional<Refusal> refusal = firstRefusal(BookingCheck.OF_SLOT, Optional.empty(), slot, now,
                ReceptionClosing.ENFORCED);
        if (refusal.isEmpty()) {
            return SlotStatus.AVAILABLE;
        }
        return BookingCheck.CAPACITY.refusals().contains(refusal.get().code()) ? SlotStatus.FULL
                : SlotStatus.OUTSIDE_RECEPTION;
    }

    private Optional<Refusal> firstRefusal(Set<BookingCheck> checks, Optional<BookingCase> c, Slot slot,
            Instant now, ReceptionClosing closing) {
        requireNonNull(slot, "slot");
        requireNonNull(now, "now");
        for (BookingCheck check : BookingCheck.values()) {
            if (checks.contains(check)) {
                Optional<Refusal> refusal = refusal(check, c, slot, now, closing);
                if (refusal.isPresent()) {
                    return refusal;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Refusal> refusal(BookingCheck check, Optional<BookingCase> c, Slot slot, Instant now,
            ReceptionClosing closing) {
        switch (check) {
            case EVENT_DAY:
                return when(slot.eventCancelled(), ErrorCode.EVENT_CANCELLED);
            case SLOT_OPEN:
                return when(slot.closed(), ErrorCode.SLOT_CLOSED);
            case RECEPTION:
                ReceptionWindow window = deadlines.receptionWindow(slot);
                return window.notYetOpen(now) ? Optional.of(Refusal.of(ErrorCode.RECEPTION_NOT_OPEN))
                        : when(window.closed(now) && closing == ReceptionClosing.ENFORCED, ErrorCode.BOOKING_CLOSED);
            case AGE:
                return course(c.orElseThrow());
            case QUALIFICATION:
                return when(!Eligibility.qualifiedOn(c.orElseThrow().member(), slot.date()), ErrorCode.NOT_QUALIFIED);
            case ONE_PER_FISCAL_YEAR:
                return when(c.orElseThrow().liveInFamilyYear(), ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
            case OPTIONS:
                return options(c.orElseThrow());
            case CAPACITY:
                return when(slot.remaining() <= 0 && !c.map(BookingCase::holdsSlot).orElse(false),
                        ErrorCode.SLOT_FULL);
            case OPTION_CAPACITY:
                return optionPlaces(c.orElseThrow());
            default:
                throw new AssertionError(check);
        }
    }

    /** ELIG-2 and CRS-1: the course exists, the slot offers it, the member's age and sex fit it. */
    private Optional<Refusal> course(BookingCase c) {
        Course course = courses.course(c.choice().course()).orElse(null);
        if (course == null || !c.slot().offers(course.id())) {
            return Optional.of(Refusal.invalidInput(Refusal.FIELD_COURSE,
                    course == null ? "no such course" : "the slot does not offer this course"));
        }
        Optional<CourseCatalog.CourseRefusal> why = courses.courseRefusal(course, c.member(), c.slot().date(),
                unionAges);
        if (why.isEmpty()) {
            return Optional.empty();
        }
        if (why.get() != CourseCatalog.CourseRefusal.SEX && course.ages().isEmpty()) {
            // ELIG-2's own range: refused as the manual's rule, with its ages
            return Optional.of(Refusal.notEligibleAge(eligibility.ageLimit(c.member().birthDate(), c.slot().date())
                    .orElseThrow()));
        }
        AgeLimit limit = switch (why.get()) {
            case TOO_YOUNG -> AgeLimit.TOO_YOUNG;
            case TOO_OLD -> AgeLimit.TOO_OLD;
            case SEX -> null;
        };
        return Optional.of(Refusal.courseNotEligible(limit, course.id().value(), course.name()));
    }

    /** OPT-1: the first test, in code order, that the slot does not offer or the member may not add. */
    private Optional<Refusal> options(BookingCase c) {
        Optional<OptionId> notOffered = c.choice().options().stream().filter(o -> c.slot().option(o).isEmpty())
                .findFirst();
        Optional<OptionId> ineligible = courses.firstIneligible(c.member(), c.choice().course(),
                c.choice().options(), c.slot().date(), c.taken());
        Optional<OptionId> first = notOffered.isEmpty() ? ineligible : ineligible.isEmpty() ? notOffered
                : Optional.of(notOffered.get().compareTo(ineligible.get()) <= 0 ? notOffered.get() : ineligible.get());
        return first.map(o -> Refusal.onOption(ErrorCode.OPTION_NOT_ELIGIBLE, o.value(), courses.optionName(o)));
    }

    /** OPT-2: the first test, in code order, without a place left that the reservation does not hold yet. */
    private Optional<Refusal> optionPlaces(BookingCase c) {
        for (OptionId o : c.choice().options()) {
            if (!c.holdsOption(o) && c.slot().option(o).map(p -> p.remaining() <= 0).orElse(true)) {
                return Optional.of(Refusal.onOption(ErrorCode.OPTION_FULL, o.value(), courses.optionName(o)));
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> when(boolean failed, ErrorCode code) {
        return failed ? Optional.of(Refusal.of(code)) : Optional.empty();
    }
}
