package io.github.kenshinbooking.eligibility;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.household.Sex;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.Collections;

/**
 * An optional test (オプション検査, OPT-1), e.g. 胃部X線, 胃内視鏡, マンモグラフィ, 子宮頸がん, 大腸がん:
 * who may add it to a booking. Immutable and thread-safe; the {@code with...} methods return new values.
 *
 * @param id       the test's code
 * @param name     the name shown to households, 1 to 100 characters
 * @param sex      the one sex it is for, or empty for both
 * @param ages     its age range (as ELIG-2 counts), or empty for any age the course allows
 * @param interval fiscal years after one in which it was taken before it may be taken again: 0 for
 *     every year, 1 for 隔年 (not in the previous fiscal year), N for not in the previous N
 * @param group    its exclusive group (at most one test of a group per booking), if any
 * @param courses  the courses it may be added to; empty for every course
 */
public record ExamOption(OptionId id, String name, Optional<Sex> sex, Optional<AgeRange> ages, int interval,
        Optional<ExclusiveGroup> group, SortedSet<CourseId> courses) {

    /**
     * Checks the components; the courses are copied.
     *
     * @param id the test's code
     * @param name the name shown to households, 1 to 100 characters
     * @param sex the one sex it is for, or empty for both
     * @param ages its age range, or empty for any
     * @param interval fiscal years it may not be repeated in, at least 0
     * @param group its exclusive group, if any
     * @param courses the courses it may be added to; empty for every course
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException for a bad name or a negative interval
     */
    public ExamOption {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        requireNonNull(sex, "sex");
        requireNonNull(ages, "ages");
        requireNonNull(group, "group");
        requireNonNull(courses, "courses");
        Course.checkName(name);
        if (interval < 0) {
            throw new IllegalArgumentException("interval must not be negative");
        }
        courses = Collections.unmodifiableSortedSet(new TreeSet<>(courses));
    }

    /**
     * A test for everyone, every year, with any course, in no group.
     *
     * @param id the test's code
     * @param name the name shown to households
     * @return the test
     */
    public static ExamOption of(OptionId id, String name) {
        return new ExamOption(id, name, Optional.empty(), Optional.empty(), 0, Optional.empty(), new TreeSet<>());
    }

    /**
     * This test for one sex only.
     *
     * @param only the sex
     * @return a new test
     */
    public ExamOption forSex(Sex only) {
        return new ExamOption(id, name, Optional.of(only), ages, interval, group, courses);
    }

    /**
     * This test for an age range.
     *
     * @param range the range
     * @return a new test
     */
    public ExamOption forAges(AgeRange range) {
        return new ExamOption(id, name, sex, Optional.of(range), interval, group, courses);
    }

    /**
     * This test not to be taken again in the {@code years} fiscal years after one it was taken in (隔年 = 1).
     *
     * @param years the interval, at least 0
     * @return a new test
     */
    public ExamOption withInterval(int years) {
        return new ExamOption(id, name, sex, ages, years, group, courses);
    }

    /**
     * This test in an exclusive group.
     *
     * @param in the group
     * @return a new test
     */
    public ExamOption inGroup(ExclusiveGroup in) {
        return new ExamOption(id, name, sex, ages, interval, Optional.of(in), courses);
    }

    /**
     * This test only with one of these courses.
     *
     * @param required the courses, at least one
     * @return a new test
     */
    public ExamOption requiringCourse(Set<CourseId> required) {
        if (required.isEmpty()) {
            throw new IllegalArgumentException("name at least one course");
        }
        return new ExamOption(id, name, sex, ages, interval, group, new TreeSet<>(required));
    }
}
