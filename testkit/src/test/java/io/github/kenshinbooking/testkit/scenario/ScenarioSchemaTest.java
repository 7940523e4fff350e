package io.github.kenshinbooking.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.memory.InMemoryStorage;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.schedule.SlotStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON Schema shipped for scenario files agrees with the loader: what one accepts the other does. */
class ScenarioSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Schema SCHEMA = load();

    private static Schema load() {
        try (InputStream in = ScenarioFiles.schema()) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> errors(Path file) throws IOException {
        JsonNode json = MAPPER.readTree(Files.readAllBytes(file));
        return SCHEMA.validate(json).stream().map(Error::toString).toList();
    }

    static Stream<Path> corpus() {
        return ScenarioFiles.builtin().stream();
    }

    static Stream<Path> valid() throws IOException, URISyntaxException {
        return ScenarioFiles.collect(resource("/schema/valid")).stream();
    }

    static Stream<Path> invalid() throws IOException, URISyntaxException {
        return ScenarioFiles.collect(resource("/schema/invalid")).stream();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(ScenarioSchemaTest.class.getResource(name), name).toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @DisplayName("every file of the built-in corpus is valid against the schema")
    void corpusIsValid(Path file) throws IOException {
        assertThat(errors(file)).as(file.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    @DisplayName("files using the loader's lenient forms are valid against the schema, load and pass")
    void lenientFilesAreValid(Path file) throws Exception {
        assertThat(errors(file)).as(file.toString()).isEmpty();
        ScenarioResult result = new ScenarioRunner(InMemoryStorage::new).run(Scenario.load(file));
        assertThat(result.failure()).as(file.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    @DisplayName("invalid files are rejected by the schema, and by the loader too")
    void invalidFilesAreRejected(Path file) throws IOException {
        assertThat(errors(file)).as(file.toString()).isNotEmpty();
        assertThatThrownBy(() -> Scenario.load(file)).isInstanceOf(InvalidScenarioException.class);
    }

    @Test
    @DisplayName("the shared examples (../shared/scenarios, when that folder exists) are valid against the schema")
    void sharedExamplesAreValid() throws IOException {
        Path shared = ScenarioFiles.findShared().orElse(null);
        Assumptions.assumeTrue(shared != null, "no shared/scenarios above " + Path.of("").toAbsolutePath());
        List<String> problems = new ArrayList<>();
        for (Path file : ScenarioFiles.collect(shared)) {
            errors(file).forEach(e -> problems.add(file.getFileName() + ": " + e));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("the schema's error codes, slot statuses and mail kinds are the engine's")
    void enumsMatchTheEngine() throws IOException {
        JsonNode defs;
        try (InputStream in = ScenarioFiles.schema()) {
            defs = MAPPER.readTree(in).get("$defs");
        }
        assertThat(texts(defs.get("errorCode").get("enum")))
                .containsExactlyElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
        assertThat(texts(defs.get("slotStatus").get("enum")))
                .containsExactlyElementsOf(Arrays.stream(SlotStatus.values()).map(Enum::name).toList());
        String mailKinds = defs.get("mailKind").get("pattern").asText();
        for (NotificationKind k : NotificationKind.values()) {
            assertThat(k.name()).matches(mailKinds);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
