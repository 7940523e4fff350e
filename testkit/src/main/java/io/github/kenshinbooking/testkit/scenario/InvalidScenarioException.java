package io.github.kenshinbooking.testkit.scenario;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A file is not a valid scenario: it names the file, the JSON path of the offending value (e.g.
 * {@code $.steps[3].expect}, indexes from 0) and what is wrong. The message is
 * {@code FILE: PATH: PROBLEM}.
 */
public final class InvalidScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String jsonPath;
    private final String problem;

    public InvalidScenarioException(Path file, String jsonPath, String problem) {
        super(file + ": " + jsonPath + ": " + problem);
        this.file = requireNonNull(file, "file");
        this.jsonPath = requireNonNull(jsonPath, "jsonPath");
        this.problem = requireNonNull(problem, "problem");
    }

    /** The scenario file. */
    public Path file() {
        return file;
    }

    /** Where in the file, as a JSON path from {@code $}. */
    public String jsonPath() {
        return jsonPath;
    }

    /** What is wrong there. */
    public String problem() {
        return problem;
    }
}
