package io.github.kenshinbooking.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** SES-4's pool of one on H2. */
class H2PoolOfOneTest extends PoolOfOneTests {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.H2, 2);

    @Override
    TestDatabase database() {
        return DB.get();
    }
}
