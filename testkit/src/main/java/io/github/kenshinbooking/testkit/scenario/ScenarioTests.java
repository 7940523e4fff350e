package io.github.kenshinbooking.testkit.scenario;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Turns scenario files into JUnit 5 dynamic tests, one per file, against a storage adapter:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> scenarios() {
 *     return ScenarioTests.dynamicTests(Path.of("src/test/resources/scenarios"), InMemoryStorage::new);
 * }
 * }</pre>
 *
 * A failing scenario fails its test with {@code step N: expected X, got Y}; an invalid file fails
 * its test with file, JSON path and problem.
 */
public final class ScenarioTests {
    private ScenarioTests() {
    }

    /**
     * One dynamic test per scenario file under {@code dirOrFile}, sorted by path.
     *
     * @param dirOrFile a scenario file or a directory searched recursively for {@code *.json}
     * @param factory   gives each scenario a fresh, empty store
     * @return the tests; a single failing test if the path cannot be listed or holds no scenario
     */
    public static Stream<DynamicNode> dynamicTests(Path dirOrFile, StorageFactory factory) {
        requireNonNull(dirOrFile, "dirOrFile");
        ScenarioRunner runner = new ScenarioRunner(requireNonNull(factory, "factory"));
        List<Path> files;
        try {
            files = ScenarioFiles.collect(dirOrFile);
        } catch (IOException e) {
            return Stream.of(DynamicTest.dynamicTest(String.valueOf(dirOrFile), () -> Assertions.fail(
                    "cannot list scenarios in " + dirOrFile + ": " + e, e)));
        }
        if (files.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest(String.valueOf(dirOrFile), () -> Assertions.fail(
                    "no *.json scenario files in " + dirOrFile)));
        }
        return tests(files, runner);
    }

    /**
     * The project's own corpus shipped in the testkit jar ({@link ScenarioFiles#builtin()}, every
     * rule ID of {@code docs/RULES.md}) as dynamic tests, one per file, in index order:
     *
     * <pre>{@code
     * @TestFactory
     * Stream<DynamicNode> builtin() {
     *     return ScenarioTests.builtinDynamicTests(MyStorage::fresh);
     * }
     * }</pre>
     *
     * @param factory gives each scenario a fresh, empty store
     * @return the tests
     */
    public static Stream<DynamicNode> builtinDynamicTests(StorageFactory factory) {
        ScenarioRunner runner = new ScenarioRunner(requireNonNull(factory, "factory"));
        return tests(ScenarioFiles.builtin(), runner);
    }

    private static Stream<DynamicNode> tests(List<Path> files, ScenarioRunner runner) {
        List<DynamicNode> tests = new ArrayList<>(files.size());
        for (Path file : files) {
            tests.add(test(file, runner));
        }
        return tests.stream();
    }

    /**
     * The project's shared corpus ({@code shared/scenarios}, found upwards from the working
     * directory) as dynamic tests; a single skipped test saying why if it is not there.
     *
     * @param factory gives each scenario a fresh, empty store
     * @return the tests
     */
    public static Stream<DynamicNode> sharedScenarios(StorageFactory factory) {
        requireNonNull(factory, "factory");
        return ScenarioFiles.findShared().map(dir -> dynamicTests(dir, factory))
                .orElseGet(() -> Stream.of(DynamicTest.dynamicTest("shared/scenarios", () -> Assumptions.abort(
                        "no shared/scenarios directory above " + Path.of("").toAbsolutePath()))));
    }

    private static DynamicNode test(Path file, ScenarioRunner runner) {
        Scenario scenario;
        try {
            scenario = Scenario.load(file);
        } catch (InvalidScenarioException e) {
            return DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(),
                    () -> Assertions.fail(e.getMessage(), e));
        }
        return DynamicTest.dynamicTest(scenario.name() + " [" + file.getFileName() + "]", file.toUri(), () -> {
            ScenarioResult r = runner.run(scenario);
            if (!r.passed()) {
                Assertions.fail(r.failure().get(), r.cause().orElse(null));
            }
        });
    }
}
