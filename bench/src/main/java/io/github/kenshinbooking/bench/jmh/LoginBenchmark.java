package io.github.kenshinbooking.bench.jmh;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.PasswordHasher;
import io.github.kenshinbooking.bench.Hashers;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.memory.InMemoryHouseholdDirectory;
import io.github.kenshinbooking.memory.InMemoryStorage;
import java.time.Clock;
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
 * SES-4: logins/s through the engine at the default hashing cost on the in-memory store, from 2
 * threads unless {@code -t} says otherwise: since no lock is held while hashing, this is bounded by
 * the cores, not by the store. {@code hasher}: {@code pbkdf2} is the engine's default hasher (the
 * policy's 600,000 iterations), {@code argon2id} Argon2id at its defaults (m = 19 MiB, t = 2, p = 1).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@Threads(2)
@State(Scope.Benchmark)
public class LoginBenchmark {
    private static final String PASSWORD = "sakura2024";

    @Param({"pbkdf2", "argon2id"})
    public String hasher;

    private KenshinBooking engine;

    /** Builds the engine with the hasher and one household whose password is set at its cost. */
    @Setup
    public void setUp() {
        InMemoryStorage storage = new InMemoryStorage();
        InMemoryHouseholdDirectory directory = new InMemoryHouseholdDirectory();
        KenshinBooking.Builder builder = KenshinBooking.builder().storage(storage).directory(directory)
                .clock(Clock.systemUTC());
        PasswordHasher h = Hashers.named(hasher);
        if (!hasher.equals("pbkdf2")) {
            // pbkdf2: the engine's own default hasher, of the same cost as h
            builder.passwordHasher(h);
        }
        engine = builder.build();
        SymbolNumber s = SymbolNumber.of("1999999");
        directory.put(Household.of(s, List.of(new Member(MemberId.of("1999999-01"), KanaName.of("ｹﾝｾﾂ ﾀﾛｳ"),
                "建設 太郎", LocalDate.of(1960, 2, 10), Sex.M, LocalDate.of(1990, 4, 1), Optional.empty(), true))));
        storage.accounts().save(Account.initial(s).withPasswordHash(h.hash(PASSWORD)));
    }

    /**
     * AUTH-1: one successful login (one hash verification and two short units of work).
     *
     * @return the login's result
     * @throws Refusal never: the password is right
     */
    @Benchmark
    public Object login() throws Refusal {
        return engine.logins().login("1999999", "ｹﾝｾﾂ ﾀﾛｳ", PASSWORD);
    }
}
