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
    /** Where in the file, as a JSON path from {@code $}. */
    private final String jsonPath;
    /** What is wrong there. */
    private final String problem;

    /**
     * An invalid scenario; the message is {@code FILE: PATH: PROBLEM}.
     *
     * @param file     the scenario file
     * @param jsonPath where in the file, as a JSON path from {@code $}, indexes from 0
     * @param problem  what is wrong there
     */
    public InvalidScenarioException(Path file, String jsonPath, String problem) {
        super(file + ": " + jsonPath + ": " + problem);
        this.file = requireNonNull(file, "file");
        this.jsonPath = requireNonNull(jsonPath, "jsonPath");
        this.problem = requireNonNull(problem, "problem");
    }

    /**
     * The scenario file.
     *
     * @return the file
     */
    public Path file() {
        return file;
    }

    /**
     * Where in the file, as a JSON path from {@code $}.
     *
     * @return the JSON path, e.g. {@code $.steps[3].expect}
     */
    public String jsonPath() {
        return jsonPath;
    }

    /**
     * What is wrong there.
     *
     * @return the problem
     */
    public String problem() {
        return problem;
    }
}
