package io.github.kenshinbooking.examples;

import io.github.kenshinbooking.memory.InMemoryStorage;
import io.github.kenshinbooking.storage.Storage;
import io.github.kenshinbooking.testkit.scenario.StorageFactory;

/**
 * Where the commands keep their data: a {@link StorageFactory} (a fresh, empty store per scenario)
 * that can be closed when the command ends. One implementation per target.
 */
interface StorageTarget extends StorageFactory, AutoCloseable {

    /** A short description for messages, e.g. {@code in-memory}. */
    String describe();

    @Override
    void close();

    /** The target used without {@code --jdbc-url}: embedded H2 in memory, migrations applied (SCENARIOS.md). */
    static StorageTarget defaultTarget() {
        return JdbcTarget.embeddedH2();
    }

    /** The in-memory adapter of core. */
    static StorageTarget inMemory() {
        return new StorageTarget() {
            @Override
            public Storage fresh() {
                return new InMemoryStorage();
            }

            @Override
            public String describe() {
                return "in-memory";
            }

            @Override
            public void close() {
            }
        };
    }
}
