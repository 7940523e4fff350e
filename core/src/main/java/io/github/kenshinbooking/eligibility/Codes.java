package io.github.kenshinbooking.eligibility;

import java.util.regex.Pattern;

/** The shape of the codes of courses, families, optional tests and groups: stored and joined by adapters. */
final class Codes {
    /** The longest code. */
    static final int MAX_LENGTH = 32;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");

    private Codes() {
    }

    /** The value, or an exception naming {@code what} unless it is 1..32 ASCII letters, digits, '-' or '_'. */
    static String check(String value, String what) {
        java.util.Objects.requireNonNull(value, what);
        if (!CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1.." + MAX_LENGTH
                    + " ASCII letters, digits, '-' or '_': " + value);
        }
        return value;
    }

    /** Whether the text is a well-formed code. */
    static boolean valid(String value) {
        return value != null && CODE.matcher(value).matches();
    }
}
