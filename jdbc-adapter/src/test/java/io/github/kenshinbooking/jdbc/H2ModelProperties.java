package io.github.kenshinbooking.jdbc;

import net.jqwik.api.lifecycle.AfterContainer;

/** The model-based property on H2 (in memory). */
class H2ModelProperties extends ModelProperties {
    private static TestDatabase database;

    @Override
    TestDatabase database() {
        synchronized (H2ModelProperties.class) {
            if (database == null) {
                database = TestDatabase.open(TestDatabase.Kind.H2, 4);
            }
            return database;
        }
    }

    @AfterContainer
    static synchronized void closeDatabase() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
