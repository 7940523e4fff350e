package io.github.kenshinbooking;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.observation.EngineObserver;
import io.github.kenshinbooking.observation.Operation;

/**
 * The engine's observer behind a guard: what the integrator's observer throws is logged and ignored, so
 * a committed booking is never answered as a failure because its metrics failed.
 */
final class SafeObserver implements EngineObserver {
    private static final System.Logger LOG = System.getLogger(SafeObserver.class.getName());

    private final EngineObserver delegate;

    SafeObserver(EngineObserver delegate) {
        this.delegate = requireNonNull(delegate, "delegate");
    }

    @Override
    public void succeeded(Operation operation) {
        try {
            delegate.succeeded(operation);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "engine observer failed on " + operation + " succeeded", e);
        }
    }

    @Override
    public void refused(Operation operation, ErrorCode code) {
        try {
            delegate.refused(operation, code);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "engine observer failed on " + operation + " refused " + code, e);
        }
    }
}
