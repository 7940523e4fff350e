package io.github.kenshinbooking.memory;

import io.github.kenshinbooking.eligibility.ExamChoice;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.PhoneNumber;
import io.github.kenshinbooking.reservation.WaitingEntry;
import io.github.kenshinbooking.reservation.WaitingEntryId;
import io.github.kenshinbooking.reservation.WaitingListStore;
import io.github.kenshinbooking.reservation.WaitingState;
import io.github.kenshinbooking.schedule.SlotId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * {@link WaitingListStore} in a map, with each slot's pool of held places; places are taken from and
 * given back to the {@link MemorySlotStore} in the same write, as the reservation store does. Internal.
 */
final class MemoryWaitingListStore implements WaitingListStore {
    private final MemoryTransactions tx;
    private final MemorySlotStore slots;
    final Map<WaitingEntryId, WaitingEntry> entries = new HashMap<>();
    private final Map<SlotId, Integer> pools = new HashMap<>();
    /** The pools of the slots' optional tests, by slot and test. */
    private final Map<Map.Entry<SlotId, OptionId>, Integer> optionPools = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();

    MemoryWaitingListStore(MemoryTransactions tx, MemorySlotStore slots) {
        this.tx = tx;
        this.slots = slots;
    }

    @Override
    public Optional<WaitingEntry> join(SymbolNumber household, MemberId member, SlotId slot, FiscalYear fiscalYear,
            PhoneNumber phone, Instant at, ExamChoice choice, int maxLive) throws Refusal {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(choice, "choice");
        return tx.execute(() -> {
            if (slots.get(slot) == null) {
                throw new IllegalArgumentException("no slot " + slot);
            }
            if (!select(e -> e.live() && e.member().equals(member) && e.slot().equals(slot)).isEmpty()) {
                return Optional.<WaitingEntry>empty();
            }
            if (select(e -> e.live() && e.member().equals(member) && e.fiscalYear().equals(fiscalYear)).size()
                    >= maxLive) {
                throw Refusal.of(ErrorCode.WAITLIST_LIMIT);
            }
            WaitingEntry e = WaitingEntry.joined(WaitingEntryId.of(ids.incrementAndGet()), household, member, slot,
                    fiscalYear, phone, at, choice);
            tx.put(entries, e.id(), e);
            return Optional.of(e);
        });
    }

    @Override
    public Optional<WaitingEntry> find(WaitingEntryId id) {
        return tx.read(() -> Optional.ofNullable(entries.get(id)));
    }

    @Override
    public List<WaitingEntry> findByMember(MemberId member) {
        return tx.read(() -> select(e -> e.member().equals(member)));
    }

    @Override
    public List<WaitingEntry> findLive(MemberId member, FiscalYear fiscalYear) {
        return tx.read(() -> select(e -> e.live() && e.member().equals(member) && e.fiscalYear().equals(fiscalYear)));
    }

    @Override
    public List<WaitingEntry> findWaiting(SlotId slot) {
        // joining order: by the time of joining, then by id (WAIT-2)
        return tx.read(() -> select(e -> e.state() == WaitingState.WAITING && e.slot().equals(slot)).stream()
                .sorted(Comparator.comparing(WaitingEntry::joinedAt)).toList());
    }

    @Override
    public List<WaitingEntry> findEndedOffers(Instant now, int limit) {
        return tx.read(() -> select(e -> e.state() == WaitingState.OFFERED && !now.isBefore(e.heldUntil().orElseThrow()))
                .stream().limit(limit).toList());
    }

    @Override
    public List<SlotId> slotsWithPooledPlaces() {
        return tx.read(() -> java.util.stream.Stream.concat(
                pools.entrySet().stream().filter(p -> p.getValue() > 0).map(Map.Entry::getKey),
                optionPools.entrySet().stream().filter(p -> p.getValue() > 0).map(p -> p.getKey().getKey()))
                .distinct().sorted(Comparator.comparingLong(SlotId::value)).toList());
    }

    @Override
    public int pooledPlaces(SlotId slot) {
        return tx.read(() -> pools.getOrDefault(slot, 0));
    }

    @Override
    public boolean update(WaitingEntry current, WaitingEntry next) {
        if (!current.id().equals(next.id())) {
            throw new IllegalArgumentException("an update keeps the entry's id");
        }
        return tx.write(() -> {
            WaitingEntry stored = entries.get(current.id());
            if (stored == null || stored.state() != current.state()) {
                return false;
            }
            tx.put(entries, next.id(), next);
            return true;
        });
    }

    @Override
    public boolean holdPlace(SlotId slot) {
        return tx.write(() -> {
            try {
                slots.take(slot);
            } catch (Refusal full) {
                return false;
            }
            tx.put(pools, slot, pools.getOrDefault(slot, 0) + 1);
            return true;
        });
    }

    @Override
    public boolean claimPlace(SlotId slot) {
        return tx.write(() -> {
            int pooled = pools.getOrDefault(slot, 0);
            if (pooled <= 0) {
                return false;
            }
            tx.put(pools, slot, pooled - 1);
            return true;
        });
    }

    @Override
    public void returnPlace(SlotId slot) {
        tx.write(() -> tx.put(pools, slot, pools.getOrDefault(slot, 0) + 1));
    }

    @Override
    public boolean releasePlace(SlotId slot) {
        return tx.write(() -> {
            if (!claimPlace(slot)) {
                return false;
            }
            slots.release(slot);
            return true;
        });
    }

    @Override
    public Map<OptionId, Integer> pooledOptionPlaces(SlotId slot) {
        return tx.read(() -> {
            Map<OptionId, Integer> out = new TreeMap<>();
            optionPools.forEach((k, v) -> {
                if (k.getKey().equals(slot) && v > 0) {
                    out.put(k.getValue(), v);
                }
            });
            return out;
        });
    }

    @Override
    public boolean holdOptionPlace(SlotId slot, OptionId option) {
        Objects.requireNonNull(option, "option");
        return tx.write(() -> {
            try {
                slots.take(slot, true, Set.of(option));
            } catch (Refusal full) {
                return false;
            }
            changeOptionPool(slot, option, 1);
            return true;
        });
    }

    @Override
    public boolean claimOptionPlace(SlotId slot, OptionId option) {
        return tx.write(() -> changeOptionPool(slot, option, -1));
    }

    @Override
    public void returnOptionPlace(SlotId slot, OptionId option) {
        tx.write(() -> {
            changeOptionPool(slot, option, 1);
        });
    }

    @Override
    public boolean releaseOptionPlace(SlotId slot, OptionId option) {
        return tx.write(() -> {
            if (!changeOptionPool(slot, option, -1)) {
                return false;
            }
            slots.release(slot, true, Set.of(option));
            return true;
        });
    }

    /** Moves the test's pool by {@code by}, never below zero; inside the caller's write. */
    private boolean changeOptionPool(SlotId slot, OptionId option, int by) {
        Map.Entry<SlotId, OptionId> key = Map.entry(slot, option);
        int pooled = optionPools.getOrDefault(key, 0) + by;
        if (pooled < 0) {
            return false;
        }
        tx.put(optionPools, key, pooled);
        return true;
    }

    private List<WaitingEntry> select(Predicate<WaitingEntry> p) {
        return entries.values().stream().filter(p).sorted(Comparator.comparingLong(e -> e.id().value())).toList();
    }
}
