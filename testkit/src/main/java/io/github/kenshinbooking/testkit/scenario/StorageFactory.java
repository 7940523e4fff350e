package io.github.kenshinbooking.testkit.scenario;

import io.github.kenshinbooking.storage.Storage;

/**
 * Where scenarios keep their data: one fresh, empty {@link Storage} per scenario. The in-memory
 * adapter is {@code InMemoryStorage::new}; a JDBC adapter creates a fresh schema per call.
 */
@FunctionalInterface
public interface StorageFactory {
    /**
     * A new, empty store; called once per scenario, before the scenario's setup.
     *
     * @return a store holding no data, not shared with an earlier scenario
     */
    Storage fresh();
}
