package io.github.kenshinbooking.testkit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A JSON value with its JSON path in a scenario file, so every complaint names file, path and
 * problem. Object readers remember which keys were read, so unknown keys are reported. Internal.
 */
final class Node {
    /** Keys a scenario author may add anywhere as notes; they never change a run. */
    private static final Set<String> NOTE_KEYS = Set.of("comment", "comments", "note", "notes", "description",
            "why");
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int MAX_SHOWN = 60;

    private final Path file;
    private final String path;
    private final JsonNode json;
    private final Set<String> used = new LinkedHashSet<>();

    Node(Path file, String path, JsonNode json) {
        this.file = file;
        this.path = path;
        this.json = json;
    }

    String path() {
        return path;
    }

    JsonNode json() {
        return json;
    }

    Path file() {
        return file;
    }

    InvalidScenarioException error(String problem) {
        return new InvalidScenarioException(file, path, problem);
    }

    /** Whether a key counts as a note: a note key, or one starting with {@code _} or {@code $}. */
    static boolean isNoteKey(String key) {
        return NOTE_KEYS.contains(key) || key.startsWith("_") || key.startsWith("$");
    }

    static String childPath(String parent, String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            return parent + "." + key;
        }
        return parent + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /** The value as compact JSON, shortened for messages. */
    static String show(JsonNode n) {
        String s = n == null || n.isMissingNode() ? "nothing" : n.toString();
        return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN - 3) + "...";
    }

    // ---- objects ------------------------------------------------------------------------------

    Node object() throws InvalidScenarioException {
        if (!json.isObject()) {
            throw error("expected an object, found " + show(json));
        }
        return this;
    }

    boolean has(String key) {
        return json.has(key);
    }

    /** A required key of this object. */
    Node req(String key) throws InvalidScenarioException {
        used.add(key);
        JsonNode v = json.get(key);
        if (v == null) {
            throw new InvalidScenarioException(file, childPath(path, key), "missing (required here)");
        }
        return new Node(file, childPath(path, key), v);
    }

    /** An optional key of this object; a JSON {@code null} counts as present. */
    Optional<Node> opt(String key) {
        used.add(key);
        JsonNode v = json.get(key);
        return v == null ? Optional.empty() : Optional.of(new Node(file, childPath(path, key), v));
    }

    /** An optional key whose JSON {@code null} means absent. */
    Optional<Node> optNonNull(String key) {
        return opt(key).filter(n -> !n.json.isNull());
    }

    /** Complains about the first key that was not read and is not a note key. */
    void noOtherKeys(String where) throws InvalidScenarioException {
        Iterator<String> names = json.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!used.contains(k) && !isNoteKey(k)) {
                throw new InvalidScenarioException(file, childPath(path, k),
                        "unknown key \"" + k + "\" " + where + " (known: " + String.join(", ", used) + ")");
            }
        }
    }

    /** Every key and value of this object, in file order, notes excluded. */
    Map<String, Node> fields() throws InvalidScenarioException {
        object();
        Map<String, Node> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            used.add(e.getKey());
            out.put(e.getKey(), new Node(file, childPath(path, e.getKey()), e.getValue()));
        }
        return out;
    }

    List<Node> array() throws InvalidScenarioException {
        if (!json.isArray()) {
            throw error("expected an array, found " + show(json));
        }
        List<Node> out = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            out.add(new Node(file, path + "[" + i + "]", json.get(i)));
        }
        return out;
    }

    // ---- scalars ------------------------------------------------------------------------------

    String string() throws InvalidScenarioException {
        if (!json.isTextual()) {
            throw error("expected a string, found " + show(json));
        }
        return json.textValue();
    }

    /** A string, or the digits of an integral JSON number (symbol numbers written as numbers). */
    String stringOrDigits() throws InvalidScenarioException {
        if (json.isIntegralNumber() && json.canConvertToLong() && json.longValue() >= 0) {
            return json.asText();
        }
        return string();
    }

    /** A string, or {@code null} for JSON null (passed on to the engine as a missing input). */
    String stringOrNull() throws InvalidScenarioException {
        return json.isNull() ? null : string();
    }

    String nonBlank() throws InvalidScenarioException {
        String s = string();
        if (s.isBlank()) {
            throw error("must not be blank");
        }
        return s;
    }

    boolean bool() throws InvalidScenarioException {
        if (!json.isBoolean()) {
            throw error("expected true or false, found " + show(json));
        }
        return json.booleanValue();
    }

    long int64() throws InvalidScenarioException {
        if (!json.isIntegralNumber() || !json.canConvertToLong()) {
            throw error("expected an integer, found " + show(json));
        }
        return json.longValue();
    }

    int int32() throws InvalidScenarioException {
        if (!json.isIntegralNumber() || !json.canConvertToInt()) {
            throw error("expected an integer, found " + show(json));
        }
        return json.intValue();
    }

    int nonNegativeInt() throws InvalidScenarioException {
        int v = int32();
        if (v < 0) {
            throw error("must not be negative, found " + v);
        }
        return v;
    }

    LocalDate date() throws InvalidScenarioException {
        String s = string();
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw error("expected a date like \"2024-02-18\", found " + show(json));
        }
    }

    LocalTime time() throws InvalidScenarioException {
        String s = string();
        try {
            return LocalTime.parse(s);
        } catch (DateTimeParseException e) {
            throw error("expected a time like \"09:00\", found " + show(json));
        }
    }

    LocalDateTime dateTime() throws InvalidScenarioException {
        String s = string();
        try {
            return LocalDateTime.parse(s.length() > 10 && s.charAt(10) == ' ' ? s.replaceFirst(" ", "T") : s);
        } catch (DateTimeParseException e) {
            throw error("expected a local date-time like \"2024-02-04T23:59:59\", found " + show(json));
        }
    }

    /** A local date-time, or a date meaning its start ({@code endOfDay} false) or its last instant. */
    LocalDateTime dateOrDateTime(boolean endOfDay) throws InvalidScenarioException {
        String s = string();
        try {
            return LocalDateTime.parse(s.length() > 10 && s.charAt(10) == ' ' ? s.replaceFirst(" ", "T") : s);
        } catch (DateTimeParseException e) {
            try {
                LocalDate d = LocalDate.parse(s);
                return endOfDay ? d.atTime(LocalTime.MAX) : d.atStartOfDay();
            } catch (DateTimeParseException e2) {
                throw error("expected a date or local date-time like \"2024-02-18\" or \"2024-02-18T09:00\", found "
                        + show(json));
            }
        }
    }

    YearMonth month() throws InvalidScenarioException {
        String s = string();
        try {
            return YearMonth.parse(s);
        } catch (DateTimeParseException e) {
            throw error("expected a month like \"2024-02\", found " + show(json));
        }
    }

    /** One of the given names, exactly. */
    <E extends Enum<E>> E oneOf(Class<E> type) throws InvalidScenarioException {
        return oneOf(type, false);
    }

    /** One of the given names, exactly or ignoring case. */
    <E extends Enum<E>> E oneOf(Class<E> type, boolean ignoreCase) throws InvalidScenarioException {
        String s = string();
        for (E e : type.getEnumConstants()) {
            if (ignoreCase ? e.name().equalsIgnoreCase(s) : e.name().equals(s)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        throw error("expected one of " + String.join(", ", names) + ", found " + show(json));
    }
}
