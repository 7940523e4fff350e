package io.github.kenshinbooking.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One parsed mail template: a {@code Subject:} line, a blank line, then the body, with
 * {@code ${name}} placeholders and {@code $$} for a literal dollar sign. Parsing checks every
 * placeholder against the known names, so a bad union template fails when it is installed, not
 * when a mail is sent. Immutable and thread-safe. Internal.
 */
final class MailTemplate {
    private static final String SUBJECT_PREFIX = "Subject:";
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private sealed interface Segment permits Text, Slot {
    }

    private record Text(String text) implements Segment {
    }

    private record Slot(String name) implements Segment {
    }

    private final List<Segment> subject;
    private final List<List<Segment>> body;

    private MailTemplate(List<Segment> subject, List<List<Segment>> body) {
        this.subject = subject;
        this.body = body;
    }

    /**
     * Parses a template.
     *
     * @throws IllegalArgumentException if the format is wrong or a placeholder is not in {@code known}
     */
    static MailTemplate parse(String source, Set<String> known) {
        if (source == null) {
            throw new IllegalArgumentException("template is required");
        }
        String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        String[] lines = text.split("\n", -1);
        if (!lines[0].startsWith(SUBJECT_PREFIX)) {
            throw new IllegalArgumentException("line 1 must start with \"" + SUBJECT_PREFIX + "\"");
        }
        String subjectText = lines[0].substring(SUBJECT_PREFIX.length()).strip();
        if (subjectText.isEmpty()) {
            throw new IllegalArgumentException("line 1: the subject is empty");
        }
        List<Segment> subject = parseLine(subjectText, 1, known);
        List<List<Segment>> body = new ArrayList<>();
        if (lines.length > 1) {
            if (!lines[1].isBlank()) {
                throw new IllegalArgumentException("line 2 must be blank: it separates the subject from the body");
            }
            for (int i = 2; i < lines.length; i++) {
                body.add(parseLine(lines[i], i + 1, known));
            }
        }
        return new MailTemplate(subject, List.copyOf(body));
    }

    private static List<Segment> parseLine(String line, int lineNo, Set<String> known) {
        List<Segment> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '$') {
                text.append('$');
                i += 2;
            } else if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '{') {
                int close = line.indexOf('}', i + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("line " + lineNo + ": unclosed placeholder \"${\"");
                }
                String name = line.substring(i + 2, close);
                if (!NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("line " + lineNo + ": malformed placeholder \"${" + name
                            + "}\"");
                }
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("line " + lineNo + ": unknown placeholder \"${" + name
                            + "}\"; known are " + new java.util.TreeSet<>(known));
                }
                if (text.length() > 0) {
                    out.add(new Text(text.toString()));
                    text.setLength(0);
                }
                out.add(new Slot(name));
                i = close + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        if (text.length() > 0) {
            out.add(new Text(text.toString()));
        }
        return List.copyOf(out);
    }

    /** The subject: one line, control characters (a value's line breaks included) turned into spaces. */
    String subject(Map<String, String> values) {
        String s = join(subject, values);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        return sb.toString().strip();
    }

    /**
     * The body, lines joined by {@code \n}. A line that holds nothing but one placeholder (and
     * white space) whose value is empty is left out, so optional blocks need no conditionals.
     */
    String body(Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (List<Segment> line : body) {
            if (onlyEmptySlot(line, values)) {
                continue;
            }
            if (!first) {
                sb.append('\n');
            }
            first = false;
            sb.append(join(line, values));
        }
        return sb.toString();
    }

    private static boolean onlyEmptySlot(List<Segment> line, Map<String, String> values) {
        int slots = 0;
        boolean empty = true;
        for (Segment s : line) {
            if (s instanceof Slot slot) {
                slots++;
                empty = values.getOrDefault(slot.name(), "").isEmpty();
            } else if (!((Text) s).text().isBlank()) {
                return false;
            }
        }
        return slots == 1 && empty;
    }

    private static String join(List<Segment> segments, Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            if (s instanceof Slot slot) {
                sb.append(values.getOrDefault(slot.name(), ""));
            } else {
                sb.append(((Text) s).text());
            }
        }
        return sb.toString();
    }
}
