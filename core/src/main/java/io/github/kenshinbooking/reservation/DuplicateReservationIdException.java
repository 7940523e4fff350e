package io.github.kenshinbooking.reservation;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.InfrastructureException;

/**
 * A new reservation's id (予約ID) is held by a stored reservation already: the {@link ReservationIds}
 * handed it out a second time, as a database sequence can after a fail-over to a standby that had not
 * received the sequence's last advance. Never a rule outcome and never the household's doing. The
 * store that throws it has written nothing of the booking, and its id source no longer hands out the
 * ids it held, so the booking can be written again with a new id (the engine does so, a bounded number
 * of times). Immutable and thread-safe.
 */
public final class DuplicateReservationIdException extends InfrastructureException {
    private static final long serialVersionUID = 1L;

    /** The value of the id in use (a long, so the exception stays serializable). */
    private final long id;

    /**
     * The failure for an id that a stored reservation holds.
     *
     * @param id the id in use
     * @param cause the adapter's exception (a unique-key violation), or {@code null}
     */
    public DuplicateReservationIdException(ReservationId id, Throwable cause) {
        super("reservation " + requireNonNull(id, "id").value() + " exists already", cause);
        this.id = id.value();
    }

    /**
     * The id that was in use.
     *
     * @return the id
     */
    public ReservationId id() {
        return ReservationId.of(id);
    }
}
