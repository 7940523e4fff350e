package io.github.kenshinbooking.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** SES-4's login flood on H2. */
class H2LoginFloodTest extends LoginFloodTests {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.H2, POOL);

    @Override
    TestDatabase database() {
        return DB.get();
    }
}
