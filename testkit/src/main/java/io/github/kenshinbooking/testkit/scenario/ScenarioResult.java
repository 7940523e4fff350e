package io.github.kenshinbooking.testkit.scenario;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The result of one scenario run: its name, whether it passed and, if not, why
 * ({@code step N: expected X, got Y}) and the exception behind it, if any. Immutable and thread-safe.
 *
 * @param name    the scenario's name
 * @param passed  whether every step met its expectation
 * @param failure why it failed; present exactly when not passed
 * @param cause   the exception or refusal behind the failure, if any
 */
public record ScenarioResult(String name, boolean passed, Optional<String> failure, Optional<Throwable> cause) {
    /**
     * Checks the components.
     *
     * @param name    the scenario's name
     * @param passed  whether every step met its expectation
     * @param failure why it failed; present exactly when not passed
     * @param cause   the exception or refusal behind the failure, if any
     * @throws NullPointerException     if a component is {@code null}
     * @throws IllegalArgumentException unless {@code failure} is present exactly when not passed
     */
    public ScenarioResult {
        requireNonNull(name, "name");
        requireNonNull(failure, "failure");
        requireNonNull(cause, "cause");
        if (passed == failure.isPresent()) {
            throw new IllegalArgumentException("a failure message exactly when not passed");
        }
    }

    /**
     * A passed run.
     *
     * @param name the scenario's name
     * @return the result
     */
    public static ScenarioResult pass(String name) {
        return new ScenarioResult(name, true, Optional.empty(), Optional.empty());
    }

    /**
     * A failed run.
     *
     * @param name    the scenario's name
     * @param failure why it failed
     * @param cause   the exception or refusal behind it, or {@code null}
     * @return the result
     */
    public static ScenarioResult fail(String name, String failure, Throwable cause) {
        return new ScenarioResult(name, false, Optional.of(failure), Optional.ofNullable(cause));
    }

    /**
     * The report line, always one line: {@code PASS name} or {@code FAIL name: failure}.
     *
     * @return the line, line breaks replaced by spaces
     */
    public String line() {
        String line = passed ? "PASS " + name : "FAIL " + name + ": " + failure.get();
        return line.replaceAll("\\R+", " ");
    }
}
