package io.github.kenshinbooking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditQuery;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.eligibility.CourseCatalog;
import io.github.kenshinbooking.eligibility.ExamOption;
import io.github.kenshinbooking.eligibility.ExclusiveGroup;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.WaitingEntry;
import io.github.kenshinbooking.reservation.WaitingListRun;
import io.github.kenshinbooking.reservation.WaitingState;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotOption;
import io.github.kenshinbooking.schedule.SlotSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * WAIT-1 "(or OPTION_FULL)": joining a waiting list for an optional test that is full, and offers that hold
 * and book the entry's tests (WAIT-2, WAIT-3 with OPT-1, OPT-2), on the in-memory store.
 */
class WaitingListOptionsTest {
    private static final LocalDate DAY = LocalDate.of(2024, 2, 18);
    private static final OptionId MAMMO = OptionId.of("mammo");
    private static final OptionId XRAY = OptionId.of("stomach-xray");
    private static final OptionId SCOPE = OptionId.of("stomach-scope");
    private static final ExclusiveGroup STOMACH = ExclusiveGroup.of("stomach");
    private static final CourseCatalog COURSES = CourseCatalog.builder()
            .option(ExamOption.of(MAMMO, "マンモグラフィ").forSex(Sex.F))
            .option(ExamOption.of(XRAY, "胃部X線").inGroup(STOMACH))
            .option(ExamOption.of(SCOPE, "胃内視鏡").inGroup(STOMACH))
            .build();

    private final Fixtures f = new Fixtures(COURSES);
    private final KenshinBooking engine = f.engine;
    private final HouseholdSession kenren = f.activeSession();
    private final HouseholdSession ume = f.otherSession();

    private Slot slot(LocalTime start, int capacity, int mammo) throws Refusal {
        return engine.schedule().addSlot(new SlotSpec(Fixtures.VENUE, "ヘルスポートクリニック", DAY, start,
                Duration.ofMinutes(30), capacity, f.instant(LocalDateTime.of(2023, 12, 1, 0, 0)))
                .withOption(MAMMO, mammo).withOption(XRAY, 5).withOption(SCOPE, 5));
    }

    private static BookingRequest request(MemberId member, Slot slot, OptionId... options) {
        return Fixtures.request(member, slot).withOptions(Set.of(options));
    }

    private Slot read(Slot s) {
        return engine.storage().slots().find(s.id()).orElseThrow();
    }

    private int mammoLeft(Slot s) {
        return read(s).option(MAMMO).map(SlotOption::remaining).orElseThrow();
    }

    private WaitingState state(HouseholdSession s, MemberId m, Slot slot) throws Refusal {
        return engine.waitingList().history(s, m).stream().filter(e -> e.slot().equals(slot.id())).findFirst()
                .orElseThrow().state();
    }

    /** The records' after-texts of one action on one target. */
    private List<String> audits(AuditTarget target, AuditAction action) {
        List<String> out = new ArrayList<>();
        engine.storage().audit().forEach(AuditQuery.period(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
                .byTarget(target), e -> {
                    if (e.record().action() == action) {
                        out.add(e.record().after());
                    }
                });
        return out;
    }

    private ErrorCode refusalOf(Executable call) {
        return assertThrows(Refusal.class, call::run).code();
    }

    @FunctionalInterface
    private interface Executable {
        void run() throws Refusal;
    }

    @Test
    @DisplayName("WAIT-1 a member refused only for OPTION_FULL joins with the test; the entry keeps it; a slot and test with room is booked instead")
    void joinForAFullTest() throws Refusal {
        Slot s = slot(LocalTime.of(9, 0), 10, 1);
        engine.bookings().book(ume, request(Fixtures.UME, s, MAMMO));
        assertThat(refusalOf(() -> engine.bookings().book(kenren, request(Fixtures.HANAKO, s, MAMMO))))
                .isEqualTo(ErrorCode.OPTION_FULL);

        WaitingEntry e = engine.waitingList().join(kenren, request(Fixtures.HANAKO, s, MAMMO));

        assertThat(e.state()).isEqualTo(WaitingState.WAITING);
        assertThat(e.choice().options()).containsExactly(MAMMO);
        // the slot has 9 places and 胃部X線 5: nothing to wait for
        Refusal bookIt = assertThrows(Refusal.class,
                () -> engine.waitingList().join(kenren, request(Fixtures.TARO, s, XRAY)));
        assertThat(bookIt.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(bookIt.field()).contains(Refusal.FIELD_SLOT);
        assertThat(engine.storage().waitingList().findByMember(Fixtures.TARO)).isEmpty();
        assertThat(engine.storage().waitingList().findWaiting(s.id())).containsExactly(e);
    }

    @Test
    @DisplayName("WAIT-1 OPT-1 every other rule must hold at joining: sex, exclusive group, a test the slot does not offer")
    void otherRulesAtJoining() throws Refusal {
        Slot s = slot(LocalTime.of(9, 0), 1, 1);
        engine.bookings().book(ume, request(Fixtures.UME, s, MAMMO));

        Refusal male = assertThrows(Refusal.class,
                () -> engine.waitingList().join(kenren, request(Fixtures.TARO, s, MAMMO)));
        assertThat(male.code()).isEqualTo(ErrorCode.OPTION_NOT_ELIGIBLE);
        assertThat(male.subject()).contains("mammo");
        assertThat(refusalOf(() -> engine.waitingList().join(kenren, request(Fixtures.HANAKO, s, XRAY, SCOPE))))
                .isEqualTo(ErrorCode.OPTION_NOT_ELIGIBLE);
        assertThat(refusalOf(() -> engine.waitingList().join(kenren, request(Fixtures.HANAKO, s,
                OptionId.of("colon"))))).isEqualTo(ErrorCode.OPTION_NOT_ELIGIBLE);
        assertThat(engine.storage().waitingList().findWaiting(s.id())).isEmpty();
        // the slot is full (SLOT_FULL comes before OPTION_FULL): she may wait with the test
        assertThat(engine.waitingList().join(kenren, request(Fixtures.HANAKO, s, MAMMO)).choice().options())
                .containsExactly(MAMMO);
    }

    @Test
    @DisplayName("WAIT-2 WAIT-3 a freed test place is held with a slot place for the entry waiting only for the test; accepting books both")
    void testFreedOfferedAndBooked() throws Refusal {
        Slot s = slot(LocalTime.of(9, 0), 10, 1);
        Reservation umes = engine.bookings().book(ume, request(Fixtures.UME, s, MAMMO));
        WaitingEntry e = engine.waitingList().join(kenren, request(Fixtures.HANAKO, s, MAMMO));

        engine.bookings().cancel(ume, umes.id());

        assertThat(state(kenren, Fixtures.HANAKO, s)).isEqualTo(WaitingState.OFFERED);
        assertThat(f.outboxCount(NotificationKind.WAITING_OFFER)).isEqualTo(1);
        // held places count as taken: the test's one place and one of the slot's 10
        assertThat(mammoLeft(s)).isZero();
        assertThat(read(s).remaining()).isEqualTo(9);
        assertThat(refusalOf(() -> engine.bookings().book(ume, request(Fixtures.UME, s, MAMMO))))
                .isEqualTo(ErrorCode.OPTION_FULL);

        Reservation booked = engine.waitingList().accept(kenren, e.id());

        assertThat(booked.choice().options()).containsExactly(MAMMO);
        assertThat(booked.member()).isEqualTo(Fixtures.HANAKO);
        assertThat(read(s).reserved()).isEqualTo(1);
        assertThat(read(s).option(MAMMO).orElseThrow().reserved()).isEqualTo(1);
        assertThat(engine.storage().waitingList().pooledPlaces(s.id())).isZero();
        assertThat(engine.storage().waitingList().pooledOptionPlaces(s.id())).isEmpty();
    }

    @Test
    @DisplayName("WAIT-2 OPT-3 a test dropped by a change within the slot is offered to the entry waiting for it")
    void droppedTestOffered() throws Refusal {
        Slot s = slot(LocalTime.of(9, 0), 10, 1);
        Reservation umes = engine.bookings().book(ume, request(Fixtures.UME, s, MAMMO));
        engine.waitingList().join(kenren, request(Fixtures.HANAKO, s, MAMMO));

        engine.bookings().change(ume, umes.id(), s.id(), null, Set.of());

        assertThat(state(kenren, Fixtures.HANAKO, s)).isEqualTo(WaitingState.OFFERED);
        assertThat(mammoLeft(s)).isZero();
        assertThat(read(s).reserved()).as("ume's place and hanako's held one").isEqualTo(2);
        assertThat(audits(AuditTarget.waitingEntry(engine.waitingList().history(kenren, Fixtures.HANAKO).get(0).id()),
                AuditAction.WAITING_OFFERED)).singleElement().satisfies(after -> assertThat(after)
                        .contains("options=mammo"));
    }

    @Test
    @DisplayName("WAIT-2 a freed slot place goes to the first entry that can use it: an entry still short of its test keeps waiting")
    void entryShortOfItsTestSkipped() throws Refusal {
        Slot s = slot(LocalTime.of(9, 0), 1, 0); // マンモグラフィ listed without places: always full
        Reservation umes = engine.bookings().book(ume, request(Fixtures.UME, s));
        engine.waitingList().join(kenren, request(Fixtures.HANAKO, s, MAMMO)); // first, for the slot and the test
        engine.waitingList().join(kenren, request(Fixtures.TARO, s)); // second, for the slot only

        engine.bookings().cancel(ume, umes.id());

        assertThat(state(kenren, Fixtures.HANAKO, s)).isEqualTo(WaitingState.WAITING);
        assertThat(state(kenren, Fixtures.TARO, s)).isEqualTo(WaitingState.OFFERED);
        assertThat(read(s).remaining()).isZero();
        assertThat(mammoLeft(s)).isZero();
    }

    @Test
    @DisplayName("WAIT-3 a declined offer gives back its slot and test places: the next entry gets the slot's, the test's nobody can use goes back to free")
    void declinedPlacesPassedOn() throws Refusal {
        Slot s = slot(LocalTime.of(9, 0), 1, 1);
        Reservation umes = engine.bookings().book(ume, request(Fixtures.UME, s, MAMMO));
        WaitingEntry hanako = engine.waitingList().join(kenren, request(Fixtures.HANAKO, s, MAMMO));
        engine.waitingList().join(kenren, request(Fixtures.TARO, s));
        engine.bookings().cancel(ume, umes.id());
        assertThat(state(kenren, Fixtures.HANAKO, s)).isEqualTo(WaitingState.OFFERED);
        assertThat(read(s).remaining()).isZero();
        assertThat(mammoLeft(s)).isZero();

        engine.waitingList().decline(kenren, hanako.id());

        assertThat(state(kenren, Fixtures.TARO, s)).isEqualTo(WaitingState.OFFERED);
        assertThat(read(s).remaining()).isZero();
        assertThat(mammoLeft(s)).isEqualTo(1);
        assertThat(engine.storage().waitingList().pooledOptionPlaces(s.id())).isEmpty();
        assertThat(audits(AuditTarget.slot(s.id()), AuditAction.WAITING_PLACE_RELEASED))
                .containsExactly("released=1 option=mammo");
    }

    @Test
    @DisplayName("WAIT-3 an expired offer's places go back to the pools; with nobody left who can use them, the job frees them")
    void expiredOfferFreed() throws Refusal {
        Slot s = slot(LocalTime.of(9, 0), 10, 1);
        Reservation umes = engine.bookings().book(ume, request(Fixtures.UME, s, MAMMO));
        engine.waitingList().join(kenren, request(Fixtures.HANAKO, s, MAMMO));
        engine.bookings().cancel(ume, umes.id());
        assertThat(read(s).reserved()).isEqualTo(1);

        f.clock.add(Duration.ofHours(24));
        WaitingListRun run = engine.waitingList().expireAndOffer();

        assertThat(run).isEqualTo(new WaitingListRun(1, 0, 2));
        assertThat(state(kenren, Fixtures.HANAKO, s)).isEqualTo(WaitingState.EXPIRED);
        assertThat(read(s).reserved()).isZero();
        assertThat(mammoLeft(s)).isEqualTo(1);
        assertThat(engine.storage().waitingList().pooledPlaces(s.id())).isZero();
        assertThat(engine.storage().waitingList().pooledOptionPlaces(s.id())).isEqualTo(Map.of());
    }

    @Test
    @DisplayName("WAIT-2 a freed slot place nobody waiting can use (they wait for a full test) is not held: it stays free to book")
    void unusablePlaceStaysFree() throws Refusal {
        Slot s = slot(LocalTime.of(9, 0), 10, 1);
        engine.bookings().book(ume, request(Fixtures.UME, s, MAMMO));
        engine.waitingList().join(kenren, request(Fixtures.HANAKO, s, MAMMO));
        Reservation taros = engine.bookings().book(kenren, request(Fixtures.TARO, s));

        engine.bookings().cancel(kenren, taros.id());

        assertThat(state(kenren, Fixtures.HANAKO, s)).isEqualTo(WaitingState.WAITING);
        assertThat(read(s).remaining()).isEqualTo(9);
        assertThat(engine.storage().waitingList().pooledPlaces(s.id())).isZero();
        assertThat(audits(AuditTarget.slot(s.id()), AuditAction.WAITING_PLACE_RELEASED)).isEmpty();
        assertThat(f.outboxCount(NotificationKind.WAITING_OFFER)).isZero();
    }
}
