package io.github.kenshinbooking.bench.jmh;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.Account;
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
import io.github.kenshinbooking.policy.LockoutPolicy;
import io.github.kenshinbooking.policy.UnionPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * HARD-4: the time of a failed login through the engine, per path, at the default cost, on the
 * in-memory store, one thread: an unknown symbol number, a known household with a wrong password,
 * with a wrong kana, and a household whose stored hash predates the current cost (PBKDF2 at
 * 100,000 iterations) with a wrong password. Every one should cost one verification at the current
 * cost. {@code hasher}: {@code pbkdf2} the engine's default; {@code argon2id-migrating} Argon2id
 * with the PBKDF2 hasher as legacy, where the current hash is Argon2id and the old one PBKDF2.
 * The lockout is set out of reach (AUTH-4 would otherwise refuse without hashing after 3 failures).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class LoginPathsBenchmark {
    private static final String PASSWORD = "sakura2024";
    private static final String KANA = "ｹﾝｾﾂ ﾀﾛｳ";
    private static final String CURRENT = "1999999";
    private static final String LEGACY = "1888888";

    @Param({"pbkdf2", "argon2id-migrating"})
    public String hasher;

    private KenshinBooking engine;

    /** Two households, one with a hash of the current cost and one with a legacy PBKDF2 hash. */
    @Setup
    public void setUp() {
        InMemoryStorage storage = new InMemoryStorage();
        InMemoryHouseholdDirectory directory = new InMemoryHouseholdDirectory();
        UnionPolicy policy = UnionPolicy.defaults().toBuilder()
                .lockout(new LockoutPolicy(Integer.MAX_VALUE, Duration.ofMinutes(30))).build();
        PasswordHasher h = Hashers.named(hasher);
        engine = KenshinBooking.builder().policy(policy).storage(storage).directory(directory)
                .clock(Clock.systemUTC()).passwordHasher(h).build();
        PasswordHasher legacy = Pbkdf2PasswordHasher.insecureForTests(Hashers.LEGACY_ITERATIONS);
        for (String symbol : new String[] {CURRENT, LEGACY}) {
            SymbolNumber s = SymbolNumber.of(symbol);
            directory.put(Household.of(s, List.of(new Member(MemberId.of(symbol + "-01"), KanaName.of(KANA),
                    "建設 太郎", LocalDate.of(1960, 2, 10), Sex.M, LocalDate.of(1990, 4, 1), Optional.empty(), true))));
            storage.accounts().save(Account.initial(s)
                    .withPasswordHash((symbol.equals(CURRENT) ? h : legacy).hash(PASSWORD)));
        }
    }

    private Object refused(String symbol, String kana, String password) {
        try {
            return engine.logins().login(symbol, kana, password);
        } catch (Refusal expected) {
            return expected.code();
        }
    }

    /** An unknown symbol number: the dummy hash. */
    @Benchmark
    public Object unknownSymbol() {
        return refused("1777777", KANA, PASSWORD);
    }

    /** A known household, hash of the current cost, wrong password. */
    @Benchmark
    public Object wrongPassword() {
        return refused(CURRENT, KANA, "sakura2025");
    }

    /** A known household, hash of the current cost, right password and wrong kana. */
    @Benchmark
    public Object wrongKana() {
        return refused(CURRENT, "ｹﾝｾﾂ ｼﾞﾛｳ", PASSWORD);
    }

    /** A household whose hash predates the current cost (PBKDF2, 100,000 iterations), wrong password. */
    @Benchmark
    public Object legacyHashWrongPassword() {
        return refused(LEGACY, KANA, "sakura2025");
    }
}
