package io.github.kenshinbooking.reservation;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The history search form (HIST-1): exam start from/to (inclusive, local date-times) and status.
 * Immutable and thread-safe.
 */
public record HistoryFilter(Optional<LocalDateTime> from, Optional<LocalDateTime> to,
        Optional<ReservationStatus> status) {
    public HistoryFilter {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        requireNonNull(status, "status");
    }

    /** No filter: every reservation of the member. */
    public static HistoryFilter all() {
        return new HistoryFilter(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public HistoryFilter withStatus(ReservationStatus s) {
        return new HistoryFilter(from, to, Optional.of(s));
    }

    public HistoryFilter between(LocalDateTime fromInclusive, LocalDateTime toInclusive) {
        return new HistoryFilter(Optional.ofNullable(fromInclusive), Optional.ofNullable(toInclusive), status);
    }

    public boolean accepts(Reservation r, LocalDateTime examStart) {
        return status.map(s -> s == r.status()).orElse(true)
                && from.map(f -> !examStart.isBefore(f)).orElse(true)
                && to.map(t -> !examStart.isAfter(t)).orElse(true);
    }
}
