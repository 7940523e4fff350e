package io.github.kenshinbooking.memory;

import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotEdit;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.schedule.SlotOption;
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
import java.util.Set;
import java.util.TreeSet;
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
                    Slot c = s.withEventCancelled();
                    tx.put(slots, s.id(), c);
                    out.add(c);
                }
            }
            out.sort(Comparator.comparing(Slot::start).thenComparing(s -> s.id().value()));
            return out;
        });
    }

    @Override
    public Optional<Slot> changeCapacity(SlotId id, int capacity) throws Refusal {
        Objects.requireNonNull(id, "id");
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        return tx.execute(() -> {
            Slot s = slots.get(id);
            if (s == null) {
                return Optional.<Slot>empty();
            }
            if (capacity < s.reserved()) {
                throw Refusal.onField(ErrorCode.CAPACITY_BELOW_TAKEN, Refusal.FIELD_CAPACITY,
                        s.reserved() + " places are taken");
            }
            Slot c = s.withCapacity(capacity);
            tx.put(slots, id, c);
            return Optional.of(c);
        });
    }

    @Override
    public Optional<Slot> setClosed(SlotId id, boolean closed) {
        Objects.requireNonNull(id, "id");
        return tx.write(() -> {
            Slot s = slots.get(id);
            if (s == null) {
                return Optional.<Slot>empty();
            }
            Slot c = s.withClosed(closed);
            tx.put(slots, id, c);
            return Optional.of(c);
        });
    }

    @Override
    public Optional<Slot> edit(SlotId id, SlotEdit edit) throws Refusal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(edit, "edit");
        return tx.execute(() -> {
            Slot s = slots.get(id);
            if (s == null) {
                return Optional.<Slot>empty();
            }
            if (s.reserved() > 0) {
                throw Refusal.onField(ErrorCode.SLOT_HAS_RESERVATIONS, Refusal.FIELD_SLOT,
                        s.reserved() + " live reservations");
            }
            Slot e = edit.applyTo(s);
            tx.put(slots, id, e);
            return Optional.of(e);
        });
    }

    /** The slot, for a store already holding the lock; {@code null} if there is none. */
    Slot get(SlotId id) {
        return slots.get(id);
    }

    /**
     * Takes a place in the slot and one of each optional test (OPT-2), all or none, inside the caller's
     * write; {@code heldOptions} are held already (a change within the slot), {@code slotHeld} whether the
     * slot's own place is.
     */
    void take(SlotId id, boolean slotHeld, Set<OptionId> options) throws Refusal {
        Slot s = slots.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no slot " + id);
        }
        if (!slotHeld) {
            take(id);
            s = slots.get(id);
        }
        for (OptionId o : new TreeSet<>(options)) {
            SlotOption places = s.option(o).orElse(null);
            if (places == null || places.remaining() <= 0) {
                throw Refusal.onOption(ErrorCode.OPTION_FULL, o.value(), o.value());
            }
            s = s.withOptionReserved(o, places.reserved() + 1);
        }
        tx.put(slots, id, s);
    }

    /** Gives back one place of each optional test (and the slot's own unless {@code keepSlot}), inside the caller's write. */
    void release(SlotId id, boolean keepSlot, Set<OptionId> options) {
        if (!keepSlot) {
            release(id);
        }
        Slot s = slots.get(id);
        for (OptionId o : options) {
            s = s.withOptionReserved(o, s.option(o).orElseThrow().reserved() - 1);
        }
        tx.put(slots, id, s);
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
        if (s.closed()) {
            throw Refusal.of(ErrorCode.SLOT_CLOSED);
        }
        if (s.reserved() >= s.capacity()) {
            throw Refusal.of(ErrorCode.SLOT_FULL);
        }
        tx.put(slots, id, withReserved(s, s.reserved() + 1));
    }

    /** Gives a place back, inside the caller's write. */
    void release(SlotId id) {
        Slot s = slots.get(id);
        tx.put(slots, id, withReserved(s, s.reserved() - 1));
    }

    private static Slot withReserved(Slot s, int reserved) {
        return s.withReserved(reserved);
    }
}
