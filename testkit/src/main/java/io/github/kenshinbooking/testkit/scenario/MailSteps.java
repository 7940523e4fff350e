package io.github.kenshinbooking.testkit.scenario;

import io.github.kenshinbooking.notification.NotificationKind;
import java.util.Optional;

/** Readers of the mail steps: the reminder batch and the count of mails sent. Internal. */
final class MailSteps {
    private MailSteps() {
    }

    static Action sendReminders(Node n, StepRefs refs) {
        return new Action.SendReminders();
    }

    static Action mails(Node n, StepRefs refs) throws InvalidScenarioException {
        String to = n.req("to").nonBlank();
        Optional<NotificationKind> k = n.optNonNull("kind").isPresent()
                ? Optional.of(n.req("kind").oneOf(NotificationKind.class, true)) : Optional.empty();
        return new Action.Mails(to, k);
    }
}
