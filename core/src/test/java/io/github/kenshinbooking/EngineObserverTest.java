package io.github.kenshinbooking;

import static io.github.kenshinbooking.Fixtures.HANAKO;
import static io.github.kenshinbooking.Fixtures.SYMBOL;
import static io.github.kenshinbooking.Fixtures.TARO;
import static io.github.kenshinbooking.Fixtures.TARO_KANA;
import static io.github.kenshinbooking.Fixtures.UME;
import static io.github.kenshinbooking.Fixtures.VENUE;
import static io.github.kenshinbooking.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.observation.EngineObserver;
import io.github.kenshinbooking.observation.Operation;
import io.github.kenshinbooking.policy.UnionPolicy;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.schedule.Slot;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The engine tells its observer each use case's outcome: successes after the commit, refusals with their code. */
class EngineObserverTest {
    /** Every call as "OPERATION" or "OPERATION:CODE", in order. */
    private static final class Recorder implements EngineObserver {
        final List<String> heard = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void succeeded(Operation operation) {
            heard.add(operation.name());
        }

        @Override
        public void refused(Operation operation, ErrorCode code) {
            heard.add(operation + ":" + code);
        }
    }

    private final Recorder recorder = new Recorder();
    private final Fixtures f = new Fixtures(UnionPolicy.defaults(), recorder);
    private final Slot feb18 = f.slot(LocalDate.of(2024, 2, 18), LocalTime.of(9, 0), 10);
    private final Slot feb18b = f.slot(LocalDate.of(2024, 2, 18), LocalTime.of(9, 30), 1);
    private final Slot feb25 = f.slot(LocalDate.of(2024, 2, 25), LocalTime.of(9, 0), 10);

    @Test
    @DisplayName("logins: a success, a wrong password and a malformed symbol number, each with its outcome")
    void logins() {
        HouseholdSession session = f.activeSession(); // one login
        assertThat(session).isNotNull();
        catchThrowableOfType(Refusal.class, () -> f.engine.logins().login(SYMBOL.value(), TARO_KANA, "wrong-pass"));
        catchThrowableOfType(Refusal.class, () -> f.engine.logins().login("12x", TARO_KANA, "whatever1"));
        catchThrowableOfType(Refusal.class, () -> f.engine.logins().login(SYMBOL.value(), TARO_KANA, "whatever1", " "));
        assertThat(recorder.heard).containsExactly("LOGIN", "LOGIN:INVALID_CREDENTIALS", "LOGIN:INVALID_INPUT",
                "LOGIN:INVALID_INPUT");
    }

    @Test
    @DisplayName("book, change and cancel by the household; a repeated idempotency key is no second booking")
    void householdActions() throws Refusal {
        HouseholdSession session = f.activeSession();
        recorder.heard.clear();
        BookingRequest keyed = request(TARO, feb18).withIdempotencyKey("k-0001-abcdef");
        Reservation r = f.engine.bookings().book(session, keyed);
        assertThat(f.engine.bookings().book(session, keyed).id()).isEqualTo(r.id());
        f.engine.bookings().change(session, r.id(), feb25.id(), null);
        f.engine.bookings().cancel(session, r.id());
        assertThat(recorder.heard).containsExactly("BOOK", "CHANGE", "CANCEL");
    }

    @Test
    @DisplayName("refusals of book, change and cancel carry their code; nothing is heard as a success")
    void refusals() throws Refusal {
        HouseholdSession session = f.activeSession();
        HouseholdSession other = f.otherSession();
        recorder.heard.clear();
        f.engine.bookings().book(other, request(UME, feb18b));
        Refusal full = catchThrowableOfType(Refusal.class, () -> f.engine.bookings().book(session, request(HANAKO, feb18b)));
        assertThat(full.code()).isEqualTo(ErrorCode.SLOT_FULL);
        Reservation r = f.engine.bookings().book(session, request(TARO, feb18));
        f.engine.bookings().cancel(session, r.id());
        catchThrowableOfType(Refusal.class, () -> f.engine.bookings().change(session, r.id(), feb25.id(), null));
        catchThrowableOfType(Refusal.class, () -> f.engine.bookings().cancel(session, r.id()));
        catchThrowableOfType(Refusal.class, () -> f.engine.bookings().book(session, BookingRequest.of(TARO, feb18.id(), Fixtures.PHONE, false)));
        assertThat(recorder.heard).containsExactly("BOOK", "BOOK:SLOT_FULL", "BOOK", "CANCEL",
                "CHANGE:ALREADY_CANCELLED", "CANCEL:ALREADY_CANCELLED", "BOOK:TERMS_NOT_ACCEPTED");
    }

    @Test
    @DisplayName("staff change and cancel, and an event day cancelled: one success per reservation it cancelled")
    void staffActions() throws Refusal {
        HouseholdSession session = f.activeSession();
        HouseholdSession other = f.otherSession();
        Reservation a = f.engine.bookings().book(session, request(TARO, feb18));
        Reservation b = f.engine.bookings().book(session, request(HANAKO, feb18));
        f.engine.bookings().book(other, request(UME, feb18));
        recorder.heard.clear();
        StaffId clerk = new StaffId("clerk-7");
        f.engine.staff().change(clerk, "電話依頼", a.id(), feb25.id(), null);
        f.engine.staff().cancel(clerk, "電話依頼", a.id());
        catchThrowableOfType(Refusal.class, () -> f.engine.staff().cancel(clerk, "電話依頼", a.id()));
        assertThat(f.engine.staff().cancelEventDay(VENUE, LocalDate.of(2024, 2, 18))).hasSize(2);
        catchThrowableOfType(Refusal.class, () -> f.engine.staff().cancelEventDay(VENUE, LocalDate.of(2030, 1, 1)));
        assertThat(recorder.heard).containsExactly("STAFF_CHANGE", "STAFF_CANCEL", "STAFF_CANCEL:ALREADY_CANCELLED",
                "CANCEL_EVENT_DAY", "CANCEL_EVENT_DAY", "CANCEL_EVENT_DAY:NOT_FOUND");
        assertThat(f.storage.reservations().find(b.id()).orElseThrow().live()).isFalse();
    }

    @Test
    @DisplayName("an observer that throws changes no outcome: the booking is committed and returned, a refusal still refuses")
    void throwingObserver() throws Refusal {
        EngineObserver broken = new EngineObserver() {
            @Override
            public void succeeded(Operation operation) {
                throw new IllegalStateException("metrics down");
            }

            @Override
            public void refused(Operation operation, ErrorCode code) {
                throw new IllegalStateException("metrics down");
            }
        };
        Fixtures g = new Fixtures(UnionPolicy.defaults(), broken);
        Slot slot = g.slot(LocalDate.of(2024, 2, 18), LocalTime.of(9, 0), 10);
        HouseholdSession session = g.activeSession();
        Reservation r = g.engine.bookings().book(session, request(TARO, slot));
        assertThat(g.storage.reservations().find(r.id())).contains(r);
        Refusal again = catchThrowableOfType(Refusal.class, () -> g.engine.bookings().book(session, request(TARO, slot)));
        assertThat(again.code()).isEqualTo(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
    }
}
