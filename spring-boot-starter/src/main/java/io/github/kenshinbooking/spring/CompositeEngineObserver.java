package io.github.kenshinbooking.spring;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.observation.EngineObserver;
import io.github.kenshinbooking.observation.Operation;
import java.util.List;

/** Every {@link EngineObserver} bean, told in order; one that throws does not keep the others from hearing. */
final class CompositeEngineObserver implements EngineObserver {
    private final List<EngineObserver> observers;

    CompositeEngineObserver(List<EngineObserver> observers) {
        this.observers = List.copyOf(observers);
    }

    @Override
    public void succeeded(Operation operation) {
        RuntimeException first = null;
        for (EngineObserver o : observers) {
            try {
                o.succeeded(operation);
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first; // the engine logs and ignores it
        }
    }

    @Override
    public void refused(Operation operation, ErrorCode code) {
        RuntimeException first = null;
        for (EngineObserver o : observers) {
            try {
                o.refused(operation, code);
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
