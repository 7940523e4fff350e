package io.github.kenshinbooking.testkit.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.eligibility.AgeRange;
import io.github.kenshinbooking.eligibility.Course;
import io.github.kenshinbooking.eligibility.CourseCatalog;
import io.github.kenshinbooking.eligibility.CourseFamily;
import io.github.kenshinbooking.eligibility.CourseId;
import io.github.kenshinbooking.eligibility.ExamOption;
import io.github.kenshinbooking.eligibility.ExclusiveGroup;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.policy.UnionPolicy;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import io.github.kenshinbooking.testkit.scenario.Fixtures.HouseholdFixture;
import io.github.kenshinbooking.testkit.scenario.Fixtures.MemberFixture;
import io.github.kenshinbooking.testkit.scenario.Fixtures.SlotFixture;
import io.github.kenshinbooking.testkit.scenario.Fixtures.Step;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads a scenario file into a checked {@link Scenario}; every complaint names file, JSON path and problem. Internal. */
final class ScenarioParser {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final LocalDateTime DEFAULT_START = LocalDateTime.of(2000, 1, 1, 0, 0);
    private static final LocalDateTime DEFAULT_RECEPTION_OPENS = LocalDateTime.of(1970, 1, 1, 0, 0);

    private final Path file;
    private UnionPolicy policy;
    private final Map<String, HouseholdFixture> households = new LinkedHashMap<>();
    private final Map<String, String> memberHouseholds = new HashMap<>();
    private final List<MemberFixture> members = new ArrayList<>();
    private final Map<String, SlotFixture> slots = new LinkedHashMap<>();
    private final Set<String> courseIds = new java.util.LinkedHashSet<>(List.of(CourseId.DEFAULT.value()));
    private final Set<String> optionIds = new java.util.LinkedHashSet<>();
    private final StepRefs refs = new StepRefs(households.keySet(), memberHouseholds.keySet(), slots.keySet());

    private ScenarioParser(Path file) {
        this.file = file;
    }

    static Scenario parse(Path file) throws InvalidScenarioException {
        return new ScenarioParser(file).scenario(read(file));
    }

    private static Node read(Path file) throws InvalidScenarioException {
        JsonNode root;
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidScenarioException(file, "$", "is a directory, not a scenario file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                root = MAPPER.readTree(in);
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidScenarioException(file, "$", "not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (NoSuchFileException e) {
            throw new InvalidScenarioException(file, "$", "no such file");
        } catch (IOException e) {
            throw new InvalidScenarioException(file, "$", "cannot be read: " + e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidScenarioException(file, "$", "empty file; expected a scenario object");
        }
        return new Node(file, "$", root);
    }

    private Scenario scenario(Node root) throws InvalidScenarioException {
        root.object();
        String name = root.req("name").nonBlank();
        List<String> rules = new ArrayList<>();
        Optional<Node> rulesNode = root.optNonNull("rules");
        if (rulesNode.isPresent()) {
            for (Node r : rulesNode.get().array()) {
                rules.add(r.nonBlank());
            }
        }
        policy = PolicyReader.read(root.optNonNull("policy"));
        CourseCatalog courses = catalog(root);
        Optional<Node> hs = root.optNonNull("households");
        if (hs.isPresent()) {
            for (Node h : hs.get().array()) {
                household(h);
            }
        }
        Optional<Node> ss = root.optNonNull("slots");
        if (ss.isPresent()) {
            for (Node s : ss.get().array()) {
                slot(s);
            }
        }
        List<Node> stepNodes = root.req("steps").array();
        root.noOtherKeys("in a scenario");
        List<Step> steps = new ArrayList<>(stepNodes.size());
        for (int i = 0; i < stepNodes.size(); i++) {
            steps.add(step(stepNodes.get(i), i + 1));
        }
        boolean defaultStart = steps.isEmpty() || steps.get(0).at().isEmpty();
        Instant start = defaultStart ? instant(DEFAULT_START) : steps.get(0).at().get();
        Instant clock = start;
        for (Step step : steps) {
            if (step.at().isPresent()) {
                if (step.at().get().isBefore(clock)) {
                    throw new InvalidScenarioException(file, step.path() + ".at", clock == start && defaultStart
                            ? "goes back in time: before 2000-01-01T00:00, where the clock starts when the first step"
                                    + " has no \"at\""
                            : "goes back in time (before the previous step's \"at\"); the clock only moves forward");
                }
                clock = step.at().get();
            }
        }
        return new Scenario(file, name, rules, policy, start, List.copyOf(households.values()), members,
                List.copyOf(slots.values()), steps, courses);
    }

    /** CRS-1, OPT-1: the top-level {@code courses} and {@code options}. */
    private CourseCatalog catalog(Node root) throws InvalidScenarioException {
        CourseCatalog.Builder b = CourseCatalog.builder();
        Optional<Node> cs = root.optNonNull("courses");
        if (cs.isPresent()) {
            for (Node c : cs.get().array()) {
                c.object();
                Course course = Course.of(CourseId.of(code(c.req("id"))), c.req("name").nonBlank());
                if (c.optNonNull("family").isPresent()) {
                    course = course.inFamily(CourseFamily.of(code(c.req("family"))));
                }
                Optional<AgeRange> ages = ages(c);
                if (ages.isPresent()) {
                    course = course.forAges(ages.get());
                }
                if (c.optNonNull("sex").isPresent()) {
                    course = course.forSex(c.req("sex").oneOf(Sex.class));
                }
                c.noOtherKeys("in a course");
                b.course(course);
                courseIds.add(course.id().value());
            }
        }
        Optional<Node> os = root.optNonNull("options");
        if (os.isPresent()) {
            for (Node o : os.get().array()) {
                o.object();
                ExamOption option = ExamOption.of(OptionId.of(code(o.req("id"))), o.req("name").nonBlank());
                if (o.optNonNull("sex").isPresent()) {
                    option = option.forSex(o.req("sex").oneOf(Sex.class));
                }
                Optional<AgeRange> ages = ages(o);
                if (ages.isPresent()) {
                    option = option.forAges(ages.get());
                }
                if (o.optNonNull("interval").isPresent()) {
                    option = option.withInterval(o.req("interval").nonNegativeInt());
                }
                if (o.optNonNull("group").isPresent()) {
                    option = option.inGroup(ExclusiveGroup.of(code(o.req("group"))));
                }
                if (o.optNonNull("courses").isPresent()) {
                    Set<CourseId> required = new TreeSet<>();
                    for (Node c : o.req("courses").array()) {
                        required.add(CourseId.of(knownCourse(c)));
                    }
                    if (required.isEmpty()) {
                        throw o.req("courses").error("name at least one course, or leave \"courses\" out");
                    }
                    option = option.requiringCourse(required);
                }
                o.noOtherKeys("in an option");
                b.option(option);
                optionIds.add(option.id().value());
            }
        }
        return b.build();
    }

    /** {@code ageFrom} and {@code ageUnder}, both or neither (ELIG-2's way of counting). */
    private static Optional<AgeRange> ages(Node n) throws InvalidScenarioException {
        Optional<Node> from = n.optNonNull("ageFrom");
        Optional<Node> under = n.optNonNull("ageUnder");
        if (from.isEmpty() && under.isEmpty()) {
            return Optional.empty();
        }
        if (from.isEmpty() || under.isEmpty()) {
            throw n.error("give both \"ageFrom\" and \"ageUnder\", or neither");
        }
        int f = from.get().nonNegativeInt();
        int u = under.get().nonNegativeInt();
        if (u <= f) {
            throw under.get().error("must exceed ageFrom " + f);
        }
        return Optional.of(AgeRange.of(f, u));
    }

    /** A course, option, family or group code: 1..32 ASCII letters, digits, '-' or '_'. */
    static String code(Node n) throws InvalidScenarioException {
        String s = n.string();
        if (!CourseId.valid(s)) {
            throw n.error("a code of 1..32 ASCII letters, digits, '-' or '_', found " + Node.show(n.json()));
        }
        return s;
    }

    private String knownCourse(Node n) throws InvalidScenarioException {
        String s = code(n);
        if (!courseIds.contains(s)) {
            throw n.error("unknown course \"" + s + "\"; define it under \"courses\" first (known: "
                    + String.join(", ", courseIds) + ")");
        }
        return s;
    }

    private Instant instant(LocalDateTime local) {
        return local.atZone(policy.zone()).toInstant();
    }

    // ---- fixtures -------------------------------------------------------------------------------

    private void household(Node h) throws InvalidScenarioException {
        h.object();
        Node symbolNode = h.req("symbolNumber");
        String symbol = symbolNode.stringOrDigits();
        SymbolNumber sn;
        try {
            sn = SymbolNumber.of(symbol);
        } catch (IllegalArgumentException e) {
            throw symbolNode.error("a symbol number is 1 to 20 ASCII digits, found " + Node.show(symbolNode.json()));
        }
        if (households.containsKey(symbol)) {
            throw symbolNode.error("household " + symbol + " appears twice");
        }
        Optional<String> email = Optional.empty();
        Optional<Node> emailNode = h.optNonNull("email");
        if (emailNode.isPresent()) {
            String e = emailNode.get().string();
            if (!EmailAddress.valid(e)) {
                throw emailNode.get().error("not a valid e-mail address (MAIL-ADDR-1): " + Node.show(emailNode.get().json()));
            }
            email = Optional.of(e);
        }
        Optional<String> password = Optional.empty();
        Optional<Node> pw = h.optNonNull("password");
        if (pw.isPresent()) {
            String p = pw.get().string();
            if (p.isEmpty()) {
                throw pw.get().error("must not be empty (leave it out for the initial password)");
            }
            password = Optional.of(p);
        }
        Optional<String> branch = optString(h, "branchNumber");
        Optional<String> address = optString(h, "address");
        List<Node> memberNodes = h.req("members").array();
        h.noOtherKeys("in a household");
        if (memberNodes.isEmpty()) {
            throw h.error("a household needs at least its representative in \"members\"");
        }
        List<Member> members = new ArrayList<>();
        boolean anyRepresentative = false;
        for (Node m : memberNodes) {
            anyRepresentative |= m.json().path("representative").asBoolean(false);
        }
        for (int i = 0; i < memberNodes.size(); i++) {
            members.add(member(memberNodes.get(i), symbol, !anyRepresentative && i == 0));
        }
        long reps = members.stream().filter(Member::representative).count();
        if (reps != 1) {
            throw h.error("a household has exactly one member with \"representative\": true, found " + reps);
        }
        households.put(symbol, new HouseholdFixture(new Household(sn, branch, address, members), email, password));
    }

    private static Optional<String> optString(Node n, String key) throws InvalidScenarioException {
        Optional<Node> v = n.optNonNull(key);
        return v.isPresent() ? Optional.of(v.get().string()) : Optional.empty();
    }

    private Member member(Node m, String symbol, boolean defaultRepresentative) throws InvalidScenarioException {
        m.object();
        Node keyNode = m.req("key");
        String key = keyNode.nonBlank();
        String id = symbol + "-" + key;
        if (id.length() > 64) {
            throw keyNode.error("too long: symbol number + \"-\" + key must fit 64 characters");
        }
        if (memberHouseholds.containsKey(key)) {
            throw keyNode.error("member key \"" + key + "\" is used twice; steps name members by key alone");
        }
        Node kanaNode = m.req("kana");
        String kana = kanaNode.string();
        if (KanaName.matchKey(kana).isEmpty()) {
            throw kanaNode.error("must not be blank");
        }
        String name = m.optNonNull("name").isPresent() ? m.req("name").nonBlank() : kana;
        Sex sex = m.optNonNull("sex").isPresent() ? m.req("sex").oneOf(Sex.class) : Sex.M;
        LocalDate birth = m.req("birthDate").date();
        boolean representative = m.optNonNull("representative").isPresent() ? m.req("representative").bool()
                : defaultRepresentative;
        LocalDate from = m.optNonNull("qualifiedFrom").isPresent() ? m.req("qualifiedFrom").date() : birth;
        Optional<LocalDate> until = Optional.empty();
        Optional<Node> untilNode = m.optNonNull("qualifiedUntil");
        if (untilNode.isPresent()) {
            until = Optional.of(untilNode.get().date());
            if (until.get().isBefore(from)) {
                throw untilNode.get().error("before qualifiedFrom " + from);
            }
        }
        m.noOtherKeys("in a member");
        memberHouseholds.put(key, symbol);
        Member member = new Member(MemberId.of(id), KanaName.of(kana), name, birth, sex, from, until, representative);
        members.add(new MemberFixture(key, member, symbol));
        return member;
    }

    private void slot(Node s) throws InvalidScenarioException {
        s.object();
        Node keyNode = s.req("key");
        String key = keyNode.nonBlank();
        if (slots.containsKey(key)) {
            throw keyNode.error("slot key \"" + key + "\" is used twice");
        }
        String venue = s.req("venue").nonBlank();
        String institution = s.optNonNull("institution").isPresent() ? s.req("institution").string() : venue;
        LocalDate date = s.req("date").date();
        var time = s.req("time").time();
        Duration duration = policy.slots().defaultDuration();
        Optional<Node> minutes = s.optNonNull("minutes");
        if (minutes.isPresent()) {
            int v = minutes.get().int32();
            if (v <= 0) {
                throw minutes.get().error("must be positive, found " + v);
            }
            duration = Duration.ofMinutes(v);
        }
        int capacity = s.req("capacity").nonNegativeInt();
        LocalDateTime opens = s.optNonNull("receptionOpens").isPresent() ? s.req("receptionOpens").dateTime()
                : DEFAULT_RECEPTION_OPENS;
        SlotSpec spec = new SlotSpec(Venue.of(venue), institution, date, time, duration, capacity, instant(opens));
        if (s.optNonNull("courses").isPresent()) {
            Set<CourseId> offered = new TreeSet<>();
            for (Node c : s.req("courses").array()) {
                offered.add(CourseId.of(knownCourse(c)));
            }
            spec = spec.withCourses(offered);
        }
        if (s.optNonNull("options").isPresent()) {
            Node os = s.req("options");
            for (Map.Entry<String, Node> e : os.fields().entrySet()) {
                if (!optionIds.contains(e.getKey())) {
                    throw e.getValue().error("unknown option \"" + e.getKey()
                            + "\"; define it under \"options\" first (known: " + String.join(", ", optionIds) + ")");
                }
                spec = spec.withOption(OptionId.of(e.getKey()), e.getValue().nonNegativeInt());
            }
        }
        s.noOtherKeys("in a slot");
        slots.put(key, new SlotFixture(key, spec));
    }

    // ---- steps ----------------------------------------------------------------------------------

    /** Reads the keys every step has, then its kind's own keys with the kind's {@link StepReader}. */
    private Step step(Node n, int number) throws InvalidScenarioException {
        n.object();
        Node doNode = n.req("do");
        String kind = doNode.string();
        StepReaders.Kind stepKind = StepReaders.KINDS.get(kind);
        if (stepKind == null) {
            throw doNode.error("unknown step \"" + kind + "\"; known: "
                    + String.join(", ", StepReaders.KINDS.keySet()));
        }
        Optional<Instant> at = Optional.empty();
        Optional<Node> atNode = n.optNonNull("at");
        if (atNode.isPresent()) {
            at = Optional.of(instant(atNode.get().dateTime()));
        }
        n.opt("rule");
        n.opt("rules");
        Optional<Node> expectNode = n.optNonNull("expect");
        Action action = stepKind.reader().read(n, refs);
        n.noOtherKeys("for \"" + kind + "\"");
        Expectation expectation = ExpectationReader.read(expectNode, stepKind.expects(), kind);
        return new Step(number, n.path(), at, action, expectation);
    }
}
