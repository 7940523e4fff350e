package io.github.kenshinbooking.testkit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.schedule.SlotStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a step's {@code expect}: success, "ok", a refusal, or a value of the shape its kind answers with. Internal. */
final class ExpectationReader {
    private static final Set<String> MARKS = Set.of("○", "△", "×");

    /** The shape a query's value takes; actions take {@link #NONE}. */
    enum ValueType { NONE, LOGIN, INTEGER, STATUS, MARK, CALENDAR, DATETIME, BOOLEAN, NAMES }

    private ExpectationReader() {
    }

    static Expectation read(Optional<Node> node, ValueType type, String kind)
            throws InvalidScenarioException {
        if (node.isEmpty()) {
            return new Expectation.Success();
        }
        Node e = node.get();
        JsonNode j = e.json();
        if (j.isTextual() && j.textValue().equalsIgnoreCase("ok")) {
            return new Expectation.Ok();
        }
        if (j.isObject() && j.has("error")) {
            ErrorCode code = e.req("error").oneOf(ErrorCode.class);
            Optional<String> field = e.optNonNull("field").isPresent() ? Optional.of(e.req("field").string())
                    : Optional.empty();
            Optional<String> subject = e.optNonNull("subject").isPresent() ? Optional.of(e.req("subject").string())
                    : Optional.empty();
            e.noOtherKeys("in an error expectation");
            return new Expectation.Refused(code, field, subject, j);
        }
        String forms = "\"ok\", {\"error\": CODE}";
        switch (type) {
            case NONE -> throw e.error("expected " + forms + " for \"" + kind + "\", found " + Node.show(j));
            case LOGIN -> {
                if (!j.isObject() || j.size() != 1 || !j.has("firstLogin") || !j.get("firstLogin").isBoolean()) {
                    throw e.error("expected " + forms + " or {\"firstLogin\": true|false} for \"login\", found "
                            + Node.show(j));
                }
                return new Expectation.Value(j, j);
            }
            case INTEGER -> {
                if (!j.isIntegralNumber()) {
                    throw e.error("expected " + forms + " or an integer for \"" + kind + "\", found " + Node.show(j));
                }
                return new Expectation.Value(j, j);
            }
            case STATUS -> {
                e.oneOf(SlotStatus.class);
                return new Expectation.Value(j, j);
            }
            case MARK -> {
                if (!j.isTextual() || !MARKS.contains(j.textValue())) {
                    throw e.error("expected " + forms + " or one of \"○\", \"△\", \"×\" for \"mark\", found "
                            + Node.show(j));
                }
                return new Expectation.Value(j, j);
            }
            case CALENDAR -> {
                if (!j.isObject()) {
                    throw e.error("expected " + forms + " or an object of date → status for \"calendar\", found "
                            + Node.show(j));
                }
                for (Map.Entry<String, Node> day : e.fields().entrySet()) {
                    try {
                        LocalDate.parse(day.getKey());
                    } catch (DateTimeParseException ex) {
                        throw day.getValue().error("a calendar key is a date like \"2024-02-18\", found \""
                                + day.getKey() + "\"");
                    }
                    day.getValue().oneOf(SlotStatus.class);
                }
                return new Expectation.Value(j, j);
            }
            case DATETIME -> {
                LocalDateTime t;
                try {
                    t = e.dateOrDateTime(false);
                } catch (InvalidScenarioException ex) {
                    throw e.error("expected " + forms + " or a local date-time like \"2024-02-05T00:00\" for \""
                            + kind + "\", found " + Node.show(j));
                }
                return new Expectation.Value(TextNode.valueOf(t.toString()), j);
            }
            case BOOLEAN -> {
                if (!j.isBoolean()) {
                    throw e.error("expected " + forms + ", true or false for \"" + kind + "\", found " + Node.show(j));
                }
                return new Expectation.Value(j, j);
            }
            case NAMES -> {
                for (Node item : e.array()) {
                    item.string();
                }
                return new Expectation.Value(j, j);
            }
            default -> throw new AssertionError(type);
        }
    }
}
