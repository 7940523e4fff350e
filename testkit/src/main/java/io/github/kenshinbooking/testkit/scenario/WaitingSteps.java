package io.github.kenshinbooking.testkit.scenario;

import java.util.List;
import java.util.Optional;

/** Readers of the waiting-list steps (WAIT-1..WAIT-4): join, leave, accept, decline, the job, the entries. Internal. */
final class WaitingSteps {
    private WaitingSteps() {
    }

    static Action join(Node n, StepRefs refs) throws InvalidScenarioException {
        Optional<String> course = n.optNonNull("course").isPresent()
                ? Optional.of(ScenarioParser.code(n.req("course"))) : Optional.empty();
        return new Action.JoinWaitingList(refs.member(n), refs.householdRef(n), refs.slotRef(n), BookingSteps.phone(n),
                BookingSteps.acceptTerms(n), course, BookingSteps.options(n).orElse(List.of()));
    }

    static Action leave(Node n, StepRefs refs) throws InvalidScenarioException {
        return new Action.LeaveWaitingList(refs.member(n), refs.householdRef(n), refs.slotRef(n));
    }

    static Action accept(Node n, StepRefs refs) throws InvalidScenarioException {
        return new Action.AnswerOffer(refs.member(n), refs.householdRef(n), refs.slotRef(n), true, refs.as(n));
    }

    static Action decline(Node n, StepRefs refs) throws InvalidScenarioException {
        return new Action.AnswerOffer(refs.member(n), refs.householdRef(n), refs.slotRef(n), false, Optional.empty());
    }

    static Action run(Node n, StepRefs refs) {
        return new Action.RunWaitingList();
    }

    static Action entries(Node n, StepRefs refs) throws InvalidScenarioException {
        return new Action.WaitingList(refs.member(n), refs.householdRef(n));
    }
}
