package io.github.kenshinbooking;

import io.github.kenshinbooking.notification.NotificationKind;

import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The day-before reminder (健診1日前, MAIL-3). Run it at any time, as often as you like, from any
 * number of instances: a run records a reminder for each live reservation whose exam is the
 * policy's number of calendar days after the run's date (in the union's zone), at most once per
 * reservation and exam date (a dedupe key in the outbox). Thread-safe.
 */
public final class ReminderJob {
    private final EngineContext ctx;

    ReminderJob(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Runs once at the clock's current instant.
     *
     * @return how many reminders this run recorded
     */
    public int run() {
        Instant now = ctx.clock().instant();
        LocalDate examDate = LocalDate.ofInstant(now, ctx.policy().zone()).plusDays(ctx.policy().mail().reminderDaysBefore());
        int recorded = 0;
        for (Reservation r : ctx.storage().reservations().findLiveOn(examDate)) {
            // the directory is read before the unit of work: it may take a connection of its own
            Optional<String> name = Notifier.memberName(ctx.directory().find(r.household()), r);
            try {
                boolean added = ctx.storage().unitOfWork().execute(() -> {
                    Optional<Reservation> current = ctx.storage().reservations().find(r.id());
                    if (current.isEmpty() || !current.get().live() || !current.get().slot().equals(r.slot())) {
                        return false;
                    }
                    Slot s = ctx.storage().slots().find(r.slot()).orElseThrow();
                    return ctx.notifier().reservation(NotificationKind.REMINDER, current.get(), name, s,
                            Optional.empty(), false, Optional.of(Notifier.reminderKey(r.id(), examDate)), now);
                });
                recorded += added ? 1 : 0;
            } catch (Refusal e) {
                throw new IllegalStateException("reminder work refused: " + e.getMessage(), e);
            }
        }
        return recorded;
    }
}
