package io.github.kenshinbooking.policy;

import static java.util.Objects.requireNonNull;

/**
 * Passwords: the initial one and the rules for new ones. Immutable and thread-safe.
 *
 * @param initialPrefix    AUTH-3: prefix of the initial password, followed by the representative's
 *                         birth date as yyyyMMdd (default "kenren")
 * @param minLength        PW-1: minimum length in characters (default 8)
 * @param maxLength        PW-1: maximum length in characters (default 64)
 * @param pbkdf2Iterations PW-3: PBKDF2-HMAC-SHA256 iterations of the default hasher, at least
 *                         {@link #MIN_PBKDF2_ITERATIONS} (HARD-5; default 600,000)
 */
public record PasswordPolicy(String initialPrefix, int minLength, int maxLength, int pbkdf2Iterations) {
    /**
     * HARD-5: the fewest PBKDF2-HMAC-SHA256 iterations a policy or a production hasher accepts, PW-3's
     * 600,000. Only a hasher named as test-only may hash at a lower cost.
     */
    public static final int MIN_PBKDF2_ITERATIONS = 600_000;

    /**
     * Checks the values.
     *
     * @param initialPrefix AUTH-3: prefix of the initial password, followed by the representative's
     *     birth date as yyyyMMdd (default "kenren")
     * @param minLength PW-1: minimum length in characters (default 8)
     * @param maxLength PW-1: maximum length in characters (default 64)
     * @param pbkdf2Iterations PW-3: PBKDF2-HMAC-SHA256 iterations of the default hasher, at least
     *     {@link #MIN_PBKDF2_ITERATIONS} (HARD-5; default 600,000)
     * @throws IllegalArgumentException if a length is not positive, the maximum below the minimum, or
     *     {@code pbkdf2Iterations} below {@link #MIN_PBKDF2_ITERATIONS} (a configuration error, HARD-5)
     */
    public PasswordPolicy {
        requireNonNull(initialPrefix, "initialPrefix");
        Checks.positive(minLength, "passwords.minLength");
        if (maxLength < minLength) {
            throw new IllegalArgumentException("passwords.maxLength must not be below minLength: " + maxLength + " < "
                    + minLength);
        }
        if (pbkdf2Iterations < MIN_PBKDF2_ITERATIONS) {
            throw new IllegalArgumentException("passwords.pbkdf2Iterations must be at least "
                    + MIN_PBKDF2_ITERATIONS + " (PW-3, HARD-5): " + pbkdf2Iterations);
        }
    }

    /**
     * The manual's passwords: "kenren" + birth date, 8 to 64 characters; 600,000 PBKDF2 iterations.
     *
     * @return the defaults
     */
    public static PasswordPolicy defaults() {
        return new PasswordPolicy("kenren", 8, 64, 600_000);
    }
}
