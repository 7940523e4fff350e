package io.github.kenshinbooking.testkit.scenario;

import io.github.kenshinbooking.memory.InMemoryStorage;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The scenario corpora through the runner against the in-memory adapter. */
class InMemoryScenariosTest {

    @TestFactory
    @DisplayName("shared/scenarios pass on the in-memory adapter")
    Stream<DynamicNode> sharedScenarios() {
        return ScenarioTests.sharedScenarios(InMemoryStorage::new);
    }

    @TestFactory
    @DisplayName("the built-in corpus (every rule ID, every step kind) passes on the in-memory adapter")
    Stream<DynamicNode> builtinScenarios() {
        return ScenarioTests.builtinDynamicTests(InMemoryStorage::new);
    }
}
