package io.github.kenshinbooking.jdbc;

import io.github.kenshinbooking.storage.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

/** testkit's port contracts ({@link JdbcContracts}) on PostgreSQL, from env {@code KENSHIN_PG_URL} (skipped without it unless env {@code CI} is set). */
class PostgresContractsTest extends JdbcContracts {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.POSTGRESQL, 16);

    @Override
    Storage fresh() {
        return DB.get().reset(false);
    }
}
