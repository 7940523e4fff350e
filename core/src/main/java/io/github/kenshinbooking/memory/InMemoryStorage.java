package io.github.kenshinbooking.memory;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.AccountStore;
import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.account.LoginAttemptStore;
import io.github.kenshinbooking.account.LoginAttempts;
import io.github.kenshinbooking.account.ResetToken;
import io.github.kenshinbooking.account.ResetTokenStore;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationOutbox;
import io.github.kenshinbooking.notification.OutboxEntry;
import io.github.kenshinbooking.reservation.IdempotencyKey;
import io.github.kenshinbooking.reservation.IdempotencyStore;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.ReservationIds;
import io.github.kenshinbooking.reservation.ReservationStore;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.SlotStore;
import io.github.kenshinbooking.schedule.Venue;
import io.github.kenshinbooking.storage.Storage;
import io.github.kenshinbooking.storage.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Every persistence port in memory, for tests, demos and single-process use. One lock serializes
 * all access, and a unit of work holds it throughout and undoes its writes if it fails, so it has
 * the same invariants (capacity, ONE-1, unique keys) and atomicity as the JDBC adapter. Nothing
 * survives the process. Thread-safe.
 */
public final class InMemoryStorage implements Storage {
    private final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<Deque<Runnable>> undo = new ThreadLocal<>();

    private final Map<SlotId, Slot> slots = new HashMap<>();
    private final Map<ReservationId, Reservation> reservations = new HashMap<>();
    private final Map<String, ReservationId> liveByMemberYear = new HashMap<>();
    private final Map<String, ReservationId> idempotency = new HashMap<>();
    private final Map<Long, OutboxEntry> outbox = new HashMap<>();
    private final Map<String, Long> outboxDedupe = new HashMap<>();
    private final Map<SymbolNumber, Account> accounts = new HashMap<>();
    private final Map<String, LoginAttempts> attempts = new HashMap<>();
    private final Map<String, ResetToken> resetTokens = new HashMap<>();
    private final AtomicLong slotIds = new AtomicLong();
    private final AtomicLong reservationIdSeq = new AtomicLong();
    private final AtomicLong outboxIds = new AtomicLong();

    private final UnitOfWork unitOfWork = new UnitOfWork() {
        @Override
        public <T> T execute(Work<T> work) throws Refusal {
            Objects.requireNonNull(work, "work");
            lock.lock();
            try {
                if (undo.get() != null) {
                    return work.run(); // nested: joins the outer unit of work
                }
                Deque<Runnable> log = new ArrayDeque<>();
                undo.set(log);
                boolean ok = false;
                try {
                    T result = work.run();
                    ok = true;
                    return result;
                } finally {
                    undo.remove();
                    if (!ok) {
                        while (!log.isEmpty()) {
                            log.pop().run();
                        }
                    }
                }
            } finally {
                lock.unlock();
            }
        }
    };

    private <K, V> void put(Map<K, V> map, K key, V value) {
        V old = map.put(key, value);
        Deque<Runnable> log = undo.get();
        if (log != null) {
            log.push(old == null ? () -> map.remove(key) : () -> map.put(key, old));
        }
    }

    private <K, V> void remove(Map<K, V> map, K key) {
        V old = map.remove(key);
        Deque<Runnable> log = undo.get();
        if (log != null && old != null) {
            log.push(() -> map.put(key, old));
        }
    }

    private <T> T locked(Supplier<T> s) {
        lock.lock();
        try {
            return s.get();
        } finally {
            lock.unlock();
        }
    }

    private interface RefusingAction {
        void run() throws Refusal;
    }

    private void lockedRefusing(RefusingAction a) throws Refusal {
        lock.lock();
        try {
            a.run();
        } finally {
            lock.unlock();
        }
    }

    private static String memberYear(MemberId m, FiscalYear fy) {
        return m.value() + "\u0000" + fy.startYear();
    }

    private static String idemKey(SymbolNumber h, IdempotencyKey k) {
        return h.value() + "\u0000" + k.value();
    }

    // ---- ports -----------------------------------------------------------------------------

    private final SlotStore slotStore = new SlotStore() {
        @Override
        public Slot add(SlotSpec spec) {
            Objects.requireNonNull(spec, "spec");
            return locked(() -> {
                Slot s = Slot.of(SlotId.of(slotIds.incrementAndGet()), spec);
                put(slots, s.id(), s);
                return s;
            });
        }

        @Override
        public Optional<Slot> find(SlotId id) {
            return locked(() -> Optional.ofNullable(slots.get(id)));
        }

        @Override
        public Map<SlotId, Slot> findAll(java.util.Collection<SlotId> ids) {
            Objects.requireNonNull(ids, "ids");
            return locked(() -> {
                Map<SlotId, Slot> out = new HashMap<>();
                for (SlotId id : ids) {
                    Slot s = slots.get(id);
                    if (s != null) {
                        out.put(id, s);
                    }
                }
                return out;
            });
        }

        @Override
        public List<Slot> findBetween(Optional<Venue> venue, LocalDate from, LocalDate to) {
            return locked(() -> slots.values().stream()
                    .filter(s -> venue.map(v -> v.equals(s.venue())).orElse(true))
                    .filter(s -> !s.date().isBefore(from) && s.date().isBefore(to))
                    .sorted(Comparator.comparing(Slot::date).thenComparing(s -> s.venue().name())
                            .thenComparing(Slot::start).thenComparing(s -> s.id().value()))
                    .toList());
        }

        @Override
        public List<Slot> cancelEventDay(Venue venue, LocalDate date) {
            return locked(() -> {
                List<Slot> out = new ArrayList<>();
                for (Slot s : List.copyOf(slots.values())) {
                    if (s.venue().equals(venue) && s.date().equals(date)) {
                        Slot c = withReserved(s, s.reserved(), true);
                        put(slots, s.id(), c);
                        out.add(c);
                    }
                }
                out.sort(Comparator.comparing(Slot::start).thenComparing(s -> s.id().value()));
                return out;
            });
        }
    };

    private static Slot withReserved(Slot s, int reserved, boolean cancelled) {
        return new Slot(s.id(), s.venue(), s.institution(), s.date(), s.start(), s.duration(), s.capacity(),
                s.receptionOpens(), reserved, cancelled);
    }

    private final ReservationStore reservationStore = new ReservationStore() {
        @Override
        public Optional<Reservation> find(ReservationId id) {
            return locked(() -> Optional.ofNullable(reservations.get(id)));
        }

        @Override
        public Optional<Reservation> findLive(MemberId member, FiscalYear fiscalYear) {
            return locked(() -> Optional.ofNullable(liveByMemberYear.get(memberYear(member, fiscalYear)))
                    .map(reservations::get));
        }

        @Override
        public List<Reservation> findByMember(MemberId member) {
            return locked(() -> reservations.values().stream().filter(r -> r.member().equals(member)).toList());
        }

        @Override
        public List<Reservation> findLiveBySlot(SlotId slot) {
            return locked(() -> reservations.values().stream().filter(r -> r.live() && r.slot().equals(slot))
                    .sorted(Comparator.comparing(r -> r.id().value())).toList());
        }

        @Override
        public List<Reservation> findLiveOn(LocalDate examDate) {
            return locked(() -> reservations.values().stream()
                    .filter(r -> r.live() && slots.get(r.slot()).date().equals(examDate))
                    .sorted(Comparator.comparing(r -> r.id().value())).toList());
        }

        @Override
        public void insert(Reservation r) throws Refusal {
            lockedRefusing(() -> {
                if (!r.live() || reservations.containsKey(r.id())) {
                    throw new IllegalArgumentException("insert takes a new live reservation");
                }
                String key = memberYear(r.member(), r.fiscalYear());
                if (liveByMemberYear.containsKey(key)) {
                    throw Refusal.of(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
                }
                take(r.slot());
                put(liveByMemberYear, key, r.id());
                put(reservations, r.id(), r);
            });
        }

        @Override
        public void move(Reservation current, Reservation moved) throws Refusal {
            lockedRefusing(() -> {
                Reservation stored = reservations.get(current.id());
                if (stored == null || !stored.live()) {
                    throw Refusal.of(ErrorCode.ALREADY_CANCELLED);
                }
                String oldKey = memberYear(stored.member(), stored.fiscalYear());
                String newKey = memberYear(moved.member(), moved.fiscalYear());
                if (!oldKey.equals(newKey) && liveByMemberYear.containsKey(newKey)) {
                    throw Refusal.of(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
                }
                take(moved.slot());
                release(stored.slot());
                remove(liveByMemberYear, oldKey);
                put(liveByMemberYear, newKey, moved.id());
                put(reservations, moved.id(), moved);
            });
        }

        @Override
        public void cancel(Reservation current, Reservation cancelled) throws Refusal {
            lockedRefusing(() -> {
                Reservation stored = reservations.get(current.id());
                if (stored == null || !stored.live()) {
                    throw Refusal.of(ErrorCode.ALREADY_CANCELLED);
                }
                release(stored.slot());
                remove(liveByMemberYear, memberYear(stored.member(), stored.fiscalYear()));
                put(reservations, cancelled.id(), cancelled);
            });
        }

        private void take(SlotId id) throws Refusal {
            Slot s = slots.get(id);
            if (s == null) {
                throw new IllegalArgumentException("no slot " + id);
            }
            if (s.eventCancelled()) {
                throw Refusal.of(ErrorCode.EVENT_CANCELLED);
            }
            if (s.reserved() >= s.capacity()) {
                throw Refusal.of(ErrorCode.SLOT_FULL);
            }
            put(slots, id, withReserved(s, s.reserved() + 1, s.eventCancelled()));
        }

        private void release(SlotId id) {
            Slot s = slots.get(id);
            put(slots, id, withReserved(s, s.reserved() - 1, s.eventCancelled()));
        }
    };

    private final ReservationIds ids = () -> ReservationId.of(reservationIdSeq.incrementAndGet());

    private final IdempotencyStore idempotencyStore = new IdempotencyStore() {
        @Override
        public Optional<ReservationId> find(SymbolNumber household, IdempotencyKey key) {
            return locked(() -> Optional.ofNullable(idempotency.get(idemKey(household, key))));
        }

        @Override
        public boolean claim(SymbolNumber household, IdempotencyKey key, ReservationId reservation) {
            return locked(() -> {
                String k = idemKey(household, key);
                if (idempotency.containsKey(k)) {
                    return false;
                }
                put(idempotency, k, reservation);
                return true;
            });
        }
    };

    private final NotificationOutbox outboxStore = new NotificationOutbox() {
        @Override
        public boolean add(Notification n, Instant at) {
            Objects.requireNonNull(n, "notification");
            Objects.requireNonNull(at, "at");
            return locked(() -> {
                if (n.dedupeKey().isPresent() && outboxDedupe.containsKey(n.dedupeKey().get())) {
                    return false;
                }
                long id = outboxIds.incrementAndGet();
                put(outbox, id, new OutboxEntry(id, n, at, 0, at, Optional.empty(), Optional.empty()));
                n.dedupeKey().ifPresent(k -> put(outboxDedupe, k, id));
                return true;
            });
        }

        @Override
        public boolean withdrawUnsent(String dedupeKey) {
            Objects.requireNonNull(dedupeKey, "dedupeKey");
            return locked(() -> {
                Long id = outboxDedupe.get(dedupeKey);
                OutboxEntry e = id == null ? null : outbox.get(id);
                if (e == null || e.sent()) {
                    return false;
                }
                remove(outbox, id);
                remove(outboxDedupe, dedupeKey);
                return true;
            });
        }

        @Override
        public List<OutboxEntry> claimDue(Instant now, int max, Duration lease) {
            return locked(() -> {
                List<OutboxEntry> due = outbox.values().stream()
                        .filter(e -> !e.sent() && !e.nextAttemptAt().isAfter(now))
                        .sorted(Comparator.comparing(OutboxEntry::id)).limit(max).toList();
                List<OutboxEntry> claimed = new ArrayList<>(due.size());
                for (OutboxEntry e : due) {
                    OutboxEntry c = new OutboxEntry(e.id(), e.notification(), e.createdAt(), e.attempts(),
                            now.plus(lease), e.sentAt(), e.lastError());
                    put(outbox, e.id(), c);
                    claimed.add(c);
                }
                return claimed;
            });
        }

        @Override
        public void markSent(long id, Instant at) {
            locked(() -> {
                OutboxEntry e = outbox.get(id);
                if (e != null) {
                    put(outbox, id, new OutboxEntry(id, e.notification(), e.createdAt(), e.attempts() + 1,
                            e.nextAttemptAt(), Optional.of(at), e.lastError()));
                }
                return null;
            });
        }

        @Override
        public void markFailed(long id, Instant retryAt, String error) {
            locked(() -> {
                OutboxEntry e = outbox.get(id);
                if (e != null && !e.sent()) {
                    put(outbox, id, new OutboxEntry(id, e.notification(), e.createdAt(), e.attempts() + 1, retryAt,
                            Optional.empty(), Optional.ofNullable(error)));
                }
                return null;
            });
        }

        @Override
        public List<OutboxEntry> pending() {
            return locked(() -> outbox.values().stream().filter(e -> !e.sent())
                    .sorted(Comparator.comparing(OutboxEntry::id)).toList());
        }
    };

    private final AccountStore accountStore = new AccountStore() {
        @Override
        public Optional<Account> find(SymbolNumber household) {
            return locked(() -> Optional.ofNullable(accounts.get(household)));
        }

        @Override
        public void save(Account account) {
            Objects.requireNonNull(account, "account");
            locked(() -> {
                put(accounts, account.household(), account);
                return null;
            });
        }

        @Override
        public List<Account> findByEmail(EmailAddress email) {
            return locked(() -> accounts.values().stream()
                    .filter(a -> a.email().map(e -> e.sameMailbox(email)).orElse(false))
                    .sorted(Comparator.comparing(a -> a.household().value())).toList());
        }
    };

    private final LoginAttemptStore attemptStore = new LoginAttemptStore() {
        @Override
        public LoginAttempts find(String key) {
            return locked(() -> attempts.getOrDefault(key, LoginAttempts.none()));
        }

        @Override
        public LoginAttempts findForUpdate(String key) {
            return find(key);
        }

        @Override
        public void save(String key, LoginAttempts a) {
            Objects.requireNonNull(a, "attempts");
            locked(() -> {
                put(attempts, key, a);
                return null;
            });
        }
    };

    private final ResetTokenStore resetTokenStore = new ResetTokenStore() {
        @Override
        public void add(ResetToken token) {
            locked(() -> {
                if (resetTokens.containsKey(token.tokenHash())) {
                    throw new IllegalStateException("duplicate reset token");
                }
                put(resetTokens, token.tokenHash(), token);
                return null;
            });
        }

        @Override
        public Optional<ResetToken> findForUpdate(String tokenHash) {
            return locked(() -> Optional.ofNullable(resetTokens.get(tokenHash)));
        }

        @Override
        public void update(ResetToken token) {
            locked(() -> {
                put(resetTokens, token.tokenHash(), token);
                return null;
            });
        }
    };

    @Override
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    public SlotStore slots() {
        return slotStore;
    }

    @Override
    public ReservationStore reservations() {
        return reservationStore;
    }

    @Override
    public ReservationIds reservationIds() {
        return ids;
    }

    @Override
    public IdempotencyStore idempotency() {
        return idempotencyStore;
    }

    @Override
    public NotificationOutbox outbox() {
        return outboxStore;
    }

    @Override
    public AccountStore accounts() {
        return accountStore;
    }

    @Override
    public LoginAttemptStore loginAttempts() {
        return attemptStore;
    }

    @Override
    public ResetTokenStore resetTokens() {
        return resetTokenStore;
    }
}
