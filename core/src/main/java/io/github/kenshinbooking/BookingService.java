package io.github.kenshinbooking;

import io.github.kenshinbooking.reservation.BookingConfirmation;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.HistoryEntry;
import io.github.kenshinbooking.reservation.HistoryFilter;
import io.github.kenshinbooking.reservation.IdempotencyKey;
import io.github.kenshinbooking.reservation.PhoneNumber;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.DuplicateReservationIdException;
import io.github.kenshinbooking.reservation.ReservationDetails;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.ReceptionClosing;
import io.github.kenshinbooking.reservation.ReservationStatus;
import io.github.kenshinbooking.reservation.StaffAction;
import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditRecord;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.eligibility.CourseFamily;
import io.github.kenshinbooking.eligibility.CourseId;
import io.github.kenshinbooking.eligibility.Course;
import io.github.kenshinbooking.eligibility.ExamChoice;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.reservation.BookingCase;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.InfrastructureException;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.observation.Operation;
import io.github.kenshinbooking.schedule.DeadlineKind;
import io.github.kenshinbooking.schedule.Deadlines;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.reservation.BookingSnapshot;
import io.github.kenshinbooking.reservation.NewBooking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Household reservation use cases: book (BOOK-1..4), change (CHG-1), cancel (CNL-1), details and
 * history (HIST-1, HIST-2), answering the first refusal in the order of ORDER-1 (whose booking checks
 * are {@link io.github.kenshinbooking.reservation.BookingRules}). Staff actions (CNL-2, SLOT-6) are in
 * {@link StaffService}. Thread-safe.
 */
public final class BookingService {
    /**
     * Writes of one booking with ids a store found in use, before it fails. The ids handed out again after
     * a fail-over are at most the blocks the instances held before it, and each new attempt draws from
     * past the dropped ones, so a few attempts get past them; more means the id source is broken.
     */
    static final int ID_ATTEMPTS = 10;

    private final EngineContext ctx;
    private final HouseholdAccess access;
    private final WaitingListService waiting;

    BookingService(EngineContext ctx, HouseholdAccess access, WaitingListService waiting) {
        this.ctx = ctx;
        this.access = access;
        this.waiting = waiting;
    }

    /**
     * The confirm step of BOOK-2: runs every check of a booking and writes nothing.
     *
     * @param session the household's session
     * @param request what to book
     * @return what the confirm screen shows
     * @throws Refusal as {@link #book}
     */
    public BookingConfirmation confirm(HouseholdSession session, BookingRequest request) throws Refusal {
        ValidRequest v = validate(session, request);
        Decision d = decide(session.household(), v, Optional.empty(), ReceptionClosing.ENFORCED);
        if (d instanceof Repeat repeat) {
            Reservation r = repeat.first();
            return confirmation(repeat.member(), slot(r.slot()), r.phone());
        }
        Fresh fresh = (Fresh) d;
        return confirmation(fresh.member(), fresh.slot(), v.phone());
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
     * @param session the household's session
     * @param request what to book
     * @return the new reservation, or the first one of a repeated key (HARD-6: as it is now, so a
     *     cancelled one comes back with status {@code CANCELLED})
     * @throws Refusal in ORDER-1: {@code INVALID_INPUT}, {@code INVALID_PHONE},
     *     {@code TERMS_NOT_ACCEPTED}, {@code PASSWORD_CHANGE_REQUIRED}, {@code FORBIDDEN},
     *     {@code NOT_FOUND}, {@code EVENT_CANCELLED}, {@code RECEPTION_NOT_OPEN},
     *     {@code BOOKING_CLOSED}, {@code NOT_ELIGIBLE_AGE}, {@code NOT_QUALIFIED},
     *     {@code ALREADY_RESERVED_THIS_FISCAL_YEAR}, {@code SLOT_FULL}; {@code IDEMPOTENCY_KEY_REUSED}
     *     after {@code FORBIDDEN} for a key this household used for another member or slot (HARD-6)
     */
    public Reservation book(HouseholdSession session, BookingRequest request) throws Refusal {
        try {
            return bookObserved(session, request);
        } catch (Refusal r) {
            ctx.observer().refused(Operation.BOOK, r.code());
            throw r;
        }
    }

    private Reservation bookObserved(HouseholdSession session, BookingRequest request) throws Refusal {
        ValidRequest v = validate(session, request);
        return place(session.household(), v, Optional.empty(), ReceptionClosing.ENFORCED, Operation.BOOK);
    }

    /**
     * BOOK-2's complete step after the input, for the household (with its session, AUTH-5 checked) or
     * for staff on its behalf (STAFF-2: no session, the closing may be overridden): the decision, then
     * one atomic write of the reservation, its mail and its audit record (AUDIT-1).
     */
    private Reservation place(SymbolNumber household, ValidRequest v, Optional<StaffAction> staff,
            ReceptionClosing closing, Operation operation) throws Refusal {
        try {
            Decision d = decide(household, v, staff, closing);
            if (d instanceof Repeat repeat) {
                return repeat.first();
            }
            Fresh c = (Fresh) d;
            Instant now = staff.map(StaffAction::at).orElseGet(ctx.clock()::instant);
            Optional<Reservation> booked = write(household, v, c, staff, closing, now);
            if (booked.isPresent()) {
                ctx.observer().succeeded(operation);
                waiting.booked(booked.get().member(), booked.get().fiscalYear()); // WAIT-4
                return booked.get();
            }
        } catch (Refusal r) {
            // a concurrent request with the same key may commit between this request's key check
            // and its ONE-1 and capacity checks, which then refuse: it is still a repeat and gets the
            // first result (the other refusals come before the key check or do not depend on it)
            if (v.key().isPresent() && (r.code() == ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR
                    || r.code() == ErrorCode.SLOT_FULL || r.code() == ErrorCode.OPTION_FULL)) {
                Optional<Reservation> first = firstResult(household, v.key().get());
                if (first.isPresent()) {
                    return sameRequest(first.get(), v);
                }
            }
            throw r;
        }
        // a concurrent request with the same key committed first: answer its result
        return sameRequest(firstResult(household, v.key().orElseThrow())
                .orElseThrow(() -> new IllegalStateException("idempotency key claimed but not found")), v);
    }

    /**
     * The booking's one atomic write: the reservation with a new id, its mail and its audit record; empty
     * if a concurrent request with the same key wrote first. An id that a stored reservation holds
     * already (the id source handed it out again, as after a database fail-over) wrote nothing, so the
     * whole booking, mail and audit record included, is built again with the next id.
     */
    private Optional<Reservation> write(SymbolNumber household, ValidRequest v, Fresh c, Optional<StaffAction> staff,
            ReceptionClosing closing, Instant now) throws Refusal {
        for (int attempt = 1;; attempt++) {
            Reservation r = new Reservation(ctx.storage().reservationIds().next(), household, c.member().id(),
                    c.slot().id(), c.slot().fiscalYear(), ReservationStatus.CONFIRMED, v.phone(),
                    ctx.policy().termsVersion(), now, now, staff,
                    Optional.of(ctx.deadlines().deadline(DeadlineKind.CHANGE, c.slot().date())),
                    Optional.of(ctx.deadlines().deadline(DeadlineKind.CANCEL, c.slot().date())), c.choice());
            Optional<Notification> mail = ctx.notifier().reservationNotification(c.account().email(),
                    NotificationKind.BOOKED, r, Optional.of(c.member().name()), c.slot(), Optional.empty(),
                    staff.isPresent(), Optional.empty());
            AuditRecord audit = Audits.ofReservation(r, staff, AuditAction.BOOKED, "", Audits.reservation(r, c.slot())
                    + (staff.isPresent() && closing == ReceptionClosing.OVERRIDDEN ? " closing=overridden" : ""));
            try {
                return named(() -> ctx.storage().book(new NewBooking(r, mail, now, v.key()), audit)) ? Optional.of(r)
                        : Optional.empty();
            } catch (DuplicateReservationIdException e) {
                if (attempt >= ID_ATTEMPTS) {
                    throw new InfrastructureException("booking failed: " + attempt
                            + " reservation ids in a row were held by stored reservations", e);
                }
            }
        }
    }

    /**
     * Moves a reservation to another slot (予約変更, CHG-1); the id stays; the phone may change.
     *
     * @param session the household's session
     * @param id      the reservation
     * @param newSlot the slot to move to
     * @param phone   the new daytime phone, or {@code null} to keep it
     * @return the moved reservation
     * @throws Refusal in ORDER-1: {@code INVALID_INPUT}, {@code INVALID_PHONE},
     *     {@code PASSWORD_CHANGE_REQUIRED}, {@code NOT_FOUND}, {@code ALREADY_CANCELLED},
     *     {@code CHANGE_DEADLINE_PASSED}, then the new slot as for {@link #book}
     */
    public Reservation change(HouseholdSession session, ReservationId id, SlotId newSlot, String phone)
            throws Refusal {
        return change(session, id, newSlot, phone, null);
    }

    /**
     * Changes a reservation (予約変更, CHG-1): moves it to another slot, or within its slot, and adds or
     * drops optional tests (OPT-3), before the change deadline; the id and the course stay. The places
     * of the tests added are taken and those dropped released with the slot's, atomically (OPT-2).
     *
     * @param session the household's session
     * @param id      the reservation
     * @param newSlot the slot to move to, or its own slot to change only the tests
     * @param phone   the new daytime phone, or {@code null} to keep it
     * @param options the optional tests it is to hold, or {@code null} to keep its tests
     * @return the changed reservation
     * @throws Refusal as {@link #change(HouseholdSession, ReservationId, SlotId, String)}; within its
     *     own slot {@code INVALID_INPUT} (field {@code slot}) only when the tests do not change either;
     *     {@code OPTION_NOT_ELIGIBLE} and {@code OPTION_FULL} naming the test
     */
    public Reservation change(HouseholdSession session, ReservationId id, SlotId newSlot, String phone,
            Set<OptionId> options) throws Refusal {
        return ctx.observe(Operation.CHANGE, () -> changeUnobserved(session, id, newSlot, phone, options));
    }

    private Reservation changeUnobserved(HouseholdSession session, ReservationId id, SlotId newSlot, String phone,
            Set<OptionId> options) throws Refusal {
        Inputs.required(session, Refusal.FIELD_SESSION);
        Inputs.required(id, Refusal.FIELD_RESERVATION);
        Inputs.required(newSlot, Refusal.FIELD_SLOT);
        Optional<PhoneNumber> newPhone = phone == null ? Optional.empty() : Optional.of(PhoneNumber.parse(phone));
        Optional<Household> household = ctx.directory().find(session.household());
        Reservation moved = ctx.storage().unitOfWork().execute(() -> {
            access.requireActive(session);
            Reservation r = ownReservation(session.household(), id);
            return changeChecked(r, household, newSlot, newPhone, Optional.empty(), ReceptionClosing.ENFORCED,
                    optionsOf(options));
        });
        waiting.offerPooledNow(); // WAIT-2
        return moved;
    }

    /**
     * Cancels a reservation (予約キャンセル, CNL-1) and releases its place.
     *
     * @param session the household's session
     * @param id      the reservation
     * @return the cancelled reservation
     * @throws Refusal {@code INVALID_INPUT}, {@code PASSWORD_CHANGE_REQUIRED}, {@code NOT_FOUND},
     *     {@code ALREADY_CANCELLED}, {@code CANCEL_DEADLINE_PASSED}
     */
    public Reservation cancel(HouseholdSession session, ReservationId id) throws Refusal {
        return ctx.observe(Operation.CANCEL, () -> cancelUnobserved(session, id));
    }

    private Reservation cancelUnobserved(HouseholdSession session, ReservationId id) throws Refusal {
        Inputs.required(session, Refusal.FIELD_SESSION);
        Inputs.required(id, Refusal.FIELD_RESERVATION);
        Optional<Household> household = ctx.directory().find(session.household());
        Reservation cancelled = ctx.storage().unitOfWork().execute(() -> {
            access.requireActive(session);
            Reservation r = ownReservation(session.household(), id);
            return cancelChecked(r, household, Optional.empty());
        });
        waiting.offerPooledNow(); // WAIT-2
        return cancelled;
    }

    /**
     * 予約詳細 of one of the household's reservations.
     *
     * @param session the household's session
     * @param id      the reservation
     * @return the reservation with its slot, member name, deadlines and what is still allowed
     * @throws Refusal {@code INVALID_INPUT}, {@code PASSWORD_CHANGE_REQUIRED}, {@code NOT_FOUND} (also for
     *     another household's, HIST-2)
     */
    public ReservationDetails details(HouseholdSession session, ReservationId id) throws Refusal {
        Inputs.required(session, Refusal.FIELD_SESSION);
        Inputs.required(id, Refusal.FIELD_RESERVATION);
        access.requireActive(session);
        Reservation r = ownReservation(session.household(), id);
        Slot s = slot(r.slot());
        Instant now = ctx.clock().instant();
        String name = ctx.directory().find(r.household()).flatMap(h -> h.member(r.member()))
                .map(Member::name).orElse("");
        // the deadlines it was promised (CHG-1, CNL-1), not the current policy's
        Instant change = r.deadline(DeadlineKind.CHANGE, ctx.deadlines(), s.date());
        Instant cancel = r.deadline(DeadlineKind.CANCEL, ctx.deadlines(), s.date());
        return new ReservationDetails(r, s, name, ctx.deadlines().local(change), ctx.deadlines().local(cancel),
                r.live() && Deadlines.open(change, now), r.live() && Deadlines.open(cancel, now));
    }

    /**
     * 予約履歴 of one member of the household (HIST-1), latest exam first.
     *
     * @param session the household's session
     * @param member  the member whose history to list
     * @param filter  exam date-time range and status
     * @return the entries, latest exam start first
     * @throws Refusal {@code INVALID_INPUT}, {@code PASSWORD_CHANGE_REQUIRED}, {@code FORBIDDEN} for a
     *     member of another household
     */
    public List<HistoryEntry> history(HouseholdSession session, MemberId member, HistoryFilter filter)
            throws Refusal {
        Inputs.required(session, Refusal.FIELD_SESSION);
        Inputs.required(member, Refusal.FIELD_MEMBER);
        Inputs.required(filter, Refusal.FIELD_FILTER);
        access.requireActive(session);
        HouseholdAccess.memberOf(access.household(session.household()), member);
        List<Reservation> own = ctx.storage().reservations().findByMember(member).stream()
                .filter(r -> r.household().equals(session.household())).toList();
        Map<SlotId, Slot> slots = ctx.storage().slots().findAll(own.stream().map(Reservation::slot).toList());
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

    /**
     * STAFF-2's booking on a member's behalf: the household's booking without a session (so AUTH-5
     * does not apply), recorded with the staff action, the closing enforced or overridden.
     */
    Reservation bookForMember(BookingRequest request, StaffAction staff, ReceptionClosing closing) throws Refusal {
        ValidRequest v = validateRequest(request);
        // ORDER-1: the input first, then the member's household from the member records
        SymbolNumber household = ctx.directory().findByMember(v.member()).map(Household::symbolNumber)
                .orElseThrow(() -> Refusal.onField(ErrorCode.NOT_FOUND, Refusal.FIELD_MEMBER, "no such member"));
        return place(household, v, Optional.of(staff), closing, Operation.STAFF_BOOK);
    }

    /**
     * CHG-1 and the staff's change, after the reservation is located: ORDER-1 from ALREADY_CANCELLED on.
     * {@code household} is the reservation's household as the directory answered before the unit of work.
     */
    Reservation changeChecked(Reservation r, Optional<Household> household, SlotId newSlotId, Optional<PhoneNumber> newPhone,
            Optional<StaffAction> staff, ReceptionClosing closing) throws Refusal {
        return changeChecked(r, household, newSlotId, newPhone, staff, closing, Optional.empty());
    }

    /**
     * As {@link #changeChecked(Reservation, Optional, SlotId, Optional, Optional, ReceptionClosing)}, the
     * optional tests replaced by {@code newOptions} when present (OPT-3), also within the same slot.
     */
    Reservation changeChecked(Reservation r, Optional<Household> household, SlotId newSlotId, Optional<PhoneNumber> newPhone,
            Optional<StaffAction> staff, ReceptionClosing closing, Optional<Set<OptionId>> newOptions) throws Refusal {
        Instant now = ctx.clock().instant();
        Slot current = liveSlot(r, DeadlineKind.CHANGE, staff.isPresent(), now);
        Slot target = ctx.storage().slots().find(newSlotId)
                .orElseThrow(() -> Refusal.onField(ErrorCode.NOT_FOUND, Refusal.FIELD_SLOT, "no such slot"));
        ExamChoice choice = newOptions.map(o -> r.choice().withOptions(o)).orElse(r.choice());
        if (target.id().equals(current.id()) && choice.equals(r.choice())) {
            throw Refusal.invalidInput(Refusal.FIELD_SLOT, "the reservation already holds this slot");
        }
        Member member = household.flatMap(h -> h.member(r.member()))
                .orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND, "member no longer on record"));
        FiscalYear fy = target.fiscalYear();
        boolean otherLiveInYear = !fy.equals(r.fiscalYear())
                && ctx.storage().reservations().findLive(r.member(), fy, choice.family()).isPresent();
        ctx.bookingRules().check(new BookingCase(member, target, choice, otherLiveInYear, taken(r.member(), choice, fy),
                Optional.of(r)), now, closing);
        // the moved reservation is promised the new slot's deadlines under the policy in force now,
        // also when staff move it (CNL-2)
        Reservation moved = r.movedTo(target.id(), fy, newPhone.orElse(r.phone()), now, staff,
                ctx.deadlines().deadline(DeadlineKind.CHANGE, target.date()),
                ctx.deadlines().deadline(DeadlineKind.CANCEL, target.date())).withChoice(choice);
        ctx.notifier().withdrawReminder(r.id(), current.date());
        ctx.notifier().reservation(NotificationKind.CHANGED, moved, Optional.of(member.name()), target,
                Optional.of(current), staff.isPresent(), Optional.empty(), now);
        named(() -> {
            ctx.storage().reservations().move(r, moved);
            return null;
        });
        Audits.append(ctx, Audits.ofReservation(moved, staff, AuditAction.CHANGED, Audits.reservation(r, current),
                Audits.reservation(moved, target)
                        + (staff.isPresent() && closing == ReceptionClosing.OVERRIDDEN ? " closing=overridden" : "")));
        waiting.placesFreed(current.id(), now); // WAIT-2
        waiting.leaveFiscalYear(moved.member(), fy, now); // WAIT-4
        return moved;
    }

    /** CNL-1 and the staff's cancel, after the reservation is located; {@code household} as for a change. */
    Reservation cancelChecked(Reservation r, Optional<Household> household, Optional<StaffAction> staff)
            throws Refusal {
        Instant now = ctx.clock().instant();
        Slot s = liveSlot(r, DeadlineKind.CANCEL, staff.isPresent(), now);
        Reservation cancelled = r.cancelled(now, staff);
        return release(r, s, cancelled, NotificationKind.CANCELLED, staff.isPresent(),
                Notifier.memberName(household, r), now, Audits.ofReservation(cancelled, staff, AuditAction.CANCELLED,
                        Audits.reservation(r, s), Audits.reservation(cancelled, s)));
    }

    /**
     * Stores a cancellation, records its mail and appends its audit record, withdrawing the reminder it
     * no longer gets (MAIL-3): the one way a place is given back, for a cancel, a staff cancel and an
     * event-day cancellation.
     */
    Reservation release(Reservation r, Slot s, Reservation cancelled, NotificationKind kind, boolean byStaff,
            Optional<String> memberName, Instant now, AuditRecord audit) throws Refusal {
        ctx.notifier().withdrawReminder(r.id(), s.date());
        ctx.notifier().reservation(kind, cancelled, memberName, s, Optional.empty(), byStaff, Optional.empty(), now);
        ctx.storage().reservations().cancel(r, cancelled);
        Audits.append(ctx, audit);
        waiting.placesFreed(s.id(), now); // WAIT-2
        return cancelled;
    }

    /** The waiting list the booking use cases hand freed places and bookings to (WAIT-2, WAIT-4). */
    WaitingListService waiting() {
        return waiting;
    }

    Reservation anyReservation(ReservationId id) throws Refusal {
        return ctx.storage().reservations().find(id)
                .orElseThrow(() -> Refusal.onField(ErrorCode.NOT_FOUND, Refusal.FIELD_RESERVATION, "no such reservation"));
    }

    // ---- checks ---------------------------------------------------------------------------------

    /**
     * ORDER-1 for change and cancel: ALREADY_CANCELLED, then the reservation's own promised deadline
     * (not for staff).
     */
    private Slot liveSlot(Reservation r, DeadlineKind deadline, boolean byStaff, Instant now) throws Refusal {
        if (!r.live()) {
            throw Refusal.of(ErrorCode.ALREADY_CANCELLED);
        }
        Slot s = slot(r.slot());
        if (!byStaff && !Deadlines.open(r.deadline(deadline, ctx.deadlines(), s.date()), now)) {
            throw Refusal.of(deadline == DeadlineKind.CHANGE ? ErrorCode.CHANGE_DEADLINE_PASSED
                    : ErrorCode.CANCEL_DEADLINE_PASSED);
        }
        return s;
    }

    private ValidRequest validate(HouseholdSession session, BookingRequest request) throws Refusal {
        Inputs.required(session, Refusal.FIELD_SESSION);
        return validateRequest(request);
    }

    private static ValidRequest validateRequest(BookingRequest request) throws Refusal {
        Inputs.required(request, Refusal.FIELD_REQUEST);
        Inputs.required(request.member(), Refusal.FIELD_MEMBER);
        Inputs.required(request.slot(), Refusal.FIELD_SLOT);
        Optional<IdempotencyKey> key = request.idempotencyKey() == null ? Optional.empty()
                : Optional.of(IdempotencyKey.parse(request.idempotencyKey()));
        PhoneNumber phone = PhoneNumber.parse(request.phone());
        if (!request.termsAccepted()) {
            throw Refusal.onField(ErrorCode.TERMS_NOT_ACCEPTED, Refusal.FIELD_ACCEPT_TERMS, "the terms must be accepted");
        }
        Set<OptionId> options = new TreeSet<>();
        if (request.options() != null) {
            for (OptionId o : request.options()) {
                options.add(Inputs.required(o, Refusal.FIELD_OPTIONS));
            }
        }
        return new ValidRequest(request.member(), request.slot(), phone, key,
                request.course() == null ? CourseId.DEFAULT : request.course(), options);
    }

    /**
     * ORDER-1 for a booking after the input: session (AUTH-5; not for staff, STAFF-2), member, a
     * repeated key, the slot, then the booking checks.
     */
    private Decision decide(SymbolNumber household, ValidRequest v, Optional<StaffAction> staff,
            ReceptionClosing closing) throws Refusal {
        Optional<Course> course = ctx.courses().course(v.course());
        CourseFamily family = course.map(Course::family).orElse(CourseFamily.DEFAULT);
        BookingSnapshot read = family.equals(CourseFamily.DEFAULT)
                ? ctx.storage().bookingSnapshot(household, v.member(), v.slot(), v.key())
                : ctx.storage().bookingSnapshot(household, v.member(), v.slot(), v.key(), family);
        Account stored = read.account().orElse(Account.initial(household));
        Account account = staff.isPresent() ? stored : HouseholdAccess.active(stored);
        Member member = HouseholdAccess.memberOf(access.household(household), v.member());
        if (read.repeat().isPresent()) {
            return new Repeat(member, sameRequest(read.repeat().get(), v));
        }
        Slot slot = read.slot().orElseThrow(() -> Refusal.onField(ErrorCode.NOT_FOUND, Refusal.FIELD_SLOT, "no such slot"));
        ExamChoice choice = new ExamChoice(v.course(), family, new TreeSet<>(v.options()));
        ctx.bookingRules().check(new BookingCase(member, slot, choice, read.liveInSlotYear().isPresent(),
                taken(v.member(), choice, slot.fiscalYear()), Optional.empty()),
                staff.map(StaffAction::at).orElseGet(ctx.clock()::instant), closing);
        return new Fresh(account, member, slot, choice);
    }

    /**
     * HARD-6: a key answers its reservation only to the same request, for the same member and slot
     * (compared with the reservation as it is now: a key whose reservation a change moved no longer
     * describes it). A cancelled reservation is answered as it is, marked cancelled.
     */
    private static Reservation sameRequest(Reservation first, ValidRequest v) throws Refusal {
        if (!first.member().equals(v.member()) || !first.slot().equals(v.slot())) {
            throw Refusal.onField(ErrorCode.IDEMPOTENCY_KEY_REUSED, Refusal.FIELD_IDEMPOTENCY_KEY,
                    "the key was used for another member or slot");
        }
        return first;
    }

    private Optional<Reservation> firstResult(SymbolNumber household, IdempotencyKey key) {
        return ctx.storage().idempotency().find(household, key).flatMap(ctx.storage().reservations()::find);
    }

    private BookingConfirmation confirmation(Member m, Slot s, PhoneNumber phone) {
        return new BookingConfirmation(m, s, phone, ctx.policy().termsVersion(),
                ctx.deadlines().localDeadline(DeadlineKind.CHANGE, s.date()),
                ctx.deadlines().localDeadline(DeadlineKind.CANCEL, s.date()));
    }

    private Reservation ownReservation(SymbolNumber household, ReservationId id) throws Refusal {
        return ctx.storage().reservations().find(id).filter(r -> r.household().equals(household))
                .orElseThrow(() -> Refusal.onField(ErrorCode.NOT_FOUND, Refusal.FIELD_RESERVATION, "no such reservation"));
    }

    private Slot slot(SlotId id) {
        return ctx.storage().slots().find(id)
                .orElseThrow(() -> new IllegalStateException("reservation refers to missing slot " + id));
    }

    /**
     * OPT-1's interval needs the member's optional tests of earlier fiscal years: read only when a chosen
     * test has an interval.
     */
    private Map<FiscalYear, Set<OptionId>> taken(MemberId member, ExamChoice choice, FiscalYear fy) {
        boolean needed = choice.options().stream()
                .anyMatch(o -> ctx.courses().option(o).map(x -> x.interval() > 0).orElse(false));
        return needed ? BookingCase.taken(ctx.storage().reservations().findByMember(member), fy) : Map.of();
    }

    private static Optional<Set<OptionId>> optionsOf(Set<OptionId> options) throws Refusal {
        if (options == null) {
            return Optional.empty();
        }
        Set<OptionId> out = new TreeSet<>();
        for (OptionId o : options) {
            out.add(Inputs.required(o, Refusal.FIELD_OPTIONS));
        }
        return Optional.of(out);
    }

    /** A store's {@code OPTION_FULL} names the test by its code: answered with the union's name for it. */
    private <T> T named(UseCaseWork<T> write) throws Refusal {
        try {
            return write.run();
        } catch (Refusal r) {
            if (r.code() == ErrorCode.OPTION_FULL && r.subject().isPresent()) {
                throw Refusal.onOption(ErrorCode.OPTION_FULL, r.subject().get(),
                        ctx.courses().optionName(OptionId.of(r.subject().get())));
            }
            throw r;
        }
    }

    private record ValidRequest(MemberId member, SlotId slot, PhoneNumber phone, Optional<IdempotencyKey> key,
            CourseId course, Set<OptionId> options) {
    }

    /** What a booking's checks decided: a repeat of a key's first booking, or a fresh booking. */
    private sealed interface Decision permits Repeat, Fresh {
    }

    private record Repeat(Member member, Reservation first) implements Decision {
    }

    private record Fresh(Account account, Member member, Slot slot, ExamChoice choice) implements Decision {
    }
}
