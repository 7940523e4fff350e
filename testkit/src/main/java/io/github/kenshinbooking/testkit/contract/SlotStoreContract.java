package io.github.kenshinbooking.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotEdit;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link io.github.kenshinbooking.schedule.SlotStore} (SLOT-1, SLOT-5, SLOT-6, STAFF-3).
 *
 * <p>Extend it and implement {@link StorageContractSupport#createStorage()} to return a fresh, empty
 * storage of the adapter. It checks: {@code add} stores the spec under a new id of its own, with
 * no reservation and not cancelled; {@code find} of an unknown id is empty; {@code findAll} reads the
 * slots that exist in one call, ignoring unknown and repeated ids; {@code findBetween} is half-open
 * [from, to), ordered by date, venue (会場) name, start time and id, and of one venue leaves the others
 * out; {@code cancelEventDay} (開催中止) marks every slot of that venue-day only and returns them by
 * start time; text round-trips unchanged; a slot added in a unit of work that fails is gone.
 * STAFF-3: {@code changeCapacity} never goes below the places taken ({@code CAPACITY_BELOW_TAKEN},
 * nothing changed), lowers and raises the places bookings can take, also to and from 0, and holds
 * against bookings on real threads (never more places taken than the capacity); {@code setClosed}
 * makes the reservation store refuse {@code SLOT_CLOSED}, keeps the reservations, and reopens (not a
 * cancelled event day); {@code edit} changes start, duration and reception opening of a slot without
 * live reservations and refuses {@code SLOT_HAS_RESERVATIONS} otherwise; unknown slots are empty.
 */
public abstract class SlotStoreContract extends StorageContractSupport {

    @Test
    @DisplayName("SLOT-1 add stores the spec with a new id, no reservation and not cancelled")
    void addStoresSpec() {
        SlotSpec spec = new SlotSpec(MIRIKA, "那珂川健診センター", FY2024_DAY, LocalTime.of(9, 30), Duration.ofMinutes(45),
                12, Instant.parse("2024-01-05T00:00:00Z"));
        Slot added = storage.slots().add(spec);

        assertThat(added.id().value()).isPositive();
        assertThat(added).isEqualTo(Slot.of(added.id(), spec));
        assertThat(added.reserved()).isZero();
        assertThat(added.remaining()).isEqualTo(12);
        assertThat(added.eventCancelled()).isFalse();
        assertThat(storage.slots().find(added.id())).contains(added);
    }

    @Test
    @DisplayName("SLOT-1 every slot gets its own id")
    void distinctIds() {
        List<Slot> slots = List.of(addSlot(FY2024_DAY, 1), addSlot(FY2024_DAY, 1), addSlot(FY2025_DAY, 1));
        assertThat(slots.stream().map(Slot::id).distinct()).hasSize(3);
    }

    @Test
    @DisplayName("find of an id never handed out is empty")
    void findUnknown() {
        Slot s = addSlot(FY2024_DAY, 1);
        assertThat(storage.slots().find(io.github.kenshinbooking.schedule.SlotId.of(s.id().value() + 1000)))
                .isEmpty();
    }

    @Test
    @DisplayName("HIST-1 findAll reads the slots that exist, by id, in one call; unknown and repeated ids are harmless")
    void findAllById() {
        Slot a = storage.slots().add(spec(MIRIKA, FY2024_DAY, LocalTime.of(9, 0), 5));
        Slot b = storage.slots().add(spec(HALL, FY2024_DAY, LocalTime.of(10, 0), 3));
        java.util.List<io.github.kenshinbooking.schedule.SlotId> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ids.add(a.id()); // more ids than one IN list holds
        }
        ids.add(b.id());
        ids.add(io.github.kenshinbooking.schedule.SlotId.of(b.id().value() + 1000));
        java.util.Map<io.github.kenshinbooking.schedule.SlotId, Slot> found = storage.slots().findAll(ids);
        assertThat(found).containsOnlyKeys(a.id(), b.id());
        assertThat(found.get(a.id())).isEqualTo(a);
        assertThat(found.get(b.id())).isEqualTo(b);
        assertThat(storage.slots().findAll(java.util.List.of())).isEmpty();
    }

    @Test
    @DisplayName("SLOT-5 findBetween is half-open [from, to) and ordered by date, venue name, start time, id")
    void findBetweenOrder() {
        LocalDate d = FY2024_DAY;
        Slot late = storage.slots().add(spec(MIRIKA, d, LocalTime.of(13, 0), 5));
        Slot early = storage.slots().add(spec(MIRIKA, d, LocalTime.of(9, 0), 5));
        Slot earlyTwin = storage.slots().add(spec(MIRIKA, d, LocalTime.of(9, 0), 5));
        Slot otherVenue = storage.slots().add(spec(Venue.of("A会場"), d, LocalTime.of(15, 0), 5));
        Slot nextDay = storage.slots().add(spec(MIRIKA, d.plusDays(1), LocalTime.of(8, 0), 5));
        Slot before = storage.slots().add(spec(MIRIKA, d.minusDays(1), LocalTime.of(9, 0), 5));
        Slot atEnd = storage.slots().add(spec(MIRIKA, d.plusDays(2), LocalTime.of(9, 0), 5));

        List<Slot> found = storage.slots().findBetween(Optional.empty(), d, d.plusDays(2));

        // "A会場" sorts before "ミリカ..." by the name's characters
        assertThat(found).containsExactly(otherVenue, early, earlyTwin, late, nextDay);
        assertThat(found).doesNotContain(before, atEnd);
    }

    @Test
    @DisplayName("SLOT-5 findBetween of one venue leaves the other venues out; names compare exactly")
    void findBetweenVenue() {
        Slot mirika = storage.slots().add(spec(MIRIKA, FY2024_DAY, LocalTime.of(9, 0), 5));
        storage.slots().add(spec(HALL, FY2024_DAY, LocalTime.of(9, 0), 5));
        Slot upper = storage.slots().add(spec(Venue.of("Hall A"), FY2024_DAY, LocalTime.of(9, 0), 5));
        storage.slots().add(spec(Venue.of("hall a"), FY2024_DAY, LocalTime.of(9, 0), 5));
        storage.slots().add(spec(Venue.of("Hall A "), FY2024_DAY, LocalTime.of(9, 0), 5));

        assertThat(storage.slots().findBetween(Optional.of(MIRIKA), FY2024_DAY, FY2024_DAY.plusDays(1)))
                .containsExactly(mirika);
        assertThat(storage.slots().findBetween(Optional.of(Venue.of("Hall A")), FY2024_DAY, FY2024_DAY.plusDays(1)))
                .containsExactly(upper);
        assertThat(storage.slots().findBetween(Optional.of(MIRIKA), FY2024_DAY.plusDays(1), FY2024_DAY.plusDays(9)))
                .isEmpty();
    }

    @Test
    @DisplayName("SLOT-6 cancelEventDay marks every slot of that venue-day only and returns them by start time")
    void cancelEventDay() {
        Slot afternoon = storage.slots().add(spec(MIRIKA, FY2024_DAY, LocalTime.of(13, 0), 5));
        Slot morning = storage.slots().add(spec(MIRIKA, FY2024_DAY, LocalTime.of(9, 0), 5));
        Slot otherVenue = storage.slots().add(spec(HALL, FY2024_DAY, LocalTime.of(9, 0), 5));
        Slot otherDay = storage.slots().add(spec(MIRIKA, FY2024_DAY.plusDays(1), LocalTime.of(9, 0), 5));

        List<Slot> cancelled = storage.slots().cancelEventDay(MIRIKA, FY2024_DAY);

        assertThat(cancelled).extracting(Slot::id).containsExactly(morning.id(), afternoon.id());
        assertThat(cancelled).allMatch(Slot::eventCancelled);
        assertThat(slot(morning).eventCancelled()).isTrue();
        assertThat(slot(afternoon).eventCancelled()).isTrue();
        assertThat(slot(otherVenue).eventCancelled()).isFalse();
        assertThat(slot(otherDay).eventCancelled()).isFalse();
    }

    @Test
    @DisplayName("SLOT-6 cancelEventDay of a venue-day without slots returns nothing and changes nothing")
    void cancelEmptyDay() {
        Slot s = addSlot(FY2024_DAY, 3);
        assertThat(storage.slots().cancelEventDay(MIRIKA, FY2024_DAY.plusDays(3))).isEmpty();
        assertThat(storage.slots().cancelEventDay(HALL, FY2024_DAY)).isEmpty();
        assertThat(slot(s)).isEqualTo(s);
    }

    @Test
    @DisplayName("text is data: quotes, SQL and Japanese round-trip unchanged")
    void textIsData() {
        Venue tricky = Venue.of("O'Brien \"Hall\"; DROP TABLE slot; -- ミリカ%_\\");
        SlotSpec spec = new SlotSpec(tricky, "健診機関 'x' OR '1'='1", FY2024_DAY, LocalTime.of(10, 15),
                Duration.ofMinutes(30), 2, T0);
        Slot s = storage.slots().add(spec);

        assertThat(storage.slots().find(s.id())).contains(Slot.of(s.id(), spec));
        assertThat(storage.slots().findBetween(Optional.of(tricky), FY2024_DAY, FY2024_DAY.plusDays(1)))
                .containsExactly(s);
        assertThat(storage.slots().findBetween(Optional.of(Venue.of("%")), FY2024_DAY, FY2024_DAY.plusDays(1)))
                .isEmpty();
    }

    @Test
    @DisplayName("a slot added in a unit of work that fails is gone")
    void rollback() {
        Slot kept = addSlot(FY2024_DAY, 1);
        inFailedUnitOfWork(() -> {
            Slot s = addSlot(FY2024_DAY, 1);
            assertThat(storage.slots().find(s.id())).contains(s);
            storage.slots().cancelEventDay(MIRIKA, FY2024_DAY);
            return null;
        });
        assertThat(storage.slots().findBetween(Optional.empty(), FY2024_DAY, FY2024_DAY.plusDays(1)))
                .containsExactly(kept);
    }

    @Test
    @DisplayName("SLOT-5 slots of many dates come back grouped by date")
    void manyDates() {
        for (int i = 0; i < 10; i++) {
            storage.slots().add(spec(i % 2 == 0 ? MIRIKA : HALL, FY2024_DAY.plusDays(9 - i), LocalTime.of(9, 0), 1));
        }
        List<LocalDate> dates = storage.slots().findBetween(Optional.empty(), FY2024_DAY, FY2024_DAY.plusDays(10))
                .stream().map(Slot::date).collect(Collectors.toList());
        assertThat(dates).hasSize(10).isSorted();
    }

    // ---- STAFF-3 ---------------------------------------------------------------------------------

    private static MemberId member(int i) {
        return MemberId.of("3000000-" + i);
    }

    private Optional<Slot> capacity(Slot s, int capacity) throws Refusal {
        return inUnitOfWork(() -> storage.slots().changeCapacity(s.id(), capacity));
    }

    /** Books members {@code from..to-1} one by one; answers how many were refused SLOT_FULL. */
    private int fill(Slot s, int from, int to) {
        int full = 0;
        for (int i = from; i < to; i++) {
            int m = i;
            ErrorCode code = codeOf(() -> book(member(m), s));
            if (code == ErrorCode.SLOT_FULL) {
                full++;
            } else {
                assertThat(code).isNull();
            }
        }
        return full;
    }

    @Test
    @DisplayName("STAFF-3 CAPACITY_BELOW_TAKEN: the capacity never goes below the places taken, and nothing changes")
    void capacityBelowTaken() throws Exception {
        Slot s = addSlot(FY2024_DAY, 5);
        assertThat(fill(s, 0, 3)).isZero();

        assertThat(codeOf(() -> capacity(s, 2))).isEqualTo(ErrorCode.CAPACITY_BELOW_TAKEN);
        assertThat(slot(s).capacity()).isEqualTo(5);
        assertThat(slot(s).reserved()).isEqualTo(3);

        assertThat(capacity(s, 3)).hasValueSatisfying(c -> {
            assertThat(c.capacity()).isEqualTo(3);
            assertThat(c.reserved()).isEqualTo(3);
        });
        assertThat(codeOf(() -> book(member(9), s))).isEqualTo(ErrorCode.SLOT_FULL);
    }

    @Test
    @DisplayName("STAFF-3 lowering and raising the capacity changes how many places bookings can take, also to and from 0")
    void capacityLowerAndRaise() throws Exception {
        Slot s = addSlot(FY2024_DAY, 10);
        assertThat(fill(s, 0, 2)).isZero();
        assertThat(capacity(s, 4).orElseThrow().remaining()).isEqualTo(2);
        assertThat(fill(s, 2, 6)).isEqualTo(2);
        assertThat(slot(s).reserved()).isEqualTo(4);

        assertThat(capacity(s, 30).orElseThrow().remaining()).isEqualTo(26);
        assertThat(fill(s, 10, 40)).isEqualTo(4);
        assertThat(slot(s)).satisfies(x -> {
            assertThat(x.capacity()).isEqualTo(30);
            assertThat(x.reserved()).isEqualTo(30);
        });
        for (Reservation r : storage.reservations().findLiveBySlot(s.id())) {
            inUnitOfWork(() -> {
                storage.reservations().cancel(r, r.cancelled(T0.plusSeconds(1), Optional.empty()));
                return null;
            });
        }
        assertThat(capacity(s, 0).orElseThrow().remaining()).isZero();
        assertThat(codeOf(() -> book(member(50), s))).isEqualTo(ErrorCode.SLOT_FULL);
        assertThat(capacity(s, 1).orElseThrow().remaining()).isEqualTo(1);
        assertThat(fill(s, 51, 53)).isEqualTo(1);

        Slot empty = addSlot(FY2024_DAY, 0);
        assertThat(capacity(empty, 2).orElseThrow().capacity()).isEqualTo(2);
        assertThat(fill(empty, 60, 63)).isEqualTo(1);
        assertThat(storage.slots().changeCapacity(SlotId.of(s.id().value() + 1000), 3)).isEmpty();
    }

    @Test
    @DisplayName("STAFF-3 a capacity change in a unit of work that fails is undone")
    void capacityRollback() throws Exception {
        Slot s = addSlot(FY2024_DAY, 3);
        inFailedUnitOfWork(() -> storage.slots().changeCapacity(s.id(), 9));
        assertThat(slot(s).capacity()).isEqualTo(3);
        assertThat(fill(s, 0, 5)).isEqualTo(2);
    }

    @Test
    @DisplayName("STAFF-3 SLOT-3 8 threads booking while the capacity is lowered: never more places taken than the capacity")
    void capacityUnderConcurrency() throws Exception {
        for (int round = 0; round < 3; round++) {
            Slot s = addSlot(FY2024_DAY.plusDays(round), 24);
            int base = round * 1000;
            AtomicInteger lowest = new AtomicInteger(24);
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                tasks.add(() -> {
                    int booked = 0;
                    for (int i = 0; i < 5; i++) {
                        int m = base + thread * 10 + i;
                        ErrorCode code = codeOf(() -> book(member(m), s));
                        assertThat(code).isIn(null, ErrorCode.SLOT_FULL);
                        booked += code == null ? 1 : 0;
                    }
                    return booked;
                });
            }
            tasks.add(() -> {
                for (int c = 23; c >= 8; c--) {
                    int target = c;
                    ErrorCode code = codeOf(() -> capacity(s, target));
                    assertThat(code).isIn(null, ErrorCode.CAPACITY_BELOW_TAKEN);
                    if (code == null) {
                        lowest.set(target);
                        Slot now = slot(s);
                        assertThat(now.reserved()).isLessThanOrEqualTo(now.capacity());
                    }
                }
                return 0;
            });
            List<Integer> results = concurrently(tasks);
            int booked = results.stream().mapToInt(Integer::intValue).sum();
            Slot end = slot(s);
            assertThat(end.capacity()).isEqualTo(lowest.get());
            assertThat(end.reserved()).isEqualTo(booked).isLessThanOrEqualTo(end.capacity());
            assertThat(storage.reservations().findLiveBySlot(s.id())).hasSize(booked);
        }
    }

    @Test
    @DisplayName("STAFF-3 a closed slot refuses new places with SLOT_CLOSED, keeps its reservations, and reopens")
    void close() throws Exception {
        Slot s = addSlot(FY2024_DAY, 5);
        Reservation kept = book(TARO, s);

        assertThat(storage.slots().setClosed(s.id(), true)).hasValueSatisfying(c -> assertThat(c.closed()).isTrue());

        assertThat(codeOf(() -> book(HANAKO, s))).isEqualTo(ErrorCode.SLOT_CLOSED);
        Slot other = addSlot(FY2024_DAY.plusDays(1), 5);
        Reservation mover = book(JIRO, other);
        assertThat(codeOf(() -> inUnitOfWork(() -> {
            storage.reservations().move(mover, mover.movedTo(s.id(), s.fiscalYear(), PHONE, T0.plusSeconds(1),
                    Optional.empty(), promisedChange(s), promisedCancel(s)));
            return null;
        }))).isEqualTo(ErrorCode.SLOT_CLOSED);
        assertThat(storage.reservations().findLiveBySlot(s.id())).containsExactly(kept);
        inUnitOfWork(() -> {
            storage.reservations().cancel(kept, kept.cancelled(T0.plusSeconds(2), Optional.empty()));
            return null;
        });
        assertThat(slot(s).reserved()).isZero();

        assertThat(storage.slots().setClosed(s.id(), false)).hasValueSatisfying(c -> assertThat(c.closed()).isFalse());
        assertThat(codeOf(() -> book(HANAKO, s))).isNull();
        assertThat(storage.slots().setClosed(SlotId.of(s.id().value() + 1000), true)).isEmpty();
    }

    @Test
    @DisplayName("STAFF-3 SLOT-6 reopening a slot of a cancelled event day leaves it refusing EVENT_CANCELLED; closing a cancelled one too")
    void reopenCancelledDay() throws Exception {
        Slot s = addSlot(FY2024_DAY, 5);
        storage.slots().setClosed(s.id(), true);
        storage.slots().cancelEventDay(MIRIKA, FY2024_DAY);
        assertThat(codeOf(() -> book(TARO, s))).isEqualTo(ErrorCode.EVENT_CANCELLED);
        assertThat(storage.slots().setClosed(s.id(), false)).hasValueSatisfying(c -> {
            assertThat(c.closed()).isFalse();
            assertThat(c.eventCancelled()).isTrue();
        });
        assertThat(codeOf(() -> book(TARO, s))).isEqualTo(ErrorCode.EVENT_CANCELLED);
        assertThat(capacity(s, 9).orElseThrow().capacity()).isEqualTo(9);
        assertThat(codeOf(() -> book(TARO, s))).isEqualTo(ErrorCode.EVENT_CANCELLED);
    }

    @Test
    @DisplayName("STAFF-3 raising the capacity of a closed slot keeps it closed")
    void raiseClosed() throws Exception {
        Slot s = addSlot(FY2024_DAY, 1);
        storage.slots().setClosed(s.id(), true);
        assertThat(capacity(s, 20).orElseThrow().closed()).isTrue();
        assertThat(codeOf(() -> book(TARO, s))).isEqualTo(ErrorCode.SLOT_CLOSED);
        storage.slots().setClosed(s.id(), false);
        assertThat(fill(s, 0, 21)).isEqualTo(1);
    }

    @Test
    @DisplayName("STAFF-3 edit changes start, duration and reception opening of a slot without live reservations only")
    void edit() throws Exception {
        Slot s = addSlot(FY2024_DAY, 5);
        SlotEdit edit = new SlotEdit(LocalTime.of(14, 15), Duration.ofMinutes(45), T0.plusSeconds(3600));

        Slot edited = inUnitOfWork(() -> storage.slots().edit(s.id(), edit)).orElseThrow();

        assertThat(edited).isEqualTo(edit.applyTo(s));
        assertThat(slot(s)).isEqualTo(edited);
        Reservation r = book(TARO, s);
        SlotEdit back = SlotEdit.of(s);
        assertThat(codeOf(() -> inUnitOfWork(() -> storage.slots().edit(s.id(), back))))
                .isEqualTo(ErrorCode.SLOT_HAS_RESERVATIONS);
        assertThat(slot(s).start()).isEqualTo(LocalTime.of(14, 15));
        inUnitOfWork(() -> {
            storage.reservations().cancel(r, r.cancelled(T0.plusSeconds(2), Optional.empty()));
            return null;
        });
        assertThat(inUnitOfWork(() -> storage.slots().edit(s.id(), back))).contains(
                new Slot(s.id(), s.venue(), s.institution(), s.date(), s.start(), s.duration(), s.capacity(),
                        s.receptionOpens(), 0, false, false));
        assertThat(inUnitOfWork(() -> storage.slots().edit(SlotId.of(s.id().value() + 1000), back))).isEmpty();
    }
}
