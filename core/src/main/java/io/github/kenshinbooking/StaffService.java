package io.github.kenshinbooking;

import io.github.kenshinbooking.account.LoginAttemptStore;
import io.github.kenshinbooking.account.LoginAttempts;
import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditChannel;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.observation.Operation;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.PhoneNumber;
import io.github.kenshinbooking.reservation.ReceptionClosing;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.StaffAction;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotEdit;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import io.github.kenshinbooking.notification.OutboxEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Union staff actions (組合職員, STAFF-1..STAFF-4): lift a household's lock; book, change and cancel on
 * a member's behalf (電話予約, STAFF-2; after a deadline too, CNL-2), ignoring the reservation's change
 * and cancel deadlines and, when staff say so, the new slot's booking deadline, but still respecting
 * capacity, ONE-1, eligibility and the rest of the reception window; manage slots (STAFF-3: add, edit,
 * change capacity, close and reopen, cancel an event day, SLOT-6). Every action names the staff member
 * and a reason (STAFF-4) and appends an audit record in its own unit of work (AUDIT-1): actor the
 * staff member, channel {@code PHONE} for a reservation acted on for a member, {@code STAFF} otherwise.
 * Authenticating staff is the integrator's concern ({@link StaffAccountService} helps); this service
 * trusts the staff id it is given. Thread-safe.
 */
public final class StaffService {
    /** Directory rounds of an event-day cancellation before households booked meanwhile go unnamed. */
    private static final int MAX_DIRECTORY_ROUNDS = 3;

    private final EngineContext ctx;
    private final BookingService bookings;

    StaffService(EngineContext ctx, BookingService bookings) {
        this.ctx = ctx;
        this.bookings = bookings;
    }

    /**
     * Lifts a household's login lock (STAFF-1, AUTH-4), e.g. after the household phoned the union: the
     * way out for a household without e-mail, which cannot reset its password. The failure count
     * starts again from zero; the password is unchanged.
     *
     * @param staff        who acts
     * @param reason       why (STAFF-4)
     * @param symbolNumber the household's 記号番号
     * @return {@code true} if the household was locked, {@code false} if there was no lock to lift
     * @throws Refusal {@code INVALID_INPUT}; {@code NOT_FOUND} (field {@code symbolNumber}) for a
     *     household not in the union's member records
     */
    public boolean unlock(StaffId staff, String reason, String symbolNumber) throws Refusal {
        Inputs.required(staff, Refusal.FIELD_STAFF);
        Inputs.reason(reason);
        SymbolNumber household = SymbolNumber.parse(symbolNumber, Refusal.FIELD_SYMBOL_NUMBER);
        if (ctx.directory().find(household).isEmpty()) {
            throw Refusal.onField(ErrorCode.NOT_FOUND, Refusal.FIELD_SYMBOL_NUMBER, "no such household");
        }
        return ctx.storage().unitOfWork().execute(() -> {
            LoginAttemptStore attempts = ctx.storage().loginAttempts();
            LoginAttempts state = attempts.findForUpdate(household.value());
            if (!state.equals(LoginAttempts.none())) {
                attempts.save(household.value(), LoginAttempts.none());
            }
            Instant now = ctx.clock().instant();
            Audits.append(ctx, Audits.byStaff(new StaffAction(staff, reason, now), AuditChannel.STAFF,
                    AuditAction.UNLOCKED, AuditTarget.household(household), Audits.attempts(state),
                    Audits.attempts(LoginAttempts.none())));
            return state.lockedAt(now);
        });
    }

    /**
     * Books a place for a member on the household's behalf (STAFF-2, 電話予約): the household's booking
     * (BOOK-1..BOOK-4, ORDER-1) without a session, so also for a household that never logged in
     * (AUTH-5 concerns its own sessions); recorded with the staff action. Eligibility, ONE-1, capacity,
     * the event day, a slot closed by staff and the reception window's opening always hold; its closing
     * (the booking deadline, SLOT-2) holds unless {@code closing} overrides it. The household gets the
     * booking mail as for its own booking.
     *
     * @param staff   who acts
     * @param reason  why (STAFF-4; recorded with the reservation and the audit record)
     * @param request the member, slot, daytime phone, the terms accepted on the phone, and an optional
     *     idempotency key scoped to the member's household (BOOK-4)
     * @param closing {@link ReceptionClosing#OVERRIDDEN} to book past the slot's booking deadline
     * @return the new reservation, or the first one of a repeated key
     * @throws Refusal in ORDER-1: {@code INVALID_INPUT}, {@code INVALID_PHONE}, {@code TERMS_NOT_ACCEPTED},
     *     {@code NOT_FOUND} (field {@code member}) for a member not in the member records, then as
     *     {@link BookingService#book} from {@code IDEMPOTENCY_KEY_REUSED} and {@code NOT_FOUND} (slot) on,
     *     with {@code SLOT_CLOSED} after {@code EVENT_CANCELLED}, and no {@code BOOKING_CLOSED} when
     *     overridden
     */
    public Reservation book(StaffId staff, String reason, BookingRequest request, ReceptionClosing closing)
            throws Refusal {
        try {
            Inputs.required(staff, Refusal.FIELD_STAFF);
            Inputs.reason(reason);
            Inputs.required(closing, Refusal.FIELD_CLOSING);
            return bookings.bookForMember(request, new StaffAction(staff, reason, ctx.clock().instant()), closing);
        } catch (Refusal r) {
            ctx.observer().refused(Operation.STAFF_BOOK, r.code());
            throw r;
        }
    }

    /**
     * Changes any reservation for a household (CNL-2, STAFF-2), after its change deadline too; the new
     * slot's reception window, closing included, holds (CNL-2).
     *
     * @param staff   who acts
     * @param reason  why (recorded with the reservation)
     * @param id      the reservation
     * @param newSlot the slot to move to
     * @param phone the new phone, or {@code null} to keep it
     * @throws Refusal {@code INVALID_INPUT}, {@code INVALID_PHONE}, {@code NOT_FOUND},
     *     {@code ALREADY_CANCELLED}, then the new slot as for a booking
     * @return the moved reservation
     */
    public Reservation change(StaffId staff, String reason, ReservationId id, SlotId newSlot, String phone)
            throws Refusal {
        return change(staff, reason, id, newSlot, phone, ReceptionClosing.ENFORCED);
    }

    /**
     * Changes any reservation for a household (STAFF-2), after its change deadline too, and past the new
     * slot's booking deadline when {@code closing} overrides it; everything else of the new slot holds
     * as for {@link #book}.
     *
     * @param staff   who acts
     * @param reason  why (recorded with the reservation)
     * @param id      the reservation
     * @param newSlot the slot to move to
     * @param phone the new phone, or {@code null} to keep it
     * @param closing {@link ReceptionClosing#OVERRIDDEN} to move past the new slot's booking deadline
     * @return the moved reservation
     * @throws Refusal as {@link #change(StaffId, String, ReservationId, SlotId, String)}, without
     *     {@code BOOKING_CLOSED} when overridden
     */
    public Reservation change(StaffId staff, String reason, ReservationId id, SlotId newSlot, String phone,
            ReceptionClosing closing) throws Refusal {
        return ctx.observe(Operation.STAFF_CHANGE, () -> changeUnobserved(staff, reason, id, newSlot, phone, closing));
    }

    private Reservation changeUnobserved(StaffId staff, String reason, ReservationId id, SlotId newSlot, String phone,
            ReceptionClosing closing) throws Refusal {
        Inputs.required(staff, Refusal.FIELD_STAFF);
        Inputs.reason(reason);
        Inputs.required(closing, Refusal.FIELD_CLOSING);
        Inputs.required(id, Refusal.FIELD_RESERVATION);
        Inputs.required(newSlot, Refusal.FIELD_SLOT);
        Optional<PhoneNumber> newPhone = phone == null ? Optional.empty() : Optional.of(PhoneNumber.parse(phone));
        Optional<Household> household = householdOf(id);
        Reservation moved = ctx.storage().unitOfWork().execute(() -> bookings.changeChecked(
                bookings.anyReservation(id), household, newSlot, newPhone,
                Optional.of(new StaffAction(staff, reason, ctx.clock().instant())), closing));
        bookings.waiting().offerPooledNow(); // WAIT-2
        return moved;
    }

    /**
     * Cancels any reservation for a household (CNL-2, STAFF-2), after its cancel deadline too.
     *
     * @param staff  who acts
     * @param reason why (recorded with the reservation)
     * @param id     the reservation
     * @return the cancelled reservation
     * @throws Refusal {@code INVALID_INPUT}, {@code NOT_FOUND}, {@code ALREADY_CANCELLED}
     */
    public Reservation cancel(StaffId staff, String reason, ReservationId id) throws Refusal {
        return ctx.observe(Operation.STAFF_CANCEL, () -> cancelUnobserved(staff, reason, id));
    }

    private Reservation cancelUnobserved(StaffId staff, String reason, ReservationId id) throws Refusal {
        Inputs.required(staff, Refusal.FIELD_STAFF);
        Inputs.reason(reason);
        Inputs.required(id, Refusal.FIELD_RESERVATION);
        Optional<Household> household = householdOf(id);
        Reservation cancelled = ctx.storage().unitOfWork().execute(() -> bookings.cancelChecked(
                bookings.anyReservation(id), household, Optional.of(new StaffAction(staff, reason, ctx.clock().instant()))));
        bookings.waiting().offerPooledNow(); // WAIT-2
        return cancelled;
    }

    /**
     * Cancels every slot of a venue-day (開催中止, SLOT-6) as {@link #cancelEventDay(StaffId, String, Venue,
     * LocalDate)}, for a caller that names no staff member (the union's own job): audited with the
     * system job {@code event-day-cancellation} as actor, channel {@code BATCH}.
     *
     * @param venue the venue
     * @param date  the event day
     * @return the reservations cancelled
     * @throws Refusal {@code INVALID_INPUT}, {@code NOT_FOUND} if the venue has no slot that day
     */
    public List<Reservation> cancelEventDay(Venue venue, LocalDate date) throws Refusal {
        return cancelEventDayObserved(Optional.empty(), venue, date);
    }

    /**
     * Cancels every slot of a venue-day (開催中止, SLOT-6, STAFF-3): each live reservation there is
     * cancelled, its place released and its household notified ({@code EVENT_CANCELLED}); the slots
     * refuse new bookings. Audited once for the day ({@code EVENT_DAY_CANCELLED}) and once for each
     * reservation cancelled, with the staff member and reason (STAFF-4).
     *
     * @param staff  who acts
     * @param reason why (STAFF-4)
     * @param venue  the venue
     * @param date   the event day
     * @return the reservations cancelled
     * @throws Refusal {@code INVALID_INPUT}, {@code NOT_FOUND} if the venue has no slot that day
     */
    public List<Reservation> cancelEventDay(StaffId staff, String reason, Venue venue, LocalDate date)
            throws Refusal {
        try {
            Inputs.required(staff, Refusal.FIELD_STAFF);
            Inputs.reason(reason);
        } catch (Refusal r) {
            ctx.observer().refused(Operation.CANCEL_EVENT_DAY, r.code());
            throw r;
        }
        return cancelEventDayObserved(Optional.of(new Actor(staff, reason)), venue, date);
    }

    private List<Reservation> cancelEventDayObserved(Optional<Actor> by, Venue venue, LocalDate date)
            throws Refusal {
        List<Reservation> cancelled;
        try {
            cancelled = cancelEventDayUnobserved(by, venue, date);
        } catch (Refusal r) {
            ctx.observer().refused(Operation.CANCEL_EVENT_DAY, r.code());
            throw r;
        }
        for (int i = 0; i < cancelled.size(); i++) {
            ctx.observer().succeeded(Operation.CANCEL_EVENT_DAY);
        }
        return cancelled;
    }

    private List<Reservation> cancelEventDayUnobserved(Optional<Actor> by, Venue venue, LocalDate date)
            throws Refusal {
        Inputs.required(venue, Refusal.FIELD_VENUE);
        Inputs.required(date, Refusal.FIELD_DATE);
        // the households are read from the directory before the unit of work (it may take a connection
        // of its own); a reservation booked in between sends the unit of work back for its household
        Map<SymbolNumber, Optional<Household>> households = new HashMap<>();
        for (Slot s : ctx.storage().slots().findBetween(Optional.of(venue), date, date.plusDays(1))) {
            for (Reservation r : ctx.storage().reservations().findLiveBySlot(s.id())) {
                households.computeIfAbsent(r.household(), ctx.directory()::find);
            }
        }
        for (int attempt = 0;; attempt++) {
            boolean last = attempt >= MAX_DIRECTORY_ROUNDS;
            Set<SymbolNumber> unread = new HashSet<>();
            try {
                return ctx.storage().unitOfWork().execute(() -> {
                    Instant now = ctx.clock().instant();
                    List<Slot> slots = ctx.storage().slots().cancelEventDay(venue, date);
                    if (slots.isEmpty()) {
                        throw Refusal.of(ErrorCode.NOT_FOUND, "no slot at " + venue + " on " + date);
                    }
                    Audits.append(ctx, eventDayRecord(by, now, AuditAction.EVENT_DAY_CANCELLED,
                            AuditTarget.venueDay(venue, date), "", "slots=" + slots.size()));
                    List<Reservation> cancelled = new ArrayList<>();
                    for (Slot s : slots) {
                        for (Reservation r : ctx.storage().reservations().findLiveBySlot(s.id())) {
                            Optional<Household> h = households.get(r.household());
                            if (h == null && !last) {
                                unread.add(r.household());
                                continue;
                            }
                            Reservation c = r.cancelled(now, Optional.empty());
                            cancelled.add(bookings.release(r, s, c, NotificationKind.EVENT_CANCELLED, false,
                                    Notifier.memberName(h == null ? Optional.empty() : h, r), now,
                                    eventDayRecord(by, now, AuditAction.CANCELLED, AuditTarget.reservation(r.id()),
                                            Audits.reservation(r, s), Audits.reservation(c, s) + " eventDay=cancelled")));
                        }
                    }
                    if (!unread.isEmpty()) {
                        throw new HouseholdsUnread();
                    }
                    return List.copyOf(cancelled);
                });
            } catch (HouseholdsUnread e) {
                for (SymbolNumber s : unread) {
                    households.put(s, ctx.directory().find(s));
                }
            }
        }
    }

    /**
     * Opens a slot (SLOT-1, STAFF-3), audited with the staff member and reason.
     *
     * @param staff  who acts
     * @param reason why (STAFF-4)
     * @param spec   the slot's venue, institution, date, start, length, capacity and reception opening
     * @return the slot, with its id
     * @throws Refusal {@code INVALID_INPUT}
     */
    public Slot addSlot(StaffId staff, String reason, SlotSpec spec) throws Refusal {
        Inputs.required(staff, Refusal.FIELD_STAFF);
        Inputs.reason(reason);
        Inputs.required(spec, Refusal.FIELD_SLOT);
        return ctx.storage().unitOfWork().execute(() -> {
            Slot added = ctx.storage().slots().add(spec);
            Audits.append(ctx, Audits.byStaff(new StaffAction(staff, reason, ctx.clock().instant()),
                    AuditChannel.STAFF, AuditAction.SLOT_ADDED, AuditTarget.slot(added.id()), "", Audits.slot(added)));
            return added;
        });
    }

    /**
     * Edits the start, duration and reception opening of a slot that holds no live reservation
     * (STAFF-3); the store decides against the places as they are when the edit is written.
     *
     * @param staff  who acts
     * @param reason why (STAFF-4)
     * @param slot   the slot
     * @param edit   its new start, duration and reception opening
     * @return the edited slot
     * @throws Refusal {@code INVALID_INPUT}, {@code NOT_FOUND} (field {@code slot}),
     *     {@code SLOT_HAS_RESERVATIONS} (field {@code slot})
     */
    public Slot editSlot(StaffId staff, String reason, SlotId slot, SlotEdit edit) throws Refusal {
        Inputs.required(staff, Refusal.FIELD_STAFF);
        Inputs.reason(reason);
        Inputs.required(slot, Refusal.FIELD_SLOT);
        Inputs.required(edit, Refusal.FIELD_SLOT_EDIT);
        return changeSlot(staff, reason, slot, AuditAction.SLOT_EDITED, () -> ctx.storage().slots().edit(slot, edit));
    }

    /**
     * Sets a slot's capacity (定員, STAFF-3), never below the places taken: the store decides against the
     * places as they are when the change is written, so a booking that commits meanwhile is counted.
     * Raising it frees places at once.
     *
     * @param staff    who acts
     * @param reason   why (STAFF-4)
     * @param slot     the slot
     * @param capacity the new capacity, at least 0
     * @return the slot with its new capacity
     * @throws Refusal {@code INVALID_INPUT} (a negative capacity: field {@code capacity}), {@code NOT_FOUND}
     *     (field {@code slot}), {@code CAPACITY_BELOW_TAKEN} (field {@code capacity}): nothing changed
     */
    public Slot changeCapacity(StaffId staff, String reason, SlotId slot, int capacity) throws Refusal {
        Inputs.required(staff, Refusal.FIELD_STAFF);
        Inputs.reason(reason);
        Inputs.required(slot, Refusal.FIELD_SLOT);
        if (capacity < 0) {
            throw Refusal.invalidInput(Refusal.FIELD_CAPACITY, "must not be negative");
        }
        Slot changed = changeSlot(staff, reason, slot, AuditAction.SLOT_CAPACITY_CHANGED, () -> {
            Optional<Slot> s = ctx.storage().slots().changeCapacity(slot, capacity);
            if (s.isPresent()) {
                bookings.waiting().placesFreed(slot, ctx.clock().instant()); // WAIT-2: a raise frees places
            }
            return s;
        });
        bookings.waiting().offerPooledNow();
        return changed;
    }

    /**
     * Closes a slot to new bookings (STAFF-3): from the commit on, bookings and changes into it are
     * refused {@code SLOT_CLOSED} (where ORDER-1 has {@code EVENT_CANCELLED}, after it) and the calendar
     * shows it outside reception; its reservations stay. Closing a closed slot changes nothing but is
     * audited.
     *
     * @param staff  who acts
     * @param reason why (STAFF-4)
     * @param slot   the slot
     * @return the closed slot
     * @throws Refusal {@code INVALID_INPUT}, {@code NOT_FOUND} (field {@code slot})
     */
    public Slot closeSlot(StaffId staff, String reason, SlotId slot) throws Refusal {
        return setClosed(staff, reason, slot, true);
    }

    /**
     * Opens a closed slot to new bookings again (STAFF-3); a slot of a cancelled event day stays
     * refused ({@code EVENT_CANCELLED}).
     *
     * @param staff  who acts
     * @param reason why (STAFF-4)
     * @param slot   the slot
     * @return the slot, open
     * @throws Refusal {@code INVALID_INPUT}, {@code NOT_FOUND} (field {@code slot})
     */
    public Slot reopenSlot(StaffId staff, String reason, SlotId slot) throws Refusal {
        return setClosed(staff, reason, slot, false);
    }

    private Slot setClosed(StaffId staff, String reason, SlotId slot, boolean closed) throws Refusal {
        Inputs.required(staff, Refusal.FIELD_STAFF);
        Inputs.reason(reason);
        Inputs.required(slot, Refusal.FIELD_SLOT);
        return changeSlot(staff, reason, slot, closed ? AuditAction.SLOT_CLOSED : AuditAction.SLOT_REOPENED,
                () -> ctx.storage().slots().setClosed(slot, closed));
    }

    /**
     * Has an undelivered notification (未送信メール) sent again now instead of after the relay's backoff,
     * e.g. once the household's address or the mail server is put right; audited with the staff member
     * and reason (STAFF-4), its attempts and last error as the summary.
     *
     * @param staff  who acts
     * @param reason why (STAFF-4)
     * @param id     the notification's outbox id
     * @throws Refusal {@code INVALID_INPUT}; {@code NOT_FOUND} for an unknown notification or one sent already
     */
    public void retryNotification(StaffId staff, String reason, long id) throws Refusal {
        Inputs.required(staff, Refusal.FIELD_STAFF);
        Inputs.reason(reason);
        ctx.storage().unitOfWork().execute(() -> {
            OutboxEntry entry = ctx.storage().outbox().find(id).filter(e -> !e.sent())
                    .orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND, "no unsent notification " + id));
            Instant now = ctx.clock().instant();
            if (!ctx.storage().outbox().retryNow(id, now)) {
                throw Refusal.of(ErrorCode.NOT_FOUND, "sent meanwhile: " + id);
            }
            Audits.append(ctx, Audits.byStaff(new StaffAction(staff, reason, now), AuditChannel.STAFF,
                    AuditAction.MAIL_RETRIED, AuditTarget.notification(id), "kind=" + entry.notification().kind()
                            + " attempts=" + entry.attempts() + " due=" + entry.nextAttemptAt(), "due=" + now));
            return null;
        });
    }

    /** A slot change and its audit record in one unit of work; {@code NOT_FOUND} for an unknown slot. */
    private Slot changeSlot(StaffId staff, String reason, SlotId slot, AuditAction action, SlotChange change)
            throws Refusal {
        return ctx.storage().unitOfWork().execute(() -> {
            Slot before = ctx.storage().slots().find(slot).orElseThrow(
                    () -> Refusal.onField(ErrorCode.NOT_FOUND, Refusal.FIELD_SLOT, "no such slot"));
            Slot after = change.apply().orElseThrow(
                    () -> Refusal.onField(ErrorCode.NOT_FOUND, Refusal.FIELD_SLOT, "no such slot"));
            Audits.append(ctx, Audits.byStaff(new StaffAction(staff, reason, ctx.clock().instant()),
                    AuditChannel.STAFF, action, AuditTarget.slot(slot), Audits.slot(before), Audits.slot(after)));
            return after;
        });
    }

    /** A slot store's change, which may refuse. */
    @FunctionalInterface
    private interface SlotChange {
        Optional<Slot> apply() throws Refusal;
    }

    /** Who cancels an event day: a named staff member and the reason. */
    private record Actor(StaffId staff, String reason) {
    }

    private static AuditRecord eventDayRecord(Optional<Actor> by, Instant now, AuditAction action, AuditTarget target,
            String before, String after) {
        if (by.isPresent()) {
            return Audits.byStaff(new StaffAction(by.get().staff(), by.get().reason(), now), AuditChannel.STAFF,
                    action, target, before, after);
        }
        return AuditRecord.of(now, Audits.EVENT_DAY_JOB, AuditChannel.BATCH, action, target, before, after);
    }

    private Optional<Household> householdOf(ReservationId id) {
        // a reservation's household never changes: read before the unit of work, valid inside it
        return ctx.storage().reservations().find(id).flatMap(r -> ctx.directory().find(r.household()));
    }

    /** Rolls the event-day cancellation back to read households booked after the first read. */
    private static final class HouseholdsUnread extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HouseholdsUnread() {
            super(null, null, false, false);
        }
    }
}
