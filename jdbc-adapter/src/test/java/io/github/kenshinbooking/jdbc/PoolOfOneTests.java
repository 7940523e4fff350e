package io.github.kenshinbooking.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.notification.OutboxEntry;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.HistoryFilter;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.schedule.Slot;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * SES-4: every use case on a pool of one connection, with a directory that takes its own connection
 * from that pool. Any use case that asked for a second connection while holding one would wait for
 * the pool's short timeout and fail. One subclass per database.
 */
abstract class PoolOfOneTests {
    /** Short, so a nested connection request fails the test quickly instead of hanging it. */
    static final long CONNECTION_TIMEOUT_MILLIS = 2_000;

    abstract TestDatabase database();

    @Test
    @DisplayName("SES-4 a pool of 1 and a directory on its own connection serve every use case")
    void everyUseCaseOnOneConnection() throws Refusal {
        database().reset(false);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database().dataSource().getJdbcUrl());
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        try (HikariDataSource one = new HikariDataSource(config)) {
            everyUseCase(one);
        }
    }

    private void everyUseCase(HikariDataSource one) throws Refusal {
        JdbcStorage storage = JdbcStorage.create(one);
        JdbcHouseholdDirectory records = JdbcHouseholdDirectory.of(storage);
        MutableClock clock = MutableClock.of(Union.NOW, Union.TOKYO);
        KenshinBooking engine = Union.engine(storage, new OwnConnectionDirectory(one, records),
                clock);
        Household h = Union.household("1234567", LocalDate.of(1970, 5, 5), LocalDate.of(1971, 6, 6),
                LocalDate.of(1972, 7, 7));
        records.put(h);
        Member rep = h.representative();
        Slot first = Union.addSlot(engine, Union.MIRIKA, Union.EXAM_DAY, LocalTime.of(9, 0), 5);
        Slot second = Union.addSlot(engine, Union.MIRIKA, Union.EXAM_DAY, LocalTime.of(10, 0), 5);
        Slot other = Union.addSlot(engine, Union.MIRIKA, Union.EXAM_DAY.plusDays(1), LocalTime.of(9, 0), 5);

        // login, first-login password change, e-mail (AUTH-1..AUTH-5)
        String initial = "kenren" + rep.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE);
        String symbol = h.symbolNumber().value();
        String kana = rep.kana().value();
        assertThat(engine.logins().login(symbol, kana, initial).firstLogin()).isTrue();
        HouseholdSession session = engine.logins().login(symbol, kana, initial).session();
        engine.passwords().changePassword(session, rep.id(), initial, Union.PASSWORD, Union.PASSWORD);
        engine.emails().setEmail(session, rep.id(), "a@example.jp", "a@example.jp");
        assertThat(engine.logins().login(symbol, kana, Union.PASSWORD).firstLogin()).isFalse();

        // reset request and redemption (RESET-1, RESET-2)
        engine.resets().requestReset("a@example.jp");
        String token = storage.outbox().pending().stream().map(OutboxEntry::notification)
                .filter(n -> n.kind() == NotificationKind.PASSWORD_RESET)
                .map(n -> n.get(NotificationData.RESET_TOKEN).orElseThrow()).reduce((a, b) -> b).orElseThrow();
        engine.resets().resetPassword(token, symbol, kana, "sakura2025", "sakura2025");
        session = engine.logins().login(symbol, kana, "sakura2025").session();

        // calendar, confirm, book, change, details, history, cancel
        MemberId m0 = Union.member(h, 0);
        MemberId m1 = Union.member(h, 1);
        MemberId m2 = Union.member(h, 2);
        assertThat(engine.calendar().month(session, m0, YearMonth.from(Union.EXAM_DAY), Optional.empty())).isNotEmpty();
        assertThat(engine.calendar().list(session, m0, Union.EXAM_DAY, Union.EXAM_DAY.plusDays(2), Optional.empty()))
                .extracting(a -> a.slot().id()).containsExactly(first.id(), second.id(), other.id());
        assertThat(engine.calendar().list(session, m0, Union.EXAM_DAY, Union.EXAM_DAY, Optional.empty()))
                .as("from == to is an empty half-open range").isEmpty();
        assertThat(engine.calendar().availability(session, m0, first.id()).remaining()).isEqualTo(5);
        assertThat(engine.calendar().remaining(first.id())).isEqualTo(5);
        BookingRequest request = BookingRequest.of(m0, first.id(), Union.PHONE, true);
        assertThat(engine.bookings().confirm(session, request).member().id()).isEqualTo(m0);
        Reservation r = engine.bookings().book(session, request);
        assertThat(engine.bookings().change(session, r.id(), second.id(), null).slot()).isEqualTo(second.id());
        assertThat(engine.bookings().details(session, r.id()).memberName()).isEqualTo(rep.name());
        assertThat(engine.bookings().history(session, m0, HistoryFilter.all())).hasSize(1);
        assertThat(engine.bookings().cancel(session, r.id()).live()).isFalse();

        // staff change and cancel (CNL-2), event-day cancellation (SLOT-6)
        StaffId staff = StaffId.parse("staff-1");
        Reservation s = engine.bookings().book(session, BookingRequest.of(m1, first.id(), Union.PHONE, true));
        assertThat(engine.staff().change(staff, "電話で依頼", s.id(), second.id(), null).slot()).isEqualTo(second.id());
        assertThat(engine.staff().cancel(staff, "電話で依頼", s.id()).live()).isFalse();
        engine.bookings().book(session, BookingRequest.of(m2, other.id(), Union.PHONE, true));
        assertThat(engine.staff().cancelEventDay(Union.MIRIKA, other.date())).hasSize(1);

        // the reminder job (MAIL-3) and the relay's claim of the outbox (MAIL-2)
        engine.bookings().book(session, BookingRequest.of(m0, first.id(), Union.PHONE, true));
        clock.setInstant(Union.EXAM_DAY.minusDays(engine.policy().mail().reminderDaysBefore())
                .atTime(8, 0).atZone(Union.TOKYO).toInstant());
        assertThat(engine.reminders().run()).isEqualTo(1);
        assertThat(storage.outbox().claimDue(clock.instant(), 100, Duration.ofMinutes(1)))
                .extracting(e -> e.notification().kind())
                .contains(NotificationKind.BOOKED, NotificationKind.CHANGED, NotificationKind.CANCELLED,
                        NotificationKind.EVENT_CANCELLED, NotificationKind.REMINDER);
        assertThat(one.getHikariPoolMXBean().getActiveConnections()).isZero();
    }
}
