package io.github.kenshinbooking.jdbc;

import io.github.kenshinbooking.storage.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

/** testkit's port contracts ({@link JdbcContracts}) on H2 (in memory). */
class H2ContractsTest extends JdbcContracts {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.H2, 16);

    @Override
    Storage fresh() {
        return DB.get().reset(false);
    }
}
