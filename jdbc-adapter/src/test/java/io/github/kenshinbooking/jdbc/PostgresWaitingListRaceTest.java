package io.github.kenshinbooking.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The waiting list's race on PostgreSQL, from env {@code KENSHIN_PG_URL}. */
class PostgresWaitingListRaceTest extends WaitingListRaceTests {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.POSTGRESQL, 16);

    @Override
    TestDatabase database() {
        return DB.get();
    }
}
