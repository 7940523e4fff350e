package io.github.kenshinbooking.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DATA-1 and DATA-3 in constant memory: {@link HeapCheck} in a child JVM with a 64 MB heap imports
 * 100,000 members from CSV into an H2 file database (twice: the second time unchanged) and exports a
 * roster of 100,000 rows; a heap that held the file or the roster would run out.
 */
class StreamingHeapTest {
    static final String HEAP = "-Xmx64m";
    static final int MEMBERS = 100_000;

    @Test
    @DisplayName("DATA-1 DATA-3 100,000 members import and a 100,000-row roster exports in a 64 MB heap (H2 file)")
    void constantMemory(@TempDir Path dir) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), HEAP, "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), HeapCheck.class.getName(), dir.toString(),
                Integer.toString(MEMBERS))).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        boolean ended = p.waitFor(9, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        System.out.println("[HeapCheck " + HEAP + "] " + out);
        assertThat(ended).as("the child ended").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("members 100000 imported ImportReport[rows=100000, added=33334, changed=0, unchanged=0]")
                .contains("same file again ImportReport[rows=100000, added=0, changed=0, unchanged=33334]")
                .contains("roster rows 100000 exported");
        try (var lines = Files.lines(dir.resolve("roster.csv"), StandardCharsets.UTF_8)) {
            assertThat(lines.count()).isEqualTo(MEMBERS + 1);
        }
    }
}
