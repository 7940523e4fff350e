package io.github.kenshinbooking.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** SES-4's pool of one on Postgres. */
class PostgresPoolOfOneTest extends PoolOfOneTests {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.POSTGRESQL, 2);

    @Override
    TestDatabase database() {
        return DB.get();
    }
}
