package io.github.kenshinbooking.memory;

import io.github.kenshinbooking.eligibility.CourseFamily;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.reservation.DuplicateReservationIdException;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.ReservationStore;
import io.github.kenshinbooking.schedule.SlotId;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link ReservationStore} in a map, with an index of the live reservation per member, fiscal year and
 * course family (ONE-1, CRS-1). Places of the slot and of its optional tests are taken and released on
 * the {@link MemorySlotStore} in the same write, so capacity and ONE-1 are checked and changed without
 * another writer in between. Internal.
 */
final class MemoryReservationStore implements ReservationStore {
    private final MemoryTransactions tx;
    private final MemorySlotStore slots;
    final Map<ReservationId, Reservation> reservations = new HashMap<>();
    final Map<String, ReservationId> liveByMemberYear = new HashMap<>();

    MemoryReservationStore(MemoryTransactions tx, MemorySlotStore slots) {
        this.tx = tx;
        this.slots = slots;
    }

    @Override
    public Optional<Reservation> find(ReservationId id) {
        return tx.read(() -> Optional.ofNullable(reservations.get(id)));
    }

    @Override
    public Optional<Reservation> findLive(MemberId member, FiscalYear fiscalYear, CourseFamily family) {
        return tx.read(() -> Optional.ofNullable(liveByMemberYear.get(memberYear(member, fiscalYear, family)))
                .map(reservations::get));
    }

    @Override
    public List<Reservation> findByMember(MemberId member) {
        return tx.read(() -> reservations.values().stream().filter(r -> r.member().equals(member)).toList());
    }

    @Override
    public List<Reservation> findLiveBySlot(SlotId slot) {
        return tx.read(() -> reservations.values().stream().filter(r -> r.live() && r.slot().equals(slot))
                .sorted(Comparator.comparing(r -> r.id().value())).toList());
    }

    @Override
    public List<Reservation> findLiveOn(LocalDate examDate) {
        return tx.read(() -> reservations.values().stream()
                .filter(r -> r.live() && slots.get(r.slot()).date().equals(examDate))
                .sorted(Comparator.comparing(r -> r.id().value())).toList());
    }

    @Override
    public void insert(Reservation r) throws Refusal {
        tx.execute(() -> {
            if (!r.live()) {
                throw new IllegalArgumentException("insert takes a new live reservation");
            }
            if (reservations.containsKey(r.id())) {
                throw new DuplicateReservationIdException(r.id(), null);
            }
            String key = liveKey(r);
            if (liveByMemberYear.containsKey(key)) {
                throw Refusal.of(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
            }
            slots.take(r.slot(), false, r.choice().options());
            tx.put(liveByMemberYear, key, r.id());
            tx.put(reservations, r.id(), r);
            return null;
        });
    }

    @Override
    public void move(Reservation current, Reservation moved) throws Refusal {
        tx.execute(() -> {
            Reservation stored = reservations.get(current.id());
            if (stored == null || !stored.live()) {
                throw Refusal.of(ErrorCode.ALREADY_CANCELLED);
            }
            String oldKey = liveKey(stored);
            String newKey = liveKey(moved);
            if (!oldKey.equals(newKey) && liveByMemberYear.containsKey(newKey)) {
                throw Refusal.of(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
            }
            if (moved.slot().equals(stored.slot())) {
                // OPT-3: within the slot, only the tests added are taken and those dropped released
                Set<OptionId> added = new TreeSet<>(moved.choice().options());
                added.removeAll(stored.choice().options());
                Set<OptionId> dropped = new TreeSet<>(stored.choice().options());
                dropped.removeAll(moved.choice().options());
                slots.take(moved.slot(), true, added);
                slots.release(stored.slot(), true, dropped);
            } else {
                slots.take(moved.slot(), false, moved.choice().options());
                slots.release(stored.slot(), false, stored.choice().options());
            }
            tx.remove(liveByMemberYear, oldKey);
            tx.put(liveByMemberYear, newKey, moved.id());
            tx.put(reservations, moved.id(), moved);
            return null;
        });
    }

    @Override
    public void cancel(Reservation current, Reservation cancelled) throws Refusal {
        tx.execute(() -> {
            Reservation stored = reservations.get(current.id());
            if (stored == null || !stored.live()) {
                throw Refusal.of(ErrorCode.ALREADY_CANCELLED);
            }
            slots.release(stored.slot(), false, stored.choice().options());
            tx.remove(liveByMemberYear, liveKey(stored));
            tx.put(reservations, cancelled.id(), cancelled);
            return null;
        });
    }

    /** The ONE-1 index key of a live reservation: member, fiscal year and course family (CRS-1). */
    static String liveKey(Reservation r) {
        return memberYear(r.member(), r.fiscalYear(), r.choice().family());
    }

    static String memberYear(MemberId m, FiscalYear fy, CourseFamily family) {
        return m.value() + "\u0000" + fy.startYear() + "\u0000" + family.value();
    }
}
