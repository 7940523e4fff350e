package io.github.kenshinbooking.memory;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.SlotStore;
import io.github.kenshinbooking.schedule.Venue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link SlotStore} in a map, each slot with its count of places taken. The reservation store takes
 * and releases places through {@link #take} and {@link #release}, inside its own writes. Internal.
 */
final class MemorySlotStore implements SlotStore {
    private final MemoryTransactions tx;
    private final Map<SlotId, Slot> slots = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();

    MemorySlotStore(MemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Slot add(SlotSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return tx.write(() -> {
            Slot s = Slot.of(SlotId.of(ids.incrementAndGet()), spec);
            tx.put(slots, s.id(), s);
            return s;
        });
    }

    @Override
    public Optional<Slot> find(SlotId id) {
        return tx.read(() -> Optional.ofNullable(slots.get(id)));
    }

    @Override
    public Map<SlotId, Slot> findAll(Collection<SlotId> ids) {
        Objects.requireNonNull(ids, "ids");
        return tx.read(() -> {
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
        return tx.read(() -> slots.values().stream()
                .filter(s -> venue.map(v -> v.equals(s.venue())).orElse(true))
                .filter(s -> !s.date().isBefore(from) && s.date().isBefore(to))
                .sorted(Comparator.comparing(Slot::date).thenComparing(s -> s.venue().name())
                        .thenComparing(Slot::start).thenComparing(s -> s.id().value()))
                .toList());
    }

    @Override
    public List<Slot> cancelEventDay(Venue venue, LocalDate date) {
        return tx.write(() -> {
            List<Slot> out = new ArrayList<>();
            for (Slot s : List.copyOf(slots.values())) {
                if (s.venue().equals(venue) && s.date().equals(date)) {
                    Slot c = withReserved(s, s.reserved(), true);
                    tx.put(slots, s.id(), c);
                    out.add(c);
                }
            }
            out.sort(Comparator.comparing(Slot::start).thenComparing(s -> s.id().value()));
            return out;
        });
    }

    /** The slot, for a store already holding the lock; {@code null} if there is none. */
    Slot get(SlotId id) {
        return slots.get(id);
    }

    /** Takes a place, inside the caller's write. */
    void take(SlotId id) throws Refusal {
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
        tx.put(slots, id, withReserved(s, s.reserved() + 1, s.eventCancelled()));
    }

    /** Gives a place back, inside the caller's write. */
    void release(SlotId id) {
        Slot s = slots.get(id);
        tx.put(slots, id, withReserved(s, s.reserved() - 1, s.eventCancelled()));
    }

    private static Slot withReserved(Slot s, int reserved, boolean cancelled) {
        return new Slot(s.id(), s.venue(), s.institution(), s.date(), s.start(), s.duration(), s.capacity(),
                s.receptionOpens(), reserved, cancelled);
    }
}
