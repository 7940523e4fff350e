package io.github.kenshinbooking.schedule;

/**
 * Identifies a slot (予約枠); assigned by the store. Immutable and thread-safe.
 *
 * @param value the id, positive
 */
public record SlotId(long value) {
    /**
     * Checks the value.
     *
     * @param value the id, positive
     * @throws IllegalArgumentException if the value is not positive
     */
    public SlotId {
        if (value <= 0) {
            throw new IllegalArgumentException("slot id must be positive");
        }
    }

    /**
     * The slot id of that value.
     *
     * @param value the id, positive
     * @return the slot id
     */
    public static SlotId of(long value) {
        return new SlotId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
