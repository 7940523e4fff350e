package io.github.kenshinbooking.examples;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.testkit.scenario.InvalidScenarioException;
import io.github.kenshinbooking.testkit.scenario.Scenario;
import io.github.kenshinbooking.testkit.scenario.ScenarioFiles;
import io.github.kenshinbooking.testkit.scenario.ScenarioResult;
import io.github.kenshinbooking.testkit.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code scenarios [--builtin] FILE_OR_DIR...}: loads every scenario first, runs the valid ones in file order
 * and prints {@code PASS name} / {@code FAIL name: step N: expected X, got Y}, then
 * {@code N passed, M failed}. Invalid files are reported on the error stream with file, JSON path
 * and problem, and make the exit status 2 even if every valid scenario passed.
 */
final class ScenariosCommand {
    private final StorageTarget target;
    private final PrintStream out;
    private final PrintStream err;

    ScenariosCommand(StorageTarget target, PrintStream out, PrintStream err) {
        this.target = requireNonNull(target, "target");
        this.out = requireNonNull(out, "out");
        this.err = requireNonNull(err, "err");
    }

    int run(List<String> paths) {
        return run(false, paths);
    }

    /** With {@code builtin}, the testkit's shipped corpus first (in its index's order), then the paths. */
    int run(boolean builtin, List<String> paths) {
        boolean invalid = false;
        Set<Path> files = new LinkedHashSet<>();
        if (builtin) {
            try {
                files.addAll(ScenarioFiles.builtin());
            } catch (UncheckedIOException e) {
                err.println("--builtin: the corpus cannot be read: " + e.getCause());
                invalid = true;
            }
        }
        for (String p : paths) {
            try {
                List<Path> found = ScenarioFiles.collect(Path.of(p));
                if (found.isEmpty()) {
                    err.println(p + ": no *.json scenario files");
                    invalid = true;
                }
                files.addAll(found);
            } catch (NoSuchFileException e) {
                err.println(p + ": no such file or directory");
                invalid = true;
            } catch (IOException | RuntimeException e) {
                err.println(p + ": cannot be read: " + e);
                invalid = true;
            }
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (Path f : files) {
            try {
                scenarios.add(Scenario.load(f));
            } catch (InvalidScenarioException e) {
                err.println("INVALID " + e.getMessage());
                invalid = true;
            }
        }
        ScenarioRunner runner = new ScenarioRunner(target);
        int passed = 0;
        int failed = 0;
        for (Scenario s : scenarios) {
            ScenarioResult r = runner.run(s);
            out.println(r.line());
            if (r.passed()) {
                passed++;
            } else {
                failed++;
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        return invalid ? Main.INVALID : failed > 0 ? Main.FAILED : Main.OK;
    }
}
