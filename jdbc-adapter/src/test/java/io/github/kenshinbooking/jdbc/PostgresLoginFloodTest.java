package io.github.kenshinbooking.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** SES-4's login flood on Postgres. */
class PostgresLoginFloodTest extends LoginFloodTests {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.POSTGRESQL, POOL);

    @Override
    TestDatabase database() {
        return DB.get();
    }
}
