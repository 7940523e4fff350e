package io.github.kenshinbooking.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Faults on PostgreSQL, from env {@code KENSHIN_PG_URL}. */
class PostgresFaultTest extends FaultTests {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.POSTGRESQL, 8);

    @Override
    TestDatabase database() {
        return DB.get();
    }
}
