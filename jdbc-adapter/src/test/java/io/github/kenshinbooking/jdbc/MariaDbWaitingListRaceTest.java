package io.github.kenshinbooking.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The waiting list's race on MariaDB, from env {@code KENSHIN_MARIADB_URL}. */
class MariaDbWaitingListRaceTest extends WaitingListRaceTests {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.MARIADB, 16);

    @Override
    TestDatabase database() {
        return DB.get();
    }
}
