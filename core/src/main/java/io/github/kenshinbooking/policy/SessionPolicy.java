package io.github.kenshinbooking.policy;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Household sessions (セッション) a web tier keeps by token. Immutable and thread-safe.
 *
 * @param idle       SES-2: a session ends after this long without use (default 30 minutes)
 * @param absolute   SES-2: a session ends this long after its login, used or not (default 12 hours)
 * @param tokenBytes SES-1: random bytes per session token, at least 16 (default 32)
 * @param lastUseGranularity how far apart recorded uses are at least: a use within this time of the last
 *     recorded one is not written (a plain read), which spares a web tier a write on every page. The idle
 *     expiry counts from the last recorded use, so a session may end up to this much earlier than
 *     {@code idle} after its very last use, never later. Zero (the default) records every use, exactly as
 *     SES-2 reads; it must be shorter than {@code idle}.
 */
public record SessionPolicy(Duration idle, Duration absolute, int tokenBytes, Duration lastUseGranularity) {
    /** The fewest random bytes a session token may have (128 bits, SES-1). */
    public static final int MIN_TOKEN_BYTES = 16;

    /**
     * Checks the values.
     *
     * @param idle SES-2: a session ends after this long without use (default 30 minutes)
     * @param absolute SES-2: a session ends this long after its login, used or not (default 12 hours)
     * @param tokenBytes SES-1: random bytes per session token, at least 16 (default 32)
     * @param lastUseGranularity how far apart recorded uses are at least (default zero: every use)
     * @throws IllegalArgumentException if a value is out of its range
     */
    public SessionPolicy {
        Checks.positive(idle, "sessions.idle");
        Checks.positive(absolute, "sessions.absolute");
        if (tokenBytes < MIN_TOKEN_BYTES) {
            throw new IllegalArgumentException(
                    "sessions.tokenBytes must be at least " + MIN_TOKEN_BYTES + ": " + tokenBytes);
        }
        requireNonNull(lastUseGranularity, "sessions.lastUseGranularity");
        if (lastUseGranularity.isNegative() || lastUseGranularity.compareTo(idle) >= 0) {
            throw new IllegalArgumentException("sessions.lastUseGranularity must be at least zero and shorter than"
                    + " sessions.idle: " + lastUseGranularity);
        }
    }

    /**
     * A policy that records every use (SES-2 exactly).
     *
     * @param idle SES-2: a session ends after this long without use
     * @param absolute SES-2: a session ends this long after its login, used or not
     * @param tokenBytes SES-1: random bytes per session token, at least 16
     * @throws IllegalArgumentException if a value is out of its range
     */
    public SessionPolicy(Duration idle, Duration absolute, int tokenBytes) {
        this(idle, absolute, tokenBytes, Duration.ZERO);
    }

    /**
     * This policy with another {@link #lastUseGranularity()}.
     *
     * @param granularity how far apart recorded uses are at least; zero records every use
     * @return the new policy
     * @throws IllegalArgumentException if it is negative or not shorter than {@link #idle()}
     */
    public SessionPolicy withLastUseGranularity(Duration granularity) {
        return new SessionPolicy(idle, absolute, tokenBytes, granularity);
    }

    /**
     * The rules' sessions: 30 minutes idle, 12 hours absolute, 32 random bytes, every use recorded.
     *
     * @return the defaults
     */
    public static SessionPolicy defaults() {
        return new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12), 32);
    }
}
