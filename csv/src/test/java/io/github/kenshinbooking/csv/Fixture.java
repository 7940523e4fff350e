package io.github.kenshinbooking.csv;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.memory.InMemoryHouseholdDirectory;
import io.github.kenshinbooking.memory.InMemoryStorage;
import io.github.kenshinbooking.reservation.PhoneNumber;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import io.github.kenshinbooking.storage.Storage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** An in-memory engine with a slot and households to book, for the CSV tests. */
final class Fixture {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final LocalDate DAY = LocalDate.of(2024, 6, 16);
    static final Venue VENUE = Venue.of("ミリカローデン那珂川");

    final Storage storage = new InMemoryStorage();
    final InMemoryHouseholdDirectory directory = new InMemoryHouseholdDirectory();
    final KenshinBooking engine = KenshinBooking.builder().storage(storage).directory(directory)
            .clock(Clock.fixed(Instant.parse("2024-05-01T00:00:00Z"), TOKYO))
            .passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1)).build();

    static Member member(String id, String kana, String name, LocalDate birth, Sex sex) {
        return new Member(MemberId.of(id), KanaName.of(kana), name, birth, sex, LocalDate.of(2000, 4, 1),
                Optional.empty(), true);
    }

    void household(String symbol, Member representative) {
        directory.put(Household.of(SymbolNumber.of(symbol), List.of(representative)));
    }

    Slot slot(Venue venue, String institution, LocalTime start) {
        return storage.slots().add(new SlotSpec(venue, institution, DAY, start, Duration.ofMinutes(30), 10,
                Instant.parse("2024-04-01T00:00:00Z")));
    }

    Reservation book(String symbol, String member, Slot slot, String phone) throws Exception {
        Reservation r = Reservation.booked(storage.reservationIds().next(), SymbolNumber.of(symbol), MemberId.of(member),
                slot.id(), FiscalYear.containing(slot.date()), new PhoneNumber(phone), "2024-03",
                Instant.parse("2024-05-01T00:00:00Z"), Instant.parse("2024-05-27T15:00:00Z"),
                Instant.parse("2024-06-10T15:00:00Z"));
        storage.unitOfWork().execute(() -> {
            storage.reservations().insert(r);
            return null;
        });
        return r;
    }
}
