package io.github.kenshinbooking.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.PhoneNumber;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The in-memory reservation store against the {@code ReservationStore} port: capacity (SLOT-3),
 * one live reservation per member and fiscal year (ONE-1), cancelled event days (SLOT-6).
 */
class MemoryReservationStoreTest {
    private static final SymbolNumber HOUSEHOLD = SymbolNumber.of("1999999");
    private static final MemberId TARO = MemberId.of("1999999-01");
    private static final MemberId HANAKO = MemberId.of("1999999-02");
    private static final MemberId JIRO = MemberId.of("1999999-03");
    private static final Venue VENUE = Venue.of("ミリカローデン那珂川");
    private static final Instant T0 = Instant.parse("2024-01-10T01:00:00Z");
    // FY2023 runs from 2023-04-01 to 2024-03-31, FY2024 from 2024-04-01 (ELIG-1)
    private static final LocalDate FEB18 = LocalDate.of(2024, 2, 18);
    private static final LocalDate MAY12 = LocalDate.of(2024, 5, 12);

    private final MemoryTransactions tx = new MemoryTransactions();
    private final MemorySlotStore slots = new MemorySlotStore(tx);
    private final MemoryReservationStore store = new MemoryReservationStore(tx, slots);

    private Slot slot(LocalDate date, int capacity) {
        return slots.add(new SlotSpec(VENUE, "ヘルスポートクリニック", date, LocalTime.of(9, 0), Duration.ofMinutes(30),
                capacity, T0.minus(Duration.ofDays(60))));
    }

    private static Reservation booking(long id, MemberId member, Slot slot) {
        return Reservation.booked(ReservationId.of(id), HOUSEHOLD, member, slot.id(), FiscalYear.containing(slot.date()),
                new PhoneNumber("09012345678"), "2024-01", T0, T0.plus(Duration.ofDays(20)),
                T0.plus(Duration.ofDays(21)));
    }

    private static Reservation moved(Reservation r, Slot to) {
        return r.movedTo(to.id(), FiscalYear.containing(to.date()), r.phone(), T0.plusSeconds(60), Optional.empty(),
                T0.plus(Duration.ofDays(30)), T0.plus(Duration.ofDays(31)));
    }

    private int reserved(Slot s) {
        return slots.find(s.id()).orElseThrow().reserved();
    }

    private static void refused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).code()).isEqualTo(code);
    }

    @Test
    @DisplayName("SLOT-3 an insert takes a place; the last place goes, then SLOT_FULL changes nothing")
    void capacity() throws Refusal {
        Slot s = slot(FEB18, 2);
        store.insert(booking(1, TARO, s));
        store.insert(booking(2, HANAKO, s));

        refused(() -> store.insert(booking(3, JIRO, s)), ErrorCode.SLOT_FULL);

        assertThat(reserved(s)).isEqualTo(2);
        assertThat(store.find(ReservationId.of(3))).isEmpty();
        assertThat(store.findLive(JIRO, FiscalYear.containing(FEB18))).isEmpty();
    }

    @Test
    @DisplayName("SLOT-3 a slot of capacity 0 takes no booking")
    void noPlace() {
        Slot s = slot(FEB18, 0);

        refused(() -> store.insert(booking(1, TARO, s)), ErrorCode.SLOT_FULL);
        assertThat(reserved(s)).isZero();
    }

    @Test
    @DisplayName("SLOT-6 a slot of a cancelled event day takes no booking and no move")
    void eventCancelled() throws Refusal {
        Slot s = slot(FEB18, 5);
        Slot other = slot(FEB18.plusDays(1), 5);
        Reservation r = booking(1, TARO, other);
        store.insert(r);
        slots.cancelEventDay(VENUE, FEB18);

        refused(() -> store.insert(booking(2, HANAKO, s)), ErrorCode.EVENT_CANCELLED);
        refused(() -> store.move(r, moved(r, s)), ErrorCode.EVENT_CANCELLED);
        assertThat(reserved(s)).isZero();
        assertThat(reserved(other)).isEqualTo(1);
    }

    @Test
    @DisplayName("ONE-1 a second live reservation of a member in the fiscal year is refused; another year is fine")
    void oneLivePerFiscalYear() throws Refusal {
        Slot feb = slot(FEB18, 5);
        Slot feb2 = slot(FEB18.plusDays(1), 5);
        Slot may = slot(MAY12, 5);
        store.insert(booking(1, TARO, feb));

        refused(() -> store.insert(booking(2, TARO, feb2)), ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
        store.insert(booking(3, TARO, may));

        assertThat(reserved(feb2)).isZero();
        assertThat(store.findLive(TARO, FiscalYear.containing(FEB18))).map(Reservation::id)
                .contains(ReservationId.of(1));
        assertThat(store.findLive(TARO, FiscalYear.containing(MAY12))).map(Reservation::id)
                .contains(ReservationId.of(3));
    }

    @Test
    @DisplayName("BOOK-3 insert takes a new live reservation only: a cancelled one is a bug, a known id DuplicateReservationIdException")
    void insertNewLiveOnly() throws Refusal {
        Slot s = slot(FEB18, 5);
        Reservation r = booking(1, TARO, s);
        store.insert(r);

        assertThatThrownBy(() -> store.insert(booking(2, HANAKO, s).cancelled(T0, Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.insert(booking(1, HANAKO, s)))
                .isInstanceOf(io.github.kenshinbooking.reservation.DuplicateReservationIdException.class);
        assertThat(reserved(s)).isEqualTo(1);
        assertThat(store.findLive(HANAKO, FiscalYear.containing(FEB18))).isEmpty();
    }

    @Test
    @DisplayName("an insert for a slot the store does not hold is a bug, not a refusal")
    void unknownSlot() {
        Slot s = slot(FEB18, 5);
        Reservation r = Reservation.booked(ReservationId.of(1), HOUSEHOLD, TARO, SlotId.of(s.id().value() + 100),
                FiscalYear.containing(FEB18), new PhoneNumber("09012345678"), "2024-01", T0, T0, T0);

        assertThatThrownBy(() -> store.insert(r)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.find(ReservationId.of(1))).isEmpty();
    }

    @Test
    @DisplayName("findLiveBySlot and findLiveOn list live reservations only, by id")
    void liveListsById() throws Refusal {
        Slot s = slot(FEB18, 50);
        Slot sameDay = slot(FEB18, 50);
        Slot otherDay = slot(FEB18.plusDays(1), 50);
        // ids whose order in a hash map differs from their numeric order
        store.insert(booking(33, TARO, s));
        store.insert(booking(16, HANAKO, sameDay));
        store.insert(booking(1, JIRO, s));
        store.insert(booking(18, MemberId.of("1888888-01"), s));
        Reservation cancelled = booking(2, MemberId.of("1888888-02"), s);
        store.insert(cancelled);
        store.cancel(cancelled, cancelled.cancelled(T0, Optional.empty()));
        store.insert(booking(3, MemberId.of("1888888-03"), otherDay));

        assertThat(store.findLiveBySlot(s.id())).extracting(r -> r.id().value()).containsExactly(1L, 18L, 33L);
        assertThat(store.findLiveOn(FEB18)).extracting(r -> r.id().value()).containsExactly(1L, 16L, 18L, 33L);
        assertThat(store.findByMember(MemberId.of("1888888-02"))).extracting(Reservation::live).containsExactly(false);
    }

    @Test
    @DisplayName("CHG-1 a move within the fiscal year takes the new place, releases the old and keeps the id")
    void moveWithinYear() throws Refusal {
        Slot from = slot(FEB18, 5);
        Slot to = slot(FEB18.plusDays(7), 5);
        Reservation r = booking(1, TARO, from);
        store.insert(r);

        store.move(r, moved(r, to));

        assertThat(reserved(from)).isZero();
        assertThat(reserved(to)).isEqualTo(1);
        assertThat(store.find(r.id()).orElseThrow().slot()).isEqualTo(to.id());
        assertThat(store.findLive(TARO, FiscalYear.containing(FEB18)).orElseThrow().slot()).isEqualTo(to.id());
    }

    @Test
    @DisplayName("ONE-1 a move into another fiscal year frees the old year and is refused where the member holds one")
    void moveAcrossYears() throws Refusal {
        Slot feb = slot(FEB18, 5);
        Slot may = slot(MAY12, 5);
        Slot may2 = slot(MAY12.plusDays(1), 5);
        Reservation taro = booking(1, TARO, feb);
        store.insert(taro);
        Reservation hanakoFeb = booking(2, HANAKO, feb);
        store.insert(hanakoFeb);
        store.insert(booking(3, HANAKO, may));

        refused(() -> store.move(hanakoFeb, moved(hanakoFeb, may2)), ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
        assertThat(reserved(may2)).isZero();
        assertThat(reserved(feb)).isEqualTo(2);

        store.move(taro, moved(taro, may));

        assertThat(store.findLive(TARO, FiscalYear.containing(FEB18))).isEmpty();
        assertThat(store.findLive(TARO, FiscalYear.containing(MAY12))).map(Reservation::id).contains(taro.id());
        store.insert(booking(4, TARO, feb)); // FY2023 is free again
        assertThat(reserved(feb)).isEqualTo(2);
    }

    @Test
    @DisplayName("CNL-1 a cancel releases the place, keeps the reservation as cancelled and frees the fiscal year")
    void cancel() throws Refusal {
        Slot s = slot(FEB18, 1);
        Reservation r = booking(1, TARO, s);
        store.insert(r);

        store.cancel(r, r.cancelled(T0, Optional.empty()));

        assertThat(reserved(s)).isZero();
        assertThat(store.find(r.id()).orElseThrow().live()).isFalse();
        assertThat(store.findLive(TARO, FiscalYear.containing(FEB18))).isEmpty();
        store.insert(booking(2, TARO, s));
    }

    @Test
    @DisplayName("a cancelled or unknown reservation is neither moved nor cancelled again: ALREADY_CANCELLED")
    void notLive() throws Refusal {
        Slot s = slot(FEB18, 5);
        Slot to = slot(FEB18.plusDays(1), 5);
        Reservation r = booking(1, TARO, s);
        store.insert(r);
        store.cancel(r, r.cancelled(T0, Optional.empty()));
        Reservation unknown = booking(9, HANAKO, s);

        refused(() -> store.cancel(r, r.cancelled(T0, Optional.empty())), ErrorCode.ALREADY_CANCELLED);
        refused(() -> store.move(r, moved(r, to)), ErrorCode.ALREADY_CANCELLED);
        refused(() -> store.cancel(unknown, unknown.cancelled(T0, Optional.empty())), ErrorCode.ALREADY_CANCELLED);
        refused(() -> store.move(unknown, moved(unknown, to)), ErrorCode.ALREADY_CANCELLED);
        assertThat(reserved(s)).isZero();
        assertThat(reserved(to)).isZero();
    }
}
