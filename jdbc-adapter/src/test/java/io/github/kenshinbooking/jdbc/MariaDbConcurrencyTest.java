package io.github.kenshinbooking.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The engine's races on MariaDB, from env {@code KENSHIN_MARIADB_URL}. */
class MariaDbConcurrencyTest extends ConcurrencyTests {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.MARIADB, 16);

    @Override
    TestDatabase database() {
        return DB.get();
    }
}
