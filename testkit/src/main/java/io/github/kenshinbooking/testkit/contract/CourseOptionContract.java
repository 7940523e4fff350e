package io.github.kenshinbooking.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.eligibility.CourseFamily;
import io.github.kenshinbooking.eligibility.CourseId;
import io.github.kenshinbooking.eligibility.ExamChoice;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotOption;
import io.github.kenshinbooking.schedule.SlotSpec;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of courses and optional tests in {@link io.github.kenshinbooking.schedule.SlotStore} and
 * {@link io.github.kenshinbooking.reservation.ReservationStore} (CRS-1, OPT-2, OPT-3): a slot keeps the
 * courses it offers and the places of its optional tests; a reservation keeps its course, family and
 * tests; {@code insert} takes the slot's place and one of each test, all or none ({@code OPTION_FULL}
 * naming the test, after {@code SLOT_FULL} and ONE-1); {@code cancel} gives them all back; {@code move}
 * moves them to the new slot or, within the slot, takes the tests added and releases those dropped;
 * ONE-1 holds per course family; concurrent bookings never overbook a test.
 *
 * <p>Extend it and implement {@link StorageContractSupport#createStorage()} as for the other contracts.
 */
public abstract class CourseOptionContract extends StorageContractSupport {
    /** マンモグラフィ. */
    protected static final OptionId MAMMO = OptionId.of("mammo");
    /** 胃部X線. */
    protected static final OptionId XRAY = OptionId.of("stomach-xray");
    /** 特定健診＋がん検診セット. */
    protected static final CourseId CANCER_SET = CourseId.of("cancer-set");
    /** A family of its own for the cancer set. */
    protected static final CourseFamily CANCER = CourseFamily.of("cancer");

    private Slot addSlot(SlotSpec spec) {
        return storage.slots().add(spec);
    }

    private Slot slotWithOptions(LocalTime start, int capacity, int mammo, int xray) {
        return addSlot(spec(MIRIKA, FY2024_DAY, start, capacity).withCourses(Set.of(CourseId.DEFAULT, CANCER_SET))
                .withOption(MAMMO, mammo).withOption(XRAY, xray));
    }

    private Reservation withOptions(MemberId member, Slot s, OptionId... options) {
        return newReservation(member, s).withChoice(new ExamChoice(CourseId.DEFAULT, CourseFamily.DEFAULT,
                new TreeSet<>(List.of(options))));
    }

    private Reservation insert(Reservation r) throws Refusal {
        return inUnitOfWork(() -> {
            storage.reservations().insert(r);
            return r;
        });
    }

    private static int reserved(Slot s, OptionId option) {
        return s.option(option).map(SlotOption::reserved).orElseThrow();
    }

    private Refusal refusal(UnitOfWorkCall call) {
        try {
            inUnitOfWork(() -> {
                call.run();
                return null;
            });
        } catch (Refusal r) {
            return r;
        }
        throw new AssertionError("expected a refusal");
    }

    private Refusal refusedInsert(Reservation r) {
        return refusal(() -> storage.reservations().insert(r));
    }

    @FunctionalInterface
    private interface UnitOfWorkCall {
        void run() throws Refusal;
    }

    @Test
    @DisplayName("CRS-1 OPT-2 a slot keeps the courses it offers and its optional tests with their places, none taken")
    void slotKeepsOffer() {
        Slot s = slotWithOptions(LocalTime.of(9, 0), 10, 4, 0);
        Slot read = slot(s);
        assertThat(read).isEqualTo(s);
        assertThat(read.courses()).containsExactly(CANCER_SET, CourseId.DEFAULT);
        assertThat(read.options()).containsExactly(new SlotOption(MAMMO, 4, 0), new SlotOption(XRAY, 0, 0));
        assertThat(read.offers(CANCER_SET)).isTrue();
        assertThat(read.offers(CourseId.of("other"))).isFalse();
        assertThat(storage.slots().findBetween(Optional.empty(), FY2024_DAY, FY2024_DAY.plusDays(1))).containsExactly(s);
        assertThat(storage.slots().findAll(List.of(s.id()))).containsEntry(s.id(), s);
        Slot plain = addSlot(FY2024_DAY, 3);
        assertThat(slot(plain).courses()).isEmpty();
        assertThat(slot(plain).options()).isEmpty();
        assertThat(slot(plain).offers(CANCER_SET)).isTrue();
    }

    @Test
    @DisplayName("OPT-2 insert takes the slot's place and one of each test; the reservation keeps its course and tests")
    void insertTakesOptions() throws Exception {
        Slot s = slotWithOptions(LocalTime.of(9, 0), 10, 4, 2);
        Reservation r = insert(withOptions(TARO, s, MAMMO, XRAY));

        Slot after = slot(s);
        assertThat(after.reserved()).isEqualTo(1);
        assertThat(reserved(after, MAMMO)).isEqualTo(1);
        assertThat(reserved(after, XRAY)).isEqualTo(1);
        assertThat(storage.reservations().find(r.id())).contains(r);
        assertThat(storage.reservations().find(r.id()).orElseThrow().choice().options()).containsExactly(MAMMO, XRAY);
    }

    @Test
    @DisplayName("OPT-2 insert with a full test answers OPTION_FULL naming it and takes nothing, not even the slot's place")
    void insertOptionFull() throws Exception {
        Slot s = slotWithOptions(LocalTime.of(9, 0), 10, 1, 2);
        insert(withOptions(TARO, s, MAMMO));
        Reservation r = withOptions(HANAKO, s, MAMMO, XRAY);

        Refusal refusal = refusedInsert(r);

        assertThat(refusal.code()).isEqualTo(ErrorCode.OPTION_FULL);
        assertThat(refusal.subject()).contains(MAMMO.value());
        Slot after = slot(s);
        assertThat(after.reserved()).isEqualTo(1);
        assertThat(reserved(after, MAMMO)).isEqualTo(1);
        assertThat(reserved(after, XRAY)).isZero();
        assertThat(storage.reservations().find(r.id())).isEmpty();
    }

    @Test
    @DisplayName("OPT-2 a test the slot offers with no places, or does not offer, is OPTION_FULL")
    void insertOptionWithoutPlaces() {
        Slot s = slotWithOptions(LocalTime.of(9, 0), 10, 4, 0);
        assertThat(refusedInsert(withOptions(TARO, s, XRAY)).subject())
                .contains(XRAY.value());
        Slot plain = addSlot(FY2024_DAY, 3);
        assertThat(refusedInsert(withOptions(TARO, plain, MAMMO)).code())
                .isEqualTo(ErrorCode.OPTION_FULL);
        assertThat(slot(plain).reserved()).isZero();
    }

    @Test
    @DisplayName("ORDER-1 SLOT_FULL before OPTION_FULL, and ONE-1 before both")
    void order() throws Exception {
        Slot s = slotWithOptions(LocalTime.of(9, 0), 1, 1, 1);
        insert(withOptions(TARO, s, MAMMO));
        assertThat(refusedInsert(withOptions(HANAKO, s, MAMMO)).code())
                .isEqualTo(ErrorCode.SLOT_FULL);
        Slot other = slotWithOptions(LocalTime.of(10, 0), 5, 0, 1);
        assertThat(refusedInsert(withOptions(TARO, other, MAMMO)).code())
                .isEqualTo(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
        assertThat(slot(other).reserved()).isZero();
    }

    @Test
    @DisplayName("OPT-2 cancel gives back the slot's place and every test's")
    void cancelReleases() throws Exception {
        Slot s = slotWithOptions(LocalTime.of(9, 0), 10, 1, 1);
        Reservation r = insert(withOptions(TARO, s, MAMMO, XRAY));
        inUnitOfWork(() -> {
            storage.reservations().cancel(r, r.cancelled(T0.plusSeconds(60), Optional.empty()));
            return null;
        });
        Slot after = slot(s);
        assertThat(after.reserved()).isZero();
        assertThat(reserved(after, MAMMO)).isZero();
        assertThat(reserved(after, XRAY)).isZero();
        insert(withOptions(HANAKO, s, MAMMO, XRAY));
        assertThat(reserved(slot(s), MAMMO)).isEqualTo(1);
    }

    @Test
    @DisplayName("OPT-2 a move to another slot takes the tests there and gives back the old ones; a full test there changes nothing")
    void moveMovesOptions() throws Exception {
        Slot from = slotWithOptions(LocalTime.of(9, 0), 10, 2, 2);
        Slot to = slotWithOptions(LocalTime.of(10, 0), 10, 1, 0);
        Reservation r = insert(withOptions(TARO, from, MAMMO));
        Reservation moved = r.movedTo(to.id(), r.fiscalYear(), PHONE, T0.plusSeconds(60), Optional.empty(),
                promisedChange(to), promisedCancel(to));
        inUnitOfWork(() -> {
            storage.reservations().move(r, moved);
            return null;
        });
        assertThat(reserved(slot(from), MAMMO)).isZero();
        assertThat(slot(from).reserved()).isZero();
        assertThat(reserved(slot(to), MAMMO)).isEqualTo(1);
        assertThat(slot(to).reserved()).isEqualTo(1);

        Slot third = slotWithOptions(LocalTime.of(11, 0), 10, 5, 0);
        Reservation toThird = moved.movedTo(third.id(), r.fiscalYear(), PHONE, T0.plusSeconds(120),
                Optional.empty(), promisedChange(third), promisedCancel(third))
                .withChoice(moved.choice().withOptions(Set.of(MAMMO, XRAY)));
        Refusal refusal = refusal(() -> storage.reservations().move(moved, toThird));
        assertThat(refusal.code()).isEqualTo(ErrorCode.OPTION_FULL);
        assertThat(refusal.subject()).contains(XRAY.value());
        assertThat(slot(third).reserved()).isZero();
        assertThat(reserved(slot(third), MAMMO)).isZero();
        assertThat(reserved(slot(to), MAMMO)).isEqualTo(1);
        assertThat(storage.reservations().find(r.id())).contains(moved);
    }

    @Test
    @DisplayName("OPT-3 a change within the slot takes the tests added and gives back those dropped; the slot's place stays")
    void changeWithinSlot() throws Exception {
        Slot s = slotWithOptions(LocalTime.of(9, 0), 1, 1, 1);
        Reservation r = insert(withOptions(TARO, s, MAMMO));
        Reservation swapped = r.movedTo(s.id(), r.fiscalYear(), PHONE, T0.plusSeconds(60), Optional.empty(),
                promisedChange(s), promisedCancel(s)).withChoice(r.choice().withOptions(Set.of(XRAY)));
        inUnitOfWork(() -> {
            storage.reservations().move(r, swapped);
            return null;
        });
        Slot after = slot(s);
        assertThat(after.reserved()).isEqualTo(1);
        assertThat(reserved(after, MAMMO)).isZero();
        assertThat(reserved(after, XRAY)).isEqualTo(1);
        assertThat(storage.reservations().find(r.id()).orElseThrow().choice().options()).containsExactly(XRAY);

        // the test it holds is not taken twice; a test another reservation took is full
        Slot s2 = slotWithOptions(LocalTime.of(10, 0), 5, 1, 1);
        Reservation other = insert(withOptions(HANAKO, s2, MAMMO));
        Reservation jiro = insert(withOptions(JIRO, s2, XRAY));
        Reservation both = jiro.movedTo(s2.id(), jiro.fiscalYear(), PHONE, T0.plusSeconds(60), Optional.empty(),
                promisedChange(s2), promisedCancel(s2)).withChoice(jiro.choice().withOptions(Set.of(MAMMO, XRAY)));
        assertThat(refusal(() -> storage.reservations().move(jiro, both)).subject()).contains(MAMMO.value());
        assertThat(reserved(slot(s2), XRAY)).isEqualTo(1);
        assertThat(reserved(slot(s2), MAMMO)).isEqualTo(1);
        assertThat(slot(s2).reserved()).isEqualTo(2);
        assertThat(other.choice().options()).containsExactly(MAMMO);
    }

    @Test
    @DisplayName("CRS-1 ONE-1 holds per course family: one live reservation per member, fiscal year and family")
    void onePerFamily() throws Exception {
        Slot a = slotWithOptions(LocalTime.of(9, 0), 5, 1, 1);
        Slot b = slotWithOptions(LocalTime.of(10, 0), 5, 1, 1);
        Reservation plain = insert(newReservation(TARO, a));
        Reservation cancer = insert(newReservation(TARO, b)
                .withChoice(new ExamChoice(CANCER_SET, CANCER, new TreeSet<>())));
        assertThat(storage.reservations().findLive(TARO, FiscalYear.of(2024))).contains(plain);
        assertThat(storage.reservations().findLive(TARO, FiscalYear.of(2024), CourseFamily.DEFAULT)).contains(plain);
        assertThat(storage.reservations().findLive(TARO, FiscalYear.of(2024), CANCER)).contains(cancer);
        Reservation second = newReservation(TARO, b).withChoice(new ExamChoice(CANCER_SET, CANCER, new TreeSet<>()));
        assertThat(refusedInsert(second).code())
                .isEqualTo(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
        assertThat(slot(b).reserved()).isEqualTo(1);
        inUnitOfWork(() -> {
            storage.reservations().cancel(cancer, cancer.cancelled(T0.plusSeconds(1), Optional.empty()));
            return null;
        });
        assertThat(storage.reservations().findLive(TARO, FiscalYear.of(2024), CANCER)).isEmpty();
        assertThat(storage.reservations().findLive(TARO, FiscalYear.of(2024))).contains(plain);
    }

    @Test
    @DisplayName("OPT-2 16 threads book a slot of 100 places whose test has 4: exactly 4 hold the test, the rest answer OPTION_FULL")
    void concurrentOptionBookings() throws Exception {
        Slot s = addSlot(spec(MIRIKA, FY2024_DAY, LocalTime.of(9, 0), 100).withOption(MAMMO, 4));
        List<Callable<ErrorCode>> tasks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Reservation r = withOptions(MemberId.of("race-" + i), s, MAMMO);
            tasks.add(() -> codeOf(() -> inUnitOfWork(() -> {
                storage.reservations().insert(r);
                return null;
            })));
        }
        List<ErrorCode> codes = concurrently(tasks);

        assertThat(codes.stream().filter(c -> c == null).count()).isEqualTo(4);
        assertThat(codes.stream().filter(c -> c != null)).containsOnly(ErrorCode.OPTION_FULL).hasSize(12);
        Slot after = slot(s);
        assertThat(reserved(after, MAMMO)).isEqualTo(4);
        assertThat(after.reserved()).isEqualTo(4);
        assertThat(storage.reservations().findLiveBySlot(s.id()))
                .allSatisfy(r -> assertThat(r.choice().options()).containsExactly(MAMMO)).hasSize(4);
    }
}
