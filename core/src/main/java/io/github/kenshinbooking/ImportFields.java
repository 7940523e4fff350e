package io.github.kenshinbooking;

import io.github.kenshinbooking.error.InputText;
import io.github.kenshinbooking.error.LineError;
import io.github.kenshinbooking.error.Refusal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The text fields of an import row (DATA-2, DATA-3) checked one by one, each bad one collected as a
 * {@link LineError} of the row's line, at most the policy's number of them kept (the rest only
 * counted) so that a file of any size is checked in bounded memory. Every text passes HARD-3's check
 * on the raw value before it is trimmed or normalised. Not thread-safe: one per import.
 */
final class ImportFields {
    private static final DateTimeFormatter DATE_DASH = strict("uuuu-M-d");
    private static final DateTimeFormatter DATE_SLASH = strict("uuuu/M/d");
    private static final DateTimeFormatter TIME = strict("H:mm");
    /** Dates, times and numbers are short: a longer input is refused before it is normalised. */
    private static final int MAX_SHORT = 40;

    private final int maxReported;
    private final List<LineError> reported = new ArrayList<>();
    private long count;
    private long line;
    private boolean rowBad;

    ImportFields(int maxReported) {
        this.maxReported = maxReported;
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    /** Starts checking the row on that line. */
    void row(long rowLine) {
        this.line = Math.max(1, rowLine);
        this.rowBad = false;
    }

    /** Whether a field of the current row was bad. */
    boolean rowBad() {
        return rowBad;
    }

    boolean any() {
        return count > 0;
    }

    /** Records an error of the current row. */
    void fail(String field, String detail) {
        fail(line, field, detail);
    }

    /** Records an error of another line (e.g. a household's first row). */
    void fail(long errorLine, String field, String detail) {
        if (errorLine == line) {
            rowBad = true;
        }
        count++;
        if (reported.size() < maxReported) {
            reported.add(new LineError(Math.max(1, errorLine), field, detail));
        }
    }

    /** The refusal of every error so far. */
    Refusal refusal() {
        return Refusal.importInvalid(reported, count);
    }

    /** A required single-line text: HARD-3 on the raw value, then trimmed; empty if bad. */
    Optional<String> text(String raw, String field, int maxLength) {
        if (raw == null) {
            fail(field, "required");
            return Optional.empty();
        }
        try {
            InputText.line(raw, field, maxLength);
        } catch (Refusal r) {
            fail(field, r.getMessage());
            return Optional.empty();
        }
        if (raw.isBlank()) {
            fail(field, "required");
            return Optional.empty();
        }
        return Optional.of(raw.strip());
    }

    /** An optional single-line text: empty (and no error) when missing or blank. */
    Optional<String> optionalText(String raw, String field, int maxLength) {
        if (isMissing(raw)) {
            return Optional.empty();
        }
        return text(raw, field, maxLength);
    }

    /** Null, or blank without a control character (a tab is one: it is refused, not taken for blank). */
    private static boolean isMissing(String raw) {
        return raw == null || (raw.isBlank() && InputText.isClean(raw));
    }

    /** A required short value, NFKC-normalised (full-width digits accepted). */
    Optional<String> normalised(String raw, String field) {
        return text(raw, field, MAX_SHORT).map(s -> Normalizer.normalize(s, Normalizer.Form.NFKC).strip());
    }

    Optional<LocalDate> date(String raw, String field) {
        return normalised(raw, field).flatMap(s -> parseDate(s, field));
    }

    Optional<LocalDate> optionalDate(String raw, String field) {
        if (isMissing(raw)) {
            return Optional.empty();
        }
        return date(raw, field);
    }

    private Optional<LocalDate> parseDate(String s, String field) {
        try {
            return Optional.of(LocalDate.parse(s, s.contains("/") ? DATE_SLASH : DATE_DASH));
        } catch (DateTimeParseException e) {
            fail(field, "a date such as 2024-06-16 or 2024/6/16: " + s);
            return Optional.empty();
        }
    }

    Optional<LocalTime> time(String raw, String field) {
        return normalised(raw, field).flatMap(s -> {
            try {
                return Optional.of(LocalTime.parse(s, TIME));
            } catch (DateTimeParseException e) {
                fail(field, "a time such as 9:00 or 13:30: " + s);
                return Optional.empty();
            }
        });
    }

    /** A date and time, {@code 2024-04-01 09:00} or with a {@code T} or slashes. */
    Optional<LocalDateTime> dateTime(String raw, String field) {
        return normalised(raw, field).flatMap(s -> {
            String[] parts = s.split("[ T]+", 2);
            if (parts.length == 2) {
                try {
                    LocalDate d = LocalDate.parse(parts[0], parts[0].contains("/") ? DATE_SLASH : DATE_DASH);
                    return Optional.of(LocalDateTime.of(d, LocalTime.parse(parts[1].strip(), TIME)));
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
            fail(field, "a date and time such as 2024-04-01 09:00: " + s);
            return Optional.empty();
        });
    }

    /** A whole number in {@code [min, max]}. */
    Optional<Integer> number(String raw, String field, int min, int max) {
        return normalised(raw, field).flatMap(s -> {
            try {
                int n = Integer.parseInt(s);
                if (n >= min && n <= max) {
                    return Optional.of(n);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            fail(field, "a whole number from " + min + " to " + max + ": " + s);
            return Optional.empty();
        });
    }
}
