package io.github.kenshinbooking.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.memory.InMemoryStorage;
import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.reservation.BookingSnapshot;
import io.github.kenshinbooking.reservation.IdempotencyKey;
import io.github.kenshinbooking.reservation.NewBooking;
import io.github.kenshinbooking.reservation.PhoneNumber;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The {@link Storage} port's composite reads and writes of a booking (BOOK-2, BOOK-4, MAIL-2). */
class StorageTest {
    private static final SymbolNumber HOUSEHOLD = SymbolNumber.of("1999999");
    private static final MemberId TARO = MemberId.of("1999999-01");
    private static final MemberId HANAKO = MemberId.of("1999999-02");
    private static final Instant T0 = Instant.parse("2024-01-10T01:00:00Z");
    private static final IdempotencyKey KEY = new IdempotencyKey("click-1");

    private final Storage storage = new InMemoryStorage();
    private final Slot slot = storage.slots().add(new SlotSpec(Venue.of("ミリカローデン那珂川"), "ヘルスポートクリニック",
            LocalDate.of(2024, 2, 18), LocalTime.of(9, 0), Duration.ofMinutes(30), 10, T0.minus(Duration.ofDays(60))));

    private Reservation reservation(MemberId member) {
        return Reservation.booked(storage.reservationIds().next(), HOUSEHOLD, member, slot.id(), slot.fiscalYear(),
                new PhoneNumber("09012345678"), "2024-01", T0, T0, T0);
    }

    private static Notification mail(Reservation r) {
        return Notification.of(NotificationKind.BOOKED, "taro@example.jp",
                Map.of(NotificationData.RESERVATION_ID, r.id().toString()));
    }

    private int remaining() {
        return storage.slots().find(slot.id()).orElseThrow().remaining();
    }

    @Test
    @DisplayName("BOOK-4 MAIL-2 a booking claims its key, takes a place and records its mail; a second with the key writes nothing")
    void bookWithKey() throws Refusal {
        Reservation first = reservation(TARO);
        Reservation second = reservation(HANAKO);

        assertThat(storage.book(new NewBooking(first, Optional.of(mail(first)), T0, Optional.of(KEY)))).isTrue();
        assertThat(storage.book(new NewBooking(second, Optional.of(mail(second)), T0, Optional.of(KEY)))).isFalse();

        assertThat(storage.idempotency().find(HOUSEHOLD, KEY)).contains(first.id());
        assertThat(storage.reservations().find(first.id())).isPresent();
        assertThat(storage.reservations().find(second.id())).isEmpty();
        assertThat(storage.outbox().pending()).hasSize(1);
        assertThat(remaining()).isEqualTo(9);
    }

    @Test
    @DisplayName("MAIL-1 a booking without a notification records no mail; without a key it claims none")
    void bookWithoutMailOrKey() throws Refusal {
        Reservation r = reservation(TARO);

        assertThat(storage.book(new NewBooking(r, Optional.empty(), T0, Optional.empty()))).isTrue();

        assertThat(storage.outbox().pending()).isEmpty();
        assertThat(storage.idempotency().find(HOUSEHOLD, KEY)).isEmpty();
        assertThat(remaining()).isEqualTo(9);
    }

    @Test
    @DisplayName("BOOK-2 BOOK-4 the snapshot holds the account, the slot, the member's live reservation of its year and the key's first result")
    void snapshot() throws Refusal {
        Reservation first = reservation(TARO);
        storage.book(new NewBooking(first, Optional.empty(), T0, Optional.of(KEY)));
        storage.accounts().save(Account.initial(HOUSEHOLD));

        BookingSnapshot withKey = storage.bookingSnapshot(HOUSEHOLD, TARO, slot.id(), Optional.of(KEY));
        assertThat(withKey.account()).contains(Account.initial(HOUSEHOLD));
        assertThat(withKey.slot()).map(Slot::id).contains(slot.id());
        assertThat(withKey.liveInSlotYear()).map(Reservation::id).contains(first.id());
        assertThat(withKey.repeat()).map(Reservation::id).contains(first.id());

        BookingSnapshot hanako = storage.bookingSnapshot(HOUSEHOLD, HANAKO, slot.id(), Optional.empty());
        assertThat(hanako.liveInSlotYear()).isEmpty();
        assertThat(hanako.repeat()).isEmpty();
        BookingSnapshot otherKey = storage.bookingSnapshot(HOUSEHOLD, TARO, slot.id(),
                Optional.of(new IdempotencyKey("click-2")));
        assertThat(otherKey.repeat()).isEmpty();
        BookingSnapshot otherHousehold = storage.bookingSnapshot(SymbolNumber.of("1888888"), TARO, slot.id(),
                Optional.of(KEY));
        assertThat(otherHousehold.repeat()).isEmpty();
        assertThat(otherHousehold.account()).isEmpty();
        BookingSnapshot noSlot = storage.bookingSnapshot(HOUSEHOLD, TARO, SlotId.of(999), Optional.empty());
        assertThat(noSlot.slot()).isEmpty();
        assertThat(noSlot.liveInSlotYear()).isEmpty();
    }
}
