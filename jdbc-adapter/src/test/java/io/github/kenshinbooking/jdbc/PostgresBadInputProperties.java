package io.github.kenshinbooking.jdbc;

import io.github.kenshinbooking.storage.Storage;
import io.github.kenshinbooking.testkit.contract.BadInputProperties;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.AfterContainer;

/** HARD-3 through every entry point (testkit's {@link BadInputProperties}) on PostgreSQL, from env {@code KENSHIN_PG_URL}. */
@AddLifecycleHook(value = ServerAvailable.Postgres.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
class PostgresBadInputProperties extends BadInputProperties {
    private static TestDatabase database;

    private static TestDatabase database() {
        synchronized (PostgresBadInputProperties.class) {
            if (database == null) {
                database = TestDatabase.open(TestDatabase.Kind.POSTGRESQL, 4);
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
