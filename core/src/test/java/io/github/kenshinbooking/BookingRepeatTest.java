package io.github.kenshinbooking;

import io.github.kenshinbooking.error.ErrorCode;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import static io.github.kenshinbooking.Fixtures.TARO;
import static io.github.kenshinbooking.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.reservation.BookingConfirmation;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.BookingSnapshot;
import io.github.kenshinbooking.reservation.IdempotencyKey;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.storage.Storage;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * BOOK-4 repeats that meet the first request's commit half-way: the repeat read its snapshot before
 * the first request committed (a {@link BookingSnapshot}'s parts are read committed, not one
 * snapshot), so it sees no first result, and then meets the first request's key, ONE-1 or capacity.
 * A storage whose snapshot is stale plays that interleaving without threads.
 */
class BookingRepeatTest {
    private Fixtures f;
    private StaleSnapshots stale;
    private BookingService bookings;
    private HouseholdSession session;

    @BeforeEach
    void setUp() {
        f = new Fixtures();
        stale = new StaleSnapshots(f.storage);
        KenshinBooking engine = KenshinBooking.builder().policy(f.policy).clock(f.clock).storage(stale)
                .directory(f.directory).passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1_000)).build();
        bookings = engine.bookings();
        session = f.activeSession();
    }

    private Slot slot(int capacity) {
        return f.slot(LocalDate.of(2024, 2, 18), LocalTime.of(9, 0), capacity);
    }

    private int remaining(Slot s) {
        return f.storage.slots().find(s.id()).orElseThrow().remaining();
    }

    @Test
    @DisplayName("BOOK-4 a repeat that passed the checks before the first committed meets the claimed key: the first result")
    void keyClaimedMeanwhile() throws Refusal {
        Slot s = slot(10);
        BookingRequest req = request(TARO, s).withIdempotencyKey("click-1");
        Reservation first = bookings.book(session, req);

        stale.hideRepeat = true;
        stale.hideLive = true;
        Reservation again = bookings.book(session, req);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(remaining(s)).isEqualTo(9);
        assertThat(f.outboxCount(NotificationKind.BOOKED)).isEqualTo(1);
    }

    @Test
    @DisplayName("BOOK-4 a repeat that read no first result but the first's reservation meets ONE-1: the first result")
    void oneLiveMeanwhile() throws Refusal {
        Slot s = slot(10);
        BookingRequest req = request(TARO, s).withIdempotencyKey("click-1");
        Reservation first = bookings.book(session, req);

        stale.hideRepeat = true;
        Reservation again = bookings.book(session, req);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(remaining(s)).isEqualTo(9);
    }

    @Test
    @DisplayName("BOOK-4 a repeat that read a free place the first request took meets SLOT_FULL: the first result")
    void fullMeanwhile() throws Refusal {
        Slot s = slot(1);
        BookingRequest req = request(TARO, s).withIdempotencyKey("click-1");
        Reservation first = bookings.book(session, req);

        stale.hideRepeat = true;
        stale.hideLive = true;
        Reservation again = bookings.book(session, req);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(f.outboxCount(NotificationKind.BOOKED)).isEqualTo(1);
    }

    @Test
    @DisplayName("BOOK-2 BOOK-4 HARD-6 confirming a repeated key shows the first booking; for another slot it is IDEMPOTENCY_KEY_REUSED")
    void confirmRepeat() throws Refusal {
        Slot s = slot(10);
        Slot other = f.slot(LocalDate.of(2024, 2, 25), LocalTime.of(10, 0), 10);
        bookings.book(session, request(TARO, s).withIdempotencyKey("click-1"));

        BookingConfirmation c = bookings.confirm(session,
                BookingRequest.of(TARO, s.id(), "03-1111-2222", true).withIdempotencyKey("click-1"));

        assertThat(c.slot().id()).isEqualTo(s.id());
        assertThat(c.phone().digits()).isEqualTo("09012345678");
        assertThat(c.member().id()).isEqualTo(TARO);
        Refusal reused = catchThrowableOfType(Refusal.class, () -> bookings.confirm(session,
                BookingRequest.of(TARO, other.id(), "03-1111-2222", true).withIdempotencyKey("click-1")));
        assertThat(reused.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
    }

    /** Storage whose booking snapshot may miss the key's first result and the member's live reservation. */
    private static final class StaleSnapshots extends DelegatingStorage {
        boolean hideRepeat;
        boolean hideLive;

        StaleSnapshots(Storage delegate) {
            super(delegate);
        }

        @Override
        public BookingSnapshot bookingSnapshot(SymbolNumber household, MemberId member, SlotId slot,
                Optional<IdempotencyKey> key) {
            BookingSnapshot s = super.bookingSnapshot(household, member, slot, key);
            return new BookingSnapshot(s.account(), s.slot(), hideLive ? Optional.empty() : s.liveInSlotYear(),
                    hideRepeat ? Optional.empty() : s.repeat());
        }
    }
}
