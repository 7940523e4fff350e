package io.github.kenshinbooking.jdbc;

import io.github.kenshinbooking.storage.Storage;
import io.github.kenshinbooking.testkit.scenario.StorageFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The compliance scenarios (the shared corpus and the testkit's own, which use every step kind)
 * through the JDBC adapter: each scenario on a fresh database of the subclass's kind.
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

    @TestFactory
    @DisplayName("shared/scenarios pass on the JDBC adapter")
    Stream<DynamicNode> shared() {
        return io.github.kenshinbooking.testkit.scenario.ScenarioTests.sharedScenarios(this);
    }

    @TestFactory
    @DisplayName("the testkit's own scenarios (every step kind) pass on the JDBC adapter")
    Stream<DynamicNode> testkitScenarios() {
        Path dir = Path.of("../testkit/src/test/resources/scenarios");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("testkit/src/test/resources/scenarios");
        }
        return io.github.kenshinbooking.testkit.scenario.ScenarioTests.dynamicTests(dir, this);
    }
}
