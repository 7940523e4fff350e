package io.github.kenshinbooking.bench;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.jdbc.JdbcStorage;
import io.github.kenshinbooking.memory.InMemoryHouseholdDirectory;
import io.github.kenshinbooking.memory.InMemoryStorage;
import io.github.kenshinbooking.storage.Storage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.threeten.extra.MutableClock;

/**
 * HARD-4: how long a reset request takes for an address on record and for one that is not, side by
 * side, in memory and on PostgreSQL ({@code -Dkb.url}, default the local test database). Each call
 * asks for another household's link, and the clock moves one second a call, so no request falls in
 * HARD-2's 5-minute interval of its household and every known request writes its token and mail.
 * Run: {@code java -cp bench/target/kenshin-booking-bench.jar org.openjdk.jmh.Main ResetRequestBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ResetRequestBenchmark {
    private static final int HOUSEHOLDS = 1_000;
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /** {@code memory} or {@code postgresql}. */
    @Param({"memory", "postgresql"})
    public String store;

    private final MutableClock clock =
            MutableClock.of(LocalDateTime.of(2024, 1, 10, 10, 0).atZone(TOKYO).toInstant(), TOKYO);
    private BenchDatabase database;
    private KenshinBooking engine;
    private int next;

    /** Builds the engine with {@value #HOUSEHOLDS} households, each with an address of its own. */
    @Setup
    public void setUp() {
        Storage storage;
        if (store.equals("memory")) {
            storage = new InMemoryStorage();
        } else {
            database = BenchDatabase.open(System.getProperty("kb.url", BenchDatabase.DEFAULT_URL), null, null,
                    "reset", 4, false);
            storage = JdbcStorage.create(database.dataSource());
        }
        InMemoryHouseholdDirectory directory = new InMemoryHouseholdDirectory();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            SymbolNumber symbol = SymbolNumber.of(Integer.toString(3_000_000 + i));
            directory.put(Household.of(symbol, List.of(new Member(MemberId.of(symbol.value() + "-01"),
                    KanaName.of("ｹﾝｾﾂ ﾀﾛｳ"), "建設 太郎", LocalDate.of(1960, 2, 10), Sex.M, LocalDate.of(1990, 3, 1),
                    Optional.empty(), true))));
            storage.accounts().save(Account.initial(symbol).withEmail(Optional.of(new EmailAddress(known(i)))));
        }
        engine = KenshinBooking.builder().storage(storage).directory(directory).clock(clock)
                .passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1_000)).build();
    }

    /** Drops the benchmark's schema. */
    @TearDown
    public void tearDown() {
        if (database != null) {
            database.close();
        }
    }

    private static String known(int i) {
        return "h" + i + "@example.jp";
    }

    /**
     * A request for an address on record: one link and one mail written.
     *
     * @throws Refusal never: the address is well-formed
     */
    @Benchmark
    public void knownAddress() throws Refusal {
        clock.add(Duration.ofSeconds(1));
        engine.resets().requestReset(known(next++ % HOUSEHOLDS));
    }

    /**
     * A request for an address no household has: nothing written.
     *
     * @throws Refusal never: the address is well-formed
     */
    @Benchmark
    public void unknownAddress() throws Refusal {
        clock.add(Duration.ofSeconds(1));
        engine.resets().requestReset("nobody" + (next++ % HOUSEHOLDS) + "@example.jp");
    }
}
