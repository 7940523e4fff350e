package io.github.kenshinbooking.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Faults on MariaDB, from env {@code KENSHIN_MARIADB_URL}. */
class MariaDbFaultTest extends FaultTests {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.MARIADB, 8);

    @Override
    TestDatabase database() {
        return DB.get();
    }
}
