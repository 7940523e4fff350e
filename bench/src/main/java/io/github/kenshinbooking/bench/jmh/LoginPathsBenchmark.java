package io.github.kenshinbooking.bench.jmh;

import io.github.kenshinbooking.bench.LoginPaths;
import io.github.kenshinbooking.bench.LoginPaths.Path;
import io.github.kenshinbooking.error.ErrorCode;
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
 * HARD-4: the time of a failed login through the engine, per path ({@link LoginPaths}), at the
 * default cost, one thread: an unknown symbol number, a wrong password, a wrong kana, and a
 * household whose stored hash predates the current cost (PBKDF2 at 100,000 iterations). Each should
 * cost one verification at the current cost. {@code hasher}: {@code pbkdf2} the engine's default;
 * {@code argon2id-migrating} Argon2id with the PBKDF2 hasher as legacy (current hashes Argon2id, the
 * old one PBKDF2). Wall time: on a shared machine, compare with {@code LoginCost}'s CPU time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class LoginPathsBenchmark {
    @Param({"pbkdf2", "argon2id-migrating"})
    public String hasher;

    private LoginPaths paths;

    @Setup
    public void setUp() {
        paths = LoginPaths.named(hasher);
    }

    /** An unknown symbol number: the dummy hash. */
    @Benchmark
    public ErrorCode unknownSymbol() {
        return paths.attempt(Path.UNKNOWN_SYMBOL);
    }

    /** A known household, hash of the current cost, wrong password. */
    @Benchmark
    public ErrorCode wrongPassword() {
        return paths.attempt(Path.WRONG_PASSWORD);
    }

    /** A known household, hash of the current cost, right password and wrong kana. */
    @Benchmark
    public ErrorCode wrongKana() {
        return paths.attempt(Path.WRONG_KANA);
    }

    /** A household whose hash predates the current cost (PBKDF2, 100,000 iterations), wrong password. */
    @Benchmark
    public ErrorCode legacyHashWrongPassword() {
        return paths.attempt(Path.LEGACY_HASH_WRONG_PASSWORD);
    }
}
