package io.github.kenshinbooking.web;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.eligibility.Course;
import io.github.kenshinbooking.eligibility.CourseId;
import io.github.kenshinbooking.eligibility.ExamChoice;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.schedule.OptionAvailability;
import io.github.kenshinbooking.schedule.SlotAvailability;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Courses and optional tests on the pages (CRS-1, OPT-1..OPT-3), {@code @exams} in the templates: what a slot
 * offers, what the form chose, and their names. A slot offering the default course only and no test shows no
 * choice at all, as the manual's screens. Thread-safe.
 */
@Component("exams")
public class Exams {
    private final KenshinBooking engine;

    Exams(KenshinBooking engine) {
        this.engine = requireNonNull(engine, "engine");
    }

    /**
     * What a slot offers the booking form.
     *
     * @param courses the courses it offers, in the catalog's order
     * @param options its tests with their places left and marks (OPT-3)
     */
    record Offer(List<Course> courses, List<OptionAvailability> options) {
        /** @return whether the form shows a choice: more than one course, or any test */
        public boolean any() {
            return courses.size() > 1 || !options.isEmpty();
        }
    }

    /** What the form chose: a course code ({@code ""} for the default) and test codes. */
    record Chosen(String course, Set<String> options) {
        Chosen {
            requireNonNull(course, "course");
            options = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(options));
        }

        static Chosen none() {
            return new Chosen("", Set.of());
        }

        /** @return the request for this course and these tests; the default course when none is named */
        BookingRequest apply(BookingRequest request) throws Refusal {
            return request.withCourse(courseId()).withOptions(optionIds());
        }

        /** @return the course, or {@code null} for the default */
        CourseId courseId() throws Refusal {
            if (course.isBlank()) {
                return null;
            }
            if (!CourseId.valid(course)) {
                throw Refusal.invalidInput(Refusal.FIELD_COURSE, "not a course code");
            }
            return CourseId.of(course);
        }

        Set<OptionId> optionIds() throws Refusal {
            Set<OptionId> out = new TreeSet<>();
            for (String o : options) {
                if (!OptionId.valid(o)) {
                    throw Refusal.invalidInput(Refusal.FIELD_OPTIONS, "not a test code");
                }
                out.add(OptionId.of(o));
            }
            return out;
        }

        /** @return for the templates: the course code */
        public String getCourse() {
            return course;
        }

        /** @return for the templates: the test codes */
        public Set<String> getOptions() {
            return options;
        }
    }

    static Chosen chosen(String course, Collection<String> options) {
        return new Chosen(course == null ? "" : course.strip(), options == null ? Set.of()
                : options.stream().filter(o -> o != null && !o.isBlank()).map(String::strip).collect(Collectors.toSet()));
    }

    /**
     * @param slot the slot as the member sees it
     * @return what it offers
     */
    Offer offer(SlotAvailability slot) {
        return new Offer(engine.courses().courses().stream().filter(c -> slot.slot().offers(c.id())).toList(),
                slot.options());
    }

    /**
     * @param course a course code, or blank for the default course
     * @return its name (特定健診 for the default)
     */
    public String courseName(String course) {
        CourseId id = course == null || course.isBlank() || !CourseId.valid(course) ? CourseId.DEFAULT : CourseId.of(course);
        return engine.courses().course(id).map(Course::name).orElse(id.value());
    }

    /**
     * @param options test codes
     * @return their names, joined by 、 in code order; なし for none
     */
    public String optionNames(Collection<?> options) {
        if (options == null || options.isEmpty()) {
            return "なし";
        }
        return options.stream().map(Object::toString).filter(OptionId::valid).sorted()
                .map(o -> engine.courses().optionName(OptionId.of(o))).collect(Collectors.joining("、"));
    }

    /**
     * @param choice a reservation's course and tests
     * @return whether pages show them: anything but the default course without tests
     */
    public boolean shown(ExamChoice choice) {
        return choice != null && (!choice.course().equals(CourseId.DEFAULT) || !choice.options().isEmpty());
    }
}
