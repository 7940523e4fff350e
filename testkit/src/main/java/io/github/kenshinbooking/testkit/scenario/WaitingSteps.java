package io.github.kenshinbooking.testkit.scenario;

import java.util.Optional;

/** Readers of the waiting-list steps (WAIT-1..WAIT-4): join, leave, accept, decline, the job, the entries. Internal. */
final class WaitingSteps {
    private WaitingSteps() {
    }

    static Action join(Node n, StepRefs refs) throws InvalidScenarioException {
        String member = refs.member(n);
        Optional<String> household = refs.householdRef(n);
        String slot = refs.slotRef(n);
        String phone = n.opt("phone").isPresent() ? n.req("phone").stringOrNull() : null;
        boolean terms = n.optNonNull("acceptTerms").isPresent() && n.req("acceptTerms").bool();
        return new Action.JoinWaitingList(member, household, slot, phone, terms);
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
