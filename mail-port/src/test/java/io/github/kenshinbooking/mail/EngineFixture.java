package io.github.kenshinbooking.mail;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.account.PasswordHasher;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.memory.InMemoryHouseholdDirectory;
import io.github.kenshinbooking.memory.InMemoryStorage;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.threeten.extra.MutableClock;

/** The engine on in-memory storage with a hand-moved clock, and helpers to set up households and slots. */
final class EngineFixture {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final String PASSWORD = "sakura2024";
    static final String PHONE = "090-1234-5678";

    final MutableClock clock;
    final InMemoryStorage storage = new InMemoryStorage();
    final InMemoryHouseholdDirectory directory = new InMemoryHouseholdDirectory();
    final PasswordHasher hasher = Pbkdf2PasswordHasher.insecureForTests(1_000);
    final KenshinBooking engine;

    EngineFixture(LocalDateTime tokyoNow) {
        this.clock = MutableClock.of(tokyoNow.atZone(TOKYO).toInstant(), TOKYO);
        this.engine = newInstance();
    }

    /** Another engine on the same storage and member records: a second application instance. */
    KenshinBooking newInstance() {
        return KenshinBooking.builder().storage(storage).directory(directory).clock(clock).passwordHasher(hasher)
                .build();
    }

    void at(LocalDateTime tokyo) {
        clock.setInstant(tokyo.atZone(TOKYO).toInstant());
    }

    static Member member(String id, String kana, String name, LocalDate birth, boolean representative) {
        return new Member(MemberId.of(id), KanaName.of(kana), name, birth, Sex.M, LocalDate.of(1990, 4, 1),
                Optional.empty(), representative);
    }

    /** A household past first-login, with the given e-mail (or none), logged in. */
    HouseholdSession household(String symbol, String email, Member... members) throws Refusal {
        Household h = Household.of(SymbolNumber.of(symbol), List.of(members));
        directory.put(h);
        storage.accounts().save(new Account(h.symbolNumber(), Optional.of(hasher.hash(PASSWORD)),
                Optional.ofNullable(email).map(EmailAddress::new)));
        return engine.logins().login(symbol, h.representative().kana().value(), PASSWORD).session();
    }

    Slot slot(String venue, String institution, LocalDate date, LocalTime start) throws Refusal {
        return engine.schedule().addSlot(new SlotSpec(Venue.of(venue), institution, date, start,
                Duration.ofMinutes(30), 10, LocalDateTime.of(2023, 12, 1, 0, 0).atZone(TOKYO).toInstant()));
    }

    Reservation book(HouseholdSession session, Member member, Slot slot) throws Refusal {
        return engine.bookings().book(session, BookingRequest.of(member.id(), slot.id(), PHONE, true));
    }
}
