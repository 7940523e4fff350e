package io.github.kenshinbooking.observation;

import io.github.kenshinbooking.error.ErrorCode;

/**
 * Hears the outcome of each use case, for metrics or an audit trail: a success only after its unit
 * of work committed, a refusal with its {@link ErrorCode} when the use case answers one. Set one on
 * {@link io.github.kenshinbooking.KenshinBooking.Builder#observer}; the default hears nothing.
 *
 * <p>Called on the caller's thread, outside any unit of work and with no lock held, so it must be
 * quick and thread-safe. What it throws is logged and ignored: the caller gets the use case's outcome
 * either way. Both methods do nothing by default, so an observer implements only what it needs.
 */
public interface EngineObserver {
    /** The observer that hears nothing, the engine's default. */
    EngineObserver NONE = new EngineObserver() {
    };

    /**
     * A use case succeeded and its change is committed.
     *
     * @param operation what succeeded
     */
    default void succeeded(Operation operation) {
    }

    /**
     * A use case answered a refusal: nothing of it was written, except that a refused login still
     * counts toward its lockout (AUTH-4).
     *
     * @param operation what was refused
     * @param code      the refusal's code, e.g. {@link ErrorCode#SLOT_FULL}
     */
    default void refused(Operation operation, ErrorCode code) {
    }
}
