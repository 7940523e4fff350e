package io.github.kenshinbooking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditEntry;
import io.github.kenshinbooking.audit.AuditQuery;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.policy.WaitingListPolicy;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationStatus;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.reservation.WaitingEntry;
import io.github.kenshinbooking.reservation.WaitingListRun;
import io.github.kenshinbooking.reservation.WaitingState;
import io.github.kenshinbooking.schedule.Slot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The waiting list's use cases (WAIT-1..WAIT-4) on the in-memory store, and the README's example. */
class WaitingListServiceTest {
    private static final LocalDate FY2024_DAY = LocalDate.of(2024, 5, 19);
    private final Fixtures f = new Fixtures();
    private final KenshinBooking engine = f.engine;

    private static WaitingState state(KenshinBooking engine, HouseholdSession s, MemberId m, Slot slot) throws Refusal {
        return engine.waitingList().history(s, m).stream().filter(e -> e.slot().equals(slot.id())).findFirst()
                .orElseThrow().state();
    }

    @Test
    @DisplayName("WAIT-1 WAIT-2 WAIT-3 the README's waiting-list example: join, a place frees up, accept, the history")
    void readme() throws Refusal {
        HouseholdSession session = f.activeSession();
        HouseholdSession other = f.otherSession();
        MemberId taro = Fixtures.TARO;
        Slot slot = f.slot(LocalDate.of(2024, 2, 18), LocalTime.of(9, 0), 1);
        Reservation theirs = engine.bookings().book(other, Fixtures.request(Fixtures.UME, slot));
        // --- README waiting list start
        WaitingEntry entry = engine.waitingList().join(session, BookingRequest.of(taro, slot.id(), "090-1234-5678", true));
        engine.bookings().cancel(other, theirs.id());       // a place frees up: held for taro, WAITING_OFFER mailed
        Reservation booked = engine.waitingList().accept(session, entry.id()); // or decline(session, entry.id())
        List<WaitingEntry> mine = engine.waitingList().history(session, taro); // WAITING, OFFERED, BOOKED, EXPIRED, LEFT
        engine.waitingList().expireAndOffer();  // from your scheduler, e.g. every few minutes: ends holds, makes offers
        // --- README waiting list end
        assertThat(entry.state()).isEqualTo(WaitingState.WAITING);
        assertThat(booked.slot()).isEqualTo(slot.id());
        assertThat(booked.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(mine).extracting(WaitingEntry::state).containsExactly(WaitingState.BOOKED);
        assertThat(mine.get(0).reservation()).contains(booked.id());
        assertThat(f.outboxCount(NotificationKind.WAITING_OFFER)).isEqualTo(1);
        assertThat(engine.calendar().remaining(slot.id())).isZero();
    }

    @Test
    @DisplayName("WAIT-3 the README shows exactly the code of the example")
    void readmeShowsThisCode() throws IOException {
        String own = Files.readString(Path.of("src/test/java/io/github/kenshinbooking/WaitingListServiceTest.java"),
                StandardCharsets.UTF_8);
        String start = "// --- README waiting list start\n";
        String block = own.substring(own.indexOf(start) + start.length(),
                own.indexOf("        // --- README waiting list end"));
        String expected = Arrays.stream(block.split("\n"))
                .map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .collect(Collectors.joining("\n"));
        assertThat(Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8)).contains(expected);
    }

    @Test
    @DisplayName("WAIT-4 a change into the fiscal year leaves its lists; the held place goes to the next entry")
    void changeLeaves() throws Refusal {
        HouseholdSession session = f.activeSession();
        HouseholdSession other = f.otherSession();
        Slot thisYear = f.slot(LocalDate.of(2024, 2, 18), LocalTime.of(9, 0), 5);
        Slot full = f.slot(FY2024_DAY, LocalTime.of(9, 0), 1);
        Slot open = f.slot(FY2024_DAY, LocalTime.of(10, 0), 3);
        Reservation umes = engine.bookings().book(other, Fixtures.request(Fixtures.UME, full));
        Reservation taros = engine.bookings().book(session, Fixtures.request(Fixtures.TARO, thisYear));
        engine.waitingList().join(session, Fixtures.request(Fixtures.TARO, full));
        engine.waitingList().join(session, Fixtures.request(Fixtures.HANAKO, full));
        engine.bookings().cancel(other, umes.id());
        assertThat(state(engine, session, Fixtures.TARO, full)).isEqualTo(WaitingState.OFFERED);

        engine.bookings().change(session, taros.id(), open.id(), null);

        assertThat(state(engine, session, Fixtures.TARO, full)).isEqualTo(WaitingState.LEFT);
        assertThat(state(engine, session, Fixtures.HANAKO, full)).isEqualTo(WaitingState.OFFERED);
        assertThat(engine.calendar().remaining(full.id())).isZero();
        assertThat(f.outboxCount(NotificationKind.WAITING_OFFER)).isEqualTo(2);
    }

    @Test
    @DisplayName("WAIT-3 another household's entry is NOT_FOUND; a cancelled event day cannot be accepted, and its places go back")
    void otherHouseholdAndCancelledDay() throws Refusal {
        HouseholdSession session = f.activeSession();
        HouseholdSession other = f.otherSession();
        Slot slot = f.slot(FY2024_DAY, LocalTime.of(9, 0), 1);
        WaitingEntry taro = offeredToTaro(session, other, slot).get(0);

        Refusal notFound = assertThrows(Refusal.class, () -> engine.waitingList().accept(other, taro.id()));
        assertThat(notFound.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(notFound.field()).contains(io.github.kenshinbooking.error.Refusal.FIELD_WAITING_ENTRY);

        engine.staff().cancelEventDay(new StaffId("clerk-1"), "台風", Fixtures.VENUE, FY2024_DAY);
        assertThat(assertThrows(Refusal.class, () -> engine.waitingList().accept(session, taro.id())).code())
                .isEqualTo(ErrorCode.EVENT_CANCELLED);

        f.clock.add(Duration.ofHours(24));
        WaitingListRun run = engine.waitingList().expireAndOffer();

        assertThat(run).isEqualTo(new WaitingListRun(2, 0, 1));
        assertThat(state(engine, session, Fixtures.TARO, slot)).isEqualTo(WaitingState.EXPIRED);
        assertThat(state(engine, session, Fixtures.HANAKO, slot)).isEqualTo(WaitingState.EXPIRED);
        assertThat(engine.storage().slots().find(slot.id()).orElseThrow().reserved()).isZero();
        assertThat(engine.storage().waitingList().pooledPlaces(slot.id())).isZero();
    }

    @Test
    @DisplayName("AUDIT-1 every waiting-list step appends one record: joined, offered by the job, declined, left")
    void audited() throws Refusal {
        HouseholdSession session = f.activeSession();
        HouseholdSession other = f.otherSession();
        Slot slot = f.slot(FY2024_DAY, LocalTime.of(9, 0), 1);
        List<WaitingEntry> joined = offeredToTaro(session, other, slot);
        WaitingEntry taro = joined.get(0);
        WaitingEntry hanako = joined.get(1);
        engine.waitingList().decline(session, taro.id());
        engine.waitingList().leave(session, Fixtures.HANAKO, slot.id());

        assertThat(trail(taro)).containsExactly("WAITING_JOINED WEB 1999999", "WAITING_OFFERED BATCH waiting-list",
                "WAITING_DECLINED WEB 1999999");
        assertThat(trail(hanako)).containsExactly("WAITING_JOINED WEB 1999999", "WAITING_OFFERED BATCH waiting-list",
                "WAITING_LEFT WEB 1999999");
        List<String> slotTrail = new ArrayList<>();
        engine.storage().audit().forEach(AuditQuery.period(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
                .byTarget(AuditTarget.slot(slot.id())), e -> slotTrail.add(e.record().action().name()));
        assertThat(slotTrail).containsExactly(AuditAction.SLOT_ADDED.name(), AuditAction.WAITING_PLACE_RELEASED.name());
        assertThat(engine.calendar().remaining(slot.id())).isEqualTo(1);
    }

    /** Ume books the slot's one place, taro and hanako join its list, ume cancels: the place is offered to taro. */
    private List<WaitingEntry> offeredToTaro(HouseholdSession session, HouseholdSession other, Slot slot)
            throws Refusal {
        Reservation umes = engine.bookings().book(other, Fixtures.request(Fixtures.UME, slot));
        WaitingEntry taro = engine.waitingList().join(session, Fixtures.request(Fixtures.TARO, slot));
        WaitingEntry hanako = engine.waitingList().join(session, Fixtures.request(Fixtures.HANAKO, slot));
        engine.bookings().cancel(other, umes.id());
        return List.of(taro, hanako);
    }

    private List<String> trail(WaitingEntry e) {
        List<String> out = new ArrayList<>();
        engine.storage().audit().forEach(AuditQuery.period(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
                .byTarget(AuditTarget.waitingEntry(e.id())), (AuditEntry a) -> out.add(a.record().action() + " "
                        + a.record().channel() + " " + a.record().actor().id()));
        return out;
    }

    @Test
    @DisplayName("WAIT-1 WAIT-2 the policy's numbers: at least one live entry, a positive hold and batch")
    void policy() {
        WaitingListPolicy p = WaitingListPolicy.defaults();
        assertThat(p.maxLiveEntries()).isEqualTo(3);
        assertThat(p.hold()).isEqualTo(Duration.ofHours(24));
        assertThat(WaitingListPolicy.builder().maxLiveEntries(1).hold(Duration.ofMinutes(30)).jobBatch(1).build())
                .isEqualTo(new WaitingListPolicy(1, Duration.ofMinutes(30), 1));
        assertThatThrownBy(() -> WaitingListPolicy.builder().maxLiveEntries(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxLiveEntries");
        assertThatThrownBy(() -> WaitingListPolicy.builder().hold(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hold");
        assertThatThrownBy(() -> WaitingListPolicy.builder().jobBatch(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jobBatch");
    }
}
