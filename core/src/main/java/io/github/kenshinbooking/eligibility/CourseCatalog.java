package io.github.kenshinbooking.eligibility;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.AgeLimit;
import io.github.kenshinbooking.household.Member;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The union's courses and optional tests (コース・オプション検査, CRS-1, OPT-1) and who may book them.
 * {@link #none()} is the manual's setting: one course, {@link Course#DEFAULT}, no optional tests, and
 * it is the engine's default. A catalog always holds a course {@link CourseId#DEFAULT} (the one a
 * booking naming no course gets); a union may replace it with its own definition. Immutable and
 * thread-safe.
 */
public final class CourseCatalog {
    private static final CourseCatalog NONE = builder().build();

    private final Map<CourseId, Course> courses;
    private final Map<OptionId, ExamOption> options;

    private CourseCatalog(Map<CourseId, Course> courses, Map<OptionId, ExamOption> options) {
        this.courses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(courses));
        this.options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /**
     * The manual's setting: the default course only, no optional tests.
     *
     * @return the catalog
     */
    public static CourseCatalog none() {
        return NONE;
    }

    /**
     * A builder holding the default course only.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The course of that id.
     *
     * @param id the id
     * @return the course, or empty for an id the union does not define
     */
    public Optional<Course> course(CourseId id) {
        return Optional.ofNullable(courses.get(requireNonNull(id, "id")));
    }

    /**
     * The optional test of that id.
     *
     * @param id the id
     * @return the test, or empty for an id the union does not define
     */
    public Optional<ExamOption> option(OptionId id) {
        return Optional.ofNullable(options.get(requireNonNull(id, "id")));
    }

    /**
     * Every course, in the order defined (the default course first unless replaced in place).
     *
     * @return the courses
     */
    public List<Course> courses() {
        return List.copyOf(courses.values());
    }

    /**
     * Every optional test, in the order defined.
     *
     * @return the tests
     */
    public List<ExamOption> options() {
        return List.copyOf(options.values());
    }

    /**
     * CRS-1: whether a member born on {@code birthDate} of that sex may book the course for an exam on
     * {@code examDate}, judged by the course's own ages or, without, by {@code union} (ELIG-2).
     *
     * @param course the course
     * @param member the member
     * @param examDate the exam date
     * @param union the union's ELIG-2 range
     * @return empty if eligible; else the crossed age bound, or empty-bound {@link CourseRefusal#SEX}
     */
    public Optional<CourseRefusal> courseRefusal(Course course, Member member, LocalDate examDate, AgeRange union) {
        requireNonNull(course, "course");
        requireNonNull(member, "member");
        if (course.sex().isPresent() && course.sex().get() != member.sex()) {
            return Optional.of(CourseRefusal.SEX);
        }
        Optional<AgeLimit> limit = course.ages().orElse(union).limit(member.birthDate(), examDate);
        return limit.map(l -> l == AgeLimit.TOO_YOUNG ? CourseRefusal.TOO_YOUNG : CourseRefusal.TOO_OLD);
    }

    /** Why a member may not book a course (CRS-1). */
    public enum CourseRefusal {
        /** Does not attain the lower age within the fiscal year. */
        TOO_YOUNG,
        /** Has reached the upper age on the exam date. */
        TOO_OLD,
        /** The course is for the other sex. */
        SEX
    }

    /**
     * OPT-1: the first of {@code chosen}, in code order, that the member may not add to the course: an
     * unknown test, a test requiring another course, for the other sex, outside its age range, taken
     * within its interval, or a second test of an exclusive group.
     *
     * @param member the member
     * @param course the booked course
     * @param chosen the tests chosen
     * @param examDate the exam date
     * @param taken the tests the member took, by fiscal year (live reservations of earlier years)
     * @return the first ineligible test, or empty if all may be added
     */
    public Optional<OptionId> firstIneligible(Member member, CourseId course, Collection<OptionId> chosen,
            LocalDate examDate, Map<FiscalYear, Set<OptionId>> taken) {
        requireNonNull(member, "member");
        requireNonNull(course, "course");
        requireNonNull(examDate, "examDate");
        requireNonNull(taken, "taken");
        FiscalYear fy = FiscalYear.containing(examDate);
        Set<ExclusiveGroup> groups = new HashSet<>();
        for (OptionId id : new TreeSet<>(chosen)) {
            ExamOption o = options.get(id);
            if (o == null || !eligible(o, member, course, examDate, fy, taken) || o.group().isPresent()
                    && !groups.add(o.group().get())) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private static boolean eligible(ExamOption o, Member member, CourseId course, LocalDate examDate, FiscalYear fy,
            Map<FiscalYear, Set<OptionId>> taken) {
        if (!o.courses().isEmpty() && !o.courses().contains(course)) {
            return false;
        }
        if (o.sex().isPresent() && o.sex().get() != member.sex()) {
            return false;
        }
        if (o.ages().isPresent() && o.ages().get().limit(member.birthDate(), examDate).isPresent()) {
            return false;
        }
        for (int k = 1; k <= o.interval(); k++) {
            if (taken.getOrDefault(FiscalYear.of(fy.startYear() - k), Set.of()).contains(o.id())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The names of the tests, for messages: the test's name, or its code if the union does not define it.
     *
     * @param id the test
     * @return its name
     */
    public String optionName(OptionId id) {
        return option(id).map(ExamOption::name).orElse(id.value());
    }

    /** Builds a {@link CourseCatalog}; starts with {@link Course#DEFAULT}. Not thread-safe. */
    public static final class Builder {
        private final Map<CourseId, Course> courses = new LinkedHashMap<>();
        private final Map<OptionId, ExamOption> options = new LinkedHashMap<>();

        private Builder() {
            courses.put(CourseId.DEFAULT, Course.DEFAULT);
        }

        /**
         * Adds a course, or replaces the one of the same id (also the default course).
         *
         * @param course the course
         * @return this builder
         */
        public Builder course(Course course) {
            courses.put(course.id(), requireNonNull(course, "course"));
            return this;
        }

        /**
         * Adds an optional test, or replaces the one of the same id.
         *
         * @param option the test
         * @return this builder
         */
        public Builder option(ExamOption option) {
            options.put(option.id(), requireNonNull(option, "option"));
            return this;
        }

        /**
         * The catalog.
         *
         * @return the catalog
         * @throws IllegalArgumentException if a test requires a course the catalog does not define
         */
        public CourseCatalog build() {
            for (ExamOption o : options.values()) {
                SortedSet<CourseId> unknown = new TreeSet<>(o.courses());
                unknown.removeAll(courses.keySet());
                if (!unknown.isEmpty()) {
                    throw new IllegalArgumentException("option " + o.id() + " requires unknown courses " + unknown);
                }
            }
            return new CourseCatalog(courses, options);
        }
    }
}
