package io.github.kenshinbooking.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The engine's races on PostgreSQL, from env {@code KENSHIN_PG_URL}. */
class PostgresConcurrencyTest extends ConcurrencyTests {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.POSTGRESQL, 16);

    @Override
    TestDatabase database() {
        return DB.get();
    }
}
