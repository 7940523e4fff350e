package io.github.kenshinbooking;

import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.reservation.Reservation;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.memory.InMemoryHouseholdDirectory;
import io.github.kenshinbooking.memory.InMemoryStorage;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/** SLOT-3 and ONE-1 under real threads on the in-memory adapter. */
class ConcurrencyTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final MutableClock clock =
            MutableClock.of(LocalDateTime.of(2024, 1, 10, 9, 0).atZone(TOKYO).toInstant(), TOKYO);
    private final InMemoryStorage storage = new InMemoryStorage();
    private final InMemoryHouseholdDirectory dir = new InMemoryHouseholdDirectory();
    private final Pbkdf2PasswordHasher hasher = Pbkdf2PasswordHasher.insecureForTests(1);
    private final KenshinBooking engine = KenshinBooking.builder().clock(clock).storage(storage).directory(dir)
            .passwordHasher(hasher).build();

    private HouseholdSession household(int i) throws Refusal {
        SymbolNumber s = SymbolNumber.of(Integer.toString(1000 + i));
        dir.put(Household.of(s, List.of(new Member(MemberId.of(s + "-1"), KanaName.of("ｱ"), "亜", LocalDate.of(1960, 1, 1),
                Sex.M, LocalDate.of(1990, 1, 1), Optional.empty(), true))));
        storage.accounts().save(Account.initial(s).withPasswordHash(hasher.hash("pass1234")));
        return engine.logins().login(s.value(), "ｱ", "pass1234").session();
    }

    private Slot slot(LocalDate date, int capacity) throws Refusal {
        return engine.schedule().addSlot(new SlotSpec(Venue.of("v"), "i", date, LocalTime.of(9, 0), Duration.ofMinutes(30),
                capacity, LocalDateTime.of(2023, 12, 1, 0, 0).atZone(TOKYO).toInstant()));
    }

    @Test
    @DisplayName("SLOT-3 32 callers race for 10 places: exactly 10 succeed, the rest get SLOT_FULL")
    void thirtyTwoForTen() throws Exception {
        Slot s = slot(LocalDate.of(2024, 2, 18), 10);
        List<Callable<Reservation>> calls = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            HouseholdSession session = household(i);
            MemberId m = MemberId.of(session.household() + "-1");
            calls.add(() -> engine.bookings().book(session, BookingRequest.of(m, s.id(), "0312345678", true)));
        }
        Map<Object, Long> outcomes = Race.run(calls).stream()
                .collect(Collectors.groupingBy(o -> o instanceof Reservation ? "ok" : o, Collectors.counting()));
        assertThat(outcomes).containsOnly(Map.entry("ok", 10L), Map.entry(ErrorCode.SLOT_FULL, 22L));
        assertThat(engine.calendar().remaining(s.id())).isZero();
        assertThat(storage.reservations().findLiveBySlot(s.id())).hasSize(10);
    }

    @Test
    @DisplayName("ONE-1 one member racing against itself on 8 slots gets exactly one reservation")
    void memberRacesItself() throws Exception {
        HouseholdSession session = household(1);
        MemberId m = MemberId.of(session.household() + "-1");
        List<Callable<Reservation>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Slot s = slot(LocalDate.of(2024, 2, 18).plusDays(i), 5);
            calls.add(() -> engine.bookings().book(session, BookingRequest.of(m, s.id(), "0312345678", true)));
        }
        Map<Object, Long> outcomes = Race.run(calls).stream()
                .collect(Collectors.groupingBy(o -> o instanceof Reservation ? "ok" : o, Collectors.counting()));
        assertThat(outcomes).containsOnly(Map.entry("ok", 1L), Map.entry(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR, 7L));
        assertThat(storage.reservations().findByMember(m)).hasSize(1);
    }

    @Test
    @DisplayName("BOOK-4 the same idempotent booking from 8 threads gives one reservation and one notification")
    void idempotentRace() throws Exception {
        HouseholdSession session = household(2);
        MemberId m = MemberId.of(session.household() + "-1");
        storage.accounts().save(storage.accounts().find(session.household()).orElseThrow()
                .withEmail(Optional.of(new io.github.kenshinbooking.account.EmailAddress("a@example.jp"))));
        Slot s = slot(LocalDate.of(2024, 2, 18), 5);
        List<Callable<Reservation>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> engine.bookings().book(session,
                    BookingRequest.of(m, s.id(), "0312345678", true).withIdempotencyKey("k-1")));
        }
        List<Object> results = Race.run(calls);
        assertThat(results).allMatch(o -> o instanceof Reservation);
        assertThat(results.stream().map(o -> ((Reservation) o).id()).distinct()).hasSize(1);
        assertThat(engine.calendar().remaining(s.id())).isEqualTo(4);
        assertThat(storage.outbox().pending()).hasSize(1);
    }
}
