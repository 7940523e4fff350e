package io.github.kenshinbooking.testkit.scenario;

import io.github.kenshinbooking.testkit.scenario.ExpectationReader.ValueType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The step kinds ({@code do}) of the scenario format: each with its reader and the shape of value
 * its {@code expect} may give. Listed in the order the unknown-step error names them. Internal.
 */
final class StepReaders {
    /** A step kind's reader and the value type its expectation is checked against. */
    record Kind(StepReader reader, ValueType expects) {
    }

    static final Map<String, Kind> KINDS = kinds();

    private StepReaders() {
    }

    private static Map<String, Kind> kinds() {
        Map<String, Kind> k = new LinkedHashMap<>();
        k.put("login", new Kind(AccountSteps::login, ValueType.LOGIN));
        k.put("resume", new Kind(AccountSteps::resume, ValueType.NONE));
        k.put("logout", new Kind(AccountSteps::logout, ValueType.NONE));
        k.put("unlock", new Kind(AccountSteps::unlock, ValueType.NONE));
        k.put("changePassword", new Kind(AccountSteps::changePassword, ValueType.NONE));
        k.put("setEmail", new Kind(AccountSteps::setEmail, ValueType.NONE));
        k.put("skipEmail", new Kind(AccountSteps::skipEmail, ValueType.NONE));
        k.put("requestReset", new Kind(AccountSteps::requestReset, ValueType.NONE));
        k.put("resetPassword", new Kind(AccountSteps::resetPassword, ValueType.NONE));
        k.put("book", new Kind(BookingSteps::book, ValueType.NONE));
        k.put("change", new Kind(BookingSteps::change, ValueType.NONE));
        k.put("cancel", new Kind(BookingSteps::cancel, ValueType.NONE));
        k.put("cancelEvent", new Kind(BookingSteps::cancelEvent, ValueType.NONE));
        k.put("staffBook", new Kind(StaffSteps::staffBook, ValueType.NONE));
        k.put("closeSlot", new Kind(StaffSteps::closeSlot, ValueType.NONE));
        k.put("reopenSlot", new Kind(StaffSteps::reopenSlot, ValueType.NONE));
        k.put("setCapacity", new Kind(StaffSteps::setCapacity, ValueType.NONE));
        k.put("sendReminders", new Kind(MailSteps::sendReminders, ValueType.NONE));
        k.put("remaining", new Kind(CalendarSteps::remaining, ValueType.INTEGER));
        k.put("status", new Kind(CalendarSteps::status, ValueType.STATUS));
        k.put("mark", new Kind(CalendarSteps::mark, ValueType.MARK));
        k.put("optionRemaining", new Kind(CalendarSteps::optionRemaining, ValueType.INTEGER));
        k.put("optionMark", new Kind(CalendarSteps::optionMark, ValueType.MARK));
        k.put("calendar", new Kind(CalendarSteps::calendar, ValueType.CALENDAR));
        k.put("deadline", new Kind(RuleSteps::deadline, ValueType.DATETIME));
        k.put("eligible", new Kind(RuleSteps::eligible, ValueType.BOOLEAN));
        k.put("history", new Kind(BookingSteps::history, ValueType.NAMES));
        k.put("mails", new Kind(MailSteps::mails, ValueType.INTEGER));
        k.put("audit", new Kind(StaffSteps::audit, ValueType.NAMES));
        k.put("joinWaitingList", new Kind(WaitingSteps::join, ValueType.NONE));
        k.put("leaveWaitingList", new Kind(WaitingSteps::leave, ValueType.NONE));
        k.put("acceptOffer", new Kind(WaitingSteps::accept, ValueType.NONE));
        k.put("declineOffer", new Kind(WaitingSteps::decline, ValueType.NONE));
        k.put("runWaitingList", new Kind(WaitingSteps::run, ValueType.NONE));
        k.put("waitingList", new Kind(WaitingSteps::entries, ValueType.NAMES));
        k.put("subsidy", new Kind(RuleSteps::subsidy, ValueType.INTEGER));
        k.put("subsidyEligible", new Kind(RuleSteps::subsidyEligible, ValueType.BOOLEAN));
        return Collections.unmodifiableMap(k);
    }
}
