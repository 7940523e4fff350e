package io.github.kenshinbooking.eligibility;

/**
 * An exclusive group of optional tests (択一, OPT-1): a booking holds at most one test of a group, e.g.
 * 胃部X線 or 胃内視鏡. Immutable and thread-safe.
 *
 * @param value a code of 1 to 32 ASCII letters, digits, '-' or '_'
 */
public record ExclusiveGroup(String value) {
    /**
     * Checks the code.
     *
     * @param value the code
     * @throws NullPointerException if it is {@code null}
     * @throws IllegalArgumentException unless it is 1..32 ASCII letters, digits, '-' or '_'
     */
    public ExclusiveGroup {
        Codes.check(value, "exclusive group");
    }

    /**
     * The group of that code.
     *
     * @param value the code
     * @return the group
     */
    public static ExclusiveGroup of(String value) {
        return new ExclusiveGroup(value);
    }
}
