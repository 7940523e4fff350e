package io.github.kenshinbooking.eligibility;

/**
 * Identifies a course (コース, CRS-1) of the union's {@link CourseCatalog}: a code of 1 to 32 ASCII
 * letters, digits, '-' or '_', stable across releases because reservations store it. Immutable and
 * thread-safe.
 *
 * @param value the code
 */
public record CourseId(String value) implements Comparable<CourseId> {
    /** The course of a booking that names none: the manual's one checkup (特定健診). */
    public static final CourseId DEFAULT = new CourseId("default");

    /**
     * Checks the code.
     *
     * @param value the code
     * @throws NullPointerException if it is {@code null}
     * @throws IllegalArgumentException unless it is 1..32 ASCII letters, digits, '-' or '_'
     */
    public CourseId {
        Codes.check(value, "course id");
    }

    /**
     * The course id of that code.
     *
     * @param value the code
     * @return the id
     */
    public static CourseId of(String value) {
        return new CourseId(value);
    }

    /**
     * Whether the text is a well-formed course id (for input checks that answer a refusal).
     *
     * @param value the text, may be {@code null}
     * @return {@code true} if {@link #of} accepts it
     */
    public static boolean valid(String value) {
        return Codes.valid(value);
    }

    @Override
    public int compareTo(CourseId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
