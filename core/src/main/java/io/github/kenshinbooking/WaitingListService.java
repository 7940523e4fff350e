package io.github.kenshinbooking;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditActor;
import io.github.kenshinbooking.audit.AuditChannel;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.eligibility.Course;
import io.github.kenshinbooking.eligibility.CourseFamily;
import io.github.kenshinbooking.eligibility.CourseId;
import io.github.kenshinbooking.eligibility.ExamChoice;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.InfrastructureException;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.reservation.BookingCase;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.BookingSnapshot;
import io.github.kenshinbooking.reservation.DuplicateReservationIdException;
import io.github.kenshinbooking.reservation.PhoneNumber;
import io.github.kenshinbooking.reservation.ReceptionClosing;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.ReservationStatus;
import io.github.kenshinbooking.reservation.WaitingEntry;
import io.github.kenshinbooking.reservation.WaitingEntryId;
import io.github.kenshinbooking.reservation.WaitingListRun;
import io.github.kenshinbooking.reservation.WaitingListStore;
import io.github.kenshinbooking.reservation.WaitingState;
import io.github.kenshinbooking.schedule.DeadlineKind;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The waiting list (キャンセル待ち, WAIT-1..WAIT-4): join a full slot's list, leave it, accept or decline
 * an offered place, the history of the entries, and the job that ends holds and makes the next offers.
 *
 * <p>A place that frees up in a slot with members waiting is taken back for the list in the unit of
 * work that frees it (a cancel, a change away, a staff cancel, a capacity increase), so nobody else
 * can book it; it is then offered, after that commit and by {@link #expireAndOffer()}, to the
 * earliest entry whose member passes every booking rule but capacity, and held for the policy's hold
 * (a held place counts as taken).
 *
 * <p>An entry keeps the course and optional tests it joined with (OPT-1, OPT-2): it may wait for the
 * slot's place, for a test's place, or both. Freed test places are pooled per test as the slot's are;
 * an offer holds a place of the slot (pooled, or else a free one taken as a booking takes one) and one
 * of each of its tests (likewise), all or none, and an accepted offer books them. Places of a pool no
 * waiting entry can be offered go back to free.
 *
 * <p>Every step is a conditional update in the store, so any number of instances may run the job at
 * once: a place is claimed from its pool once, an entry moves from waiting to offered once. Each step appends its audit record in its unit of work (AUDIT-1).
 * Thread-safe.
 */
public final class WaitingListService {
    /** The actor of the offers and expiries the library makes itself. */
    static final AuditActor JOB = AuditActor.job("waiting-list");
    /**
     * The refusals a member may wait instead of (WAIT-1): the slot's capacity or a chosen test's. Every
     * other booking check comes before these in ORDER-1, so a refusal with one of them means every other
     * rule holds.
     */
    private static final Set<ErrorCode> WAITABLE = EnumSet.of(ErrorCode.SLOT_FULL, ErrorCode.OPTION_FULL);
    /** Refusals at an offer after which the entry can never be offered this slot: it expires. */
    private static final Set<ErrorCode> NEVER_OFFERABLE = EnumSet.of(ErrorCode.BOOKING_CLOSED,
            ErrorCode.EVENT_CANCELLED);
    private static final System.Logger LOG = System.getLogger(WaitingListService.class.getName());

    private final EngineContext ctx;
    private final HouseholdAccess access;

    WaitingListService(EngineContext ctx, HouseholdAccess access) {
        this.ctx = ctx;
        this.access = access;
    }

    private WaitingListStore store() {
        return ctx.storage().waitingList();
    }

    /**
     * Puts a member on a slot's waiting list (WAIT-1) when the booking would be refused only for
     * {@code SLOT_FULL} or {@code OPTION_FULL}: every other booking rule must hold, the course and the
     * optional tests checked as a booking's (CRS-1, OPT-1); the refusals come in ORDER-1 as for a booking.
     * A request whose slot and every chosen test have a place left is booked, not waited for. Joining
     * again while on the slot's list answers the entry already there (with the tests it joined with).
     *
     * @param session the household's session
     * @param request the member, the slot, the daytime phone for the booking an offer makes, the terms
     *     accepted, the course and the optional tests an offer is to hold (an idempotency key is not used)
     * @return the member's live entry of the slot
     * @throws Refusal as a booking up to {@code OPTION_NOT_ELIGIBLE}; {@code INVALID_INPUT} (field
     *     {@code slot}) if the slot and every chosen test have a place left; {@code WAITLIST_LIMIT} if the
     *     member already has the policy's most live entries in the fiscal year
     */
    public WaitingEntry join(HouseholdSession session, BookingRequest request) throws Refusal {
        Inputs.required(session, Refusal.FIELD_SESSION);
        Inputs.required(request, Refusal.FIELD_REQUEST);
        Inputs.required(request.member(), Refusal.FIELD_MEMBER);
        Inputs.required(request.slot(), Refusal.FIELD_SLOT);
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
        CourseId courseId = request.course() == null ? CourseId.DEFAULT : request.course();
        CourseFamily family = ctx.courses().course(courseId).map(Course::family).orElse(CourseFamily.DEFAULT);
        SymbolNumber household = session.household();
        BookingSnapshot read = family.equals(CourseFamily.DEFAULT)
                ? ctx.storage().bookingSnapshot(household, request.member(), request.slot(), Optional.empty())
                : ctx.storage().bookingSnapshot(household, request.member(), request.slot(), Optional.empty(),
                        family);
        HouseholdAccess.active(read.account().orElse(Account.initial(household)));
        Member member = HouseholdAccess.memberOf(access.household(household), request.member());
        Slot slot = read.slot()
                .orElseThrow(() -> Refusal.onField(ErrorCode.NOT_FOUND, Refusal.FIELD_SLOT, "no such slot"));
        Instant now = ctx.clock().instant();
        ExamChoice choice = new ExamChoice(courseId, family, new TreeSet<>(options));
        BookingCase c = bookingCase(member, slot, choice, read.liveInSlotYear().isPresent());
        if (refusal(c, now, ReceptionClosing.ENFORCED).isEmpty()) {
            throw Refusal.invalidInput(Refusal.FIELD_SLOT, "the slot and its tests have a place left: book it");
        }
        checkWaitable(c, now, ReceptionClosing.ENFORCED);
        return ctx.storage().unitOfWork().execute(() -> {
            Optional<WaitingEntry> joined = store().join(household, member.id(), slot.id(), slot.fiscalYear(), phone,
                    now, choice, ctx.policy().waitingList().maxLiveEntries());
            if (joined.isEmpty()) {
                return liveEntry(member.id(), slot.id()).orElseThrow(
                        () -> new IllegalStateException("join refused but no live entry of the slot"));
            }
            WaitingEntry e = joined.get();
            Audits.append(ctx, byHousehold(e, now, AuditAction.WAITING_JOINED, "", summary(e, slot)));
            return e;
        });
    }

    /**
     * Takes a member off a slot's waiting list (WAIT-4); a place held for the member goes to the next entry.
     *
     * @param session the household's session
     * @param member the member
     * @param slot the slot
     * @return the entry, left
     * @throws Refusal {@code INVALID_INPUT}, {@code PASSWORD_CHANGE_REQUIRED}, {@code FORBIDDEN} for a member
     *     of another household, {@code NOT_WAITING} if the member is not on the slot's list
     */
    public WaitingEntry leave(HouseholdSession session, MemberId member, SlotId slot) throws Refusal {
        Inputs.required(session, Refusal.FIELD_SESSION);
        Inputs.required(member, Refusal.FIELD_MEMBER);
        Inputs.required(slot, Refusal.FIELD_SLOT);
        access.requireActive(session);
        HouseholdAccess.memberOf(access.household(session.household()), member);
        WaitingEntry left = ctx.storage().unitOfWork().execute(() -> {
            WaitingEntry e = liveEntry(member, slot).orElseThrow(() -> Refusal.of(ErrorCode.NOT_WAITING));
            return end(e, WaitingState.LEFT, AuditAction.WAITING_LEFT, ctx.clock().instant(), false)
                    .orElseThrow(() -> Refusal.of(ErrorCode.NOT_WAITING, "the entry moved meanwhile"));
        });
        offerAfterCommit(Set.of(slot));
        return left;
    }

    /**
     * Books the place offered to an entry (WAIT-3), as a booking does (BOOK-*): a new 予約ID, the booking
     * mail, the other live entries of the fiscal year left (WAIT-4). The held places, the slot's and its
     * tests', become the reservation's, with the entry's course and tests; no second place is taken. A
     * running hold may be accepted after the slot's booking deadline, until it ends.
     *
     * @param session the household's session
     * @param entry the offered entry (its id is in the offer mail)
     * @return the reservation
     * @throws Refusal {@code INVALID_INPUT}, {@code PASSWORD_CHANGE_REQUIRED}, {@code NOT_FOUND} (field
     *     {@code waitingEntry}) for an entry not of the household, {@code OFFER_EXPIRED} once the hold has
     *     ended, {@code NOT_WAITING} for an entry holding no offer, then the booking rules but capacity and
     *     the booking deadline ({@code EVENT_CANCELLED}, {@code SLOT_CLOSED}, {@code NOT_ELIGIBLE_AGE},
     *     {@code NOT_QUALIFIED}, {@code ALREADY_RESERVED_THIS_FISCAL_YEAR}, {@code OPTION_NOT_ELIGIBLE})
     */
    public Reservation accept(HouseholdSession session, WaitingEntryId entry) throws Refusal {
        Inputs.required(session, Refusal.FIELD_SESSION);
        Inputs.required(entry, Refusal.FIELD_WAITING_ENTRY);
        access.requireActive(session);
        Household household = access.household(session.household());
        WaitingEntry first = offered(ownEntry(session.household(), entry), ctx.clock().instant());
        Member member = HouseholdAccess.memberOf(household, first.member());
        Set<SlotId> freed = new LinkedHashSet<>();
        for (int attempt = 1;; attempt++) {
            try {
                Reservation booked = acceptOnce(session, entry, member, ctx.storage().reservationIds().next(), freed);
                offerAfterCommit(freed);
                return booked;
            } catch (DuplicateReservationIdException e) {
                // the id source handed out a held id (a fail-over): the unit of work rolled back, write it again
                if (attempt >= BookingService.ID_ATTEMPTS) {
                    throw new InfrastructureException("accepting an offer failed: " + attempt
                            + " reservation ids in a row were held by stored reservations", e);
                }
            }
        }
    }

    private Reservation acceptOnce(HouseholdSession session, WaitingEntryId entry, Member member, ReservationId id,
            Set<SlotId> freed) throws Refusal {
        return ctx.storage().unitOfWork().execute(() -> {
            freed.clear();
            Instant now = ctx.clock().instant();
            WaitingEntry e = offered(ownEntry(session.household(), entry), now);
            Slot slot = slot(e.slot());
            checkWaitable(bookingCase(member, slot, e.choice(), liveInYear(e)), now, ReceptionClosing.OVERRIDDEN);
            Reservation r = new Reservation(id, e.household(), e.member(), e.slot(), e.fiscalYear(),
                    ReservationStatus.CONFIRMED, e.phone(), ctx.policy().termsVersion(), now, now, Optional.empty(),
                    Optional.of(ctx.deadlines().deadline(DeadlineKind.CHANGE, slot.date())),
                    Optional.of(ctx.deadlines().deadline(DeadlineKind.CANCEL, slot.date())), e.choice());
            if (!store().update(e, e.booked(now, id))) {
                throw Refusal.of(ErrorCode.OFFER_EXPIRED, "the offer ended meanwhile");
            }
            // the held places become the reservation's: given back and taken again in this unit of work
            store().returnPlace(e.slot());
            store().releasePlace(e.slot());
            for (OptionId o : e.choice().options()) {
                store().returnOptionPlace(e.slot(), o);
                store().releaseOptionPlace(e.slot(), o);
            }
            ctx.storage().reservations().insert(r);
            ctx.notifier().reservation(NotificationKind.BOOKED, r, Optional.of(member.name()), slot, Optional.empty(),
                    false, Optional.empty(), now);
            Audits.append(ctx, AuditRecord.of(now, AuditActor.household(r.household(), r.member()), AuditChannel.WEB,
                    AuditAction.WAITING_ACCEPTED, AuditTarget.reservation(id), "entry=" + e.id() + " state=OFFERED",
                    "entry=" + e.id() + " " + Audits.reservation(r, slot)));
            freed.addAll(leaveFiscalYear(e.member(), e.fiscalYear(), now));
            return r;
        });
    }

    /**
     * Declines the place offered to an entry (WAIT-3): the entry leaves the list and the place goes to
     * the next entry.
     *
     * @param session the household's session
     * @param entry the offered entry
     * @return the entry, left
     * @throws Refusal {@code INVALID_INPUT}, {@code PASSWORD_CHANGE_REQUIRED}, {@code NOT_FOUND} (field
     *     {@code waitingEntry}), {@code OFFER_EXPIRED} once the hold has ended, {@code NOT_WAITING} for an
     *     entry holding no offer
     */
    public WaitingEntry decline(HouseholdSession session, WaitingEntryId entry) throws Refusal {
        Inputs.required(session, Refusal.FIELD_SESSION);
        Inputs.required(entry, Refusal.FIELD_WAITING_ENTRY);
        access.requireActive(session);
        WaitingEntry declined = ctx.storage().unitOfWork().execute(() -> {
            Instant now = ctx.clock().instant();
            WaitingEntry e = offered(ownEntry(session.household(), entry), now);
            Optional<WaitingEntry> ended = end(e, WaitingState.LEFT, AuditAction.WAITING_DECLINED, now, false);
            if (ended.isEmpty()) { // answered, expired or accepted meanwhile: say which
                offered(ownEntry(session.household(), entry), now);
                throw Refusal.of(ErrorCode.NOT_WAITING, "the entry moved meanwhile");
            }
            return ended.get();
        });
        offerAfterCommit(Set.of(declined.slot()));
        return declined;
    }

    /**
     * A member's waiting entries, live and ended, with their states (WAIT-4: waiting, offered, booked,
     * expired, left), latest joined first. The reservation history (HIST-1) is
     * {@link BookingService#history}.
     *
     * @param session the household's session
     * @param member the member
     * @return the entries
     * @throws Refusal {@code INVALID_INPUT}, {@code PASSWORD_CHANGE_REQUIRED}, {@code FORBIDDEN} for a member
     *     of another household
     */
    public List<WaitingEntry> history(HouseholdSession session, MemberId member) throws Refusal {
        Inputs.required(session, Refusal.FIELD_SESSION);
        Inputs.required(member, Refusal.FIELD_MEMBER);
        access.requireActive(session);
        HouseholdAccess.memberOf(access.household(session.household()), member);
        List<WaitingEntry> out = new ArrayList<>(store().findByMember(member).stream()
                .filter(e -> e.household().equals(session.household())).toList());
        out.sort(Comparator.comparing((WaitingEntry e) -> e.id().value()).reversed());
        return List.copyOf(out);
    }

    /**
     * The waiting-list job (WAIT-2, WAIT-3), run at the injected clock's time: ends the holds that have
     * ended (their places go back to their slots' pools), then offers every pooled place to the earliest
     * entry whose member passes every booking rule but capacity, and gives back to its slot a place nobody
     * can be offered (after the slot's booking deadline, or with nobody left who passes). Safe to run from
     * any number of instances at once.
     *
     * @return how many holds ended, offers were made and places went back
     */
    public WaitingListRun expireAndOffer() {
        int expired = 0;
        Set<SlotId> slots = new LinkedHashSet<>();
        List<WaitingEntry> ended;
        do {
            ended = store().findEndedOffers(ctx.clock().instant(), ctx.policy().waitingList().jobBatch());
            for (WaitingEntry e : ended) {
                if (expire(e)) {
                    expired++;
                }
                slots.add(e.slot());
            }
        } while (ended.size() == ctx.policy().waitingList().jobBatch());
        slots.addAll(store().slotsWithPooledPlaces());
        WaitingListRun run = new WaitingListRun(expired, 0, 0);
        for (SlotId s : slots) {
            run = run.plus(offerPooled(s));
        }
        return run;
    }

    // ---- hooks of the booking and staff use cases ----------------------------------------------

    /**
     * Inside the unit of work that freed places of the slot or of its tests (a cancel, a change away, a
     * test dropped, a capacity increase): takes back for the waiting list as many as its entries can use,
     * while the slot can still be offered. The entries are served in joining order, as far as the places
     * pooled and free go: each needs a place of the slot and one of each of its tests; the places so
     * counted beyond those pooled already are held, the slot's first, then each test's in code order, as a
     * booking takes them. So a freed place no entry can use stays free.
     */
    void placesFreed(SlotId id, Instant now) {
        Slot slot = ctx.storage().slots().find(id).orElseThrow();
        if (!offerableSlot(slot, now)) {
            return;
        }
        int pooled = store().pooledPlaces(id);
        Map<OptionId, Integer> pooledTests = store().pooledOptionPlaces(id);
        int slotLeft = pooled + Math.max(0, slot.remaining());
        Map<OptionId, Integer> testLeft = new HashMap<>();
        int slotWanted = 0;
        Map<OptionId, Integer> testWanted = new java.util.TreeMap<>();
        for (WaitingEntry e : store().findWaiting(id)) {
            if (slotLeft <= 0) {
                break;
            }
            boolean fits = true;
            for (OptionId o : e.choice().options()) {
                fits &= testLeft.computeIfAbsent(o, k -> pooledTests.getOrDefault(k, 0)
                        + slot.option(k).map(p -> Math.max(0, p.remaining())).orElse(0)) > 0;
            }
            if (!fits) {
                continue;
            }
            slotLeft--;
            slotWanted++;
            for (OptionId o : e.choice().options()) {
                testLeft.merge(o, -1, Integer::sum);
                testWanted.merge(o, 1, Integer::sum);
            }
        }
        int more = slotWanted - pooled;
        while (more > 0 && store().holdPlace(id)) {
            more--;
        }
        for (Map.Entry<OptionId, Integer> w : testWanted.entrySet()) {
            int moreOfTest = w.getValue() - pooledTests.getOrDefault(w.getKey(), 0);
            while (moreOfTest > 0 && store().holdOptionPlace(id, w.getKey())) {
                moreOfTest--;
            }
        }
    }

    /**
     * Inside the unit of work of a booking or a move into a fiscal year (WAIT-4): the member's live
     * entries of that fiscal year leave their lists.
     *
     * @return the slots whose held place went back to their pools
     */
    Set<SlotId> leaveFiscalYear(MemberId member, FiscalYear fy, Instant now) {
        Set<SlotId> freed = new LinkedHashSet<>();
        for (WaitingEntry e : store().findLive(member, fy)) {
            // an entry another step moved meanwhile is no longer live: nothing to leave
            if (end(e, WaitingState.LEFT, AuditAction.WAITING_LEFT, now, true).isPresent()
                    && e.state() == WaitingState.OFFERED) {
                freed.add(e.slot());
            }
        }
        return freed;
    }

    /** After a booking committed on its own (WAIT-4): leaves the fiscal year's lists in a unit of work of its own. */
    void booked(MemberId member, FiscalYear fy) {
        try {
            if (store().findLive(member, fy).isEmpty()) {
                return;
            }
            Set<SlotId> freed = ctx.storage().unitOfWork().execute(
                    () -> leaveFiscalYear(member, fy, ctx.clock().instant()));
            offerAfterCommit(freed);
        } catch (Refusal | RuntimeException e) {
            // the booking stands; the job finds the entries' member booked and takes them off
            LOG.log(System.Logger.Level.WARNING, "waiting entries not left after a booking", e);
        }
    }

    /** After a use case's commit that may have pooled places: offers every pooled place now. */
    void offerPooledNow() {
        try {
            offerAfterCommit(new LinkedHashSet<>(store().slotsWithPooledPlaces()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "waiting-list offers left to the job", e);
        }
    }

    /** After a commit that pooled places: offers them now; a failure is left to the job. */
    void offerAfterCommit(Set<SlotId> slots) {
        for (SlotId s : slots) {
            try {
                offerPooled(s);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "waiting-list offer left to the job", e);
            }
        }
    }

    // ---- internals ------------------------------------------------------------------------------

    /**
     * Offers the slot's pooled places, of the slot and of its tests, entry by entry in joining order, then
     * gives back what nobody can be offered. An entry is offered when its member passes every booking rule
     * but capacity and the slot and each of its tests have a place for it, pooled or free; each entry is
     * tried once per run, so the loop ends.
     */
    private WaitingListRun offerPooled(SlotId id) {
        int offered = 0;
        int released = 0;
        int expired = 0;
        Map<SymbolNumber, Optional<Household>> households = new HashMap<>();
        Set<WaitingEntryId> tried = new HashSet<>();
        while (true) {
            int pooled = store().pooledPlaces(id);
            Map<OptionId, Integer> pooledTests = store().pooledOptionPlaces(id);
            if (pooled <= 0 && pooledTests.isEmpty()) {
                break;
            }
            Instant now = ctx.clock().instant();
            Slot slot = ctx.storage().slots().find(id).orElseThrow();
            Optional<WaitingEntry> pick = Optional.empty();
            Optional<Member> member = Optional.empty();
            // each entry by the booking rules: past the booking deadline or on a cancelled day nobody passes
            for (WaitingEntry e : store().findWaiting(id)) {
                if (tried.contains(e.id())) {
                    continue;
                }
                Optional<Member> m = households.computeIfAbsent(e.household(), ctx.directory()::find)
                        .flatMap(h -> h.member(e.member()));
                Optional<ErrorCode> refusal = m.isEmpty() ? Optional.of(ErrorCode.NOT_FOUND)
                        : refusal(bookingCase(m.get(), slot, e.choice(), liveInYear(e)), now,
                                ReceptionClosing.ENFORCED).map(Refusal::code);
                if (refusal.isEmpty() || WAITABLE.contains(refusal.get())) {
                    if (placesFor(e, slot, pooled, pooledTests)) {
                        pick = Optional.of(e);
                        member = m;
                        break;
                    }
                    continue; // it waits for a place that is not there yet: the next entry may use these
                }
                if (refusal.get() == ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR && tryEnd(e, WaitingState.LEFT,
                        AuditAction.WAITING_LEFT)) {
                    continue; // WAIT-4: booked elsewhere in the fiscal year
                }
                if (NEVER_OFFERABLE.contains(refusal.get()) && tryEnd(e, WaitingState.EXPIRED,
                        AuditAction.WAITING_EXPIRED)) {
                    expired++;
                }
            }
            if (pick.isEmpty()) {
                released += releaseAll(id, pooled, pooledTests, now);
                break;
            }
            tried.add(pick.get().id());
            if (offer(pick.get(), member.orElseThrow(), slot)) {
                offered++;
            }
        }
        return new WaitingListRun(expired, offered, released);
    }

    /** Whether the slot and each of the entry's tests have a place for it, pooled or free, as read. */
    private static boolean placesFor(WaitingEntry e, Slot slot, int pooled, Map<OptionId, Integer> pooledTests) {
        if (pooled <= 0 && slot.remaining() <= 0) {
            return false;
        }
        for (OptionId o : e.choice().options()) {
            if (pooledTests.getOrDefault(o, 0) <= 0 && slot.option(o).map(p -> p.remaining() <= 0).orElse(true)) {
                return false;
            }
        }
        return true;
    }

    /**
     * One offer: a place of the slot and one of each of the entry's tests, each claimed from its pool or
     * else taken free as a booking takes it, and the entry moved to offered; all of it or nothing.
     */
    private boolean offer(WaitingEntry e, Member member, Slot slot) {
        try {
            return ctx.storage().unitOfWork().execute(() -> {
                Instant now = ctx.clock().instant();
                if (!store().claimPlace(e.slot())
                        && !(store().holdPlace(e.slot()) && store().claimPlace(e.slot()))) {
                    throw new Lost(); // no place: give back the tests claimed so far by rolling back
                }
                for (OptionId o : e.choice().options()) {
                    if (!store().claimOptionPlace(e.slot(), o)
                            && !(store().holdOptionPlace(e.slot(), o) && store().claimOptionPlace(e.slot(), o))) {
                        throw new Lost();
                    }
                }
                WaitingEntry offered = e.offered(now, now.plus(ctx.policy().waitingList().hold()));
                if (!store().update(e, offered)) {
                    throw new Lost(); // the entry moved meanwhile: give the places back by rolling back
                }
                ctx.notifier().waitingOffer(offered, Optional.of(member.name()), slot, now);
                Audits.append(ctx, AuditRecord.of(now, JOB, AuditChannel.BATCH, AuditAction.WAITING_OFFERED,
                        AuditTarget.waitingEntry(e.id()), summary(e, slot),
                        summary(offered, slot) + " heldUntil=" + offered.heldUntil().orElseThrow()));
                return true;
            });
        } catch (Lost lost) {
            return false;
        } catch (Refusal r) {
            throw new IllegalStateException("an offer cannot be refused", r);
        }
    }

    /** Gives back to free the pooled places nobody can be offered: the slot's, then each test's. */
    private int releaseAll(SlotId id, int pooled, Map<OptionId, Integer> pooledTests, Instant now) {
        int released = 0;
        for (int i = 0; i < pooled && releaseOne(id, Optional.empty(), now); i++) {
            released++;
        }
        for (Map.Entry<OptionId, Integer> t : pooledTests.entrySet()) {
            for (int i = 0; i < t.getValue() && releaseOne(id, Optional.of(t.getKey()), now); i++) {
                released++;
            }
        }
        return released;
    }

    private boolean releaseOne(SlotId id, Optional<OptionId> option, Instant now) {
        try {
            return ctx.storage().unitOfWork().execute(() -> {
                if (!(option.isEmpty() ? store().releasePlace(id) : store().releaseOptionPlace(id, option.get()))) {
                    return false;
                }
                Audits.append(ctx, AuditRecord.of(now, JOB, AuditChannel.BATCH, AuditAction.WAITING_PLACE_RELEASED,
                        AuditTarget.slot(id), "", "released=1" + option.map(o -> " option=" + o.value()).orElse("")));
                return true;
            });
        } catch (Refusal r) {
            throw new IllegalStateException("a release cannot be refused", r);
        }
    }

    /** Expires one ended hold in a unit of work of its own; {@code false} if another step moved it first. */
    private boolean expire(WaitingEntry e) {
        return tryEnd(e, WaitingState.EXPIRED, AuditAction.WAITING_EXPIRED);
    }

    private boolean tryEnd(WaitingEntry e, WaitingState state, AuditAction action) {
        try {
            return ctx.storage().unitOfWork().execute(
                    () -> end(e, state, action, ctx.clock().instant(), true).isPresent());
        } catch (Refusal r) {
            throw new IllegalStateException("ending an entry cannot be refused", r);
        }
    }

    /**
     * Ends a live entry in the caller's unit of work; an offered entry's place goes back to the slot's pool.
     *
     * @param byJob whether the library ends it (the job, or WAIT-4 on a booking) rather than the member
     * @return the ended entry, or empty (nothing written) if the entry moved meanwhile
     */
    private Optional<WaitingEntry> end(WaitingEntry e, WaitingState state, AuditAction action, Instant now,
            boolean byJob) {
        WaitingEntry ended = e.ended(state, now);
        if (!store().update(e, ended)) {
            return Optional.empty();
        }
        if (e.state() == WaitingState.OFFERED) {
            store().returnPlace(e.slot());
            for (OptionId o : e.choice().options()) {
                store().returnOptionPlace(e.slot(), o);
            }
        }
        String before = "slot=" + e.slot() + " state=" + e.state();
        String after = "slot=" + e.slot() + " state=" + state;
        Audits.append(ctx, byJob ? AuditRecord.of(now, JOB, AuditChannel.BATCH, action, AuditTarget.waitingEntry(e.id()),
                before, after) : byHousehold(e, now, action, before, after));
        return Optional.of(ended);
    }

    /** ORDER-1 of a booking; answers the first refusal, if any. */
    private Optional<Refusal> refusal(BookingCase c, Instant now, ReceptionClosing closing) {
        try {
            ctx.bookingRules().check(c, now, closing);
            return Optional.empty();
        } catch (Refusal r) {
            return Optional.of(r);
        }
    }

    /** Every booking rule but capacity holds (WAIT-1, WAIT-2); other refusals are thrown as a booking's. */
    private void checkWaitable(BookingCase c, Instant now, ReceptionClosing closing) throws Refusal {
        Optional<Refusal> r = refusal(c, now, closing);
        if (r.isPresent() && !WAITABLE.contains(r.get().code())) {
            throw r.get();
        }
    }

    /** A booking of the member into the slot with the choice; OPT-1's interval reads earlier years only if needed. */
    private BookingCase bookingCase(Member member, Slot slot, ExamChoice choice, boolean liveInFamilyYear) {
        boolean interval = choice.options().stream()
                .anyMatch(o -> ctx.courses().option(o).map(x -> x.interval() > 0).orElse(false));
        return new BookingCase(member, slot, choice, liveInFamilyYear, interval
                ? BookingCase.taken(ctx.storage().reservations().findByMember(member.id()), slot.fiscalYear())
                : Map.of(), Optional.empty());
    }

    /** ONE-1 for the entry's course family. */
    private boolean liveInYear(WaitingEntry e) {
        return ctx.storage().reservations().findLive(e.member(), e.fiscalYear(), e.choice().family()).isPresent();
    }

    /** WAIT-3: no offer once the slot takes no bookings: after its booking deadline, cancelled or closed. */
    private boolean offerableSlot(Slot slot, Instant now) {
        return !slot.eventCancelled() && !slot.closed()
                && !ctx.deadlines().receptionWindow(slot).closed(now);
    }

    /** The entry as an offer that can still be answered: {@code OFFER_EXPIRED}, {@code NOT_WAITING}. */
    private static WaitingEntry offered(WaitingEntry e, Instant now) throws Refusal {
        if (e.state() == WaitingState.EXPIRED || (e.state() == WaitingState.OFFERED && !e.holding(now))) {
            throw Refusal.of(ErrorCode.OFFER_EXPIRED);
        }
        if (e.state() != WaitingState.OFFERED) {
            throw Refusal.of(ErrorCode.NOT_WAITING);
        }
        return e;
    }

    private WaitingEntry ownEntry(SymbolNumber household, WaitingEntryId id) throws Refusal {
        return store().find(id).filter(e -> e.household().equals(household)).orElseThrow(
                () -> Refusal.onField(ErrorCode.NOT_FOUND, Refusal.FIELD_WAITING_ENTRY, "no such waiting entry"));
    }

    private Optional<WaitingEntry> liveEntry(MemberId member, SlotId slot) {
        return store().findByMember(member).stream().filter(e -> e.live() && e.slot().equals(slot)).findFirst();
    }

    private Slot slot(SlotId id) {
        return ctx.storage().slots().find(id)
                .orElseThrow(() -> new IllegalStateException("waiting entry refers to missing slot " + id));
    }

    private static AuditRecord byHousehold(WaitingEntry e, Instant now, AuditAction action, String before,
            String after) {
        return AuditRecord.of(now, AuditActor.household(e.household(), e.member()), AuditChannel.WEB, action,
                AuditTarget.waitingEntry(e.id()), before, after);
    }

    private static String summary(WaitingEntry e, Slot s) {
        return "slot=" + s.id() + " start=" + s.startDateTime() + " state=" + e.state() + " phone="
                + AuditRecord.maskPhone(e.phone()) + (e.choice().equals(ExamChoice.DEFAULT) ? ""
                        : " course=" + e.choice().course() + (e.choice().options().isEmpty() ? "" : " options="
                                + String.join(",", e.choice().options().stream().map(OptionId::value).toList())));
    }

    /** Rolls a unit of work back when an entry moved between its read and its conditional update. */
    private static final class Lost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Lost() {
            super(null, null, false, false);
        }
    }
}
