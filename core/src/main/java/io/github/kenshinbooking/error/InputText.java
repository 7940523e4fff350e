package io.github.kenshinbooking.error;

/**
 * The check every text input passes before anything else looks at it (HARD-3): no NUL or other
 * C0/C1 control character (tab and line breaks only in multi-line fields), no malformed UTF-16 (a
 * lone or reversed surrogate), and a length bound checked on the raw input, before it is
 * normalised. Every use case applies it to its text parameters and every value type's factory to
 * its value, so a bad input is refused with {@link ErrorCode#INVALID_INPUT} naming the field before
 * any store is touched, identically on every adapter. A web tier may call it on its own fields too.
 * Stateless and thread-safe.
 */
public final class InputText {
    /** The longest single-line text accepted where the field names no bound of its own (names, tokens). */
    public static final int DEFAULT_MAX_LENGTH = 256;
    /** The longest multi-line text accepted (a staff member's reason). */
    public static final int MAX_MULTILINE_LENGTH = 2000;

    private InputText() {
    }

    /**
     * Checks a single-line text input.
     *
     * @param value the input as received, not yet normalised
     * @param field the field it came from (a {@code Refusal.FIELD_} constant)
     * @param maxLength the most UTF-16 units the raw input may have
     * @return the value, unchanged
     * @throws Refusal {@code INVALID_INPUT} naming the field: missing, too long, a control character
     *     or malformed UTF-16
     */
    public static String line(String value, String field, int maxLength) throws Refusal {
        return check(value, field, maxLength, false);
    }

    /**
     * Checks a multi-line text input: tab, line feed and carriage return are allowed.
     *
     * @param value the input as received, not yet normalised
     * @param field the field it came from (a {@code Refusal.FIELD_} constant)
     * @param maxLength the most UTF-16 units the raw input may have
     * @return the value, unchanged
     * @throws Refusal {@code INVALID_INPUT} naming the field: missing, too long, another control
     *     character or malformed UTF-16
     */
    public static String multiline(String value, String field, int maxLength) throws Refusal {
        return check(value, field, maxLength, true);
    }

    /**
     * Whether a text passes {@link #line}'s character checks: no control character and well-formed
     * UTF-16. Value types use it in their constructors.
     *
     * @param value the text
     * @return {@code true} for a non-null text without control characters or lone surrogates
     */
    public static boolean isClean(String value) {
        return value != null && firstProblem(value, false) == null;
    }

    private static String check(String value, String field, int maxLength, boolean multiline) throws Refusal {
        if (value == null) {
            throw Refusal.invalidInput(field, "required");
        }
        if (value.length() > maxLength) {
            throw Refusal.invalidInput(field, "at most " + maxLength + " characters");
        }
        String problem = firstProblem(value, multiline);
        if (problem != null) {
            throw Refusal.invalidInput(field, problem);
        }
        return value;
    }

    private static String firstProblem(String s, boolean multiline) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++; // a well-formed pair
                    continue;
                }
                return "malformed UTF-16";
            }
            if (Character.isLowSurrogate(c)) {
                return "malformed UTF-16";
            }
            if (isControl(c) && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
                return "control character";
            }
        }
        return null;
    }

    /** C0 (U+0000..U+001F), DEL (U+007F) and C1 (U+0080..U+009F). */
    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }
}
