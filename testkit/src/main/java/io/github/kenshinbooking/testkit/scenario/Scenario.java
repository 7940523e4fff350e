package io.github.kenshinbooking.testkit.scenario;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.eligibility.CourseCatalog;
import io.github.kenshinbooking.policy.UnionPolicy;
import io.github.kenshinbooking.testkit.scenario.Fixtures.HouseholdFixture;
import io.github.kenshinbooking.testkit.scenario.Fixtures.MemberFixture;
import io.github.kenshinbooking.testkit.scenario.Fixtures.SlotFixture;
import io.github.kenshinbooking.testkit.scenario.Fixtures.Step;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One compliance scenario of {@code SCENARIOS.md}, parsed and checked: name, cited rules, policy,
 * households, slots and steps. Load it with {@link #load(Path)}, run it with a
 * {@link ScenarioRunner}. Immutable and thread-safe.
 *
 * <p>Beyond the letter of SCENARIOS.md the loader accepts: notes anywhere (keys {@code comment},
 * {@code note}, {@code description}, {@code why}, or starting with {@code _} or {@code $}), and
 * {@code rule}/{@code rules} on steps; every {@code UnionPolicy} component by name in
 * {@code policy} (durations as minutes or ISO-8601, or as {@code xxxMinutes}); a member's
 * {@code name} defaulting to its kana, {@code sex} to {@code M}, {@code qualifiedFrom} to its birth
 * date, the first member being the representative when none is marked; a slot's
 * {@code institution} defaulting to its venue and {@code receptionOpens} to 1970-01-01T00:00;
 * {@code confirm} defaulting to the value it confirms; {@code null} for an absent {@code at},
 * {@code expect} or optional argument (for typed inputs such as {@code phone} or {@code password}
 * it is passed on as a missing input); symbol numbers written as JSON numbers; {@code "OK"} in any
 * case; a date as a {@code deadline} expectation (meaning 00:00); mail kinds and history statuses
 * in any case; date-times with a space for the {@code T}; {@code calendar} without {@code venue}
 * (all venues); {@code {"error": CODE, "field": F}} to check a refusal's field too; {@code as} on
 * {@code change}. Anything else unknown is an error.
 */
public final class Scenario {
    private final Path source;
    private final String name;
    private final List<String> rules;
    private final UnionPolicy policy;
    private final Instant start;
    private final List<HouseholdFixture> households;
    private final List<MemberFixture> members;
    private final List<SlotFixture> slots;
    private final List<Step> steps;
    private final CourseCatalog courses;

    Scenario(Path source, String name, List<String> rules, UnionPolicy policy, Instant start,
            List<HouseholdFixture> households, List<MemberFixture> members, List<SlotFixture> slots,
            List<Step> steps, CourseCatalog courses) {
        this.source = requireNonNull(source, "source");
        this.name = requireNonNull(name, "name");
        this.rules = List.copyOf(rules);
        this.policy = requireNonNull(policy, "policy");
        this.start = requireNonNull(start, "start");
        this.households = List.copyOf(households);
        this.members = List.copyOf(members);
        this.slots = List.copyOf(slots);
        this.steps = List.copyOf(steps);
        this.courses = requireNonNull(courses, "courses");
    }

    /**
     * Reads and checks a scenario file.
     *
     * @param file the scenario file (JSON, format of {@code SCENARIOS.md})
     * @return the scenario
     * @throws InvalidScenarioException naming the file, the JSON path and what is wrong
     */
    public static Scenario load(Path file) throws InvalidScenarioException {
        return ScenarioParser.parse(requireNonNull(file, "file"));
    }

    /**
     * The file it was read from.
     *
     * @return the file
     */
    public Path source() {
        return source;
    }

    /**
     * The scenario's {@code name}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The RULES.md IDs it cites.
     *
     * @return the rule IDs, e.g. {@code SLOT-3}
     */
    public List<String> rules() {
        return rules;
    }

    /**
     * The union policy it runs under: the RULES.md defaults with the file's {@code policy} applied.
     *
     * @return the policy
     */
    public UnionPolicy policy() {
        return policy;
    }

    /**
     * Where the clock starts: the first step's {@code at}, or 2000-01-01T00:00 in the policy's zone.
     *
     * @return the start instant
     */
    public Instant start() {
        return start;
    }

    /**
     * How many steps it has.
     *
     * @return the number of steps
     */
    public int stepCount() {
        return steps.size();
    }

    /**
     * The union's courses and optional tests the scenario defines (CRS-1, OPT-1): its top-level
     * {@code courses} and {@code options}; without them the manual's one course.
     *
     * @return the catalog
     */
    public CourseCatalog courses() {
        return courses;
    }

    List<HouseholdFixture> households() {
        return households;
    }

    List<MemberFixture> members() {
        return members;
    }

    List<SlotFixture> slots() {
        return slots;
    }

    List<Step> steps() {
        return steps;
    }

    @Override
    public String toString() {
        return "Scenario[" + name + " (" + source + ")]";
    }
}
