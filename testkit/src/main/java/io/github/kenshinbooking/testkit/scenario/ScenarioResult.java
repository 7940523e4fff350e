package io.github.kenshinbooking.testkit.scenario;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The result of one scenario run: its name, whether it passed and, if not, why
 * ({@code step N: expected X, got Y}) and the exception behind it, if any. Immutable and thread-safe.
 */
public record ScenarioResult(String name, boolean passed, Optional<String> failure, Optional<Throwable> cause) {
    public ScenarioResult {
        requireNonNull(name, "name");
        requireNonNull(failure, "failure");
        requireNonNull(cause, "cause");
        if (passed == failure.isPresent()) {
            throw new IllegalArgumentException("a failure message exactly when not passed");
        }
    }

    public static ScenarioResult pass(String name) {
        return new ScenarioResult(name, true, Optional.empty(), Optional.empty());
    }

    public static ScenarioResult fail(String name, String failure, Throwable cause) {
        return new ScenarioResult(name, false, Optional.of(failure), Optional.ofNullable(cause));
    }

    /** The report line, always one line: {@code PASS name} or {@code FAIL name: failure}. */
    public String line() {
        String line = passed ? "PASS " + name : "FAIL " + name + ": " + failure.get();
        return line.replaceAll("\\R+", " ");
    }
}
