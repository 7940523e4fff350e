package io.github.kenshinbooking.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The waiting list's race on H2 (in memory). */
class H2WaitingListRaceTest extends WaitingListRaceTests {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.H2, 16);

    @Override
    TestDatabase database() {
        return DB.get();
    }
}
