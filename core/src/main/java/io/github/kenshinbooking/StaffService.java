package io.github.kenshinbooking;

import io.github.kenshinbooking.account.LoginAttemptStore;
import io.github.kenshinbooking.account.LoginAttempts;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.observation.Operation;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.Venue;
import java.time.Instant;
import java.time.LocalDate;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.SymbolNumber;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.kenshinbooking.reservation.PhoneNumber;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.StaffAction;
import io.github.kenshinbooking.reservation.StaffId;

import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.schedule.SlotId;
import java.util.Optional;

/**
 * Union staff actions (組合職員): after a deadline (CNL-2, お問い合わせください) change or cancel any
 * reservation, bypassing the reservation's change and cancel deadlines but still respecting
 * capacity, ONE-1, eligibility and the new slot's reception window. Recorded with staff id and
 * reason; and cancelling an event day (SLOT-6). Authenticating staff is the integrator's concern.
 * Thread-safe.
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
            return state.lockedAt(ctx.clock().instant());
        });
    }

    /**
     * Changes any reservation for a household (CNL-2), after its change deadline too.
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
        return ctx.observe(Operation.STAFF_CHANGE, () -> changeUnobserved(staff, reason, id, newSlot, phone));
    }

    private Reservation changeUnobserved(StaffId staff, String reason, ReservationId id, SlotId newSlot, String phone)
            throws Refusal {
        Inputs.required(staff, Refusal.FIELD_STAFF);
        Inputs.reason(reason);
        Inputs.required(id, Refusal.FIELD_RESERVATION);
        Inputs.required(newSlot, Refusal.FIELD_SLOT);
        Optional<PhoneNumber> newPhone = phone == null ? Optional.empty() : Optional.of(PhoneNumber.parse(phone));
        Optional<Household> household = householdOf(id);
        return ctx.storage().unitOfWork().execute(() -> bookings.changeChecked(bookings.anyReservation(id), household,
                newSlot, newPhone, Optional.of(new StaffAction(staff, reason, ctx.clock().instant()))));
    }

    /**
     * Cancels any reservation for a household (CNL-2), after its cancel deadline too.
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
        return ctx.storage().unitOfWork().execute(() -> bookings.cancelChecked(bookings.anyReservation(id), household,
                Optional.of(new StaffAction(staff, reason, ctx.clock().instant()))));
    }

    /**
     * Cancels every slot of a venue-day (開催中止, SLOT-6): each live reservation there is cancelled, its
     * place released and its household notified ({@code EVENT_CANCELLED}); the slots refuse new bookings.
     *
     * @param venue the venue
     * @param date  the event day
     * @return the reservations cancelled
     * @throws Refusal {@code INVALID_INPUT}, {@code NOT_FOUND} if the venue has no slot that day
     */
    public List<Reservation> cancelEventDay(Venue venue, LocalDate date) throws Refusal {
        List<Reservation> cancelled;
        try {
            cancelled = cancelEventDayUnobserved(venue, date);
        } catch (Refusal r) {
            ctx.observer().refused(Operation.CANCEL_EVENT_DAY, r.code());
            throw r;
        }
        for (int i = 0; i < cancelled.size(); i++) {
            ctx.observer().succeeded(Operation.CANCEL_EVENT_DAY);
        }
        return cancelled;
    }

    private List<Reservation> cancelEventDayUnobserved(Venue venue, LocalDate date) throws Refusal {
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
                    List<Reservation> cancelled = new ArrayList<>();
                    for (Slot s : slots) {
                        for (Reservation r : ctx.storage().reservations().findLiveBySlot(s.id())) {
                            Optional<Household> h = households.get(r.household());
                            if (h == null && !last) {
                                unread.add(r.household());
                                continue;
                            }
                            cancelled.add(bookings.release(r, s, r.cancelled(now, Optional.empty()),
                                    NotificationKind.EVENT_CANCELLED, false,
                                    Notifier.memberName(h == null ? Optional.empty() : h, r), now));
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
