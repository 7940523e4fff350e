package io.github.kenshinbooking.testkit.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.policy.UnionContact;
import io.github.kenshinbooking.policy.UnionPolicy;
import io.github.kenshinbooking.reservation.ReservationStatus;
import io.github.kenshinbooking.schedule.DeadlineKind;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.SlotStatus;
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
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a scenario file into a checked {@link Scenario}; every complaint names file, JSON path and problem. Internal. */
final class ScenarioParser {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final LocalDateTime DEFAULT_START = LocalDateTime.of(2000, 1, 1, 0, 0);
    private static final LocalDateTime DEFAULT_RECEPTION_OPENS = LocalDateTime.of(1970, 1, 1, 0, 0);
    private static final List<String> KINDS = List.of("login", "changePassword", "setEmail", "skipEmail",
            "requestReset", "resetPassword", "book", "change", "cancel", "cancelEvent", "sendReminders", "remaining",
            "status", "mark", "calendar", "deadline", "eligible", "history", "mails", "subsidy", "subsidyEligible");
    private static final Set<String> MARKS = Set.of("○", "△", "×");

    /** The shape a query's value takes; actions take {@link #NONE}. */
    private enum ValueType { NONE, LOGIN, INTEGER, STATUS, MARK, CALENDAR, DATETIME, BOOLEAN, NAMES }

    private final Path file;
    private UnionPolicy policy;
    private final Map<String, HouseholdFixture> households = new LinkedHashMap<>();
    private final Map<String, String> memberHouseholds = new HashMap<>();
    private final List<MemberFixture> members = new ArrayList<>();
    private final Map<String, SlotFixture> slots = new LinkedHashMap<>();
    private final Set<String> reservationNames = new HashSet<>();

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
        policy = policy(root.optNonNull("policy"));
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
                List.copyOf(slots.values()), steps);
    }

    private Instant instant(LocalDateTime local) {
        return local.atZone(policy.zone()).toInstant();
    }

    // ---- policy ---------------------------------------------------------------------------------

    private UnionPolicy policy(Optional<Node> node) throws InvalidScenarioException {
        UnionPolicy.Builder b = UnionPolicy.builder();
        if (node.isEmpty()) {
            return b.build();
        }
        for (Map.Entry<String, Node> e : node.get().fields().entrySet()) {
            String key = e.getKey();
            Node v = e.getValue();
            switch (key) {
                case "zone" -> b.zone(zone(v));
                case "bookingDeadlineDays" -> b.bookingDeadlineDays(v.int32());
                case "changeDeadlineDays" -> b.changeDeadlineDays(v.int32());
                case "cancelDeadlineDays" -> b.cancelDeadlineDays(v.int32());
                case "fewLeftThreshold" -> b.fewLeftThreshold(v.int32());
                case "defaultSlotDuration", "defaultSlotDurationMinutes", "defaultSlotMinutes", "slotMinutes" ->
                        b.defaultSlotDuration(duration(key, v));
                case "lockAfterFailures" -> b.lockAfterFailures(v.int32());
                case "lockDuration", "lockDurationMinutes", "lockMinutes" -> b.lockDuration(duration(key, v));
                case "resetLinkValidity", "resetLinkValidityMinutes", "resetLinkMinutes" ->
                        b.resetLinkValidity(duration(key, v));
                case "resetMaxIdentityMismatches" -> b.resetMaxIdentityMismatches(v.int32());
                case "resetTokenBytes" -> b.resetTokenBytes(v.int32());
                case "initialPasswordPrefix" -> b.initialPasswordPrefix(v.string());
                case "passwordMinLength" -> b.passwordMinLength(v.int32());
                case "passwordMaxLength" -> b.passwordMaxLength(v.int32());
                case "pbkdf2Iterations" -> b.pbkdf2Iterations(v.int32());
                case "eligibleFromAge" -> b.eligibleFromAge(v.int32());
                case "eligibleUnderAge" -> b.eligibleUnderAge(v.int32());
                case "subsidyFromAge" -> b.subsidyFromAge(v.int32());
                case "subsidyFullUpTo" -> b.subsidyFullUpTo(v.int64());
                case "subsidyRatePercent" -> b.subsidyRatePercent(v.int32());
                case "subsidyCap" -> b.subsidyCap(v.int64());
                case "reminderDaysBefore" -> b.reminderDaysBefore(v.int32());
                case "termsVersion" -> b.termsVersion(v.nonBlank());
                case "contact" -> b.contact(contact(v));
                default -> {
                    if (!Node.isNoteKey(key)) {
                        throw v.error("unknown policy key \"" + key + "\"");
                    }
                }
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw node.get().error("not a valid policy: " + e.getMessage());
        }
    }

    private static ZoneId zone(Node v) throws InvalidScenarioException {
        try {
            return ZoneId.of(v.string());
        } catch (DateTimeException e) {
            throw v.error("not a time zone: " + Node.show(v.json()));
        }
    }

    /** Minutes for keys ending in "Minutes"; else minutes as a number or an ISO-8601 duration string. */
    private static Duration duration(String key, Node v) throws InvalidScenarioException {
        if (key.endsWith("Minutes") || v.json().isNumber()) {
            return Duration.ofMinutes(v.int64());
        }
        try {
            return Duration.parse(v.string());
        } catch (DateTimeParseException e) {
            throw v.error("expected minutes or an ISO-8601 duration like \"PT30M\", found " + Node.show(v.json()));
        }
    }

    private static UnionContact contact(Node v) throws InvalidScenarioException {
        v.object();
        UnionContact d = UnionContact.manualExample();
        String unionName = v.optNonNull("unionName").isPresent() ? v.req("unionName").string() : d.unionName();
        String senderAddress = v.optNonNull("senderAddress").isPresent() ? v.req("senderAddress").string()
                : d.senderAddress();
        String senderName = v.optNonNull("senderName").isPresent() ? v.req("senderName").string() : d.senderName();
        List<String> footer = d.footerLines();
        Optional<Node> f = v.optNonNull("footerLines");
        if (f.isPresent()) {
            footer = new ArrayList<>();
            for (Node line : f.get().array()) {
                footer.add(line.string());
            }
        }
        v.noOtherKeys("in a contact");
        if (!EmailAddress.valid(senderAddress)) {
            throw v.error("senderAddress is not an e-mail address");
        }
        return new UnionContact(unionName, senderAddress, senderName, footer);
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
        Duration duration = policy.defaultSlotDuration();
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
        s.noOtherKeys("in a slot");
        slots.put(key, new SlotFixture(key, new SlotSpec(Venue.of(venue), institution, date, time, duration, capacity,
                instant(opens))));
    }

    // ---- steps ----------------------------------------------------------------------------------

    private Step step(Node n, int number) throws InvalidScenarioException {
        n.object();
        Node doNode = n.req("do");
        String kind = doNode.string();
        if (!KINDS.contains(kind)) {
            throw doNode.error("unknown step \"" + kind + "\"; known: " + String.join(", ", KINDS));
        }
        Optional<Instant> at = Optional.empty();
        Optional<Node> atNode = n.optNonNull("at");
        if (atNode.isPresent()) {
            at = Optional.of(instant(atNode.get().dateTime()));
        }
        n.opt("rule");
        n.opt("rules");
        Optional<Node> expectNode = n.optNonNull("expect");
        Action action;
        ValueType type;
        switch (kind) {
            case "login" -> {
                action = new Action.Login(symbolInput(n), n.req("kana").stringOrNull(),
                        n.req("password").stringOrNull());
                type = ValueType.LOGIN;
            }
            case "changePassword" -> {
                String member = member(n);
                String current = n.req("current").stringOrNull();
                String newPassword = n.req("new").stringOrNull();
                action = new Action.ChangePassword(member, householdRef(n), current, newPassword,
                        confirm(n, newPassword));
                type = ValueType.NONE;
            }
            case "setEmail" -> {
                String member = member(n);
                String email = n.req("email").stringOrNull();
                action = new Action.SetEmail(member, householdRef(n), email, confirm(n, email));
                type = ValueType.NONE;
            }
            case "skipEmail" -> {
                action = new Action.SkipEmail(member(n), householdRef(n));
                type = ValueType.NONE;
            }
            case "requestReset" -> {
                action = new Action.RequestReset(n.req("email").stringOrNull());
                type = ValueType.NONE;
            }
            case "resetPassword" -> {
                String to = n.req("tokenFromLastMailTo").nonBlank();
                String symbol = symbolInput(n);
                String kana = n.req("kana").stringOrNull();
                String newPassword = n.req("new").stringOrNull();
                action = new Action.ResetPassword(to, symbol, kana, newPassword, confirm(n, newPassword));
                type = ValueType.NONE;
            }
            case "book" -> {
                String member = member(n);
                Optional<String> household = householdRef(n);
                String slot = slotRef(n);
                String phone = n.opt("phone").isPresent() ? n.req("phone").stringOrNull() : null;
                boolean terms = n.optNonNull("acceptTerms").isPresent() && n.req("acceptTerms").bool();
                Optional<String> key = n.optNonNull("idempotencyKey").isPresent()
                        ? Optional.of(n.req("idempotencyKey").string()) : Optional.empty();
                action = new Action.Book(member, household, slot, phone, terms, key, as(n));
                type = ValueType.NONE;
            }
            case "change" -> {
                String reservation = reservationRef(n);
                Optional<String> household = householdRef(n);
                String slot = slotRef(n);
                String phone = n.opt("phone").isPresent() ? n.req("phone").stringOrNull() : null;
                action = new Action.Change(reservation, household, slot, phone, staff(n), as(n));
                type = ValueType.NONE;
            }
            case "cancel" -> {
                String reservation = reservationRef(n);
                action = new Action.Cancel(reservation, householdRef(n), staff(n));
                type = ValueType.NONE;
            }
            case "cancelEvent" -> {
                action = new Action.CancelEvent(n.req("venue").nonBlank(), n.req("date").date());
                type = ValueType.NONE;
            }
            case "sendReminders" -> {
                action = new Action.SendReminders();
                type = ValueType.NONE;
            }
            case "remaining" -> {
                action = new Action.Remaining(slotRef(n));
                type = ValueType.INTEGER;
            }
            case "status" -> {
                String slot = slotRef(n);
                action = new Action.Status(slot, member(n), householdRef(n));
                type = ValueType.STATUS;
            }
            case "mark" -> {
                action = new Action.SlotMark(slotRef(n));
                type = ValueType.MARK;
            }
            case "calendar" -> {
                Optional<String> venue = n.optNonNull("venue").isPresent() ? Optional.of(n.req("venue").nonBlank())
                        : Optional.empty();
                var month = n.req("month").month();
                action = new Action.MonthCalendar(venue, month, member(n), householdRef(n));
                type = ValueType.CALENDAR;
            }
            case "deadline" -> {
                String slot = slotRef(n);
                Node k = n.req("kind");
                DeadlineKind dk;
                try {
                    dk = DeadlineKind.valueOf(k.string().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw k.error("expected \"booking\", \"change\" or \"cancel\", found " + Node.show(k.json()));
                }
                action = new Action.Deadline(slot, dk);
                type = ValueType.DATETIME;
            }
            case "eligible" -> {
                action = new Action.Eligible(member(n), n.req("date").date());
                type = ValueType.BOOLEAN;
            }
            case "subsidyEligible" -> {
                action = new Action.SubsidyEligible(member(n), n.req("date").date());
                type = ValueType.BOOLEAN;
            }
            case "history" -> {
                String member = member(n);
                Optional<String> household = householdRef(n);
                Optional<ReservationStatus> status = n.optNonNull("status").isPresent()
                        ? Optional.of(n.req("status").oneOf(ReservationStatus.class, true)) : Optional.empty();
                Optional<LocalDateTime> from = n.optNonNull("from").isPresent()
                        ? Optional.of(n.req("from").dateOrDateTime(false)) : Optional.empty();
                Optional<LocalDateTime> to = n.optNonNull("to").isPresent()
                        ? Optional.of(n.req("to").dateOrDateTime(true)) : Optional.empty();
                action = new Action.History(member, household, status, from, to);
                type = ValueType.NAMES;
            }
            case "mails" -> {
                String to = n.req("to").nonBlank();
                Optional<NotificationKind> k = n.optNonNull("kind").isPresent()
                        ? Optional.of(n.req("kind").oneOf(NotificationKind.class, true)) : Optional.empty();
                action = new Action.Mails(to, k);
                type = ValueType.INTEGER;
            }
            case "subsidy" -> {
                action = new Action.Subsidy(n.req("cost").int64());
                type = ValueType.INTEGER;
            }
            default -> throw new AssertionError(kind);
        }
        n.noOtherKeys("for \"" + kind + "\"");
        Expectation expectation = expectation(expectNode, type, kind);
        return new Step(number, n.path(), at, action, expectation);
    }

    /** A symbol number as the user types it: a string (or digits), or null for a missing input. */
    private static String symbolInput(Node n) throws InvalidScenarioException {
        Node s = n.req("symbolNumber");
        return s.json().isNull() ? null : s.stringOrDigits();
    }

    private String member(Node n) throws InvalidScenarioException {
        Node m = n.req("member");
        String key = m.string();
        if (!memberHouseholds.containsKey(key)) {
            throw m.error("no member with key \"" + key + "\" in \"households\"");
        }
        return key;
    }

    private Optional<String> householdRef(Node n) throws InvalidScenarioException {
        Optional<Node> h = n.optNonNull("household");
        if (h.isEmpty()) {
            return Optional.empty();
        }
        String symbol = h.get().stringOrDigits();
        if (!households.containsKey(symbol)) {
            throw h.get().error("no household with symbolNumber \"" + symbol + "\" in \"households\"");
        }
        return Optional.of(symbol);
    }

    private String slotRef(Node n) throws InvalidScenarioException {
        Node s = n.req("slot");
        String key = s.string();
        if (!slots.containsKey(key)) {
            throw s.error("no slot with key \"" + key + "\" in \"slots\"");
        }
        return key;
    }

    private String reservationRef(Node n) throws InvalidScenarioException {
        Node r = n.req("reservation");
        String name = r.string();
        if (!reservationNames.contains(name)) {
            throw r.error("no earlier step names a reservation \"" + name + "\" with \"as\"");
        }
        return name;
    }

    private Optional<String> as(Node n) throws InvalidScenarioException {
        Optional<Node> a = n.optNonNull("as");
        if (a.isEmpty()) {
            return Optional.empty();
        }
        String name = a.get().nonBlank();
        reservationNames.add(name);
        return Optional.of(name);
    }

    private static Optional<String> staff(Node n) throws InvalidScenarioException {
        Optional<Node> s = n.optNonNull("staff");
        return s.isPresent() ? Optional.of(s.get().string()) : Optional.empty();
    }

    /** {@code confirm} if given, else the value it confirms. */
    private static String confirm(Node n, String confirmed) throws InvalidScenarioException {
        return n.opt("confirm").isPresent() ? n.req("confirm").stringOrNull() : confirmed;
    }

    // ---- expectations ---------------------------------------------------------------------------

    private static Expectation expectation(Optional<Node> node, ValueType type, String kind)
            throws InvalidScenarioException {
        if (node.isEmpty()) {
            return new Expectation.Success();
        }
        Node e = node.get();
        JsonNode j = e.json();
        if (j.isTextual() && j.textValue().equalsIgnoreCase("ok")) {
            return new Expectation.Ok();
        }
        if (j.isObject() && j.has("error")) {
            ErrorCode code = e.req("error").oneOf(ErrorCode.class);
            Optional<String> field = e.optNonNull("field").isPresent() ? Optional.of(e.req("field").string())
                    : Optional.empty();
            e.noOtherKeys("in an error expectation");
            return new Expectation.Refused(code, field, j);
        }
        String forms = "\"ok\", {\"error\": CODE}";
        switch (type) {
            case NONE -> throw e.error("expected " + forms + " for \"" + kind + "\", found " + Node.show(j));
            case LOGIN -> {
                if (!j.isObject() || j.size() != 1 || !j.has("firstLogin") || !j.get("firstLogin").isBoolean()) {
                    throw e.error("expected " + forms + " or {\"firstLogin\": true|false} for \"login\", found "
                            + Node.show(j));
                }
                return new Expectation.Value(j, j);
            }
            case INTEGER -> {
                if (!j.isIntegralNumber()) {
                    throw e.error("expected " + forms + " or an integer for \"" + kind + "\", found " + Node.show(j));
                }
                return new Expectation.Value(j, j);
            }
            case STATUS -> {
                e.oneOf(SlotStatus.class);
                return new Expectation.Value(j, j);
            }
            case MARK -> {
                if (!j.isTextual() || !MARKS.contains(j.textValue())) {
                    throw e.error("expected " + forms + " or one of \"○\", \"△\", \"×\" for \"mark\", found "
                            + Node.show(j));
                }
                return new Expectation.Value(j, j);
            }
            case CALENDAR -> {
                if (!j.isObject()) {
                    throw e.error("expected " + forms + " or an object of date → status for \"calendar\", found "
                            + Node.show(j));
                }
                for (Map.Entry<String, Node> day : e.fields().entrySet()) {
                    try {
                        LocalDate.parse(day.getKey());
                    } catch (DateTimeParseException ex) {
                        throw day.getValue().error("a calendar key is a date like \"2024-02-18\", found \""
                                + day.getKey() + "\"");
                    }
                    day.getValue().oneOf(SlotStatus.class);
                }
                return new Expectation.Value(j, j);
            }
            case DATETIME -> {
                LocalDateTime t;
                try {
                    t = e.dateOrDateTime(false);
                } catch (InvalidScenarioException ex) {
                    throw e.error("expected " + forms + " or a local date-time like \"2024-02-05T00:00\" for \""
                            + kind + "\", found " + Node.show(j));
                }
                return new Expectation.Value(TextNode.valueOf(t.toString()), j);
            }
            case BOOLEAN -> {
                if (!j.isBoolean()) {
                    throw e.error("expected " + forms + ", true or false for \"" + kind + "\", found " + Node.show(j));
                }
                return new Expectation.Value(j, j);
            }
            case NAMES -> {
                for (Node item : e.array()) {
                    item.string();
                }
                return new Expectation.Value(j, j);
            }
            default -> throw new AssertionError(type);
        }
    }
}
