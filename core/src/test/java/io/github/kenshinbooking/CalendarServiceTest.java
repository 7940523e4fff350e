package io.github.kenshinbooking;

import io.github.kenshinbooking.schedule.CalendarDay;
import io.github.kenshinbooking.schedule.DeadlineKind;
import io.github.kenshinbooking.schedule.Mark;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotAvailability;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.SlotStatus;
import io.github.kenshinbooking.schedule.Venue;
import static io.github.kenshinbooking.Fixtures.HANAKO;
import static io.github.kenshinbooking.Fixtures.JIRO;
import static io.github.kenshinbooking.Fixtures.TARO;
import static io.github.kenshinbooking.Fixtures.UME;
import static io.github.kenshinbooking.Fixtures.VENUE;
import static io.github.kenshinbooking.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CalendarServiceTest {
    private Fixtures f;
    private CalendarService calendar;
    private HouseholdSession session;
    private Slot feb11;
    private Slot feb18;
    private Slot feb18b;
    private Slot feb25;

    @BeforeEach
    void setUp() {
        f = new Fixtures();
        calendar = f.engine.calendar();
        feb11 = f.slot(LocalDate.of(2024, 2, 11), LocalTime.of(9, 0), 1);
        feb18 = f.slot(LocalDate.of(2024, 2, 18), LocalTime.of(9, 0), 10);
        feb18b = f.slot(LocalDate.of(2024, 2, 18), LocalTime.of(9, 30), 4);
        try {
            feb25 = f.engine.schedule().addSlot(new SlotSpec(VENUE, "ヘルスポートクリニック", LocalDate.of(2024, 2, 25),
                    LocalTime.of(9, 0), Duration.ofMinutes(30), 10,
                    LocalDateTime.of(2024, 2, 1, 0, 0).atZone(f.policy.zone()).toInstant()));
        } catch (Refusal e) {
            throw new AssertionError(e);
        }
        session = f.activeSession();
    }

    private Map<LocalDate, SlotStatus> month(io.github.kenshinbooking.household.MemberId m) throws Refusal {
        return calendar.month(session, m, YearMonth.of(2024, 2), Optional.of(VENUE)).stream()
                .collect(Collectors.toMap(CalendarDay::date, CalendarDay::status));
    }

    @Test
    @DisplayName("SLOT-4 status order: RESERVED, OUTSIDE_RECEPTION, FULL, AVAILABLE with remaining")
    void statusOrder() throws Refusal {
        f.engine.bookings().book(session, request(HANAKO, feb11));
        assertThat(calendar.availability(session, HANAKO, feb11.id()).status()).isEqualTo(SlotStatus.RESERVED);
        assertThat(calendar.availability(session, TARO, feb11.id()).status()).isEqualTo(SlotStatus.FULL);
        assertThat(calendar.availability(session, TARO, feb25.id()).status()).isEqualTo(SlotStatus.OUTSIDE_RECEPTION);
        SlotAvailability a = calendar.availability(session, TARO, feb18.id());
        assertThat(a.status()).isEqualTo(SlotStatus.AVAILABLE);
        assertThat(a.remaining()).isEqualTo(10);
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 24, 0, 0)));
        assertThat(calendar.availability(session, HANAKO, feb11.id()).status()).isEqualTo(SlotStatus.RESERVED);
        assertThat(calendar.availability(session, TARO, feb11.id()).status()).isEqualTo(SlotStatus.OUTSIDE_RECEPTION);
    }

    @Test
    @DisplayName("SLOT-4 marks: ○ available, △ at or below the threshold, × full")
    void marks() throws Refusal {
        assertThat(calendar.mark(feb18.id())).isEqualTo(Mark.AVAILABLE);
        assertThat(calendar.mark(feb18.id()).symbol()).isEqualTo("○");
        assertThat(calendar.mark(feb18b.id())).isEqualTo(Mark.AVAILABLE);
        f.engine.bookings().book(session, request(TARO, feb18b));
        assertThat(calendar.mark(feb18b.id()).symbol()).isEqualTo("△");
        f.engine.bookings().book(session, request(HANAKO, feb11));
        assertThat(calendar.mark(feb11.id()).symbol()).isEqualTo("×");
        assertThat(Mark.of(4, 3)).isEqualTo(Mark.AVAILABLE);
        assertThat(Mark.of(3, 3)).isEqualTo(Mark.FEW_LEFT);
        assertThat(Mark.of(1, 3)).isEqualTo(Mark.FEW_LEFT);
        assertThat(Mark.of(0, 3)).isEqualTo(Mark.FULL);
    }

    @Test
    @DisplayName("SLOT-5 the month view aggregates each day and shows its booking deadline")
    void monthView() throws Refusal {
        f.engine.bookings().book(session, request(HANAKO, feb11));
        assertThat(month(TARO)).containsExactlyInAnyOrderEntriesOf(Map.of(
                LocalDate.of(2024, 2, 11), SlotStatus.FULL,
                LocalDate.of(2024, 2, 18), SlotStatus.AVAILABLE,
                LocalDate.of(2024, 2, 25), SlotStatus.OUTSIDE_RECEPTION));
        assertThat(month(HANAKO)).containsEntry(LocalDate.of(2024, 2, 11), SlotStatus.RESERVED);
        List<CalendarDay> days = calendar.month(session, TARO, YearMonth.of(2024, 2), Optional.empty());
        CalendarDay d18 = days.stream().filter(d -> d.date().equals(LocalDate.of(2024, 2, 18))).findFirst().orElseThrow();
        assertThat(d18.bookingDeadline()).isEqualTo(LocalDateTime.of(2024, 2, 5, 0, 0));
        assertThat(d18.slots()).extracting(s -> s.slot().start()).containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 30));
        assertThat(calendar.month(session, TARO, YearMonth.of(2024, 3), Optional.of(VENUE))).isEmpty();
    }

    @Test
    @DisplayName("SLOT-5 the list view covers all venues or one, ordered by date and start")
    void listView() throws Refusal {
        Venue other = Venue.of("大阪府建設会館");
        f.engine.schedule().addSlot(new SlotSpec(other, "ヘルスポートクリニック", LocalDate.of(2024, 2, 18),
                LocalTime.of(8, 30), Duration.ofMinutes(30), 5, feb18.receptionOpens()));
        List<SlotAvailability> all = calendar.list(session, TARO, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1),
                Optional.empty());
        assertThat(all).hasSize(5);
        assertThat(all).extracting(a -> a.slot().date()).isSorted();
        assertThat(calendar.list(session, TARO, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1), Optional.of(other)))
                .hasSize(1);
        assertThatThrownBy(() -> calendar.list(session, TARO, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 2, 1),
                Optional.empty())).isInstanceOf(Refusal.class);
    }

    @Test
    @DisplayName("SLOT-6 a cancelled day shows OUTSIDE_RECEPTION")
    void cancelledDay() throws Refusal {
        f.engine.staff().cancelEventDay(VENUE, LocalDate.of(2024, 2, 18));
        assertThat(month(TARO)).containsEntry(LocalDate.of(2024, 2, 18), SlotStatus.OUTSIDE_RECEPTION);
    }

    @Test
    @DisplayName("ELIG-4 HIST-2 a member outside the age range sees the calendar; another household's member is FORBIDDEN")
    void whoMayLook() throws Refusal {
        assertThat(month(JIRO)).containsEntry(LocalDate.of(2024, 2, 18), SlotStatus.AVAILABLE);
        assertThatThrownBy(() -> month(UME)).isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).code()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    @DisplayName("SLOT-2 CHG-1 CNL-1 deadlines of a slot, 13/13/2 days before at 00:00")
    void deadlines() throws Refusal {
        assertThat(calendar.deadline(feb18.id(), DeadlineKind.BOOKING)).isEqualTo(LocalDateTime.of(2024, 2, 5, 0, 0));
        assertThat(calendar.deadline(feb18.id(), DeadlineKind.CHANGE)).isEqualTo(LocalDateTime.of(2024, 2, 5, 0, 0));
        assertThat(calendar.deadline(feb18.id(), DeadlineKind.CANCEL)).isEqualTo(LocalDateTime.of(2024, 2, 16, 0, 0));
        assertThatThrownBy(() -> calendar.deadline(SlotId.of(999), DeadlineKind.CANCEL)).isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    @DisplayName("SLOT-1 a slot is venue + institution + date + start + duration + capacity, starting empty")
    void slotShape() throws Refusal {
        Slot s = f.engine.storage().slots().find(feb18.id()).orElseThrow();
        assertThat(s.venue()).isEqualTo(VENUE);
        assertThat(s.institution()).isEqualTo("ヘルスポートクリニック");
        assertThat(s.startDateTime()).isEqualTo(LocalDateTime.of(2024, 2, 18, 9, 0));
        assertThat(s.duration()).isEqualTo(f.policy.slots().defaultDuration());
        assertThat(s.capacity()).isEqualTo(10);
        assertThat(s.remaining()).isEqualTo(10);
        assertThat(s.fiscalYear().startYear()).isEqualTo(2023);
        assertThatThrownBy(() -> new SlotSpec(VENUE, "x", LocalDate.of(2024, 2, 18), LocalTime.NOON, Duration.ZERO, 1,
                s.receptionOpens())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.engine.schedule().addSlot(null)).isInstanceOf(Refusal.class);
    }
}
