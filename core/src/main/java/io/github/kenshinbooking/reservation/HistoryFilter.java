package io.github.kenshinbooking.reservation;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The history search form (HIST-1): exam start from/to (inclusive, local date-times) and status.
 * Immutable and thread-safe.
 *
 * @param from   the earliest exam start, inclusive, or empty for no lower bound
 * @param to     the latest exam start, inclusive, or empty for no upper bound
 * @param status the status to keep, or empty for both
 */
public record HistoryFilter(Optional<LocalDateTime> from, Optional<LocalDateTime> to,
        Optional<ReservationStatus> status) {
    /**
     * Checks the components.
     *
     * @param from the earliest exam start, inclusive, or empty for no lower bound
     * @param to the latest exam start, inclusive, or empty for no upper bound
     * @param status the status to keep, or empty for both
     * @throws NullPointerException if a component is {@code null}
     */
    public HistoryFilter {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        requireNonNull(status, "status");
    }

    /**
     * No filter: every reservation of the member.
     *
     * @return the empty filter
     */
    public static HistoryFilter all() {
        return new HistoryFilter(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The same filter keeping only one status.
     *
     * @param s the status to keep
     * @return a new filter
     */
    public HistoryFilter withStatus(ReservationStatus s) {
        return new HistoryFilter(from, to, Optional.of(s));
    }

    /**
     * The same filter with exam starts between two local date-times, both inclusive.
     *
     * @param fromInclusive the earliest start, or {@code null} for no lower bound
     * @param toInclusive the latest start, or {@code null} for no upper bound
     * @return a new filter
     */
    public HistoryFilter between(LocalDateTime fromInclusive, LocalDateTime toInclusive) {
        return new HistoryFilter(Optional.ofNullable(fromInclusive), Optional.ofNullable(toInclusive), status);
    }

    /**
     * Whether a reservation passes the filter.
     *
     * @param r the reservation
     * @param examStart its slot's local start date-time
     * @return {@code true} if its status and start match
     */
    public boolean accepts(Reservation r, LocalDateTime examStart) {
        return status.map(s -> s == r.status()).orElse(true)
                && from.map(f -> !examStart.isBefore(f)).orElse(true)
                && to.map(t -> !examStart.isAfter(t)).orElse(true);
    }
}
