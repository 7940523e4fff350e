package io.github.kenshinbooking;

import io.github.kenshinbooking.schedule.CalendarDay;
import io.github.kenshinbooking.schedule.DeadlineKind;
import io.github.kenshinbooking.schedule.Mark;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.OptionAvailability;
import io.github.kenshinbooking.schedule.SlotAvailability;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.schedule.SlotStatus;
import io.github.kenshinbooking.schedule.Venue;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.reservation.Reservation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The calendar a selected member sees (SLOT-4, SLOT-5): slot status and marks, the month view
 * (1ヶ月表示) and the list view (一覧表示), for all venues (全ての枠) or one; and the public slot facts
 * (remaining, mark, deadlines). Members outside the age range may see it too (ELIG-4). Thread-safe.
 */
public final class CalendarService {
    private final EngineContext ctx;
    private final HouseholdAccess access;

    CalendarService(EngineContext ctx, HouseholdAccess access) {
        this.ctx = ctx;
        this.access = access;
    }

    /**
     * One slot's status for the selected member (SLOT-4).
     *
     * @param session the household's session
     * @param member the selected member of the household
     * @param slot the slot
     * @return the slot with its status, 残りN名, mark and booking deadline
     * @throws Refusal {@code PASSWORD_CHANGE_REQUIRED}, {@code FORBIDDEN}, {@code NOT_FOUND}
     */
    public SlotAvailability availability(HouseholdSession session, MemberId member, SlotId slot) throws Refusal {
        Inputs.required(slot, Refusal.FIELD_SLOT);
        Set<SlotId> held = heldSlots(session, member);
        return availability(find(slot), held, ctx.clock().instant());
    }

    /**
     * The month view: each date of the month with at least one slot (of the venue, or of all
     * venues when empty), its aggregate status and booking deadline.
     *
     * @param session the household's session
     * @param member the selected member of the household
     * @param month the month shown
     * @param venue the venue, or empty for all venues (全ての枠)
     * @return the days with slots, by date
     * @throws Refusal {@code PASSWORD_CHANGE_REQUIRED}, {@code FORBIDDEN}
     */
    public List<CalendarDay> month(HouseholdSession session, MemberId member, YearMonth month, Optional<Venue> venue)
            throws Refusal {
        Inputs.required(month, Refusal.FIELD_MONTH);
        Inputs.required(venue, Refusal.FIELD_VENUE);
        return days(session, member, month.atDay(1), month.plusMonths(1).atDay(1), venue);
    }

    /**
     * The list view: every slot with {@code from <= date < to}, with status, ordered by date, venue, start.
     *
     * @param session the household's session
     * @param member the selected member of the household
     * @param from the first date, inclusive
     * @param to the end date, exclusive; not before {@code from}
     * @param venue the venue, or empty for all venues (全ての枠)
     * @return the slots with their status
     * @throws Refusal {@code PASSWORD_CHANGE_REQUIRED}, {@code FORBIDDEN}, {@code INVALID_INPUT}
     */
    public List<SlotAvailability> list(HouseholdSession session, MemberId member, LocalDate from, LocalDate to,
            Optional<Venue> venue) throws Refusal {
        Inputs.required(from, Refusal.FIELD_FROM);
        Inputs.required(to, Refusal.FIELD_TO);
        Inputs.required(venue, Refusal.FIELD_VENUE);
        if (to.isBefore(from)) {
            throw Refusal.invalidInput(Refusal.FIELD_TO, "before from");
        }
        Set<SlotId> held = heldSlots(session, member);
        Instant now = ctx.clock().instant();
        List<SlotAvailability> out = new ArrayList<>();
        for (Slot s : ctx.storage().slots().findBetween(venue, from, to)) {
            out.add(availability(s, held, now));
        }
        return out;
    }

    /**
     * Days between two dates, as {@link #month} does for a month.
     *
     * @param session the household's session
     * @param member the selected member of the household
     * @param from the first date, inclusive
     * @param to the end date, exclusive
     * @param venue the venue, or empty for all venues (全ての枠)
     * @return the days with slots, by date
     * @throws Refusal {@code INVALID_INPUT}, {@code PASSWORD_CHANGE_REQUIRED}, {@code FORBIDDEN}
     */
    public List<CalendarDay> days(HouseholdSession session, MemberId member, LocalDate from, LocalDate to,
            Optional<Venue> venue) throws Refusal {
        Inputs.required(from, Refusal.FIELD_FROM);
        Inputs.required(to, Refusal.FIELD_TO);
        Inputs.required(venue, Refusal.FIELD_VENUE);
        Set<SlotId> held = heldSlots(session, member);
        Instant now = ctx.clock().instant();
        Map<LocalDate, List<SlotAvailability>> byDay = new LinkedHashMap<>();
        for (Slot s : ctx.storage().slots().findBetween(venue, from, to)) {
            byDay.computeIfAbsent(s.date(), d -> new ArrayList<>()).add(availability(s, held, now));
        }
        List<CalendarDay> out = new ArrayList<>(byDay.size());
        byDay.forEach((date, slots) -> out.add(new CalendarDay(date, dayStatus(slots),
                ctx.deadlines().localDeadline(DeadlineKind.BOOKING, date), slots)));
        return out;
    }

    /**
     * Places left in a slot (SLOT-3).
     *
     * @param slot the slot
     * @return capacity − live reservations
     * @throws Refusal {@code NOT_FOUND}
     */
    public int remaining(SlotId slot) throws Refusal {
        Inputs.required(slot, Refusal.FIELD_SLOT);
        return find(slot).remaining();
    }

    /**
     * ○, △ or × for a slot (SLOT-4).
     *
     * @param slot the slot
     * @return the mark under the policy's △ threshold
     * @throws Refusal {@code NOT_FOUND}
     */
    public Mark mark(SlotId slot) throws Refusal {
        Inputs.required(slot, Refusal.FIELD_SLOT);
        return Mark.of(find(slot).remaining(), ctx.policy().slots().fewLeftThreshold());
    }

    /**
     * A slot's deadline of the given kind, local to the union's zone.
     *
     * @param slot the slot
     * @param kind booking, change or cancel
     * @return the deadline
     * @throws Refusal {@code NOT_FOUND}
     */
    public LocalDateTime deadline(SlotId slot, DeadlineKind kind) throws Refusal {
        Inputs.required(slot, Refusal.FIELD_SLOT);
        Inputs.required(kind, Refusal.FIELD_KIND);
        return ctx.deadlines().localDeadline(kind, find(slot).date());
    }

    /** Aggregates a day's slots (SLOT-5): RESERVED, else AVAILABLE if any, else FULL if any, else OUTSIDE_RECEPTION. */
    static SlotStatus dayStatus(List<SlotAvailability> slots) {
        boolean full = false;
        boolean available = false;
        for (SlotAvailability a : slots) {
            switch (a.status()) {
                case RESERVED:
                    return SlotStatus.RESERVED;
                case AVAILABLE:
                    available = true;
                    break;
                case FULL:
                    full = true;
                    break;
                default:
                    break;
            }
        }
        return available ? SlotStatus.AVAILABLE : full ? SlotStatus.FULL : SlotStatus.OUTSIDE_RECEPTION;
    }

    private SlotAvailability availability(Slot s, Set<SlotId> held, Instant now) {
        int few = ctx.policy().slots().fewLeftThreshold();
        // OPT-3: each optional test's places beside the slot's own, marked as SLOT-4 marks the slot
        List<OptionAvailability> options = s.options().stream().map(o -> new OptionAvailability(o.option(),
                ctx.courses().optionName(o.option()), o.remaining(), Mark.of(o.remaining(), few))).toList();
        return new SlotAvailability(s, ctx.bookingRules().status(s, held.contains(s.id()), now), s.remaining(),
                Mark.of(s.remaining(), few), ctx.deadlines().localDeadline(DeadlineKind.BOOKING, s.date()), options);
    }

    private Set<SlotId> heldSlots(HouseholdSession session, MemberId member) throws Refusal {
        Inputs.required(session, Refusal.FIELD_SESSION);
        Inputs.required(member, Refusal.FIELD_MEMBER);
        access.requireActive(session);
        HouseholdAccess.memberOf(access.household(session.household()), member);
        return ctx.storage().reservations().findByMember(member).stream().filter(Reservation::live)
                .map(Reservation::slot).collect(Collectors.toUnmodifiableSet());
    }

    private Slot find(SlotId id) throws Refusal {
        return ctx.storage().slots().find(id)
                .orElseThrow(() -> Refusal.onField(ErrorCode.NOT_FOUND, Refusal.FIELD_SLOT, "no such slot"));
    }
}
