package io.github.kenshinbooking.testkit.scenario;

import static io.github.kenshinbooking.testkit.scenario.TestScenarios.BOOK_TARO;
import static io.github.kenshinbooking.testkit.scenario.TestScenarios.withSteps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.kenshinbooking.memory.InMemoryStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The JUnit factory: one dynamic test per file, failing with the runner's message. */
class ScenarioTestsTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a passing, a failing and an invalid file become three tests with the right outcomes")
    void oneTestPerFile() throws Exception {
        TestScenarios.write(dir, "a-pass.json", withSteps(BOOK_TARO));
        TestScenarios.write(dir, "b-fail.json", withSteps(BOOK_TARO, "{ \"do\": \"remaining\", \"slot\": \"s1\", \"expect\": 10 }"));
        Path invalid = TestScenarios.write(dir, "c-invalid.json", withSteps("{ \"do\": \"nap\" }"));
        Files.writeString(dir.resolve("readme.txt"), "not a scenario");

        List<DynamicNode> tests = ScenarioTests.dynamicTests(dir, InMemoryStorage::new).toList();

        assertThat(tests).extracting(DynamicNode::getDisplayName)
                .containsExactly("t [a-pass.json]", "t [b-fail.json]", "c-invalid.json");
        assertThat(outcome(tests.get(0))).isNull();
        assertThat(outcome(tests.get(1))).isInstanceOf(AssertionFailedError.class)
                .hasMessage("step 2: expected 10, got 9");
        assertThat(outcome(tests.get(2))).isInstanceOf(AssertionFailedError.class)
                .hasMessage(invalid + ": $.steps[0].do: unknown step \"nap\"; known: login, resume, logout, unlock, changePassword, setEmail, "
                        + "skipEmail, requestReset, resetPassword, book, change, cancel, cancelEvent, staffBook, closeSlot, reopenSlot, setCapacity, sendReminders, "
                        + "remaining, status, mark, optionRemaining, optionMark, calendar, deadline, eligible, history, mails, audit, "
                        + "joinWaitingList, leaveWaitingList, acceptOffer, declineOffer, runWaitingList, waitingList, subsidy, subsidyEligible");
        assertThat(tests.get(2).getTestSourceUri()).contains(invalid.toUri());
    }

    @Test
    @DisplayName("a folder that does not exist or holds no scenario fails visibly")
    void missingOrEmptyFolder() {
        List<DynamicNode> missing = ScenarioTests.dynamicTests(dir.resolve("nope"), InMemoryStorage::new).toList();
        List<DynamicNode> empty = ScenarioTests.dynamicTests(dir, InMemoryStorage::new).toList();

        assertThat(outcome(missing.get(0))).isInstanceOf(AssertionFailedError.class).hasMessageContaining("nope");
        assertThat(outcome(empty.get(0))).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("no *.json scenario files");
    }

    @Test
    @DisplayName("the shared corpus is found above the module directory when it is there")
    void sharedCorpusIsFound() {
        Optional<Path> shared = ScenarioFiles.findShared();
        Assumptions.assumeTrue(shared.isPresent(), "no shared/scenarios above " + Path.of("").toAbsolutePath());
        assertThat(shared.get().resolve("calendar.json")).exists();
    }

    @Test
    @DisplayName("the built-in corpus becomes one test per file of its index")
    void builtinCorpus() {
        List<DynamicNode> tests = ScenarioTests.builtinDynamicTests(InMemoryStorage::new).toList();

        assertThat(tests).hasSameSizeAs(ScenarioFiles.builtin()).isNotEmpty();
        assertThat(tests).extracting(DynamicNode::getDisplayName).allMatch(n -> n.endsWith(".json]"));
    }

    private static Throwable outcome(DynamicNode node) {
        return catchThrowable(() -> ((DynamicTest) node).getExecutable().execute());
    }
}
