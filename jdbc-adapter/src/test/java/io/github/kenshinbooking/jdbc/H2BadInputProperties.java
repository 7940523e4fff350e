package io.github.kenshinbooking.jdbc;

import io.github.kenshinbooking.storage.Storage;
import io.github.kenshinbooking.testkit.contract.BadInputProperties;
import net.jqwik.api.lifecycle.AfterContainer;

/** HARD-3 through every entry point (testkit's {@link BadInputProperties}) on H2 (in memory). */
class H2BadInputProperties extends BadInputProperties {
    private static TestDatabase database;

    private static TestDatabase database() {
        synchronized (H2BadInputProperties.class) {
            if (database == null) {
                database = TestDatabase.open(TestDatabase.Kind.H2, 4);
            }
            return database;
        }
    }

    @Override
    protected Storage createStorage() {
        return database().reset(false);
    }

    @AfterContainer
    static synchronized void closeDatabase() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
