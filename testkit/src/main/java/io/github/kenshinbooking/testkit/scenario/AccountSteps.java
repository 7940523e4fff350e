package io.github.kenshinbooking.testkit.scenario;

import static io.github.kenshinbooking.testkit.scenario.StepRefs.confirm;
import static io.github.kenshinbooking.testkit.scenario.StepRefs.symbolInput;

import java.util.Optional;

/** Readers of the account steps: login, passwords, e-mail and password reset. Internal. */
final class AccountSteps {
    private AccountSteps() {
    }

    static Action login(Node n, StepRefs refs) throws InvalidScenarioException {
        return new Action.Login(symbolInput(n), n.req("kana").stringOrNull(), n.req("password").stringOrNull());
    }

    static Action changePassword(Node n, StepRefs refs) throws InvalidScenarioException {
        String member = refs.member(n);
        String current = n.req("current").stringOrNull();
        String newPassword = n.req("new").stringOrNull();
        return new Action.ChangePassword(member, refs.householdRef(n), current, newPassword, confirm(n, newPassword));
    }

    static Action setEmail(Node n, StepRefs refs) throws InvalidScenarioException {
        String member = refs.member(n);
        String email = n.req("email").stringOrNull();
        return new Action.SetEmail(member, refs.householdRef(n), email, confirm(n, email));
    }

    static Action skipEmail(Node n, StepRefs refs) throws InvalidScenarioException {
        return new Action.SkipEmail(refs.member(n), refs.householdRef(n));
    }

    static Action requestReset(Node n, StepRefs refs) throws InvalidScenarioException {
        return new Action.RequestReset(n.req("email").stringOrNull());
    }

    static Action resetPassword(Node n, StepRefs refs) throws InvalidScenarioException {
        String to = n.req("tokenFromLastMailTo").nonBlank();
        String symbol = symbolInput(n);
        String kana = n.req("kana").stringOrNull();
        String newPassword = n.req("new").stringOrNull();
        return new Action.ResetPassword(to, symbol, kana, newPassword, confirm(n, newPassword));
    }

    static Action resume(Node n, StepRefs refs) throws InvalidScenarioException {
        return new Action.Resume(refs.household(n));
    }

    static Action logout(Node n, StepRefs refs) throws InvalidScenarioException {
        return new Action.Logout(refs.household(n));
    }

    static Action unlock(Node n, StepRefs refs) throws InvalidScenarioException {
        String household = refs.household(n);
        String staff = n.req("staff").string();
        Optional<Node> reason = n.optNonNull("reason");
        return new Action.Unlock(household, staff,
                reason.isPresent() ? reason.get().string() : Action.STAFF_REASON);
    }
}
