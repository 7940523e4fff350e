package io.github.kenshinbooking.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.memory.InMemoryStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Generated capacity scenarios: expectations from SLOT-3 pass, and a wrong count fails at its step. */
class ScenarioRunnerProperties {

    @Property(tries = 40)
    void capacityScenariosFollowSlot3(@ForAll @IntRange(min = 0, max = 6) int capacity,
            @ForAll @IntRange(min = 0, max = 8) int bookers) throws Exception {
        int booked = Math.min(capacity, bookers);

        ScenarioResult r = run(scenario(capacity, bookers, capacity - booked));

        assertThat(r.passed()).as(r.line()).isTrue();
    }

    @Property(tries = 40)
    void aWrongRemainingCountFailsAtTheLastStep(@ForAll @IntRange(min = 0, max = 6) int capacity,
            @ForAll @IntRange(min = 0, max = 8) int bookers, @ForAll @IntRange(min = -3, max = 9) int claimed) throws Exception {
        int actual = capacity - Math.min(capacity, bookers);
        Assume.that(claimed != actual);

        ScenarioResult r = run(scenario(capacity, bookers, claimed));

        assertThat(r.failure()).contains("step " + (bookers + 1) + ": expected " + claimed + ", got " + actual);
    }

    /** One household of eligible members; each books the slot in turn; the first {@code capacity} succeed. */
    private static String scenario(int capacity, int bookers, int expectedRemaining) {
        List<String> members = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        for (int i = 0; i <= Math.max(0, bookers - 1); i++) {
            members.add("{ \"key\": \"m" + i + "\", \"kana\": \"ｶﾅ " + i + "\", \"birthDate\": \"196" + i % 10
                    + "-05-05\"" + (i == 0 ? ", \"representative\": true" : "") + " }");
        }
        for (int i = 0; i < bookers; i++) {
            String expect = i < capacity ? "\"ok\"" : "{ \"error\": \"SLOT_FULL\" }";
            steps.add("{ \"at\": \"2024-01-10T10:00\", \"do\": \"book\", \"member\": \"m" + i
                    + "\", \"slot\": \"s\", \"phone\": \"0312345678\", \"acceptTerms\": true, \"expect\": " + expect + " }");
        }
        steps.add("{ \"do\": \"remaining\", \"slot\": \"s\", \"expect\": " + expectedRemaining + " }");
        return "{ \"name\": \"capacity " + capacity + "\", \"households\": [ { \"symbolNumber\": \"1\", "
                + "\"password\": \"sakura2024\", \"members\": [" + String.join(",", members) + "] } ], "
                + "\"slots\": [ { \"key\": \"s\", \"venue\": \"v\", \"date\": \"2024-02-18\", \"time\": \"09:00\", "
                + "\"capacity\": " + capacity + ", \"receptionOpens\": \"2023-12-01T00:00\" } ], "
                + "\"steps\": [" + String.join(",", steps) + "] }";
    }

    private static ScenarioResult run(String json) throws IOException, InvalidScenarioException {
        Path file = Files.createTempFile("capacity", ".json");
        try {
            Files.writeString(file, json);
            return new ScenarioRunner(InMemoryStorage::new).run(Scenario.load(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
