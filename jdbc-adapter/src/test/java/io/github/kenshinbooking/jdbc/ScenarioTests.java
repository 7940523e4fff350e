package io.github.kenshinbooking.jdbc;

import io.github.kenshinbooking.storage.Storage;
import io.github.kenshinbooking.testkit.scenario.StorageFactory;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/**
 * The compliance scenarios (the testkit's built-in corpus, and the shared one when it is there)
 * through the JDBC adapter: each scenario on a fresh database of the subclass's kind. Without the
 * server's env variable (and without env {@code CI}) each factory is skipped with the reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScenarioTests implements StorageFactory {
    private TestDatabase current;

    abstract TestDatabase.Kind kind();

    @Override
    public Storage fresh() {
        close();
        current = TestDatabase.open(kind(), 4);
        return current.storage();
    }

    @AfterAll
    void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    /**
     * Checks the server before any scenario test exists: when it is not configured (and env
     * {@code CI} is unset) the reason, as one skipped test, so the report counts it and says which
     * variable to set; with {@code CI} set a missing server fails the factory. (Opening the
     * database inside each scenario's test instead turned the skip into one failure per scenario.)
     */
    private Optional<Stream<DynamicNode>> skipWithoutServer(String what) {
        try {
            switch (kind()) {
                case POSTGRESQL -> TestDatabase.serverUrl(TestDatabase.PG_ENV,
                        "jdbc:postgresql://127.0.0.1:5432/test?user=postgres", "PostgreSQL");
                case MARIADB -> TestDatabase.serverUrl(TestDatabase.MARIADB_ENV,
                        "jdbc:mariadb://127.0.0.1:3306/test?user=root", "MariaDB");
                case H2 -> {
                }
            }
            return Optional.empty();
        } catch (TestAbortedException e) {
            String reason = e.getMessage();
            System.err.println("[SKIPPED] " + getClass().getSimpleName() + " " + what + ": " + reason);
            return Optional.of(Stream.of(DynamicTest.dynamicTest(what + " (skipped: " + reason + ")",
                    () -> Assumptions.abort(reason))));
        }
    }

    @TestFactory
    @DisplayName("the built-in corpus (every rule ID, every step kind) passes on the JDBC adapter")
    Stream<DynamicNode> builtin() {
        return skipWithoutServer("built-in corpus").orElseGet(
                () -> io.github.kenshinbooking.testkit.scenario.ScenarioTests.builtinDynamicTests(this));
    }

    @TestFactory
    @DisplayName("shared/scenarios pass on the JDBC adapter (when ../shared is there)")
    Stream<DynamicNode> shared() {
        Optional<Stream<DynamicNode>> skipped = skipWithoutServer("shared/scenarios");
        if (skipped.isPresent()) {
            return skipped.get();
        }
        return io.github.kenshinbooking.testkit.scenario.ScenarioTests.sharedScenarios(this);
    }
}
