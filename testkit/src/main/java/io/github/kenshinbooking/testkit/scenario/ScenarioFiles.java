package io.github.kenshinbooking.testkit.scenario;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds scenario files: on disk, and the project's own corpus shipped in the testkit jar. */
public final class ScenarioFiles {
    /** Classpath folder of the built-in corpus. */
    public static final String BUILTIN_FOLDER = "/io/github/kenshinbooking/testkit/scenarios/";
    /** The corpus's index (one file name a line, {@code #} comments), so it can be listed from a jar. */
    public static final String BUILTIN_INDEX = BUILTIN_FOLDER + "index.txt";
    /** Classpath name of the JSON Schema (draft 2020-12) of scenario files. */
    public static final String SCHEMA = "/io/github/kenshinbooking/testkit/scenario.schema.json";

    private ScenarioFiles() {
    }

    /**
     * The project's own scenario corpus, shipped as resources of the testkit jar: every rule ID of
     * {@code docs/RULES.md} is cited (and exercised) by at least one of them. The paths may live in
     * a jar's file system; read them with {@link Scenario#load(Path)} or {@link Files}.
     *
     * @return the files, in the order of the index
     * @throws UncheckedIOException if the index or a file it names is missing
     */
    public static List<Path> builtin() {
        URL index = ScenarioFiles.class.getResource(BUILTIN_INDEX);
        if (index == null) {
            throw new UncheckedIOException(new NoSuchFileException("classpath:" + BUILTIN_INDEX));
        }
        try {
            Path folder = resourcePath(index).getParent();
            List<Path> files = new ArrayList<>();
            for (String name : indexEntries(index)) {
                Path file = folder.resolve(name);
                if (!Files.isRegularFile(file)) {
                    throw new NoSuchFileException(file.toUri() + " (named in " + BUILTIN_INDEX + ")");
                }
                files.add(file);
            }
            return List.copyOf(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JSON Schema of scenario files, as a stream the caller closes.
     *
     * @return the schema's bytes (UTF-8)
     * @throws UncheckedIOException if the resource is missing
     */
    public static InputStream schema() {
        InputStream in = ScenarioFiles.class.getResourceAsStream(SCHEMA);
        if (in == null) {
            throw new UncheckedIOException(new NoSuchFileException("classpath:" + SCHEMA));
        }
        return in;
    }

    private static List<String> indexEntries(URL index) throws IOException {
        List<String> names = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** A resource as a path: on disk as it is, inside a jar through the jar's (shared, kept open) file system. */
    private static synchronized Path resourcePath(URL url) throws IOException {
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("not a URI: " + url, e);
        }
        if (!"jar".equals(uri.getScheme())) {
            return Path.of(uri);
        }
        FileSystem fs;
        try {
            fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            fs = FileSystems.getFileSystem(uri);
        }
        String spec = uri.getSchemeSpecificPart();
        return fs.getPath(spec.substring(spec.indexOf("!/") + 1));
    }

    /**
     * The scenario files a path names: the file itself, or every {@code *.json} file under a
     * directory (recursively), sorted by path.
     *
     * @param fileOrDir a scenario file or a directory
     * @return the files; empty for a directory without {@code *.json} files
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
     *
     * @return the folder, or empty if there is none
     */
    public static Optional<Path> findShared() {
        return findUpwards(Path.of("shared", "scenarios"));
    }

    /**
     * The first {@code relative} directory found in the working directory or one of its parents.
     *
     * @param relative the directory to look for, relative to each candidate
     * @return its normalized path, or empty if no candidate has it
     */
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
