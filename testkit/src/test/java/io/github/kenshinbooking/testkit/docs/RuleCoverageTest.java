package io.github.kenshinbooking.testkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.testkit.scenario.ScenarioFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/RULES.md and the built-in corpus agree: every rule ID is cited by at least one shipped scenario. */
class RuleCoverageTest {
    static final Pattern RULE_ID = Pattern.compile(
            "\\b(HH|AUTH|PW|MAIL-ADDR|RESET|ELIG|ONE|SLOT|BOOK|CHG|CNL|ORDER|HIST|MAIL|SUB|SES|HARD|STAFF|AUDIT|CRS|OPT|WAIT)-\\d+\\b");

    private final Path rules = RepositoryRoot.find().resolve("docs/RULES.md");
    private final Path rules2 = RepositoryRoot.find().resolve("docs/RULES-2.md");

    private Set<String> ruleIds() throws IOException {
        Set<String> ids = new TreeSet<>();
        for (String line : Files.readAllLines(rules, StandardCharsets.UTF_8)) {
            Matcher defining = Pattern.compile("^- \\*\\*(" + RULE_ID.pattern() + ")\\*\\*").matcher(line);
            if (defining.find()) {
                ids.add(defining.group(1));
            }
        }
        return ids;
    }

    /** The rule IDs of docs/RULES-2.md marked "(implemented)" where they are defined; the planned ones are not. */
    private Set<String> implementedRules2() throws IOException {
        Set<String> ids = new TreeSet<>();
        for (String line : Files.readAllLines(rules2, StandardCharsets.UTF_8)) {
            Matcher defining = Pattern.compile("^- \\*\\*(" + RULE_ID.pattern() + ")\\*\\* \\(implemented\\)").matcher(line);
            if (defining.find()) {
                ids.add(defining.group(1));
            }
        }
        return ids;
    }

    /** Rule ID → the corpus files citing it. */
    private static Map<String, Set<String>> cited() throws IOException {
        Map<String, Set<String>> cited = new TreeMap<>();
        ObjectMapper mapper = new ObjectMapper();
        for (Path file : ScenarioFiles.builtin()) {
            JsonNode rulesNode = mapper.readTree(Files.readAllBytes(file)).path("rules");
            for (JsonNode id : rulesNode) {
                cited.computeIfAbsent(id.asText(), k -> new TreeSet<>()).add(file.getFileName().toString());
            }
        }
        return cited;
    }

    @Test
    @DisplayName("docs/RULES.md defines the 39 rule IDs of the catalogue")
    void catalogue() throws IOException {
        Set<String> ids = ruleIds();

        assertThat(ids).hasSize(39).contains("HH-1", "MAIL-ADDR-1", "ORDER-1", "SUB-2");
        // every ID mentioned anywhere in the text is a defined one
        Matcher any = RULE_ID.matcher(Files.readString(rules, StandardCharsets.UTF_8));
        while (any.find()) {
            assertThat(ids).contains(any.group());
        }
    }

    @Test
    @DisplayName("SES-1 SES-2 SES-3 STAFF-2 STAFF-3 STAFF-4 AUDIT-1 every rule ID of docs/RULES.md and every implemented one of docs/RULES-2.md is cited"
            + " by a scenario of the built-in corpus, and no other")
    void everyRuleIsCovered() throws IOException {
        Set<String> ids = ruleIds();
        Set<String> implemented = implementedRules2();
        assertThat(implemented).contains("SES-1", "SES-2", "SES-3", "STAFF-2", "STAFF-3", "STAFF-4", "AUDIT-1");
        ids.addAll(implemented);
        Map<String, Set<String>> cited = cited();

        assertThat(cited.keySet()).containsAll(ids);
        assertThat(ids).containsAll(cited.keySet());
    }

    @Test
    @DisplayName("docs/RULES.md lists exactly the engine's error codes")
    void errorCodes() throws IOException {
        String text = Files.readString(rules, StandardCharsets.UTF_8);
        String table = text.substring(text.indexOf("## Error codes"));
        Set<String> listed = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|").matcher(table);
        while (m.find()) {
            listed.add(m.group(1));
        }

        assertThat(listed).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
    }
}
