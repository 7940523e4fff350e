package io.github.kenshinbooking.schedule;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.policy.UnionPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The one place deadlines are computed: "N days before 00:00" is
 * {@code examDate.minusDays(N).atStartOfDay(zone)} and an action is allowed while
 * {@code now < deadline}. Immutable and thread-safe.
 */
public final class Deadlines {
    private final UnionPolicy policy;

    /**
     * Deadlines under a union's policy: its deadline days (SLOT-2, CHG-1, CNL-1) and zone.
     *
     * @param policy the union's policy
     */
    public Deadlines(UnionPolicy policy) {
        this.policy = requireNonNull(policy, "policy");
    }

    /**
     * The deadline of that kind for an exam on {@code examDate}, as a local date-time in the union's zone.
     *
     * @param kind booking, change or cancel
     * @param examDate the exam date
     * @return the deadline, 00:00 of the day N days before
     */
    public LocalDateTime localDeadline(DeadlineKind kind, LocalDate examDate) {
        return examDate.minusDays(days(kind)).atStartOfDay();
    }

    /**
     * The deadline of that kind for an exam on {@code examDate}.
     *
     * @param kind booking, change or cancel
     * @param examDate the exam date
     * @return the deadline instant, 00:00 in the union's zone of the day N days before
     */
    public Instant deadline(DeadlineKind kind, LocalDate examDate) {
        return examDate.minusDays(days(kind)).atStartOfDay(policy.zone()).toInstant();
    }

    /**
     * A deadline instant as the local date-time the union shows, in its zone (e.g. a reservation's
     * promised deadline, CHG-1, CNL-1).
     *
     * @param deadline the deadline instant
     * @return the local date-time in the union's zone
     */
    public LocalDateTime local(Instant deadline) {
        return LocalDateTime.ofInstant(requireNonNull(deadline, "deadline"), policy.zone());
    }

    /**
     * Whether an action with that deadline is still allowed at {@code now}: {@code now < deadline}
     * (for a reservation's promised deadline, CHG-1, CNL-1).
     *
     * @param deadline the deadline instant
     * @param now the current instant
     * @return {@code true} before the deadline, {@code false} from the deadline on
     */
    public static boolean open(Instant deadline, Instant now) {
        return now.isBefore(requireNonNull(deadline, "deadline"));
    }

    /**
     * Whether the action is still allowed at {@code now}: {@code now < deadline}.
     *
     * @param kind booking, change or cancel
     * @param examDate the exam date
     * @param now the current instant
     * @return {@code true} before the deadline, {@code false} from the deadline on
     */
    public boolean allows(DeadlineKind kind, LocalDate examDate, Instant now) {
        return now.isBefore(deadline(kind, examDate));
    }

    /**
     * SLOT-2: the slot's reception window, from its opening instant to its booking deadline.
     *
     * @param slot the slot
     * @return the window {@code [receptionOpens, booking deadline)}
     */
    public ReceptionWindow receptionWindow(Slot slot) {
        return new ReceptionWindow(slot.receptionOpens(), deadline(DeadlineKind.BOOKING, slot.date()));
    }

    private int days(DeadlineKind kind) {
        switch (requireNonNull(kind, "kind")) {
            case BOOKING:
                return policy.deadlines().bookingDays();
            case CHANGE:
                return policy.deadlines().changeDays();
            case CANCEL:
                return policy.deadlines().cancelDays();
            default:
                throw new AssertionError(kind);
        }
    }
}
