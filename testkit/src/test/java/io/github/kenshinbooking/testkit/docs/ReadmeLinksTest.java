package io.github.kenshinbooking.testkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The repository stands alone: every relative link of its Markdown files points at a file inside it. */
class ReadmeLinksTest {
    /** Inline links {@code [text](target "title")} and reference definitions {@code [id]: target}. */
    private static final Pattern INLINE = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE = Pattern.compile("(?m)^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private final Path root = RepositoryRoot.find();

    /** README.md, docs/*.md and every module's README.md. */
    private List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        try (Stream<Path> modules = Files.list(root)) {
            modules.filter(Files::isDirectory).map(d -> d.resolve("README.md")).filter(Files::isRegularFile).sorted()
                    .forEach(files::add);
        }
        return files;
    }

    static List<String> links(String markdown) {
        String text = markdown.replaceAll("(?ms)^\\s*(```|~~~).*?^\\s*\\1[^\\n]*$", "");
        List<String> out = new ArrayList<>();
        for (Pattern p : List.of(INLINE, REFERENCE)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    @Test
    @DisplayName("README.md, docs/*.md and */README.md link only to files inside the repository, none to ../shared")
    void relativeLinksStayInside() throws IOException {
        List<Path> files = markdownFiles();
        assertThat(files).contains(root.resolve("docs/RULES.md"), root.resolve("docs/RULES-2.md"),
                root.resolve("docs/SCENARIOS.md"), root.resolve("docs/DESIGN.md"));
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path file : files) {
            String where = root.relativize(file).toString();
            for (String link : links(Files.readString(file, StandardCharsets.UTF_8))) {
                if (SCHEME.matcher(link).find() || link.startsWith("#")) {
                    continue;
                }
                checked++;
                String path = link.replaceAll("[#?].*$", "");
                if (link.startsWith("../shared") || path.startsWith("/")) {
                    problems.add(where + ": " + link + " points outside the repository");
                    continue;
                }
                Path target = file.getParent().resolve(path).normalize();
                if (!target.startsWith(root)) {
                    problems.add(where + ": " + link + " leaves the repository");
                } else if (!Files.exists(target)) {
                    problems.add(where + ": " + link + " does not exist");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).as("relative links checked").isGreaterThan(5);
    }

    @Test
    @DisplayName("the README has a Documentation list linking the four docs")
    void readmeListsTheDocs() throws IOException {
        List<String> links = links(Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8));

        assertThat(links).contains("docs/RULES.md", "docs/RULES-2.md", "docs/SCENARIOS.md", "docs/DESIGN.md");
    }

    @Test
    @DisplayName("the link parser finds inline and reference links and skips code blocks")
    void parser() {
        assertThat(links("""
                See [rules](docs/RULES.md#auth-4) and [`x`](../shared/spec/X.md "title").
                ```java
                int[] a = b[0](c);
                ```
                [ref]: docs/DESIGN.md
                """)).containsExactly("docs/RULES.md#auth-4", "../shared/spec/X.md", "docs/DESIGN.md");
    }
}
