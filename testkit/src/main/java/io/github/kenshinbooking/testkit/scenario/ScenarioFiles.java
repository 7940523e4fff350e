package io.github.kenshinbooking.testkit.scenario;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds scenario files. Stateless. */
public final class ScenarioFiles {
    private ScenarioFiles() {
    }

    /**
     * The scenario files a path names: the file itself, or every {@code *.json} file under a
     * directory (recursively), sorted by path.
     *
     * @throws NoSuchFileException if the path does not exist
     */
    public static List<Path> collect(Path fileOrDir) throws IOException {
        requireNonNull(fileOrDir, "fileOrDir");
        if (!Files.exists(fileOrDir)) {
            throw new NoSuchFileException(fileOrDir.toString());
        }
        if (!Files.isDirectory(fileOrDir)) {
            return List.of(fileOrDir);
        }
        try (Stream<Path> s = Files.walk(fileOrDir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted().toList();
        }
    }

    /**
     * The project's shared scenario folder, {@code shared/scenarios}, found by walking up from the
     * working directory (a module directory when run by Maven).
     */
    public static Optional<Path> findShared() {
        return findUpwards(Path.of("shared", "scenarios"));
    }

    /** The first {@code relative} directory found in the working directory or one of its parents. */
    public static Optional<Path> findUpwards(Path relative) {
        requireNonNull(relative, "relative");
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate.normalize());
            }
        }
        return Optional.empty();
    }
}
