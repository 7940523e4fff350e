package io.github.kenshinbooking.bench.jmh;

import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.policy.UnionPolicy;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** PW-3: what one login's hash costs at the policy default (PBKDF2-HMAC-SHA256, 600,000 iterations). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class PasswordHashBenchmark {
    private Pbkdf2PasswordHasher hasher;
    private PasswordHash stored;

    @Setup
    public void setUp() {
        hasher = new Pbkdf2PasswordHasher(UnionPolicy.defaults().passwords().pbkdf2Iterations());
        stored = hasher.hash("sakura2024");
    }

    /** AUTH-1: verifying a login password. */
    @Benchmark
    public boolean verifyAtPolicyDefault() {
        return hasher.verify("sakura2024", stored);
    }
}
