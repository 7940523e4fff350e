package io.github.kenshinbooking.testkit.docs;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root: the first directory at or above the module's base directory that holds {@code mvnw}. */
final class RepositoryRoot {
    private RepositoryRoot() {
    }

    static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir.normalize();
            }
        }
        throw new IllegalStateException("no directory with mvnw at or above " + Path.of("").toAbsolutePath());
    }
}
