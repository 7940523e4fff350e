package io.github.kenshinbooking.jdbc;

import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.AfterContainer;

/** The model-based property on PostgreSQL, from env {@code KENSHIN_PG_URL}. */
@AddLifecycleHook(value = ServerAvailable.Postgres.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
class PostgresModelProperties extends ModelProperties {
    private static TestDatabase database;

    @Override
    TestDatabase database() {
        synchronized (PostgresModelProperties.class) {
            if (database == null) {
                database = TestDatabase.open(TestDatabase.Kind.POSTGRESQL, 4);
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
