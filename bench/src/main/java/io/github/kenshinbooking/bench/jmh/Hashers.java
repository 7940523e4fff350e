package io.github.kenshinbooking.bench.jmh;

import io.github.kenshinbooking.account.PasswordHasher;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.argon2.Argon2idPasswordHasher;
import io.github.kenshinbooking.policy.UnionPolicy;

/** The hashers the benchmarks compare, by the name of their JMH parameter. */
final class Hashers {
    /** The cost of a legacy PBKDF2 hash, made before the cost was raised to the policy's (HARD-4). */
    static final int LEGACY_ITERATIONS = 100_000;

    private Hashers() {
    }

    /**
     * {@code pbkdf2}: PBKDF2-HMAC-SHA256 at the policy default (600,000); {@code argon2id}: Argon2id at
     * m = 19 MiB, t = 2, p = 1 (the defaults); {@code argon2id-migrating}: the same with the PBKDF2
     * hasher as legacy (verifying both on every login, HARD-4); {@code pbkdf2-100000}: a test-only
     * PBKDF2 hasher at the legacy cost, i.e. what verifying a legacy hash cost before HARD-4.
     */
    static PasswordHasher named(String name) {
        int iterations = UnionPolicy.defaults().passwords().pbkdf2Iterations();
        return switch (name) {
            case "pbkdf2" -> new Pbkdf2PasswordHasher(iterations);
            case "argon2id" -> Argon2idPasswordHasher.withDefaults();
            case "argon2id-migrating" -> Argon2idPasswordHasher.withDefaults(new Pbkdf2PasswordHasher(iterations));
            case "pbkdf2-100000" -> Pbkdf2PasswordHasher.insecureForTests(LEGACY_ITERATIONS);
            default -> throw new IllegalArgumentException("unknown hasher " + name);
        };
    }
}
