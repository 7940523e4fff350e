package io.github.kenshinbooking.jdbc;

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

/**
 * AUDIT-2 in the adapter's own code: no statement of the JDBC adapter, in its Java sources or its
 * migrations, updates, deletes, truncates, merges into or upserts the audit table {@code kb_audit}, but the
 * retention purge of DATA-4, which empties a record's details and nothing else.
 * The sources are read as text from the module's {@code src/main} (the working directory of the test
 * run), Java string concatenations joined first.
 */
class AuditAppendOnlyTest {
    /** A statement that changes or removes rows of kb_audit, or the table itself. */
    static final Pattern CHANGES_AUDIT = Pattern.compile("(?is)\\b(?:UPDATE|DELETE\\s+FROM|DELETE|TRUNCATE(?:\\s+TABLE)?"
            + "|MERGE\\s+INTO|REPLACE\\s+INTO|DROP\\s+TABLE|ALTER\\s+TABLE)\\s+(?:IF\\s+EXISTS\\s+)?[\\w.\"`]*kb_audit\\b"
            + "|\\bkb_audit\\b[^;]*?\\bON\\s+(?:CONFLICT[^;]*?DO\\s+UPDATE|DUPLICATE\\s+KEY\\s+UPDATE)"
            + "|CREATE\\s+(?:OR\\s+REPLACE\\s+)?TRIGGER[^;]*?\\bkb_audit\\b");
    /** Java's {@code " + "} between two string literals, possibly across lines. */
    private static final Pattern CONCATENATION = Pattern.compile("\"\\s*\\+\\s*\"");

    private static List<String> offences(String text) {
        Matcher m = CHANGES_AUDIT.matcher(CONCATENATION.matcher(text).replaceAll(""));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static List<Path> sources() throws IOException {
        Path main = Path.of("src", "main");
        assertThat(main.resolve("java/io/github/kenshinbooking/jdbc/JdbcAuditLog.java")).as("run from the module").exists();
        try (Stream<Path> files = Files.walk(main)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql")).toList();
        }
    }

    @Test
    @DisplayName("AUDIT-2 no UPDATE, DELETE, TRUNCATE, MERGE, upsert or trigger on kb_audit in the adapter's sources and migrations")
    void noStatementChangesAuditRows() throws IOException {
        List<Path> files = sources();
        assertThat(files).anySatisfy(p -> assertThat(p.toString()).endsWith("V6__audit_staff.sql"));
        List<String> found = new ArrayList<>();
        int mentioning = 0;
        for (Path p : files) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            mentioning += text.contains("kb_audit") ? 1 : 0;
            offences(text).forEach(o -> found.add(p + ": " + o));
        }
        assertThat(mentioning).as("files naming kb_audit").isGreaterThanOrEqualTo(5);
        // the one exception, DATA-4's retention purge: it empties a record's details and leaves the record
        List<String> purge = found.stream().filter(o -> o.contains("JdbcRetentionStore.java")).toList();
        assertThat(purge).hasSize(1);
        found.removeAll(purge);
        assertThat(found).isEmpty();
    }

    @Test
    @DisplayName("DATA-4 AUDIT-2 the retention purge assigns only a record's details: summaries, reason, household actor"
            + " and target; never its time, channel, action or kinds, and deletes nothing")
    void retentionPurgeChangesOnlyDetails() throws IOException {
        String text = CONCATENATION.matcher(Files.readString(
                Path.of("src/main/java/io/github/kenshinbooking/jdbc/JdbcRetentionStore.java"), StandardCharsets.UTF_8))
                .replaceAll("");
        Matcher set = Pattern.compile("(?s)UPDATE kb_audit SET (.*?) WHERE").matcher(text);
        assertThat(set.find()).isTrue();
        List<String> assigned = new ArrayList<>();
        Matcher column = Pattern.compile("(?:^|,)\\s*(\\w+)\\s*=").matcher(set.group(1));
        while (column.find()) {
            assigned.add(column.group(1));
        }
        assertThat(assigned).containsExactlyInAnyOrder("before_summary", "after_summary", "reason", "actor_id",
                "actor_member", "target_id");
        assertThat(set.find()).isFalse();
        assertThat(text).doesNotContainPattern("(?i)DELETE\\s+FROM\\s+kb_audit");
    }

    @Test
    @DisplayName("AUDIT-2 the check finds each kind of statement that would change audit rows (it is not blind)")
    void checkIsNotBlind() {
        assertThat(offences("String sql = \"DELETE FROM kb_audit WHERE id = ?\";")).hasSize(1);
        assertThat(offences("\"UPDATE \" + \"kb_audit SET reason = ?\"")).hasSize(1);
        assertThat(offences("\"UPDATE kb_audit\"\n        + \" SET x = 1\"")).hasSize(1);
        assertThat(offences("delete from kb_audit")).hasSize(1);
        assertThat(offences("TRUNCATE TABLE kb_audit;")).hasSize(1);
        assertThat(offences("MERGE INTO kb_audit (id) KEY (id) VALUES (?)")).hasSize(1);
        assertThat(offences("INSERT INTO kb_audit (id) VALUES (?) ON DUPLICATE KEY UPDATE id = id")).hasSize(1);
        assertThat(offences("INSERT INTO kb_audit (id) VALUES (?) ON CONFLICT (id) DO UPDATE SET id = 1")).hasSize(1);
        assertThat(offences("CREATE TRIGGER t BEFORE INSERT ON kb_audit")).hasSize(1);
        assertThat(offences("INSERT INTO kb_audit (a) VALUES (?); UPDATE kb_slot SET x = 1")).isEmpty();
        assertThat(offences("SELECT id FROM kb_audit ORDER BY occurred_at")).isEmpty();
    }
}
