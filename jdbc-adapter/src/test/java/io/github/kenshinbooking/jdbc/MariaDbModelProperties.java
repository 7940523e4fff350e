package io.github.kenshinbooking.jdbc;

import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.AfterContainer;

/** The model-based property on MariaDB, from env {@code KENSHIN_MARIADB_URL}. */
@AddLifecycleHook(value = ServerAvailable.MariaDb.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
class MariaDbModelProperties extends ModelProperties {
    private static TestDatabase database;

    @Override
    TestDatabase database() {
        synchronized (MariaDbModelProperties.class) {
            if (database == null) {
                database = TestDatabase.open(TestDatabase.Kind.MARIADB, 4);
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
