package io.github.kenshinbooking.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** A slot's places in stripes on MariaDB, from env {@code KENSHIN_MARIADB_URL}. */
class MariaDbStripeTest extends StripeTests {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.MARIADB, 16);

    @Override
    TestDatabase database() {
        return DB.get();
    }
}
