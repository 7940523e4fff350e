package io.github.kenshinbooking.testkit.scenario;

import static io.github.kenshinbooking.testkit.scenario.TestScenarios.FIXTURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.kenshinbooking.memory.InMemoryStorage;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HARD-5 and scenarios: the policy refuses PBKDF2 below 600,000 iterations, but a scenario that names
 * a lower {@code pbkdf2Iterations} still runs, since the runner hashes with its own test-only hasher.
 */
class ScenarioHashingCostTest {
    @TempDir
    Path dir;

    private Scenario load(String iterations) throws InvalidScenarioException {
        return Scenario.load(TestScenarios.write(dir, "cost.json", "{ \"name\": \"t\", \"policy\": { \"pbkdf2Iterations\": "
                + iterations + " },\n" + FIXTURE + """
                "steps": [ { "do": "login", "symbolNumber": "1999999", "kana": "ｹﾝｾﾂ ﾀﾛｳ", "password": "sakura2024",
                             "expect": { "firstLogin": false } } ] }"""));
    }

    @Test
    @DisplayName("HARD-5 a scenario's pbkdf2Iterations below the floor leaves the default in the policy and runs")
    void hard5_lowScenarioCostKeepsTheDefault() throws Exception {
        Scenario s = load("1000");

        assertThat(s.policy().passwords().pbkdf2Iterations()).isEqualTo(600_000);
        assertThat(new ScenarioRunner(InMemoryStorage::new).run(s).passed()).isTrue();
        assertThat(load("599999").policy().passwords().pbkdf2Iterations()).isEqualTo(600_000);
    }

    @Test
    @DisplayName("HARD-5 a scenario's pbkdf2Iterations at or above the floor is the policy's")
    void hard5_scenarioCostAtOrAboveTheFloorKept() throws Exception {
        assertThat(load("600000").policy().passwords().pbkdf2Iterations()).isEqualTo(600_000);
        assertThat(load("700000").policy().passwords().pbkdf2Iterations()).isEqualTo(700_000);
    }

    @Test
    @DisplayName("a pbkdf2Iterations of 0 is no cost at all: invalid, naming the key")
    void zeroIsInvalid() {
        InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class, () -> load("0"));

        assertThat(e).isNotNull();
        assertThat(e.jsonPath()).isEqualTo("$.policy.pbkdf2Iterations");
        assertThat(e.problem()).contains("positive");
    }
}
