package io.github.kenshinbooking;

import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.notification.OutboxEntry;
import static io.github.kenshinbooking.Fixtures.HANAKO;
import static io.github.kenshinbooking.Fixtures.TARO;
import static io.github.kenshinbooking.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.schedule.Slot;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReminderJobTest {
    @Test
    @DisplayName("MAIL-3 one reminder per live reservation, only from runs on the day before; cancelled ones none")
    void reminders() throws Refusal {
        Fixtures f = new Fixtures();
        Slot feb18 = f.slot(LocalDate.of(2024, 2, 18), LocalTime.of(9, 0), 10);
        HouseholdSession s = f.activeSession();
        Reservation taro = f.engine.bookings().book(s, request(TARO, feb18));
        Reservation hanako = f.engine.bookings().book(s, request(HANAKO, feb18));
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 15, 12, 0)));
        f.engine.bookings().cancel(s, hanako.id());
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 16, 23, 59)));
        assertThat(f.engine.reminders().run()).isZero();
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 17, 0, 0)));
        assertThat(f.engine.reminders().run()).isEqualTo(1);
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 17, 23, 59, 59)));
        assertThat(f.engine.reminders().run()).isZero();
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 18, 8, 0)));
        assertThat(f.engine.reminders().run()).isZero();
        assertThat(f.storage.outbox().pending().stream().map(OutboxEntry::notification)
                .filter(n -> n.kind() == NotificationKind.REMINDER)
                .map(n -> n.get(NotificationData.RESERVATION_ID).orElseThrow()))
                .containsExactly(taro.id().toString());
    }

    /** The reminders waiting in the outbox, as "reservation id@start time". */
    private static java.util.List<String> pendingReminders(Fixtures f) {
        return f.storage.outbox().pending().stream().map(OutboxEntry::notification)
                .filter(n -> n.kind() == NotificationKind.REMINDER)
                .map(n -> n.get(NotificationData.RESERVATION_ID).orElseThrow() + "@"
                        + n.get(NotificationData.START_TIME).orElseThrow())
                .toList();
    }

    private static long pending(Fixtures f, NotificationKind kind) {
        return f.storage.outbox().pending().stream().filter(e -> e.notification().kind() == kind).count();
    }

    @Test
    @DisplayName("MAIL-3 a reminder recorded but not yet sent is withdrawn when staff cancel the reservation (CNL-2)")
    void staffCancelWithdrawsReminder() throws Refusal {
        Fixtures f = new Fixtures();
        Slot feb18 = f.slot(LocalDate.of(2024, 2, 18), LocalTime.of(9, 0), 10);
        HouseholdSession s = f.activeSession();
        Reservation taro = f.engine.bookings().book(s, request(TARO, feb18));
        Reservation hanako = f.engine.bookings().book(s, request(HANAKO, feb18));
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 17, 9, 0)));
        assertThat(f.engine.reminders().run()).isEqualTo(2);

        f.engine.staff().cancel(new StaffId("staff-1"), "入院のため", hanako.id());

        assertThat(pendingReminders(f)).containsExactly(taro.id() + "@09:00");
        assertThat(pending(f, NotificationKind.CANCELLED)).isEqualTo(1);
        assertThat(f.engine.reminders().run()).as("a cancelled reservation gets no reminder later").isZero();
    }

    @Test
    @DisplayName("MAIL-3 staff moving a reservation withdraw the old slot's reminder; the new slot gets its own")
    void staffChangeReplacesReminder() throws Refusal {
        Fixtures f = new Fixtures();
        Slot feb18 = f.slot(LocalDate.of(2024, 2, 18), LocalTime.of(9, 0), 10);
        Slot mar10 = f.slot(LocalDate.of(2024, 3, 10), LocalTime.of(10, 0), 10);
        HouseholdSession s = f.activeSession();
        Reservation taro = f.engine.bookings().book(s, request(TARO, feb18));
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 17, 9, 0)));
        assertThat(f.engine.reminders().run()).isEqualTo(1);
        assertThat(pendingReminders(f)).containsExactly(taro.id() + "@09:00");

        f.engine.staff().change(new StaffId("staff-1"), "日程変更", taro.id(), mar10.id(), null);

        assertThat(pendingReminders(f)).isEmpty();
        assertThat(f.engine.reminders().run()).isZero();
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 3, 9, 9, 0)));
        assertThat(f.engine.reminders().run()).isEqualTo(1);
        assertThat(pendingReminders(f)).containsExactly(taro.id() + "@10:00");
    }

    @Test
    @DisplayName("MAIL-3 SLOT-6 an event-day cancellation withdraws the day's unsent reminders")
    void eventCancelWithdrawsReminders() throws Refusal {
        Fixtures f = new Fixtures();
        Slot feb18 = f.slot(LocalDate.of(2024, 2, 18), LocalTime.of(9, 0), 10);
        HouseholdSession s = f.activeSession();
        f.engine.bookings().book(s, request(TARO, feb18));
        f.engine.bookings().book(s, request(HANAKO, feb18));
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 17, 9, 0)));
        assertThat(f.engine.reminders().run()).isEqualTo(2);

        f.engine.staff().cancelEventDay(Fixtures.VENUE, LocalDate.of(2024, 2, 18));

        assertThat(pendingReminders(f)).isEmpty();
        assertThat(pending(f, NotificationKind.EVENT_CANCELLED)).isEqualTo(2);
    }

    @Test
    @DisplayName("MAIL-2 notification data survives the stable text encoding")
    void encoding() {
        java.util.Map<String, String> data = java.util.Map.of("a", "x=y%z", "venue", "ミリカローデン\n那珂川", "e", "");
        assertThat(NotificationData.decode(NotificationData.encode(data))).isEqualTo(data);
    }
}
