package io.github.kenshinbooking.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine's races on a Galera cluster, from env {@code KENSHIN_GALERA_URLS}: the threads book
 * through engines over the nodes in turn (no causal reads), so rival writes on different nodes meet
 * only in certification, and the loser's deadlock error (1213) runs its unit of work again.
 */
class GaleraConcurrencyTest extends ConcurrencyTests {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.GALERA, 16);

    @Override
    TestDatabase database() {
        return DB.get();
    }
}
