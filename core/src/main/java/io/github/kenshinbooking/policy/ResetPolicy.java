package io.github.kenshinbooking.policy;

import java.time.Duration;

/**
 * Password reset links (パスワード再設定). Immutable and thread-safe.
 *
 * @param linkValidity          RESET-1: how long a link stays valid (default 60 minutes)
 * @param maxIdentityMismatches RESET-2: identity mismatches that void a link (default 3)
 * @param tokenBytes            RESET-1: random bytes per token, at least 16 (default 32)
 */
public record ResetPolicy(Duration linkValidity, int maxIdentityMismatches, int tokenBytes) {
    /** The fewest random bytes a reset token may have (128 bits). */
    public static final int MIN_TOKEN_BYTES = 16;

    /**
     * Checks the values.
     *
     * @param linkValidity RESET-1: how long a link stays valid (default 60 minutes)
     * @param maxIdentityMismatches RESET-2: identity mismatches that void a link (default 3)
     * @param tokenBytes RESET-1: random bytes per token, at least 16 (default 32)
     * @throws IllegalArgumentException if a value is out of its range
     */
    public ResetPolicy {
        Checks.positive(linkValidity, "reset.linkValidity");
        Checks.positive(maxIdentityMismatches, "reset.maxIdentityMismatches");
        if (tokenBytes < MIN_TOKEN_BYTES) {
            throw new IllegalArgumentException("reset.tokenBytes must be at least " + MIN_TOKEN_BYTES + ": " + tokenBytes);
        }
    }

    /**
     * The manual's reset: one hour; 3 mismatches; 32 random bytes.
     *
     * @return the defaults
     */
    public static ResetPolicy defaults() {
        return new ResetPolicy(Duration.ofMinutes(60), 3, 32);
    }
}
