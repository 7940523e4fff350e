package io.github.kenshinbooking.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** A slot's places in stripes on H2 (in memory). */
class H2StripeTest extends StripeTests {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.H2, 16);

    @Override
    TestDatabase database() {
        return DB.get();
    }
}
