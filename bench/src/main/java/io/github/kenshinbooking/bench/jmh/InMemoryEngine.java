package io.github.kenshinbooking.bench.jmh;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.HouseholdSession;
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
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An in-memory engine with one household and a month of slots at one venue, for the JMH benchmarks. */
final class InMemoryEngine {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final Venue VENUE = Venue.of("ミリカローデン那珂川");
    static final MemberId MEMBER = MemberId.of("1999999-01");

    final KenshinBooking engine;
    final InMemoryStorage storage = new InMemoryStorage();
    final HouseholdSession session;
    final List<Slot> slots = new ArrayList<>();

    /** 30 days x 8 slots in February 2024, capacity as given; clock at 2024-01-10 10:00 Tokyo. */
    InMemoryEngine(int capacity) throws Refusal {
        InMemoryHouseholdDirectory dir = new InMemoryHouseholdDirectory();
        SymbolNumber symbol = SymbolNumber.of("1999999");
        dir.put(Household.of(symbol, List.of(new Member(MEMBER, KanaName.of("ｹﾝｾﾂ ﾀﾛｳ"), "建設 太郎",
                LocalDate.of(1960, 2, 10), Sex.M, LocalDate.of(1990, 3, 1), Optional.empty(), true))));
        Pbkdf2PasswordHasher hasher = Pbkdf2PasswordHasher.insecureForTests(1_000);
        storage.accounts().save(Account.initial(symbol).withPasswordHash(hasher.hash("sakura2024")));
        engine = KenshinBooking.builder().storage(storage).directory(dir).passwordHasher(hasher)
                .clock(Clock.fixed(LocalDateTime.of(2024, 1, 10, 10, 0).atZone(TOKYO).toInstant(), TOKYO)).build();
        session = engine.logins().login("1999999", "ｹﾝｾﾂ ﾀﾛｳ", "sakura2024").session();
        for (int day = 0; day < 30; day++) {
            for (int i = 0; i < 8; i++) {
                slots.add(engine.schedule().addSlot(new SlotSpec(VENUE, "ヘルスポートクリニック",
                        LocalDate.of(2024, 2, 1).plusDays(day), LocalTime.of(9, 0).plusMinutes(30L * i),
                        Duration.ofMinutes(30), capacity,
                        LocalDateTime.of(2023, 12, 1, 0, 0).atZone(TOKYO).toInstant())));
            }
        }
    }
}
