package io.github.kenshinbooking.testkit.scenario;

import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.policy.AgePolicy;
import io.github.kenshinbooking.policy.DeadlinePolicy;
import io.github.kenshinbooking.policy.LockoutPolicy;
import io.github.kenshinbooking.policy.MailPolicy;
import io.github.kenshinbooking.policy.PasswordPolicy;
import io.github.kenshinbooking.policy.ResetPolicy;
import io.github.kenshinbooking.policy.SessionPolicy;
import io.github.kenshinbooking.policy.SlotPolicy;
import io.github.kenshinbooking.policy.SubsidyPolicy;
import io.github.kenshinbooking.policy.UnionContact;
import io.github.kenshinbooking.policy.UnionPolicy;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a scenario's {@code policy} object: flat keys (the scenario format's, e.g.
 * {@code lockAfterFailures}) over the rules' defaults, then the policy's groups, so a group is
 * validated once with all its values.
 */
final class PolicyReader {
    private PolicyReader() {
    }

    static UnionPolicy read(Optional<Node> node) throws InvalidScenarioException {
        UnionPolicy d = UnionPolicy.defaults();
        if (node.isEmpty()) {
            return d;
        }
        ZoneId zone = d.zone();
        String termsVersion = d.termsVersion();
        int bookingDays = d.deadlines().bookingDays();
        int changeDays = d.deadlines().changeDays();
        int cancelDays = d.deadlines().cancelDays();
        Duration slotDuration = d.slots().defaultDuration();
        int fewLeft = d.slots().fewLeftThreshold();
        int lockAfter = d.lockout().afterFailures();
        Duration lockDuration = d.lockout().duration();
        String prefix = d.passwords().initialPrefix();
        int minLength = d.passwords().minLength();
        int maxLength = d.passwords().maxLength();
        int iterations = d.passwords().pbkdf2Iterations();
        Duration resetValidity = d.reset().linkValidity();
        int resetMismatches = d.reset().maxIdentityMismatches();
        int tokenBytes = d.reset().tokenBytes();
        Duration resetMailInterval = d.reset().mailInterval();
        int eligibleFrom = d.ages().eligibleFrom();
        int eligibleUnder = d.ages().eligibleUnder();
        int subsidyFrom = d.ages().subsidyFrom();
        long fullUpTo = d.subsidy().fullUpTo();
        int rate = d.subsidy().ratePercent();
        long cap = d.subsidy().cap();
        int reminderDays = d.mail().reminderDaysBefore();
        UnionContact contact = d.mail().contact();
        Duration sessionIdle = d.sessions().idle();
        Duration sessionAbsolute = d.sessions().absolute();
        int sessionTokenBytes = d.sessions().tokenBytes();
        for (Map.Entry<String, Node> e : node.get().fields().entrySet()) {
            String key = e.getKey();
            Node v = e.getValue();
            switch (key) {
                case "zone" -> zone = zone(v);
                case "termsVersion" -> termsVersion = v.nonBlank();
                case "bookingDeadlineDays" -> bookingDays = v.int32();
                case "changeDeadlineDays" -> changeDays = v.int32();
                case "cancelDeadlineDays" -> cancelDays = v.int32();
                case "fewLeftThreshold" -> fewLeft = v.int32();
                case "defaultSlotDuration", "defaultSlotDurationMinutes", "defaultSlotMinutes", "slotMinutes" ->
                        slotDuration = duration(key, v);
                case "lockAfterFailures" -> lockAfter = v.int32();
                case "lockDuration", "lockDurationMinutes", "lockMinutes" -> lockDuration = duration(key, v);
                case "resetLinkValidity", "resetLinkValidityMinutes", "resetLinkMinutes" ->
                        resetValidity = duration(key, v);
                case "resetMaxIdentityMismatches" -> resetMismatches = v.int32();
                case "resetTokenBytes" -> tokenBytes = v.int32();
                case "resetMailInterval", "resetMailIntervalMinutes" -> resetMailInterval = duration(key, v);
                case "sessionIdleMinutes" -> sessionIdle = Duration.ofMinutes(v.int32());
                case "sessionAbsoluteMinutes" -> sessionAbsolute = Duration.ofMinutes(v.int32());
                case "sessionTokenBytes" -> sessionTokenBytes = v.int32();
                case "initialPasswordPrefix" -> prefix = v.string();
                case "passwordMinLength" -> minLength = v.int32();
                case "passwordMaxLength" -> maxLength = v.int32();
                case "pbkdf2Iterations" -> iterations = pbkdf2Iterations(v, iterations);
                case "eligibleFromAge" -> eligibleFrom = v.int32();
                case "eligibleUnderAge" -> eligibleUnder = v.int32();
                case "subsidyFromAge" -> subsidyFrom = v.int32();
                case "subsidyFullUpTo" -> fullUpTo = v.int64();
                case "subsidyRatePercent" -> rate = v.int32();
                case "subsidyCap" -> cap = v.int64();
                case "reminderDaysBefore" -> reminderDays = v.int32();
                case "contact" -> contact = contact(v);
                default -> {
                    if (!Node.isNoteKey(key)) {
                        throw v.error("unknown policy key \"" + key + "\"");
                    }
                }
            }
        }
        try {
            return UnionPolicy.builder().zone(zone).termsVersion(termsVersion)
                    .deadlines(new DeadlinePolicy(bookingDays, changeDays, cancelDays))
                    .slots(new SlotPolicy(slotDuration, fewLeft))
                    .lockout(new LockoutPolicy(lockAfter, lockDuration))
                    .passwords(new PasswordPolicy(prefix, minLength, maxLength, iterations))
                    .reset(new ResetPolicy(resetValidity, resetMismatches, tokenBytes, resetMailInterval))
                    .ages(new AgePolicy(eligibleFrom, eligibleUnder, subsidyFrom))
                    .subsidy(new SubsidyPolicy(fullUpTo, rate, cap))
                    .mail(new MailPolicy(reminderDays, contact))
                    .sessions(new SessionPolicy(sessionIdle, sessionAbsolute, sessionTokenBytes))
                    .build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw node.get().error("not a valid policy: " + e.getMessage());
        }
    }

    /**
     * A scenario may name a cost below HARD-5's floor (PW-3's 600,000 iterations), which the policy
     * refuses: the runner hashes with its own test-only hasher whatever the policy says, so such a
     * value is not an error and leaves the default in the policy. A value that is no cost at all (0 or
     * less) still is one.
     */
    private static int pbkdf2Iterations(Node v, int defaultIterations) throws InvalidScenarioException {
        int n = v.int32();
        if (n < 1) {
            throw v.error("expected a positive number of iterations, found " + n);
        }
        return n < PasswordPolicy.MIN_PBKDF2_ITERATIONS ? defaultIterations : n;
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
}
