package io.github.kenshinbooking.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.reservation.DuplicateReservationIdException;
import io.github.kenshinbooking.reservation.PhoneNumber;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.ReservationStatus;
import io.github.kenshinbooking.reservation.StaffAction;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.schedule.Slot;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link io.github.kenshinbooking.reservation.ReservationStore} and
 * {@link io.github.kenshinbooking.reservation.ReservationIds}: the store itself enforces capacity
 * (SLOT-3) and ONE-1, atomically with the reservation it writes, also under concurrent calls.
 *
 * <p>Extend it and implement {@link StorageContractSupport#createStorage()} to return a fresh, empty
 * storage of the adapter. It checks: {@code insert} takes a place, and into a full slot answers
 * {@code SLOT_FULL}, into a cancelled event day {@code EVENT_CANCELLED}, for a member with a live
 * reservation that fiscal year (年度) {@code ALREADY_RESERVED_THIS_FISCAL_YEAR} (before
 * {@code SLOT_FULL}), storing nothing; {@code cancel} releases the place and a second cancel answers
 * {@code ALREADY_CANCELLED} (CNL-1); {@code move} takes the new place, releases the old one and keeps
 * the id, with the same refusals (CHG-1); the finders list what HIST-1 and MAIL-3 need; reservation
 * ids (予約ID) are positive and never handed out twice, even after a rollback, and an insert with an id
 * held already fails with {@code DuplicateReservationIdException} (BOOK-3); writes of a
 * failing unit of work are gone; concurrent inserts never overbook and give one member one
 * reservation per fiscal year.
 */
public abstract class ReservationStoreContract extends StorageContractSupport {

    @Test
    @DisplayName("SLOT-3 insert takes a place and stores the live reservation")
    void insertTakesPlace() throws Exception {
        Slot s = addSlot(FY2024_DAY, 2);
        Reservation r = book(TARO, s);

        assertThat(slot(s).reserved()).isEqualTo(1);
        assertThat(slot(s).remaining()).isEqualTo(1);
        assertThat(storage.reservations().find(r.id())).contains(r);
        assertThat(storage.reservations().findLive(TARO, FiscalYear.of(2024))).contains(r);
    }

    @Test
    @DisplayName("SLOT-3 insert into a full slot answers SLOT_FULL and stores nothing")
    void insertFull() throws Exception {
        Slot s = addSlot(FY2024_DAY, 1);
        book(TARO, s);
        Reservation second = newReservation(HANAKO, s);

        assertThat(codeOf(() -> inUnitOfWork(() -> {
            storage.reservations().insert(second);
            return null;
        }))).isEqualTo(ErrorCode.SLOT_FULL);
        assertThat(slot(s).reserved()).isEqualTo(1);
        assertThat(storage.reservations().find(second.id())).isEmpty();
        assertThat(storage.reservations().findByMember(HANAKO)).isEmpty();
    }

    @Test
    @DisplayName("SLOT-3 a slot of capacity 0 is full; a refused insert outside a unit of work leaves nothing either")
    void capacityZero() {
        Slot s = addSlot(FY2024_DAY, 0);
        Reservation r = newReservation(TARO, s);
        assertThat(codeOf(() -> {
            storage.reservations().insert(r);
            return null;
        })).isEqualTo(ErrorCode.SLOT_FULL);
        assertThat(slot(s).reserved()).isZero();
        assertThat(storage.reservations().find(r.id())).isEmpty();
    }

    @Test
    @DisplayName("SLOT-6 insert into a slot whose event day was cancelled answers EVENT_CANCELLED")
    void insertCancelledDay() {
        Slot s = addSlot(FY2024_DAY, 5);
        storage.slots().cancelEventDay(MIRIKA, FY2024_DAY);
        Reservation r = newReservation(TARO, s);
        assertThat(codeOf(() -> inUnitOfWork(() -> {
            storage.reservations().insert(r);
            return null;
        }))).isEqualTo(ErrorCode.EVENT_CANCELLED);
        assertThat(slot(s).reserved()).isZero();
        assertThat(storage.reservations().find(r.id())).isEmpty();
    }

    @Test
    @DisplayName("ONE-1 a second live reservation in the same fiscal year answers ALREADY_RESERVED_THIS_FISCAL_YEAR")
    void oneLivePerYear() throws Exception {
        Slot a = addSlot(FY2024_DAY, 5);
        Slot b = storage.slots().add(spec(HALL, FY2024_DAY.plusMonths(6), LocalTime.of(9, 0), 5));
        Reservation first = book(TARO, a);
        Reservation second = newReservation(TARO, b);

        assertThat(codeOf(() -> inUnitOfWork(() -> {
            storage.reservations().insert(second);
            return null;
        }))).isEqualTo(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
        assertThat(slot(b).reserved()).isZero();
        assertThat(slot(a).reserved()).isEqualTo(1);
        assertThat(storage.reservations().findByMember(TARO)).containsExactly(first);
    }

    @Test
    @DisplayName("ONE-1 is answered before SLOT_FULL when both apply")
    void oneLiveBeforeFull() throws Exception {
        Slot a = addSlot(FY2024_DAY, 5);
        Slot full = storage.slots().add(spec(HALL, FY2024_DAY, LocalTime.of(9, 0), 1));
        book(TARO, a);
        book(HANAKO, full);
        Reservation r = newReservation(TARO, full);
        assertThat(codeOf(() -> inUnitOfWork(() -> {
            storage.reservations().insert(r);
            return null;
        }))).isEqualTo(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
    }

    @Test
    @DisplayName("ONE-1 counts per fiscal year and per person")
    void otherYearOtherPerson() throws Exception {
        Slot y2024 = addSlot(FY2024_DAY, 5);
        Slot y2025 = addSlot(FY2025_DAY, 5);
        Reservation a = book(TARO, y2024);
        Reservation b = book(TARO, y2025);
        Reservation c = book(HANAKO, y2024);

        assertThat(storage.reservations().findLive(TARO, FiscalYear.of(2024))).contains(a);
        assertThat(storage.reservations().findLive(TARO, FiscalYear.of(2025))).contains(b);
        assertThat(storage.reservations().findLive(HANAKO, FiscalYear.of(2024))).contains(c);
        assertThat(storage.reservations().findLive(HANAKO, FiscalYear.of(2025))).isEmpty();
        assertThat(slot(y2024).reserved()).isEqualTo(2);
    }

    @Test
    @DisplayName("CNL-1 cancel releases the place and keeps the reservation as cancelled")
    void cancelReleases() throws Exception {
        Slot s = addSlot(FY2024_DAY, 1);
        Reservation r = book(TARO, s);
        StaffAction staff = new StaffAction(new StaffId("staff-7"), "電話で依頼", T0.plusSeconds(60));
        Reservation cancelled = r.cancelled(T0.plusSeconds(60), Optional.of(staff));

        inUnitOfWork(() -> {
            storage.reservations().cancel(r, cancelled);
            return null;
        });

        assertThat(slot(s).reserved()).isZero();
        assertThat(storage.reservations().find(r.id())).contains(cancelled);
        assertThat(storage.reservations().find(r.id()).orElseThrow().status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(storage.reservations().findLive(TARO, FiscalYear.of(2024))).isEmpty();
        assertThat(storage.reservations().findByMember(TARO)).containsExactly(cancelled);
        assertThat(storage.reservations().findLiveBySlot(s.id())).isEmpty();
    }

    @Test
    @DisplayName("ONE-1 cancelling frees the right again in that fiscal year")
    void cancelFreesRight() throws Exception {
        Slot s = addSlot(FY2024_DAY, 1);
        Reservation r = book(TARO, s);
        storage.reservations().cancel(r, r.cancelled(T0, Optional.empty()));
        Reservation again = book(TARO, s);

        assertThat(storage.reservations().findLive(TARO, FiscalYear.of(2024))).contains(again);
        assertThat(storage.reservations().findByMember(TARO)).hasSize(2);
        assertThat(slot(s).reserved()).isEqualTo(1);
    }

    @Test
    @DisplayName("CNL-1 cancelling twice answers ALREADY_CANCELLED and releases nothing more")
    void cancelTwice() throws Exception {
        Slot s = addSlot(FY2024_DAY, 2);
        Reservation r = book(TARO, s);
        book(HANAKO, s);
        Reservation cancelled = r.cancelled(T0, Optional.empty());
        storage.reservations().cancel(r, cancelled);

        assertThat(codeOf(() -> inUnitOfWork(() -> {
            storage.reservations().cancel(r, cancelled);
            return null;
        }))).isEqualTo(ErrorCode.ALREADY_CANCELLED);
        assertThat(slot(s).reserved()).isEqualTo(1);
    }

    @Test
    @DisplayName("CHG-1 move takes the new place, releases the old one and keeps the id")
    void move() throws Exception {
        Slot from = addSlot(FY2024_DAY, 1);
        Slot to = storage.slots().add(spec(HALL, FY2024_DAY.plusDays(7), LocalTime.of(14, 0), 3));
        Reservation r = book(TARO, from);
        Reservation moved = r.movedTo(to.id(), to.fiscalYear(), new PhoneNumber("09012345678"), T0.plusSeconds(5),
                Optional.empty(), promisedChange(to), promisedCancel(to));

        inUnitOfWork(() -> {
            storage.reservations().move(r, moved);
            return null;
        });

        assertThat(slot(from).reserved()).isZero();
        assertThat(slot(to).reserved()).isEqualTo(1);
        assertThat(storage.reservations().find(r.id())).contains(moved);
        assertThat(storage.reservations().findLiveBySlot(to.id())).containsExactly(moved);
        assertThat(storage.reservations().findLiveBySlot(from.id())).isEmpty();
        // the freed place can be taken again
        book(HANAKO, from);
        assertThat(slot(from).reserved()).isEqualTo(1);
    }

    @Test
    @DisplayName("CHG-1 move into a full slot answers SLOT_FULL and changes nothing")
    void moveFull() throws Exception {
        Slot from = addSlot(FY2024_DAY, 1);
        Slot full = storage.slots().add(spec(HALL, FY2024_DAY, LocalTime.of(9, 0), 1));
        Reservation r = book(TARO, from);
        Reservation other = book(JIRO, full);

        assertThat(codeOf(() -> inUnitOfWork(() -> {
            storage.reservations().move(r, r.movedTo(full.id(), full.fiscalYear(), PHONE, T0, Optional.empty(),
                promisedChange(full), promisedCancel(full)));
            return null;
        }))).isEqualTo(ErrorCode.SLOT_FULL);
        assertThat(slot(from).reserved()).isEqualTo(1);
        assertThat(slot(full).reserved()).isEqualTo(1);
        assertThat(storage.reservations().find(r.id())).contains(r);
        assertThat(storage.reservations().find(other.id())).contains(other);
    }

    @Test
    @DisplayName("SLOT-6 move into a cancelled event day answers EVENT_CANCELLED")
    void moveCancelledDay() throws Exception {
        Slot from = addSlot(FY2024_DAY, 1);
        Slot target = storage.slots().add(spec(HALL, FY2024_DAY, LocalTime.of(9, 0), 5));
        storage.slots().cancelEventDay(HALL, FY2024_DAY);
        Reservation r = book(TARO, from);

        assertThat(codeOf(() -> inUnitOfWork(() -> {
            storage.reservations().move(r, r.movedTo(target.id(), target.fiscalYear(), PHONE, T0, Optional.empty(),
                promisedChange(target), promisedCancel(target)));
            return null;
        }))).isEqualTo(ErrorCode.EVENT_CANCELLED);
        assertThat(slot(from).reserved()).isEqualTo(1);
        assertThat(slot(target).reserved()).isZero();
    }

    @Test
    @DisplayName("CHG-1 moving a cancelled reservation answers ALREADY_CANCELLED")
    void moveCancelled() throws Exception {
        Slot from = addSlot(FY2024_DAY, 1);
        Slot to = addSlot(FY2024_DAY.plusDays(1), 1);
        Reservation r = book(TARO, from);
        storage.reservations().cancel(r, r.cancelled(T0, Optional.empty()));

        assertThat(codeOf(() -> inUnitOfWork(() -> {
            storage.reservations().move(r, r.movedTo(to.id(), to.fiscalYear(), PHONE, T0, Optional.empty(),
                promisedChange(to), promisedCancel(to)));
            return null;
        }))).isEqualTo(ErrorCode.ALREADY_CANCELLED);
        assertThat(slot(to).reserved()).isZero();
        assertThat(slot(from).reserved()).isZero();
    }

    @Test
    @DisplayName("ONE-1 a move into a fiscal year where the member holds another live reservation is refused")
    void moveIntoTakenYear() throws Exception {
        Slot y2024 = addSlot(FY2024_DAY, 2);
        Slot y2025 = addSlot(FY2025_DAY, 2);
        Slot y2025b = storage.slots().add(spec(HALL, FY2025_DAY, LocalTime.of(9, 0), 2));
        Reservation r = book(TARO, y2024);
        book(TARO, y2025);

        assertThat(codeOf(() -> inUnitOfWork(() -> {
            storage.reservations().move(r, r.movedTo(y2025b.id(), y2025b.fiscalYear(), PHONE, T0, Optional.empty(),
                promisedChange(y2025b), promisedCancel(y2025b)));
            return null;
        }))).isEqualTo(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
        assertThat(slot(y2024).reserved()).isEqualTo(1);
        assertThat(slot(y2025b).reserved()).isZero();
    }

    @Test
    @DisplayName("ONE-1 a move into a free fiscal year takes that year and frees the old one")
    void moveAcrossYears() throws Exception {
        Slot y2024 = addSlot(FY2024_DAY, 2);
        Slot y2025 = addSlot(FY2025_DAY, 2);
        Reservation r = book(TARO, y2024);
        Reservation moved = r.movedTo(y2025.id(), y2025.fiscalYear(), PHONE, T0, Optional.empty(),
                promisedChange(y2025), promisedCancel(y2025));
        storage.reservations().move(r, moved);

        assertThat(storage.reservations().findLive(TARO, FiscalYear.of(2024))).isEmpty();
        assertThat(storage.reservations().findLive(TARO, FiscalYear.of(2025))).contains(moved);
        Reservation again = book(TARO, y2024);
        assertThat(storage.reservations().findLive(TARO, FiscalYear.of(2024))).contains(again);
    }

    @Test
    @DisplayName("HIST-1 findByMember lists live and cancelled reservations of that member only")
    void findByMember() throws Exception {
        Slot s = addSlot(FY2024_DAY, 5);
        Slot t = addSlot(FY2025_DAY, 5);
        Reservation a = book(TARO, s);
        Reservation cancelled = a.cancelled(T0, Optional.empty());
        storage.reservations().cancel(a, cancelled);
        Reservation b = book(TARO, t);
        book(HANAKO, s);

        assertThat(storage.reservations().findByMember(TARO)).containsExactlyInAnyOrder(cancelled, b);
        assertThat(storage.reservations().findByMember(MemberId.of("nobody"))).isEmpty();
    }

    @Test
    @DisplayName("MAIL-3 findLiveBySlot and findLiveOn list live reservations only, by id")
    void findLive() throws Exception {
        Slot s = addSlot(FY2024_DAY, 5);
        Slot sameDay = storage.slots().add(spec(HALL, FY2024_DAY, LocalTime.of(10, 0), 5));
        Slot nextDay = addSlot(FY2024_DAY.plusDays(1), 5);
        Reservation a = book(TARO, s);
        Reservation b = book(HANAKO, s);
        Reservation c = book(JIRO, sameDay);
        Reservation d = book(MemberId.of("3777777-00"), nextDay);
        storage.reservations().cancel(b, b.cancelled(T0, Optional.empty()));

        assertThat(storage.reservations().findLiveBySlot(s.id())).containsExactly(a);
        // by id, which need not be booking order (a Galera cluster's nodes each hand out their own ids)
        assertThat(storage.reservations().findLiveOn(FY2024_DAY))
                .containsExactlyElementsOf(Stream.of(a, c).sorted(Comparator.comparing(r -> r.id().value())).toList());
        assertThat(storage.reservations().findLiveOn(FY2024_DAY.plusDays(1))).containsExactly(d);
        assertThat(storage.reservations().findLiveOn(FY2024_DAY.plusDays(2))).isEmpty();
    }

    @Test
    @DisplayName("BOOK-3 insert with an id a stored reservation holds fails with DuplicateReservationIdException and takes no place")
    void insertHeldId() throws Exception {
        Slot s = addSlot(FY2024_DAY, 5);
        Reservation first = book(TARO, s);
        Reservation sameId = withIdOf(first, HANAKO, s);

        assertThatThrownBy(() -> storage.reservations().insert(sameId))
                .isInstanceOf(DuplicateReservationIdException.class);
        assertThat(slot(s).reserved()).isEqualTo(1);
        assertThat(storage.reservations().find(first.id())).contains(first);
        assertThat(storage.reservations().findByMember(HANAKO)).isEmpty();
    }

    @Test
    @DisplayName("BOOK-3 reservation ids are positive, unique and never handed out twice, even after a rollback")
    void ids() {
        Set<ReservationId> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            assertThat(seen.add(storage.reservationIds().next())).isTrue();
        }
        List<ReservationId> inFailed = new ArrayList<>();
        inFailedUnitOfWork(() -> inFailed.add(storage.reservationIds().next()));
        assertThat(seen).doesNotContainAnyElementsOf(inFailed);
        assertThat(seen.add(storage.reservationIds().next())).isTrue();
        assertThat(seen).allMatch(id -> id.value() > 0);
    }

    @Test
    @DisplayName("SLOT-3 a reservation written in a unit of work that fails is gone and its place free")
    void rollback() throws Exception {
        Slot s = addSlot(FY2024_DAY, 1);
        Reservation r = newReservation(TARO, s);
        inFailedUnitOfWork(() -> {
            storage.reservations().insert(r);
            assertThat(storage.reservations().find(r.id())).contains(r);
            return null;
        });
        assertThat(storage.reservations().find(r.id())).isEmpty();
        assertThat(slot(s).reserved()).isZero();
        book(HANAKO, s);
    }

    @Test
    @DisplayName("SLOT-3 concurrent inserts never overbook: exactly capacity succeed, the rest answer SLOT_FULL")
    void concurrentInserts() throws Exception {
        Slot s = addSlot(FY2024_DAY, 5);
        List<Callable<ErrorCode>> tasks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            MemberId m = MemberId.of("race-" + i);
            Reservation r = newReservation(m, s);
            tasks.add(() -> codeOf(() -> inUnitOfWork(() -> {
                storage.reservations().insert(r);
                return null;
            })));
        }
        List<ErrorCode> codes = concurrently(tasks);

        assertThat(codes.stream().filter(c -> c == null).count()).isEqualTo(5);
        assertThat(codes.stream().filter(c -> c != null)).containsOnly(ErrorCode.SLOT_FULL).hasSize(11);
        assertThat(slot(s).reserved()).isEqualTo(5);
        assertThat(storage.reservations().findLiveBySlot(s.id())).hasSize(5);
    }

    @Test
    @DisplayName("ONE-1 concurrent inserts of one member into different slots of one year: exactly one succeeds")
    void concurrentSameMember() throws Exception {
        List<Callable<ErrorCode>> tasks = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Slot s = addSlot(FY2024_DAY.plusDays(i), 3);
            slots.add(s);
            Reservation r = newReservation(TARO, s);
            tasks.add(() -> codeOf(() -> inUnitOfWork(() -> {
                storage.reservations().insert(r);
                return null;
            })));
        }
        List<ErrorCode> codes = concurrently(tasks);

        assertThat(codes.stream().filter(c -> c == null).count()).isEqualTo(1);
        assertThat(codes.stream().filter(c -> c != null)).containsOnly(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
        assertThat(slots.stream().mapToInt(s -> slot(s).reserved()).sum()).isEqualTo(1);
        assertThat(storage.reservations().findByMember(TARO)).hasSize(1);
    }

    @Test
    @DisplayName("CHG-1 CNL-1 the promised deadlines round-trip through insert, move, cancel and every read")
    void promisedDeadlinesRoundTrip() throws Exception {
        Slot from = addSlot(FY2024_DAY, 2);
        Slot to = storage.slots().add(spec(HALL, FY2024_DAY.plusDays(7), LocalTime.of(14, 0), 3));
        Reservation r = book(TARO, from);
        assertThat(r.changeDeadline()).contains(promisedChange(from));
        assertThat(r.cancelDeadline()).contains(promisedCancel(from));
        assertThat(storage.reservations().find(r.id())).contains(r);
        assertThat(storage.reservations().findLive(TARO, FiscalYear.of(2024))).contains(r);
        assertThat(storage.reservations().findByMember(TARO)).containsExactly(r);
        assertThat(storage.reservations().findLiveBySlot(from.id())).containsExactly(r);
        assertThat(storage.reservations().findLiveOn(from.date())).containsExactly(r);

        // a move stores the deadlines it is given, whatever they are (here not at 00:00)
        Instant change = promisedChange(to).plusSeconds(90);
        Instant cancel = promisedCancel(to).minusSeconds(30);
        Reservation moved = r.movedTo(to.id(), to.fiscalYear(), PHONE, T0.plusSeconds(5), Optional.empty(), change,
                cancel);
        inUnitOfWork(() -> {
            storage.reservations().move(r, moved);
            return null;
        });
        assertThat(storage.reservations().find(r.id())).hasValueSatisfying(m -> {
            assertThat(m.changeDeadline()).contains(change);
            assertThat(m.cancelDeadline()).contains(cancel);
            assertThat(m).isEqualTo(moved);
        });
        assertThat(storage.reservations().findLiveOn(to.date())).containsExactly(moved);

        Reservation cancelled = moved.cancelled(T0.plusSeconds(9), Optional.empty());
        inUnitOfWork(() -> {
            storage.reservations().cancel(moved, cancelled);
            return null;
        });
        assertThat(storage.reservations().find(r.id())).contains(cancelled);
        assertThat(cancelled.changeDeadline()).contains(change);
    }

    @Test
    @DisplayName("CHG-1 CNL-1 a reservation without promised deadlines (stored before they were kept) reads back without them")
    void withoutPromisedDeadlines() throws Exception {
        Slot s = addSlot(FY2024_DAY, 2);
        Reservation b = newReservation(TARO, s);
        Reservation r = new Reservation(b.id(), b.household(), b.member(), b.slot(), b.fiscalYear(), b.status(),
                b.phone(), b.termsVersion(), b.bookedAt(), b.updatedAt(), b.staffAction(), Optional.empty(),
                Optional.empty());
        inUnitOfWork(() -> {
            storage.reservations().insert(r);
            return null;
        });
        assertThat(storage.reservations().find(r.id())).contains(r);
        assertThat(storage.reservations().findLiveOn(s.date())).containsExactly(r);
    }
}
