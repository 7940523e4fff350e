package io.github.kenshinbooking;

import static io.github.kenshinbooking.Fixtures.TARO;
import static io.github.kenshinbooking.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.kenshinbooking.error.AgeLimit;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.reservation.HistoryEntry;
import io.github.kenshinbooking.reservation.HistoryFilter;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationDetails;
import io.github.kenshinbooking.reservation.ReservationStatus;
import io.github.kenshinbooking.schedule.Slot;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Edges of change, history and details that the examples of BookingServiceTest leave open. */
class BookingEdgesTest {
    private Fixtures f;
    private HouseholdSession s;

    @BeforeEach
    void setUp() {
        f = new Fixtures();
        s = f.activeSession();
    }

    @Test
    @DisplayName("CHG-1 ELIG-2 ORDER-1 a change judges eligibility on the new slot's date: Taro is 75 on 2035-02-10")
    void eligibilityOnChange() throws Refusal {
        Slot now = f.slot(LocalDate.of(2024, 2, 18), LocalTime.of(9, 0), 5);
        Slot at75 = f.slot(LocalDate.of(2035, 2, 10), LocalTime.of(9, 0), 5);
        Slot dayBefore75 = f.slot(LocalDate.of(2035, 2, 9), LocalTime.of(9, 0), 5);
        Reservation r = f.engine.bookings().book(s, request(TARO, now));
        Refusal refusal = catchThrowableOfType(Refusal.class,
                () -> f.engine.bookings().change(s, r.id(), at75.id(), null));
        assertThat(refusal.code()).isEqualTo(ErrorCode.NOT_ELIGIBLE_AGE);
        assertThat(refusal.ageLimit()).contains(AgeLimit.TOO_OLD);
        assertThat(f.engine.calendar().remaining(now.id())).isEqualTo(4);
        Reservation moved = f.engine.bookings().change(s, r.id(), dayBefore75.id(), null);
        assertThat(moved.slot()).isEqualTo(dayBefore75.id());
        assertThat(f.engine.calendar().remaining(now.id())).isEqualTo(5);
    }

    @Test
    @DisplayName("HIST-1 latest exam first; a cancelled and rebooked slot lists the newer reservation first")
    void historyOrder() throws Refusal {
        Slot feb = f.slot(LocalDate.of(2024, 2, 18), LocalTime.of(9, 0), 5);
        Slot june = f.slot(LocalDate.of(2024, 6, 2), LocalTime.of(10, 0), 5);
        Reservation first = f.engine.bookings().book(s, request(TARO, feb));
        f.engine.bookings().cancel(s, first.id());
        Reservation again = f.engine.bookings().book(s, request(TARO, feb));
        Reservation next = f.engine.bookings().book(s, request(TARO, june));
        List<HistoryEntry> history = f.engine.bookings().history(s, TARO, HistoryFilter.all());
        assertThat(history).extracting(HistoryEntry::id).containsExactly(next.id(), again.id(), first.id());
        assertThat(history.get(2).reservation().status()).isEqualTo(ReservationStatus.CANCELLED);
    }

    @Test
    @DisplayName("HIST-1 CHG-1 CNL-1 the details of a cancelled booking allow neither change nor cancel")
    void detailsOfCancelled() throws Refusal {
        Slot feb = f.slot(LocalDate.of(2024, 2, 18), LocalTime.of(9, 0), 5);
        Reservation r = f.engine.bookings().book(s, request(TARO, feb));
        ReservationDetails live = f.engine.bookings().details(s, r.id());
        assertThat(live.changeable()).isTrue();
        assertThat(live.cancellable()).isTrue();
        f.engine.bookings().cancel(s, r.id());
        ReservationDetails cancelled = f.engine.bookings().details(s, r.id());
        assertThat(cancelled.reservation().status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(cancelled.changeable()).isFalse();
        assertThat(cancelled.cancellable()).isFalse();
        assertThat(cancelled.memberName()).isEqualTo("建設 太郎");
    }
}
