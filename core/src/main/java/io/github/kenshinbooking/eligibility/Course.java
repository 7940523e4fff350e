package io.github.kenshinbooking.eligibility;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.InputText;
import io.github.kenshinbooking.household.Sex;
import java.util.Optional;

/**
 * A course (コース, CRS-1) the union offers, e.g. 特定健診 or 特定健診＋がん検診セット: who may book it
 * and the family ONE-1 counts it in. Immutable and thread-safe; the {@code with...} methods return
 * new values.
 *
 * @param id     the course's code
 * @param name   the name shown to households, 1 to 100 characters
 * @param family the family ONE-1 counts it in (default {@link CourseFamily#DEFAULT})
 * @param ages   its own age range (as ELIG-2 counts), or empty for the union's ELIG-2 range
 * @param sex    the one sex it is for, or empty for both
 */
public record Course(CourseId id, String name, CourseFamily family, Optional<AgeRange> ages, Optional<Sex> sex) {
    /** The longest name. */
    public static final int MAX_NAME = 100;
    /** The course of a booking that names none, as the manual has it: 特定健診 for ELIG-2's ages. */
    public static final Course DEFAULT = of(CourseId.DEFAULT, "特定健診");

    /**
     * Checks the components.
     *
     * @param id the course's code
     * @param name the name shown to households, 1 to 100 characters
     * @param family the family ONE-1 counts it in
     * @param ages its own age range, or empty for ELIG-2's
     * @param sex the one sex it is for, or empty for both
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if the name is blank, too long or holds a control character
     */
    public Course {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        requireNonNull(family, "family");
        requireNonNull(ages, "ages");
        requireNonNull(sex, "sex");
        checkName(name);
    }

    /**
     * A course of the default family, for ELIG-2's ages and both sexes.
     *
     * @param id the course's code
     * @param name the name shown to households
     * @return the course
     */
    public static Course of(CourseId id, String name) {
        return new Course(id, name, CourseFamily.DEFAULT, Optional.empty(), Optional.empty());
    }

    /**
     * This course in another family (ONE-1 per family).
     *
     * @param newFamily the family
     * @return a new course
     */
    public Course inFamily(CourseFamily newFamily) {
        return new Course(id, name, newFamily, ages, sex);
    }

    /**
     * This course for its own age range instead of ELIG-2's.
     *
     * @param range the range
     * @return a new course
     */
    public Course forAges(AgeRange range) {
        return new Course(id, name, family, Optional.of(range), sex);
    }

    /**
     * This course for one sex only.
     *
     * @param only the sex
     * @return a new course
     */
    public Course forSex(Sex only) {
        return new Course(id, name, family, ages, Optional.of(only));
    }

    static void checkName(String name) {
        if (name.isBlank() || name.length() > MAX_NAME || !InputText.isClean(name)) {
            throw new IllegalArgumentException("name must be 1.." + MAX_NAME + " characters without control characters");
        }
    }
}
