package io.github.kenshinbooking.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OwnScenarioCoverageTest {
    /** The step table of docs/SCENARIOS.md. */
    private static final Set<String> KINDS = Set.of("login", "changePassword", "setEmail", "skipEmail", "requestReset",
            "resetPassword", "book", "change", "cancel", "cancelEvent", "sendReminders", "remaining", "status", "mark",
            "calendar", "deadline", "eligible", "history", "mails", "subsidy", "subsidyEligible", "unlock", "staffBook",
            "closeSlot", "reopenSlot", "setCapacity", "audit");

    @Test
    @DisplayName("the built-in corpus uses every step kind of SCENARIOS.md, staff and household forms included")
    void everyStepKindIsExercised() throws Exception {
        Set<String> seen = new HashSet<>();
        ObjectMapper mapper = new ObjectMapper();
        for (Path file : ScenarioFiles.builtin()) {
            for (JsonNode step : mapper.readTree(Files.readAllBytes(file)).get("steps")) {
                String kind = step.get("do").asText();
                seen.add(kind);
                step.fieldNames().forEachRemaining(k -> seen.add(kind + "." + k));
            }
        }

        assertThat(seen).containsAll(KINDS).contains("change.staff", "cancel.staff", "book.household",
                "change.household", "calendar.household", "book.idempotencyKey", "history.status", "history.from",
                "history.to", "mails.kind", "change.phone", "change.overrideClosing", "change.reason", "cancel.reason",
                "staffBook.overrideClosing", "staffBook.reason", "audit.reservation", "audit.slot", "audit.action");
    }
}
