package io.github.kenshinbooking.eligibility;

/**
 * A course family (コース系統, CRS-1): ONE-1 allows one live reservation per member, fiscal year and
 * family. By default every course is of {@link #DEFAULT}, the manual's rule of one checkup a year.
 * Immutable and thread-safe.
 *
 * @param value a code of 1 to 32 ASCII letters, digits, '-' or '_'
 */
public record CourseFamily(String value) implements Comparable<CourseFamily> {
    /** The family of every course unless the union says otherwise. */
    public static final CourseFamily DEFAULT = new CourseFamily("default");

    /**
     * Checks the code.
     *
     * @param value the code
     * @throws NullPointerException if it is {@code null}
     * @throws IllegalArgumentException unless it is 1..32 ASCII letters, digits, '-' or '_'
     */
    public CourseFamily {
        Codes.check(value, "course family");
    }

    /**
     * The family of that code.
     *
     * @param value the code
     * @return the family
     */
    public static CourseFamily of(String value) {
        return new CourseFamily(value);
    }

    @Override
    public int compareTo(CourseFamily o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
