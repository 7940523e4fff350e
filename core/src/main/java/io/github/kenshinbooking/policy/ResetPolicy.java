package io.github.kenshinbooking.policy;

import java.time.Duration;

/**
 * Password reset links (パスワード再設定). Immutable and thread-safe.
 *
 * @param linkValidity          RESET-1: how long a link stays valid (default 60 minutes)
 * @param maxIdentityMismatches RESET-2: identity mismatches that void a link (default 3)
 * @param tokenBytes            RESET-1: random bytes per token, at least 16 (default 32)
 * @param mailInterval          HARD-2: at most one reset mail per household within this time (default
 *                              5 minutes)
 */
public record ResetPolicy(Duration linkValidity, int maxIdentityMismatches, int tokenBytes, Duration mailInterval) {
    /** The fewest random bytes a reset token may have (128 bits). */
    public static final int MIN_TOKEN_BYTES = 16;

    /**
     * Checks the values.
     *
     * @param linkValidity RESET-1: how long a link stays valid (default 60 minutes)
     * @param maxIdentityMismatches RESET-2: identity mismatches that void a link (default 3)
     * @param tokenBytes RESET-1: random bytes per token, at least 16 (default 32)
     * @param mailInterval HARD-2: at most one reset mail per household within this time (default 5 minutes)
     * @throws IllegalArgumentException if a value is out of its range
     */
    public ResetPolicy {
        Checks.positive(mailInterval, "reset.mailInterval");
        Checks.positive(linkValidity, "reset.linkValidity");
        Checks.positive(maxIdentityMismatches, "reset.maxIdentityMismatches");
        if (tokenBytes < MIN_TOKEN_BYTES) {
            throw new IllegalArgumentException("reset.tokenBytes must be at least " + MIN_TOKEN_BYTES + ": " + tokenBytes);
        }
    }

    /**
     * A reset policy with HARD-2's default mail interval (5 minutes).
     *
     * @param linkValidity how long a link stays valid
     * @param maxIdentityMismatches identity mismatches that void a link
     * @param tokenBytes random bytes per token, at least 16
     * @throws IllegalArgumentException if a value is out of its range
     */
    public ResetPolicy(Duration linkValidity, int maxIdentityMismatches, int tokenBytes) {
        this(linkValidity, maxIdentityMismatches, tokenBytes, DEFAULT_MAIL_INTERVAL);
    }

    /** HARD-2's default: one reset mail per household per 5 minutes. */
    public static final Duration DEFAULT_MAIL_INTERVAL = Duration.ofMinutes(5);

    /**
     * The manual's reset: one hour; 3 mismatches; 32 random bytes; one mail per 5 minutes (HARD-2).
     *
     * @return the defaults
     */
    public static ResetPolicy defaults() {
        return new ResetPolicy(Duration.ofMinutes(60), 3, 32, DEFAULT_MAIL_INTERVAL);
    }
}
