package io.github.kenshinbooking.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** A slot's places in stripes on PostgreSQL, from env {@code KENSHIN_PG_URL}. */
class PostgresStripeTest extends StripeTests {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.POSTGRESQL, 16);

    @Override
    TestDatabase database() {
        return DB.get();
    }
}
