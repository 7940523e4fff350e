package io.github.kenshinbooking.policy;

import java.time.Duration;

/**
 * How slots are opened and shown. Immutable and thread-safe.
 *
 * @param defaultDuration  SLOT-1: a slot's length when none is given (default 30 minutes)
 * @param fewLeftThreshold SLOT-4: remaining places at or below this show △ (default 3)
 */
public record SlotPolicy(Duration defaultDuration, int fewLeftThreshold) {
    /**
     * Checks the values.
     *
     * @param defaultDuration SLOT-1: a slot's length when none is given (default 30 minutes)
     * @param fewLeftThreshold SLOT-4: remaining places at or below this show △ (default 3)
     * @throws IllegalArgumentException if the duration is not positive or the threshold negative
     */
    public SlotPolicy {
        Checks.positive(defaultDuration, "slots.defaultDuration");
        Checks.nonNegative(fewLeftThreshold, "slots.fewLeftThreshold");
    }

    /**
     * The manual's slots: 30 minutes, △ at 3 or fewer.
     *
     * @return the defaults
     */
    public static SlotPolicy defaults() {
        return new SlotPolicy(Duration.ofMinutes(30), 3);
    }
}
