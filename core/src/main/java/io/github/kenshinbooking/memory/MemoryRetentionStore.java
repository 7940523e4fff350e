package io.github.kenshinbooking.memory;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.audit.AuditEntry;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.exchange.Anonymised;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.OutboxEntry;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.StaffAction;
import io.github.kenshinbooking.reservation.WaitingEntry;
import io.github.kenshinbooking.reservation.WaitingEntryId;
import io.github.kenshinbooking.storage.RetentionStore;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link RetentionStore} over the maps of the other in-memory stores, under their one lock. Internal. */
final class MemoryRetentionStore implements RetentionStore {
    private final MemoryTransactions tx;
    private final MemoryReservationStore reservations;
    private final MemoryIdempotencyStore idempotency;
    private final MemoryAccountStore accounts;
    private final MemoryOutbox outbox;
    private final MemoryWaitingListStore waitingList;
    private final MemoryAuditLog audit;

    MemoryRetentionStore(MemoryTransactions tx, MemoryReservationStore reservations,
            MemoryIdempotencyStore idempotency, MemoryAccountStore accounts, MemoryWaitingListStore waitingList,
            MemoryAuditLog audit, MemoryOutbox outbox) {
        this.tx = tx;
        this.waitingList = waitingList;
        this.audit = audit;
        this.reservations = reservations;
        this.idempotency = idempotency;
        this.accounts = accounts;
        this.outbox = outbox;
    }

    @Override
    public List<ReservationId> expiredReservations(FiscalYear lastPurged, long after, int limit) {
        return tx.read(() -> reservations.reservations.values().stream()
                .filter(r -> r.id().value() > after && r.fiscalYear().compareTo(lastPurged) <= 0
                        && !Anonymised.isAnonymised(r))
                .map(Reservation::id).sorted((a, b) -> Long.compare(a.value(), b.value())).limit(limit).toList());
    }

    @Override
    public int anonymise(Collection<ReservationId> ids) {
        return tx.write(() -> {
            Set<ReservationId> done = new HashSet<>();
            for (ReservationId id : ids) {
                Reservation r = reservations.reservations.get(id);
                if (r == null || Anonymised.isAnonymised(r) || !done.add(id)) {
                    continue;
                }
                Reservation a = new Reservation(r.id(), Anonymised.HOUSEHOLD, Anonymised.member(r.id()), r.slot(),
                        r.fiscalYear(), r.status(), Anonymised.PHONE, r.termsVersion(), r.bookedAt(), r.updatedAt(),
                        r.staffAction().map(s -> new StaffAction(s.staff(), "", s.at())), r.changeDeadline(),
                        r.cancelDeadline(), r.choice());
                if (r.live()) {
                    tx.remove(reservations.liveByMemberYear, MemoryReservationStore.liveKey(r));
                    tx.put(reservations.liveByMemberYear, MemoryReservationStore.liveKey(a), a.id());
                }
                tx.put(reservations.reservations, id, a);
            }
            for (Map.Entry<String, ReservationId> e : List.copyOf(idempotency.claimed.entrySet())) {
                if (done.contains(e.getValue())) {
                    tx.remove(idempotency.claimed, e.getKey());
                }
            }
            return done.size();
        });
    }

    @Override
    public List<SymbolNumber> dormantContacts(FiscalYear lastPurged, String after, int limit) {
        return tx.read(() -> {
            Set<SymbolNumber> recent = new HashSet<>();
            for (Reservation r : reservations.reservations.values()) {
                if (r.fiscalYear().compareTo(lastPurged) > 0) {
                    recent.add(r.household());
                }
            }
            return accounts.accounts.values().stream()
                    .filter(a -> a.email().isPresent() && a.household().value().compareTo(after) > 0
                            && !recent.contains(a.household()))
                    .map(Account::household).sorted((a, b) -> a.value().compareTo(b.value())).limit(limit).toList();
        });
    }

    @Override
    public int eraseContacts(Collection<SymbolNumber> households) {
        return tx.write(() -> {
            int n = 0;
            for (SymbolNumber s : new HashSet<>(households)) {
                Account a = accounts.accounts.get(s);
                if (a != null && a.email().isPresent()) {
                    tx.put(accounts.accounts, s, a.withEmail(Optional.empty()));
                    n++;
                }
            }
            return n;
        });
    }

    @Override
    public List<Long> expiredNotifications(Instant before, long after, int limit) {
        return tx.read(() -> outbox.entries.values().stream()
                .filter(e -> e.id() > after && e.sent() && e.createdAt().isBefore(before) && !erased(e))
                .map(OutboxEntry::id).sorted().limit(limit).toList());
    }

    @Override
    public int eraseNotifications(Collection<Long> ids) {
        return tx.write(() -> {
            int n = 0;
            for (Long id : new HashSet<>(ids)) {
                OutboxEntry e = outbox.entries.get(id);
                if (e == null || erased(e)) {
                    continue;
                }
                Notification empty = new Notification(e.notification().kind(), "", e.notification().dedupeKey(),
                        Map.of());
                tx.put(outbox.entries, id, new OutboxEntry(id, empty, e.createdAt(), e.attempts(), e.nextAttemptAt(),
                        e.sentAt(), Optional.empty()));
                n++;
            }
            return n;
        });
    }

    private static boolean erased(OutboxEntry e) {
        return e.notification().recipient().isEmpty();
    }

    @Override
    public List<WaitingEntryId> expiredWaitingEntries(FiscalYear lastPurged, long after, int limit) {
        positive(limit);
        return tx.read(() -> waitingList.entries.values().stream()
                .filter(e -> e.id().value() > after && e.fiscalYear().compareTo(lastPurged) <= 0 && !anonymised(e))
                .map(WaitingEntry::id).sorted((a, b) -> Long.compare(a.value(), b.value())).limit(limit).toList());
    }

    @Override
    public int anonymiseWaitingEntries(Collection<WaitingEntryId> ids) {
        return tx.write(() -> {
            int n = 0;
            for (WaitingEntryId id : new HashSet<>(ids)) {
                WaitingEntry e = waitingList.entries.get(id);
                if (e == null || anonymised(e)) {
                    continue;
                }
                tx.put(waitingList.entries, id, new WaitingEntry(id, Anonymised.HOUSEHOLD, Anonymised.waitingMember(id),
                        e.slot(), e.fiscalYear(), Anonymised.PHONE, e.state(), e.joinedAt(), e.updatedAt(),
                        e.heldUntil(), e.reservation(), e.choice()));
                n++;
            }
            return n;
        });
    }

    @Override
    public List<Long> expiredAuditRecords(Instant before, long after, int limit) {
        positive(limit);
        return tx.read(() -> audit.entries.values().stream()
                .filter(e -> e.sequence() > after && e.record().at().isBefore(before) && e.record().hasDetails())
                .map(AuditEntry::sequence).sorted().limit(limit).toList());
    }

    @Override
    public int eraseAuditDetails(Collection<Long> sequences) {
        return tx.write(() -> {
            int n = 0;
            for (Long s : new HashSet<>(sequences)) {
                AuditEntry e = audit.entries.get(s);
                if (e == null || !e.record().hasDetails()) {
                    continue;
                }
                tx.put(audit.entries, s, new AuditEntry(s, e.record().withoutDetails()));
                n++;
            }
            return n;
        });
    }

    private static boolean anonymised(WaitingEntry e) {
        return e.member().value().startsWith(Anonymised.MEMBER_PREFIX);
    }

    private static void positive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
