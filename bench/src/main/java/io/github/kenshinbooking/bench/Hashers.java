package io.github.kenshinbooking.bench;

import io.github.kenshinbooking.account.PasswordHasher;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.argon2.Argon2idPasswordHasher;
import io.github.kenshinbooking.policy.UnionPolicy;

/** The hashers the benchmarks and {@link LoginCost} compare, by name (a JMH parameter's value). */
public final class Hashers {
    /** The cost of a legacy PBKDF2 hash, made before the cost was raised to the policy's (HARD-4). */
    public static final int LEGACY_ITERATIONS = 100_000;

    private Hashers() {
    }

    /**
     * {@code pbkdf2}: PBKDF2-HMAC-SHA256 at the policy default (600,000); {@code argon2id}: Argon2id at
     * m = 19 MiB, t = 2, p = 1 (the defaults); {@code argon2id-migrating}: the same with the PBKDF2
     * hasher as legacy (verifying both on every login, HARD-4); {@code pbkdf2-100000}: a test-only
     * PBKDF2 hasher at the legacy cost, i.e. what verifying a legacy hash cost before HARD-4;
     * {@code test-pbkdf2} and {@code test-argon2id-migrating}: test-only costs for the tools' tests.
     *
     * @param name the hasher's name
     * @return the hasher
     * @throws IllegalArgumentException for an unknown name
     */
    public static PasswordHasher named(String name) {
        int iterations = UnionPolicy.defaults().passwords().pbkdf2Iterations();
        return switch (name) {
            case "pbkdf2" -> new Pbkdf2PasswordHasher(iterations);
            case "argon2id" -> Argon2idPasswordHasher.withDefaults();
            case "argon2id-migrating" -> Argon2idPasswordHasher.withDefaults(new Pbkdf2PasswordHasher(iterations));
            case "pbkdf2-100000" -> Pbkdf2PasswordHasher.insecureForTests(LEGACY_ITERATIONS);
            case "test-pbkdf2" -> Pbkdf2PasswordHasher.insecureForTests(1_000);
            case "test-argon2id-migrating" ->
                    Argon2idPasswordHasher.insecureForTests(64, 2, 1, Pbkdf2PasswordHasher.insecureForTests(1_000));
            default -> throw new IllegalArgumentException("unknown hasher " + name);
        };
    }

    /**
     * The hasher of a legacy hash for {@link #named}{@code (name)}: PBKDF2 at 100,000 iterations, or at
     * 100 for the test-only names.
     *
     * @param name the current hasher's name
     * @return a test-only PBKDF2 hasher of a lower cost than the current one
     */
    public static PasswordHasher legacyFor(String name) {
        return Pbkdf2PasswordHasher.insecureForTests(name.startsWith("test-") ? 100 : LEGACY_ITERATIONS);
    }
}
