package io.github.kenshinbooking.schedule;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

/**
 * What staff may edit of a slot that holds no live reservation (STAFF-3): its start time, duration
 * and the instant its reception opens (SLOT-2; it closes at the policy's booking deadline). Venue,
 * institution and date stay. Immutable and thread-safe.
 *
 * @param start          the new start time, local to the union's zone
 * @param duration       the new length, positive
 * @param receptionOpens the new instant reception opens
 */
public record SlotEdit(LocalTime start, Duration duration, Instant receptionOpens) {
    /**
     * Checks the components.
     *
     * @param start the new start time, local to the union's zone
     * @param duration the new length, positive
     * @param receptionOpens the new instant reception opens
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if the duration is not positive
     */
    public SlotEdit {
        requireNonNull(start, "start");
        requireNonNull(duration, "duration");
        requireNonNull(receptionOpens, "receptionOpens");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive");
        }
    }

    /**
     * The edit that keeps a slot as it is.
     *
     * @param slot the slot
     * @return its start, duration and reception opening
     */
    public static SlotEdit of(Slot slot) {
        return new SlotEdit(slot.start(), slot.duration(), slot.receptionOpens());
    }

    /**
     * The slot with this edit applied; everything else stays.
     *
     * @param slot the slot before the edit
     * @return the edited slot
     */
    public Slot applyTo(Slot slot) {
        return slot.withTimes(start, duration, receptionOpens);
    }
}
