package io.github.kenshinbooking.policy;

import java.time.Duration;

/**
 * Household sessions (セッション) a web tier keeps by token. Immutable and thread-safe.
 *
 * @param idle       SES-2: a session ends after this long without use (default 30 minutes)
 * @param absolute   SES-2: a session ends this long after its login, used or not (default 12 hours)
 * @param tokenBytes SES-1: random bytes per session token, at least 16 (default 32)
 */
public record SessionPolicy(Duration idle, Duration absolute, int tokenBytes) {
    /** The fewest random bytes a session token may have (128 bits, SES-1). */
    public static final int MIN_TOKEN_BYTES = 16;

    /**
     * Checks the values.
     *
     * @param idle SES-2: a session ends after this long without use (default 30 minutes)
     * @param absolute SES-2: a session ends this long after its login, used or not (default 12 hours)
     * @param tokenBytes SES-1: random bytes per session token, at least 16 (default 32)
     * @throws IllegalArgumentException if a value is out of its range
     */
    public SessionPolicy {
        Checks.positive(idle, "sessions.idle");
        Checks.positive(absolute, "sessions.absolute");
        if (tokenBytes < MIN_TOKEN_BYTES) {
            throw new IllegalArgumentException(
                    "sessions.tokenBytes must be at least " + MIN_TOKEN_BYTES + ": " + tokenBytes);
        }
    }

    /**
     * The rules' sessions: 30 minutes idle, 12 hours absolute, 32 random bytes.
     *
     * @return the defaults
     */
    public static SessionPolicy defaults() {
        return new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12), 32);
    }
}
