package io.github.kenshinbooking.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.eligibility.CourseFamily;
import io.github.kenshinbooking.eligibility.CourseId;
import io.github.kenshinbooking.eligibility.ExamChoice;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.WaitingEntry;
import io.github.kenshinbooking.reservation.WaitingEntryId;
import io.github.kenshinbooking.reservation.WaitingState;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotOption;
import io.github.kenshinbooking.testkit.Threads;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link io.github.kenshinbooking.reservation.WaitingListStore} (WAIT-1..WAIT-4): the store
 * itself enforces one live entry per member and slot and the most live entries per member and fiscal
 * year, moves an entry only from the state the caller read, and keeps a slot's held places taken: a
 * place held for the list is taken from the slot's capacity as a booking takes one, and the pool of
 * held places never goes below zero, also under concurrent calls. An entry keeps the course and optional
 * tests it joined with, and each optional test of a slot has a pool of its own that behaves as the slot's.
 *
 * <p>Extend it and implement {@link StorageContractSupport#createStorage()} to return a fresh, empty
 * storage of the adapter.
 */
public abstract class WaitingListStoreContract extends StorageContractSupport {
    private static final int MAX = 3;
    /** マンモグラフィ. */
    private static final OptionId MAMMO = OptionId.of("mammo");
    /** 胃部X線. */
    private static final OptionId XRAY = OptionId.of("stomach-xray");

    private Optional<WaitingEntry> join(MemberId member, Slot slot) throws io.github.kenshinbooking.error.Refusal {
        SymbolNumber household = member.equals(JIRO) ? OTHER_HOUSEHOLD : HOUSEHOLD;
        return inUnitOfWork(() -> storage.waitingList().join(household, member, slot.id(),
                FiscalYear.containing(slot.date()), PHONE, T0, MAX));
    }

    /**
     * Whether entry ids grow in the order entries join (one sequence); false where several servers hand out
     * ids from sequences of their own (a Galera cluster written through all its nodes), where only the joining
     * time orders entries across servers.
     *
     * @return true where ids grow in joining order (the default)
     */
    protected boolean idsFollowJoiningOrder() {
        return true;
    }

    @Test
    @DisplayName("WAIT-1 join stores a waiting entry in joining order, readable by id, member and slot")
    void joinStores() throws Exception {
        Slot s = addSlot(FY2024_DAY, 0);
        WaitingEntry taro = join(TARO, s).orElseThrow();
        WaitingEntry jiro = join(JIRO, s).orElseThrow();

        assertThat(taro.state()).isEqualTo(WaitingState.WAITING);
        assertThat(taro.member()).isEqualTo(TARO);
        assertThat(taro.household()).isEqualTo(HOUSEHOLD);
        assertThat(taro.fiscalYear()).isEqualTo(FiscalYear.of(2024));
        assertThat(taro.phone()).isEqualTo(PHONE);
        assertThat(taro.joinedAt()).isEqualTo(T0);
        if (idsFollowJoiningOrder()) {
            assertThat(jiro.id().value()).isGreaterThan(taro.id().value());
            assertThat(storage.waitingList().findWaiting(s.id())).containsExactly(taro, jiro);
        } else {
            assertThat(storage.waitingList().findWaiting(s.id())).containsExactlyInAnyOrder(taro, jiro);
        }
        assertThat(storage.waitingList().find(taro.id())).contains(taro);
        assertThat(storage.waitingList().findByMember(TARO)).containsExactly(taro);
        assertThat(storage.waitingList().findLive(TARO, FiscalYear.of(2024))).containsExactly(taro);
        assertThat(storage.waitingList().findLive(TARO, FiscalYear.of(2025))).isEmpty();
        assertThat(storage.waitingList().find(WaitingEntryId.of(999_999))).isEmpty();
    }

    @Test
    @DisplayName("WAIT-1 one live entry per member and slot: joining again writes nothing")
    void onePerSlot() throws Exception {
        Slot s = addSlot(FY2024_DAY, 0);
        WaitingEntry first = join(TARO, s).orElseThrow();

        assertThat(join(TARO, s)).isEmpty();
        assertThat(storage.waitingList().findByMember(TARO)).containsExactly(first);
    }

    @Test
    @DisplayName("WAIT-1 at most the limit of live entries per member and fiscal year: WAITLIST_LIMIT; ended ones free a place")
    void limitPerYear() throws Exception {
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < MAX + 1; i++) {
            slots.add(storage.slots().add(spec(MIRIKA, FY2024_DAY, LocalTime.of(9 + i, 0), 0)));
        }
        List<WaitingEntry> entries = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            entries.add(join(TARO, slots.get(i)).orElseThrow());
        }

        assertThat(codeOf(() -> join(TARO, slots.get(MAX)))).isEqualTo(ErrorCode.WAITLIST_LIMIT);
        assertThat(storage.waitingList().findByMember(TARO)).hasSize(MAX);
        // another fiscal year and another member are counted apart
        assertThat(join(TARO, addSlot(FY2025_DAY, 0))).isPresent();
        assertThat(join(HANAKO, slots.get(MAX))).isPresent();

        WaitingEntry left = entries.get(1);
        assertThat(storage.waitingList().update(left, left.ended(WaitingState.LEFT, T0.plusSeconds(1)))).isTrue();
        assertThat(join(TARO, slots.get(MAX))).isPresent();
        // three live again: the limit holds for the slot just left too
        assertThat(codeOf(() -> join(TARO, slots.get(1)))).isEqualTo(ErrorCode.WAITLIST_LIMIT);
    }

    @Test
    @DisplayName("WAIT-4 a member who left a slot's list may join it again")
    void rejoin() throws Exception {
        Slot s = addSlot(FY2024_DAY, 0);
        WaitingEntry first = join(TARO, s).orElseThrow();
        assertThat(storage.waitingList().update(first, first.ended(WaitingState.LEFT, T0))).isTrue();

        WaitingEntry again = join(TARO, s).orElseThrow();
        assertThat(again.id()).isNotEqualTo(first.id());
        if (idsFollowJoiningOrder()) {
            assertThat(storage.waitingList().findByMember(TARO)).extracting(WaitingEntry::state)
                    .containsExactly(WaitingState.LEFT, WaitingState.WAITING);
        } else {
            assertThat(storage.waitingList().findByMember(TARO)).extracting(WaitingEntry::state)
                    .containsExactlyInAnyOrder(WaitingState.LEFT, WaitingState.WAITING);
        }
    }

    @Test
    @DisplayName("WAIT-2 update moves an entry only from the state the caller read")
    void conditionalUpdate() throws Exception {
        Slot s = addSlot(FY2024_DAY, 0);
        WaitingEntry e = join(TARO, s).orElseThrow();
        Instant until = T0.plus(Duration.ofHours(24));
        WaitingEntry offered = e.offered(T0, until);

        assertThat(storage.waitingList().update(e, offered)).isTrue();
        assertThat(storage.waitingList().update(e, e.ended(WaitingState.LEFT, T0))).isFalse();
        assertThat(storage.waitingList().find(e.id())).contains(offered);
        assertThat(storage.waitingList().findWaiting(s.id())).isEmpty();
        assertThat(storage.waitingList().findEndedOffers(until.minusSeconds(1), 10)).isEmpty();
        assertThat(storage.waitingList().findEndedOffers(until, 10)).containsExactly(offered);

        Reservation r = newReservation(TARO, s);
        WaitingEntry booked = offered.booked(until.minusSeconds(1), r.id());
        assertThat(storage.waitingList().update(offered, booked)).isTrue();
        assertThat(storage.waitingList().find(e.id())).contains(booked);
        assertThat(storage.waitingList().findLive(TARO, FiscalYear.of(2024))).isEmpty();
        assertThat(storage.waitingList().findEndedOffers(until, 10)).isEmpty();
    }

    @Test
    @DisplayName("WAIT-2 a held place is taken from capacity; claim, return and release move it, never below zero")
    void pool() throws Exception {
        Slot s = addSlot(FY2024_DAY, 2);
        book(TARO, s);

        assertThat(inUnitOfWork(() -> storage.waitingList().holdPlace(s.id()))).isTrue();
        assertThat(slot(s).remaining()).isZero();
        assertThat(storage.waitingList().pooledPlaces(s.id())).isEqualTo(1);
        assertThat(storage.waitingList().slotsWithPooledPlaces()).containsExactly(s.id());
        // the held place is taken: neither a booking nor a second hold gets it
        assertThat(codeOf(() -> book(JIRO, s))).isEqualTo(ErrorCode.SLOT_FULL);
        assertThat(inUnitOfWork(() -> storage.waitingList().holdPlace(s.id()))).isFalse();

        assertThat(inUnitOfWork(() -> storage.waitingList().claimPlace(s.id()))).isTrue();
        assertThat(storage.waitingList().pooledPlaces(s.id())).isZero();
        assertThat(storage.waitingList().slotsWithPooledPlaces()).isEmpty();
        assertThat(inUnitOfWork(() -> storage.waitingList().claimPlace(s.id()))).isFalse();
        assertThat(inUnitOfWork(() -> storage.waitingList().releasePlace(s.id()))).isFalse();
        assertThat(slot(s).remaining()).isZero();

        inUnitOfWork(() -> {
            storage.waitingList().returnPlace(s.id());
            return null;
        });
        assertThat(storage.waitingList().pooledPlaces(s.id())).isEqualTo(1);
        assertThat(inUnitOfWork(() -> storage.waitingList().releasePlace(s.id()))).isTrue();
        assertThat(storage.waitingList().pooledPlaces(s.id())).isZero();
        assertThat(slot(s).remaining()).isEqualTo(1);
        assertThat(slot(s).reserved()).isEqualTo(1);
    }

    @Test
    @DisplayName("WAIT-2 no place is held in a full or cancelled slot")
    void holdRefused() throws Exception {
        Slot full = addSlot(FY2024_DAY, 1);
        book(TARO, full);
        assertThat(inUnitOfWork(() -> storage.waitingList().holdPlace(full.id()))).isFalse();
        assertThat(storage.waitingList().pooledPlaces(full.id())).isZero();

        Slot other = storage.slots().add(spec(HALL, FY2024_DAY, LocalTime.of(10, 0), 3));
        storage.slots().cancelEventDay(HALL, FY2024_DAY);
        assertThat(inUnitOfWork(() -> storage.waitingList().holdPlace(other.id()))).isFalse();
        assertThat(slot(other).reserved()).isZero();
    }

    @Test
    @DisplayName("WAIT-2 writes of a failed unit of work are gone: the entry, its step and the held place")
    void rollback() throws Exception {
        Slot s = addSlot(FY2024_DAY, 1);
        WaitingEntry e = join(TARO, s).orElseThrow();
        inFailedUnitOfWork(() -> {
            storage.waitingList().holdPlace(s.id());
            storage.waitingList().update(e, e.ended(WaitingState.LEFT, T0));
            storage.waitingList().join(OTHER_HOUSEHOLD, JIRO, s.id(), FiscalYear.of(2024), PHONE, T0, MAX);
            return null;
        });

        assertThat(storage.waitingList().find(e.id())).contains(e);
        assertThat(storage.waitingList().findByMember(JIRO)).isEmpty();
        assertThat(storage.waitingList().pooledPlaces(s.id())).isZero();
        assertThat(slot(s).reserved()).isZero();
    }

    @Test
    @DisplayName("WAIT-1 concurrent joins of one member: one entry per slot and never more than the limit")
    void concurrentJoins() throws Exception {
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < MAX + 2; i++) {
            slots.add(storage.slots().add(spec(MIRIKA, FY2024_DAY, LocalTime.of(9 + i, 0), 0)));
        }
        AtomicInteger limited = new AtomicInteger();
        List<Callable<Object>> calls = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (Slot s : slots) {
                calls.add(() -> {
                    try {
                        return join(TARO, s);
                    } catch (io.github.kenshinbooking.error.Refusal r) {
                        assertThat(r.code()).isEqualTo(ErrorCode.WAITLIST_LIMIT);
                        limited.incrementAndGet();
                        return null;
                    }
                });
            }
        }
        Threads.concurrently(calls, Duration.ofMinutes(1));

        List<WaitingEntry> live = storage.waitingList().findLive(TARO, FiscalYear.of(2024));
        assertThat(live).hasSize(MAX);
        assertThat(live).extracting(WaitingEntry::slot).doesNotHaveDuplicates();
        assertThat(limited.get()).isPositive();
    }

    @Test
    @DisplayName("WAIT-2 concurrent claims of pooled places: each place is claimed once")
    void concurrentClaims() throws Exception {
        Slot s = addSlot(FY2024_DAY, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(inUnitOfWork(() -> storage.waitingList().holdPlace(s.id()))).isTrue();
        }
        AtomicInteger claimed = new AtomicInteger();
        List<Callable<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> {
                if (inUnitOfWork(() -> storage.waitingList().claimPlace(s.id()))) {
                    claimed.incrementAndGet();
                }
                return null;
            });
        }
        Threads.concurrently(calls, Duration.ofMinutes(1));

        assertThat(claimed.get()).isEqualTo(3);
        assertThat(storage.waitingList().pooledPlaces(s.id())).isZero();
        assertThat(slot(s).reserved()).isEqualTo(3);
    }

    private Slot slotWithMammo(LocalTime start, int capacity, int mammo) {
        return storage.slots().add(spec(MIRIKA, FY2024_DAY, start, capacity).withOption(MAMMO, mammo));
    }

    private Reservation bookWith(MemberId member, Slot s, OptionId... options)
            throws io.github.kenshinbooking.error.Refusal {
        Reservation r = newReservation(member, s).withChoice(new ExamChoice(CourseId.DEFAULT, CourseFamily.DEFAULT,
                new TreeSet<>(List.of(options))));
        return inUnitOfWork(() -> {
            storage.reservations().insert(r);
            return r;
        });
    }

    private int mammoReserved(Slot s) {
        return slot(s).option(MAMMO).map(SlotOption::reserved).orElseThrow();
    }

    @Test
    @DisplayName("WAIT-1 OPT-2 an entry keeps the course, family and optional tests it joined with, through its steps")
    void entryKeepsChoice() throws Exception {
        Slot s = storage.slots().add(spec(MIRIKA, FY2024_DAY, LocalTime.of(9, 0), 0).withOption(MAMMO, 0)
                .withOption(XRAY, 0));
        ExamChoice choice = new ExamChoice(CourseId.of("cancer-set"), CourseFamily.of("cancer"),
                new TreeSet<>(Set.of(XRAY, MAMMO)));
        WaitingEntry e = inUnitOfWork(() -> storage.waitingList().join(HOUSEHOLD, TARO, s.id(), FiscalYear.of(2024),
                PHONE, T0, choice, MAX)).orElseThrow();
        WaitingEntry plain = join(JIRO, s).orElseThrow();

        assertThat(e.choice()).isEqualTo(choice);
        assertThat(e.choice().options()).containsExactly(MAMMO, XRAY);
        assertThat(plain.choice()).isEqualTo(ExamChoice.DEFAULT);
        assertThat(storage.waitingList().find(e.id())).contains(e);
        assertThat(storage.waitingList().findLive(TARO, FiscalYear.of(2024))).containsExactly(e);
        assertThat(storage.waitingList().findWaiting(s.id())).containsExactlyInAnyOrder(e, plain);
        WaitingEntry offered = e.offered(T0, T0.plus(Duration.ofHours(24)));
        assertThat(storage.waitingList().update(e, offered)).isTrue();
        assertThat(storage.waitingList().find(e.id()).orElseThrow().choice()).isEqualTo(choice);
        // one live entry per member and slot, whatever the tests
        assertThat(inUnitOfWork(() -> storage.waitingList().join(HOUSEHOLD, TARO, s.id(), FiscalYear.of(2024), PHONE,
                T0, ExamChoice.DEFAULT, MAX))).isEmpty();
    }

    @Test
    @DisplayName("WAIT-2 OPT-2 a test's held place is taken from the test's capacity; claim, return and release move it, never below zero")
    void optionPool() throws Exception {
        Slot s = slotWithMammo(LocalTime.of(9, 0), 5, 2);
        bookWith(TARO, s, MAMMO);

        assertThat(inUnitOfWork(() -> storage.waitingList().holdOptionPlace(s.id(), MAMMO))).isTrue();
        assertThat(mammoReserved(s)).isEqualTo(2);
        assertThat(slot(s).reserved()).as("the slot's own places are not touched").isEqualTo(1);
        assertThat(storage.waitingList().pooledOptionPlaces(s.id())).isEqualTo(Map.of(MAMMO, 1));
        assertThat(storage.waitingList().pooledPlaces(s.id())).isZero();
        assertThat(storage.waitingList().slotsWithPooledPlaces()).containsExactly(s.id());
        // the held place is taken: neither a booking with the test nor a second hold gets it
        assertThat(codeOf(() -> bookWith(JIRO, s, MAMMO))).isEqualTo(ErrorCode.OPTION_FULL);
        assertThat(inUnitOfWork(() -> storage.waitingList().holdOptionPlace(s.id(), MAMMO))).isFalse();
        assertThat(mammoReserved(s)).isEqualTo(2);

        assertThat(inUnitOfWork(() -> storage.waitingList().claimOptionPlace(s.id(), MAMMO))).isTrue();
        assertThat(storage.waitingList().pooledOptionPlaces(s.id())).isEmpty();
        assertThat(storage.waitingList().slotsWithPooledPlaces()).isEmpty();
        assertThat(inUnitOfWork(() -> storage.waitingList().claimOptionPlace(s.id(), MAMMO))).isFalse();
        assertThat(inUnitOfWork(() -> storage.waitingList().releaseOptionPlace(s.id(), MAMMO))).isFalse();
        assertThat(mammoReserved(s)).isEqualTo(2);

        inUnitOfWork(() -> {
            storage.waitingList().returnOptionPlace(s.id(), MAMMO);
            return null;
        });
        assertThat(storage.waitingList().pooledOptionPlaces(s.id())).isEqualTo(Map.of(MAMMO, 1));
        assertThat(inUnitOfWork(() -> storage.waitingList().releaseOptionPlace(s.id(), MAMMO))).isTrue();
        assertThat(storage.waitingList().pooledOptionPlaces(s.id())).isEmpty();
        assertThat(mammoReserved(s)).isEqualTo(1);
        assertThat(slot(s).reserved()).isEqualTo(1);
        // a booking with the test gets the released place
        bookWith(JIRO, s, MAMMO);
        assertThat(mammoReserved(s)).isEqualTo(2);
    }

    @Test
    @DisplayName("WAIT-2 OPT-2 no test place is held for a full test or a test the slot does not offer")
    void optionHoldRefused() throws Exception {
        Slot s = slotWithMammo(LocalTime.of(9, 0), 5, 1);
        bookWith(TARO, s, MAMMO);

        assertThat(inUnitOfWork(() -> storage.waitingList().holdOptionPlace(s.id(), MAMMO))).isFalse();
        assertThat(inUnitOfWork(() -> storage.waitingList().holdOptionPlace(s.id(), XRAY))).isFalse();
        assertThat(storage.waitingList().pooledOptionPlaces(s.id())).isEmpty();
        assertThat(mammoReserved(s)).isEqualTo(1);
        assertThat(slot(s).option(XRAY)).isEmpty();
    }

    @Test
    @DisplayName("WAIT-2 OPT-2 a failed unit of work leaves no test place held")
    void optionRollback() throws Exception {
        Slot s = slotWithMammo(LocalTime.of(9, 0), 5, 3);
        inFailedUnitOfWork(() -> {
            storage.waitingList().holdPlace(s.id());
            storage.waitingList().holdOptionPlace(s.id(), MAMMO);
            return null;
        });

        assertThat(storage.waitingList().pooledOptionPlaces(s.id())).isEmpty();
        assertThat(storage.waitingList().pooledPlaces(s.id())).isZero();
        assertThat(mammoReserved(s)).isZero();
        assertThat(slot(s).reserved()).isZero();
    }

    @Test
    @DisplayName("WAIT-2 OPT-2 concurrent holds and claims of a test's places: each held and claimed once, never above its capacity")
    void concurrentOptionClaims() throws Exception {
        Slot s = slotWithMammo(LocalTime.of(9, 0), 20, 3);
        AtomicInteger held = new AtomicInteger();
        List<Callable<Object>> holds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            holds.add(() -> {
                if (inUnitOfWork(() -> storage.waitingList().holdOptionPlace(s.id(), MAMMO))) {
                    held.incrementAndGet();
                }
                return null;
            });
        }
        Threads.concurrently(holds, Duration.ofMinutes(1));
        assertThat(held.get()).isEqualTo(3);
        assertThat(mammoReserved(s)).isEqualTo(3);

        AtomicInteger claimed = new AtomicInteger();
        List<Callable<Object>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            claims.add(() -> {
                if (inUnitOfWork(() -> storage.waitingList().claimOptionPlace(s.id(), MAMMO))) {
                    claimed.incrementAndGet();
                }
                return null;
            });
        }
        Threads.concurrently(claims, Duration.ofMinutes(1));

        assertThat(claimed.get()).isEqualTo(3);
        assertThat(storage.waitingList().pooledOptionPlaces(s.id())).isEmpty();
        assertThat(mammoReserved(s)).isEqualTo(3);
    }
}
