package io.github.kenshinbooking.schedule;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.eligibility.OptionId;

/**
 * One optional test of a slot as the calendar shows it beside the slot's own places (OPT-3): its name,
 * 残りN名 and the mark ○, △ or × with the same threshold as SLOT-4. Immutable and thread-safe.
 *
 * @param option    the optional test
 * @param name      its name as the union shows it
 * @param remaining its places left in the slot (残りN名)
 * @param mark      the mark for those places
 */
public record OptionAvailability(OptionId option, String name, int remaining, Mark mark) {
    /**
     * Checks the components.
     *
     * @param option the optional test
     * @param name its name as the union shows it
     * @param remaining its places left in the slot
     * @param mark the mark for those places
     * @throws NullPointerException if an object component is {@code null}
     */
    public OptionAvailability {
        requireNonNull(option, "option");
        requireNonNull(name, "name");
        requireNonNull(mark, "mark");
    }
}
