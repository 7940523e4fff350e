package io.github.kenshinbooking;

import io.github.kenshinbooking.reservation.BookingConfirmation;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.HistoryEntry;
import io.github.kenshinbooking.reservation.HistoryFilter;
import io.github.kenshinbooking.reservation.IdempotencyKey;
import io.github.kenshinbooking.reservation.PhoneNumber;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationDetails;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.StaffAction;
import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.schedule.DeadlineKind;
import io.github.kenshinbooking.schedule.ReceptionWindow;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.reservation.BookingSnapshot;
import io.github.kenshinbooking.reservation.NewBooking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Household reservation use cases: book (BOOK-1..4), change (CHG-1), cancel (CNL-1), details and
 * history (HIST-1, HIST-2), answering the first refusal in the order of ORDER-1. Staff actions
 * (CNL-2) are in {@link StaffService}. Thread-safe.
 */
public final class BookingService {
    private final EngineContext ctx;
    private final AccountService accounts;

    public BookingService(EngineContext ctx, AccountService accounts) {
        this.ctx = requireNonNull(ctx, "ctx");
        this.accounts = requireNonNull(accounts, "accounts");
    }

    /**
     * The confirm step of BOOK-2: runs every check of a booking and writes nothing.
     *
     * @throws Refusal as {@link #book}
     */
    public BookingConfirmation confirm(HouseholdSession session, BookingRequest request) throws Refusal {
        ValidRequest v = validate(session, request);
        Checked c = check(session, v);
        if (c.repeat.isPresent()) {
            Reservation r = c.repeat.get();
            return confirmation(c.member, slot(r.slot()), r.phone());
        }
        return confirmation(c.member, c.slot, v.phone);
    }

    /**
     * Books a place (予約登録, the complete step of BOOK-2). With an idempotency key, a repeat
     * returns the first reservation and records no second mail (BOOK-4).
     *
     * <p>One read ({@link io.github.kenshinbooking.storage.Storage#bookingSnapshot}) and one atomic
     * write ({@link io.github.kenshinbooking.storage.Storage#book}); the store re-checks capacity,
     * the event day, ONE-1 and the key, so a concurrent change between the two is refused, never
     * written.
     *
     * @throws Refusal in ORDER-1: {@code INVALID_INPUT}, {@code INVALID_PHONE},
     *     {@code TERMS_NOT_ACCEPTED}, {@code PASSWORD_CHANGE_REQUIRED}, {@code FORBIDDEN},
     *     {@code NOT_FOUND}, {@code EVENT_CANCELLED}, {@code RECEPTION_NOT_OPEN},
     *     {@code BOOKING_CLOSED}, {@code NOT_ELIGIBLE_AGE}, {@code NOT_QUALIFIED},
     *     {@code ALREADY_RESERVED_THIS_FISCAL_YEAR}, {@code SLOT_FULL}
     */
    public Reservation book(HouseholdSession session, BookingRequest request) throws Refusal {
        ValidRequest v = validate(session, request);
        try {
            Checked c = check(session, v);
            if (c.repeat.isPresent()) {
                return c.repeat.get();
            }
            Instant now = ctx.clock().instant();
            Reservation r = Reservation.booked(ctx.storage().reservationIds().next(), session.household(),
                    c.member.id(), c.slot.id(), c.slot.fiscalYear(), v.phone, ctx.policy().termsVersion(), now);
            Optional<Notification> mail = ctx.notifier().reservationNotification(c.account.email(),
                    NotificationKind.BOOKED, r, Optional.of(c.member.name()), c.slot, Optional.empty(), false,
                    Optional.empty());
            if (ctx.storage().book(new NewBooking(r, mail, now, v.key))) {
                return r;
            }
        } catch (Refusal r) {
            // a concurrent request with the same key may commit between this request's key check
            // and its ONE-1 and capacity checks, which then refuse: it is still a repeat and gets the
            // first result (the other refusals come before the key check or do not depend on it)
            if (v.key.isPresent() && (r.code() == ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR
                    || r.code() == ErrorCode.SLOT_FULL)) {
                Optional<Reservation> first = firstResult(session, v.key.get());
                if (first.isPresent()) {
                    return first.get();
                }
            }
            throw r;
        }
        // a concurrent request with the same key committed first: answer its result
        return firstResult(session, v.key.orElseThrow())
                .orElseThrow(() -> new IllegalStateException("idempotency key claimed but not found"));
    }

    /**
     * Moves a reservation to another slot (予約変更, CHG-1); the id stays; the phone may change.
     *
     * @param phone the new daytime phone, or {@code null} to keep it
     * @throws Refusal in ORDER-1: {@code INVALID_INPUT}, {@code INVALID_PHONE},
     *     {@code PASSWORD_CHANGE_REQUIRED}, {@code NOT_FOUND}, {@code ALREADY_CANCELLED},
     *     {@code CHANGE_DEADLINE_PASSED}, then the new slot as for {@link #book}
     */
    public Reservation change(HouseholdSession session, ReservationId id, SlotId newSlot, String phone)
            throws Refusal {
        Inputs.required(session, "session");
        Inputs.required(id, "reservation");
        Inputs.required(newSlot, "slot");
        Optional<PhoneNumber> newPhone = phone == null ? Optional.empty() : Optional.of(PhoneNumber.parse(phone));
        return ctx.storage().unitOfWork().execute(() -> {
            accounts.requireActive(session);
            Reservation r = ownReservation(session.household(), id);
            return changeChecked(r, newSlot, newPhone, Optional.empty());
        });
    }

    /**
     * Cancels a reservation (予約キャンセル, CNL-1) and releases its place.
     *
     * @throws Refusal {@code PASSWORD_CHANGE_REQUIRED}, {@code NOT_FOUND}, {@code ALREADY_CANCELLED},
     *     {@code CANCEL_DEADLINE_PASSED}
     */
    public Reservation cancel(HouseholdSession session, ReservationId id) throws Refusal {
        Inputs.required(session, "session");
        Inputs.required(id, "reservation");
        return ctx.storage().unitOfWork().execute(() -> {
            accounts.requireActive(session);
            Reservation r = ownReservation(session.household(), id);
            return cancelChecked(r, Optional.empty());
        });
    }

    /**
     * 予約詳細 of one of the household's reservations.
     *
     * @throws Refusal {@code PASSWORD_CHANGE_REQUIRED}, {@code NOT_FOUND} (also for another household's, HIST-2)
     */
    public ReservationDetails details(HouseholdSession session, ReservationId id) throws Refusal {
        Inputs.required(session, "session");
        Inputs.required(id, "reservation");
        accounts.requireActive(session);
        Reservation r = ownReservation(session.household(), id);
        Slot s = slot(r.slot());
        Instant now = ctx.clock().instant();
        String name = ctx.directory().find(r.household()).flatMap(h -> h.member(r.member()))
                .map(Member::name).orElse("");
        return new ReservationDetails(r, s, name,
                ctx.deadlines().localDeadline(DeadlineKind.CHANGE, s.date()),
                ctx.deadlines().localDeadline(DeadlineKind.CANCEL, s.date()),
                r.live() && ctx.deadlines().allows(DeadlineKind.CHANGE, s.date(), now),
                r.live() && ctx.deadlines().allows(DeadlineKind.CANCEL, s.date(), now));
    }

    /**
     * 予約履歴 of one member of the household (HIST-1), latest exam first.
     *
     * @throws Refusal {@code PASSWORD_CHANGE_REQUIRED}, {@code FORBIDDEN} for a member of another household
     */
    public List<HistoryEntry> history(HouseholdSession session, MemberId member, HistoryFilter filter)
            throws Refusal {
        Inputs.required(session, "session");
        Inputs.required(member, "member");
        Inputs.required(filter, "filter");
        accounts.requireActive(session);
        memberOf(household(session.household()), member);
        List<Reservation> own = ctx.storage().reservations().findByMember(member).stream()
                .filter(r -> r.household().equals(session.household())).toList();
        java.util.Map<SlotId, Slot> slots = ctx.storage().slots().findAll(own.stream().map(Reservation::slot).toList());
        List<HistoryEntry> out = new ArrayList<>();
        for (Reservation r : own) {
            Slot s = slots.get(r.slot());
            if (s == null) {
                throw new IllegalStateException("reservation refers to missing slot " + r.slot());
            }
            if (filter.accepts(r, s.startDateTime())) {
                out.add(new HistoryEntry(r, s));
            }
        }
        out.sort(Comparator.comparing(HistoryEntry::start).thenComparing(e -> e.id().value()).reversed());
        return List.copyOf(out);
    }

    // ---- shared with StaffService -------------------------------------------------------------

    Reservation changeChecked(Reservation r, SlotId newSlotId, Optional<PhoneNumber> newPhone,
            Optional<StaffAction> staff) throws Refusal {
        Instant now = ctx.clock().instant();
        if (!r.live()) {
            throw Refusal.of(ErrorCode.ALREADY_CANCELLED);
        }
        Slot current = slot(r.slot());
        if (staff.isEmpty() && !ctx.deadlines().allows(DeadlineKind.CHANGE, current.date(), now)) {
            throw Refusal.of(ErrorCode.CHANGE_DEADLINE_PASSED);
        }
        Slot target = ctx.storage().slots().find(newSlotId)
                .orElseThrow(() -> Refusal.onField(ErrorCode.NOT_FOUND, "slot", "no such slot"));
        if (target.id().equals(current.id())) {
            throw Refusal.invalidInput("slot", "the reservation already holds this slot");
        }
        Member member = household(r.household()).member(r.member())
                .orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND, "member no longer on record"));
        checkSlot(target, now);
        checkEligibility(member, target);
        FiscalYear fy = target.fiscalYear();
        if (!fy.equals(r.fiscalYear()) && ctx.storage().reservations().findLive(r.member(), fy).isPresent()) {
            throw Refusal.of(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
        }
        if (target.remaining() <= 0) {
            throw Refusal.of(ErrorCode.SLOT_FULL);
        }
        Reservation moved = r.movedTo(target.id(), fy, newPhone.orElse(r.phone()), now, staff);
        ctx.notifier().withdrawReminder(r.id(), current.date());
        ctx.notifier().reservation(NotificationKind.CHANGED, moved, target, Optional.of(current), staff.isPresent(),
                Optional.empty(), now);
        ctx.storage().reservations().move(r, moved);
        return moved;
    }

    Reservation cancelChecked(Reservation r, Optional<StaffAction> staff) throws Refusal {
        Instant now = ctx.clock().instant();
        if (!r.live()) {
            throw Refusal.of(ErrorCode.ALREADY_CANCELLED);
        }
        Slot s = slot(r.slot());
        if (staff.isEmpty() && !ctx.deadlines().allows(DeadlineKind.CANCEL, s.date(), now)) {
            throw Refusal.of(ErrorCode.CANCEL_DEADLINE_PASSED);
        }
        Reservation cancelled = r.cancelled(now, staff);
        ctx.notifier().withdrawReminder(r.id(), s.date());
        ctx.notifier().reservation(NotificationKind.CANCELLED, cancelled, s, Optional.empty(), staff.isPresent(),
                Optional.empty(), now);
        ctx.storage().reservations().cancel(r, cancelled);
        return cancelled;
    }

    Reservation anyReservation(ReservationId id) throws Refusal {
        return ctx.storage().reservations().find(id)
                .orElseThrow(() -> Refusal.onField(ErrorCode.NOT_FOUND, "reservation", "no such reservation"));
    }

    // ---- checks ---------------------------------------------------------------------------------

    private ValidRequest validate(HouseholdSession session, BookingRequest request) throws Refusal {
        Inputs.required(session, "session");
        Inputs.required(request, "request");
        Inputs.required(request.member(), "member");
        Inputs.required(request.slot(), "slot");
        Optional<IdempotencyKey> key = request.idempotencyKey() == null ? Optional.empty()
                : Optional.of(IdempotencyKey.parse(request.idempotencyKey()));
        PhoneNumber phone = PhoneNumber.parse(request.phone());
        if (!request.termsAccepted()) {
            throw Refusal.onField(ErrorCode.TERMS_NOT_ACCEPTED, "acceptTerms", "the terms must be accepted");
        }
        return new ValidRequest(request.member(), request.slot(), phone, key);
    }

    private Checked check(HouseholdSession session, ValidRequest v) throws Refusal {
        BookingSnapshot read = ctx.storage().bookingSnapshot(session.household(), v.member, v.slot, v.key);
        Account account = AccountService.active(read.account().orElse(Account.initial(session.household())));
        Member member = memberOf(household(session.household()), v.member);
        if (read.repeat().isPresent()) {
            return new Checked(account, member, null, read.repeat());
        }
        Slot slot = read.slot().orElseThrow(() -> Refusal.onField(ErrorCode.NOT_FOUND, "slot", "no such slot"));
        Instant now = ctx.clock().instant();
        checkSlot(slot, now);
        checkEligibility(member, slot);
        if (read.liveInSlotYear().isPresent()) {
            throw Refusal.of(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
        }
        if (slot.remaining() <= 0) {
            throw Refusal.of(ErrorCode.SLOT_FULL);
        }
        return new Checked(account, member, slot, Optional.empty());
    }

    private Optional<Reservation> firstResult(HouseholdSession session, IdempotencyKey key) {
        return ctx.storage().idempotency().find(session.household(), key).flatMap(ctx.storage().reservations()::find);
    }

    /** EVENT_CANCELLED, then the reception window (SLOT-2, SLOT-6). */
    private void checkSlot(Slot slot, Instant now) throws Refusal {
        if (slot.eventCancelled()) {
            throw Refusal.of(ErrorCode.EVENT_CANCELLED);
        }
        ReceptionWindow w = ctx.deadlines().receptionWindow(slot);
        if (w.notYetOpen(now)) {
            throw Refusal.of(ErrorCode.RECEPTION_NOT_OPEN);
        }
        if (w.closed(now)) {
            throw Refusal.of(ErrorCode.BOOKING_CLOSED);
        }
    }

    private void checkEligibility(Member member, Slot slot) throws Refusal {
        Optional<ErrorCode> refusal = ctx.eligibility().refusal(member, slot.date());
        if (refusal.isPresent()) {
            throw Refusal.of(refusal.get());
        }
    }

    private BookingConfirmation confirmation(Member m, Slot s, PhoneNumber phone) {
        return new BookingConfirmation(m, s, phone, ctx.policy().termsVersion(),
                ctx.deadlines().localDeadline(DeadlineKind.CHANGE, s.date()),
                ctx.deadlines().localDeadline(DeadlineKind.CANCEL, s.date()));
    }

    private Reservation ownReservation(SymbolNumber household, ReservationId id) throws Refusal {
        return ctx.storage().reservations().find(id).filter(r -> r.household().equals(household))
                .orElseThrow(() -> Refusal.onField(ErrorCode.NOT_FOUND, "reservation", "no such reservation"));
    }

    private Household household(SymbolNumber s) throws Refusal {
        return ctx.directory().find(s).orElseThrow(() -> Refusal.of(ErrorCode.FORBIDDEN, "household not on record"));
    }

    private static Member memberOf(Household h, MemberId id) throws Refusal {
        return h.member(id).orElseThrow(
                () -> Refusal.onField(ErrorCode.FORBIDDEN, "member", "not a member of this household"));
    }

    private Slot slot(SlotId id) {
        return ctx.storage().slots().find(id)
                .orElseThrow(() -> new IllegalStateException("reservation refers to missing slot " + id));
    }

    private static final class ValidRequest {
        final MemberId member;
        final SlotId slot;
        final PhoneNumber phone;
        final Optional<IdempotencyKey> key;

        ValidRequest(MemberId member, SlotId slot, PhoneNumber phone, Optional<IdempotencyKey> key) {
            this.member = member;
            this.slot = slot;
            this.phone = phone;
            this.key = key;
        }
    }

    private static final class Checked {
        final Account account;
        final Member member;
        final Slot slot;
        final Optional<Reservation> repeat;

        Checked(Account account, Member member, Slot slot, Optional<Reservation> repeat) {
            this.account = account;
            this.member = member;
            this.slot = slot;
            this.repeat = repeat;
        }
    }
}
