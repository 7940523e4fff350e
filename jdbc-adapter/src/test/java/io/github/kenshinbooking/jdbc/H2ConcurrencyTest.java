package io.github.kenshinbooking.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The engine's races on H2 (in memory). */
class H2ConcurrencyTest extends ConcurrencyTests {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.H2, 16);

    @Override
    TestDatabase database() {
        return DB.get();
    }
}
