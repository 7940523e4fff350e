package io.github.kenshinbooking.jdbc;

import io.github.kenshinbooking.storage.Storage;
import io.github.kenshinbooking.testkit.contract.BadInputProperties;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.AfterContainer;

/** HARD-3 through every entry point (testkit's {@link BadInputProperties}) on MariaDB, from env {@code KENSHIN_MARIADB_URL}. */
@AddLifecycleHook(value = ServerAvailable.MariaDb.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
class MariaDbBadInputProperties extends BadInputProperties {
    private static TestDatabase database;

    private static TestDatabase database() {
        synchronized (MariaDbBadInputProperties.class) {
            if (database == null) {
                database = TestDatabase.open(TestDatabase.Kind.MARIADB, 4);
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
