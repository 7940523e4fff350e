package io.github.kenshinbooking.jdbc;

import io.github.kenshinbooking.storage.HouseholdRegistry;
import io.github.kenshinbooking.storage.Storage;
import io.github.kenshinbooking.testkit.contract.ImportProperties;
import net.jqwik.api.lifecycle.AfterContainer;

/** DATA-2 and DATA-3 all or nothing (testkit's {@link ImportProperties}) on H2 (in memory). */
class H2ImportProperties extends ImportProperties {
    private static TestDatabase database;

    private static TestDatabase database() {
        synchronized (H2ImportProperties.class) {
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

    @Override
    protected HouseholdRegistry createRegistry(Storage storage) {
        return JdbcHouseholdDirectory.of((JdbcStorage) storage);
    }

    @AfterContainer
    static synchronized void closeDatabase() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
