package io.github.kenshinbooking.schedule;

/** Identifies a slot (予約枠); assigned by the store. Immutable and thread-safe. */
public record SlotId(long value) {
    public SlotId {
        if (value <= 0) {
            throw new IllegalArgumentException("slot id must be positive");
        }
    }

    public static SlotId of(long value) {
        return new SlotId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
