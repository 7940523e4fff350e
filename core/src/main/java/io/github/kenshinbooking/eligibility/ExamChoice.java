package io.github.kenshinbooking.eligibility;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a reservation is for (受診コースとオプション検査): its course, the course's family as it was when
 * booked (ONE-1 counts per family, CRS-1) and the optional tests it holds a place for (OPT-2).
 * Immutable and thread-safe.
 *
 * @param course  the course
 * @param family  the course's family
 * @param options the optional tests, in code order
 */
public record ExamChoice(CourseId course, CourseFamily family, SortedSet<OptionId> options) {
    /** The default course without optional tests: what every booking was before courses existed. */
    public static final ExamChoice DEFAULT = new ExamChoice(CourseId.DEFAULT, CourseFamily.DEFAULT, new TreeSet<>());

    /**
     * Checks the components; the options are copied.
     *
     * @param course the course
     * @param family the course's family
     * @param options the optional tests
     * @throws NullPointerException if a component or option is {@code null}
     */
    public ExamChoice {
        requireNonNull(course, "course");
        requireNonNull(family, "family");
        requireNonNull(options, "options");
        options = Collections.unmodifiableSortedSet(new TreeSet<>(options));
    }

    /**
     * A course with these optional tests.
     *
     * @param course the course
     * @param options the optional tests
     * @return the choice
     */
    public static ExamChoice of(Course course, Set<OptionId> options) {
        return new ExamChoice(course.id(), course.family(), new TreeSet<>(options));
    }

    /**
     * The same course with other optional tests.
     *
     * @param newOptions the optional tests
     * @return a new choice
     */
    public ExamChoice withOptions(Set<OptionId> newOptions) {
        return new ExamChoice(course, family, new TreeSet<>(newOptions));
    }
}
