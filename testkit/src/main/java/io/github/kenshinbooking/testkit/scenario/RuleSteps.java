package io.github.kenshinbooking.testkit.scenario;

import io.github.kenshinbooking.schedule.DeadlineKind;
import java.util.Locale;

/** Readers of the rule queries: a slot's deadline, a member's eligibility, the subsidy. Internal. */
final class RuleSteps {
    private RuleSteps() {
    }

    static Action deadline(Node n, StepRefs refs) throws InvalidScenarioException {
        String slot = refs.slotRef(n);
        Node k = n.req("kind");
        DeadlineKind dk;
        try {
            dk = DeadlineKind.valueOf(k.string().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw k.error("expected \"booking\", \"change\" or \"cancel\", found " + Node.show(k.json()));
        }
        return new Action.Deadline(slot, dk);
    }

    static Action eligible(Node n, StepRefs refs) throws InvalidScenarioException {
        return new Action.Eligible(refs.member(n), n.req("date").date());
    }

    static Action subsidyEligible(Node n, StepRefs refs) throws InvalidScenarioException {
        return new Action.SubsidyEligible(refs.member(n), n.req("date").date());
    }

    static Action subsidy(Node n, StepRefs refs) throws InvalidScenarioException {
        return new Action.Subsidy(n.req("cost").int64());
    }
}
