package io.github.kenshinbooking.testkit.scenario;

import java.time.YearMonth;
import java.util.Optional;

/** Readers of the slot and calendar queries: remaining, status, mark, calendar. Internal. */
final class CalendarSteps {
    private CalendarSteps() {
    }

    static Action remaining(Node n, StepRefs refs) throws InvalidScenarioException {
        return new Action.Remaining(refs.slotRef(n));
    }

    static Action status(Node n, StepRefs refs) throws InvalidScenarioException {
        String slot = refs.slotRef(n);
        return new Action.Status(slot, refs.member(n), refs.householdRef(n));
    }

    static Action mark(Node n, StepRefs refs) throws InvalidScenarioException {
        return new Action.SlotMark(refs.slotRef(n));
    }

    static Action optionRemaining(Node n, StepRefs refs) throws InvalidScenarioException {
        return new Action.OptionPlaces(refs.slotRef(n), ScenarioParser.code(n.req("option")), refs.member(n),
                refs.householdRef(n), false);
    }

    static Action optionMark(Node n, StepRefs refs) throws InvalidScenarioException {
        return new Action.OptionPlaces(refs.slotRef(n), ScenarioParser.code(n.req("option")), refs.member(n),
                refs.householdRef(n), true);
    }

    static Action calendar(Node n, StepRefs refs) throws InvalidScenarioException {
        Optional<String> venue = n.optNonNull("venue").isPresent() ? Optional.of(n.req("venue").nonBlank())
                : Optional.empty();
        YearMonth month = n.req("month").month();
        return new Action.MonthCalendar(venue, month, refs.member(n), refs.householdRef(n));
    }
}
