package io.github.kenshinbooking.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Faults on H2 (in memory). */
class H2FaultTest extends FaultTests {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.H2, 8);

    @Override
    TestDatabase database() {
        return DB.get();
    }
}
