package io.github.kenshinbooking.testkit.scenario;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kenshinbooking.error.ErrorCode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** A step's {@code expect}, parsed. Internal; immutable. */
sealed interface Expectation {

    /** The expectation as JSON, for messages. */
    String show();

    boolean accepts(Outcome outcome);

    /** {@code null} if the outcome meets the expectation, else {@code expected X, got Y}. */
    default String mismatch(Outcome outcome) {
        if (accepts(outcome)) {
            return null;
        }
        return "expected " + show() + ", got " + outcome.show() + outcome.note().map(n -> " (" + n + ")").orElse("");
    }

    /** No {@code expect}: the step must succeed. */
    record Success() implements Expectation {
        @Override
        public String show() {
            return "\"ok\"";
        }

        @Override
        public boolean accepts(Outcome o) {
            return !o.isRefused();
        }
    }

    /** {@code "ok"}: the step must succeed; a query's value is not checked. */
    record Ok() implements Expectation {
        @Override
        public String show() {
            return "\"ok\"";
        }

        @Override
        public boolean accepts(Outcome o) {
            return !o.isRefused();
        }
    }

    /**
     * {@code {"error": CODE}} (optionally with {@code "field"}, and {@code "subject"}: the optional test or
     * course refused, OPT-1, OPT-2, CRS-1): the step must be refused so.
     */
    record Refused(ErrorCode code, Optional<String> field, Optional<String> subject, JsonNode written)
            implements Expectation {
        public Refused {
            requireNonNull(code, "code");
            requireNonNull(field, "field");
            requireNonNull(subject, "subject");
            requireNonNull(written, "written");
        }

        @Override
        public String show() {
            return written.toString();
        }

        @Override
        public boolean accepts(Outcome o) {
            return o.refusal().filter(r -> r.code() == code)
                    .filter(r -> field.isEmpty() || field.equals(r.field()))
                    .filter(r -> subject.isEmpty() || subject.equals(r.subject())).isPresent();
        }
    }

    /**
     * A value: the query must succeed with an equivalent value (numbers by value, objects as maps,
     * arrays in order).
     *
     * @param compared what is compared (e.g. a date-time in its canonical form)
     * @param written  what the file says, for messages
     */
    record Value(JsonNode compared, JsonNode written) implements Expectation {
        public Value {
            requireNonNull(compared, "compared");
            requireNonNull(written, "written");
        }

        @Override
        public String show() {
            return written.toString();
        }

        @Override
        public boolean accepts(Outcome o) {
            return !o.isRefused() && o.value().map(v -> equivalent(compared, v)).orElse(false);
        }
    }

    /** JSON equality with numbers compared by value and object keys in any order. */
    static boolean equivalent(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            BigDecimal x = a.decimalValue();
            BigDecimal y = b.decimalValue();
            return x.compareTo(y) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                JsonNode other = b.get(e.getKey());
                if (other == null || !equivalent(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equivalent(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
