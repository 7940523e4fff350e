package io.github.kenshinbooking.schedule;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A reception window (受付期間), half-open {@code [opens, closes)} (SLOT-2). Immutable and thread-safe.
 */
public record ReceptionWindow(Instant opens, Instant closes) {
    public ReceptionWindow {
        requireNonNull(opens, "opens");
        requireNonNull(closes, "closes");
    }

    /** Reception has not opened yet at {@code now}. */
    public boolean notYetOpen(Instant now) {
        return now.isBefore(opens);
    }

    /** Reception has closed at {@code now} (at the deadline itself it is closed). */
    public boolean closed(Instant now) {
        return !now.isBefore(closes);
    }

    /** {@code opens <= now < closes}. */
    public boolean contains(Instant now) {
        return !notYetOpen(now) && !closed(now);
    }
}
