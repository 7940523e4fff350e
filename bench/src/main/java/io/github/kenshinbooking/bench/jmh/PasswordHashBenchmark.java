package io.github.kenshinbooking.bench.jmh;

import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.account.PasswordHasher;
import io.github.kenshinbooking.bench.Hashers;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * PW-3: what one login's hash verification costs at the default cost of each hasher (see
 * {@link Hashers#named}): PBKDF2-HMAC-SHA256 at 600,000 iterations, Argon2id at m = 19 MiB, t = 2,
 * p = 1, and, for HARD-4's record, a PBKDF2 hash of the legacy 100,000 iterations verified at its own
 * cost (what it took before the padding).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class PasswordHashBenchmark {
    @Param({"pbkdf2", "argon2id", "pbkdf2-100000"})
    public String hasher;

    private PasswordHasher h;
    private PasswordHash stored;

    @Setup
    public void setUp() {
        h = Hashers.named(hasher);
        stored = h.hash("sakura2024");
    }

    /** AUTH-1: verifying a login password against a hash of the hasher's own cost. */
    @Benchmark
    public boolean verifyAtPolicyDefault() {
        return h.verify("sakura2024", stored);
    }
}
