package io.github.kenshinbooking.testkit.scenario;

import io.github.kenshinbooking.memory.InMemoryStorage;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The scenario corpus through the runner against the in-memory adapter. */
class InMemoryScenariosTest {

    @TestFactory
    @DisplayName("shared/scenarios pass on the in-memory adapter")
    Stream<DynamicNode> sharedScenarios() {
        return ScenarioTests.sharedScenarios(InMemoryStorage::new);
    }

    @TestFactory
    @DisplayName("the testkit's own scenarios (every step kind) pass on the in-memory adapter")
    Stream<DynamicNode> ownScenarios() throws URISyntaxException {
        return ScenarioTests.dynamicTests(resource("/scenarios"), InMemoryStorage::new);
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(InMemoryScenariosTest.class.getResource(name), name).toURI());
    }
}
