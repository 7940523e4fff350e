package io.github.kenshinbooking.eligibility;

/**
 * Identifies an optional test (オプション検査, OPT-1) of the union's {@link CourseCatalog}: a code of 1 to
 * 32 ASCII letters, digits, '-' or '_', stable because reservations and slots store it. Immutable and
 * thread-safe.
 *
 * @param value the code
 */
public record OptionId(String value) implements Comparable<OptionId> {
    /**
     * Checks the code.
     *
     * @param value the code
     * @throws NullPointerException if it is {@code null}
     * @throws IllegalArgumentException unless it is 1..32 ASCII letters, digits, '-' or '_'
     */
    public OptionId {
        Codes.check(value, "option id");
    }

    /**
     * The option id of that code.
     *
     * @param value the code
     * @return the id
     */
    public static OptionId of(String value) {
        return new OptionId(value);
    }

    /**
     * Whether the text is a well-formed option id (for input checks that answer a refusal).
     *
     * @param value the text, may be {@code null}
     * @return {@code true} if {@link #of} accepts it
     */
    public static boolean valid(String value) {
        return Codes.valid(value);
    }

    @Override
    public int compareTo(OptionId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
