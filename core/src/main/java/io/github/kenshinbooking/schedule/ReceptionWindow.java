package io.github.kenshinbooking.schedule;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A reception window (受付期間), half-open {@code [opens, closes)} (SLOT-2). Immutable and thread-safe.
 *
 * @param opens  the instant reception opens
 * @param closes the booking deadline, the first instant reception is closed
 */
public record ReceptionWindow(Instant opens, Instant closes) {
    /**
     * Checks the components.
     *
     * @param opens the instant reception opens
     * @param closes the booking deadline, the first instant reception is closed
     * @throws NullPointerException if a component is {@code null}
     */
    public ReceptionWindow {
        requireNonNull(opens, "opens");
        requireNonNull(closes, "closes");
    }

    /**
     * Reception has not opened yet at {@code now}.
     *
     * @param now the instant to judge
     * @return {@code now < opens}
     */
    public boolean notYetOpen(Instant now) {
        return now.isBefore(opens);
    }

    /**
     * Reception has closed at {@code now} (at the deadline itself it is closed).
     *
     * @param now the instant to judge
     * @return {@code now >= closes}
     */
    public boolean closed(Instant now) {
        return !now.isBefore(closes);
    }

    /**
     * Reception is open at {@code now}.
     *
     * @param now the instant to judge
     * @return {@code opens <= now < closes}
     */
    public boolean contains(Instant now) {
        return !notYetOpen(now) && !closed(now);
    }
}
