package io.github.kenshinbooking.testkit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kenshinbooking.error.Refusal;
import java.util.Optional;

/** What one step did: succeeded (with a value for queries) or was refused. Internal, immutable. */
final class Outcome {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final JsonNode value;
    private final Refusal refusal;
    private final String note;

    private Outcome(JsonNode value, Refusal refusal, String note) {
        this.value = value;
        this.refusal = refusal;
        this.note = note;
    }

    /** An action that succeeded and answers nothing but "ok". */
    static Outcome done() {
        return new Outcome(null, null, null);
    }

    /** A query that succeeded with a value. */
    static Outcome value(JsonNode value) {
        return new Outcome(value, null, null);
    }

    static Outcome refused(Refusal refusal) {
        return new Outcome(null, refusal, null);
    }

    /** The same outcome with a remark for the failure message (e.g. why a name had no reservation). */
    Outcome withNote(String remark) {
        return new Outcome(value, refusal, remark);
    }

    boolean isRefused() {
        return refusal != null;
    }

    Optional<Refusal> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** The value of a successful query; empty for a plain action or a refusal. */
    Optional<JsonNode> value() {
        return Optional.ofNullable(value);
    }

    Optional<String> note() {
        return Optional.ofNullable(note);
    }

    /** As JSON for messages: {@code "ok"}, the value, or {@code {"error":"CODE"}} (with its field). */
    String show() {
        if (refusal != null) {
            ObjectNode o = JSON.objectNode();
            o.put("error", refusal.code().name());
            refusal.field().ifPresent(f -> o.put("field", f));
            refusal.subject().ifPresent(f -> o.put("subject", f));
            return o.toString();
        }
        return value == null ? "\"ok\"" : value.toString();
    }
}
