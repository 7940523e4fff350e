package io.github.kenshinbooking.jdbc;

import io.github.kenshinbooking.storage.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * testkit's port contracts ({@link JdbcContracts}) on a Galera cluster, from env
 * {@code KENSHIN_GALERA_URLS}, on the first node (the migrations and every statement of the adapter
 * as Galera runs them).
 */
class GaleraContractsTest extends JdbcContracts {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.GALERA, 16);

    @Override
    Storage fresh() {
        return DB.get().reset(false);
    }
}
