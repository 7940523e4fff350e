package io.github.kenshinbooking.reservation;

/**
 * The id of a waiting-list entry (キャンセル待ち番号): positive, handed out in joining order, so the
 * earliest entry of a slot has the smallest id (WAIT-2). Immutable and thread-safe.
 *
 * @param value the id, positive
 */
public record WaitingEntryId(long value) {
    /**
     * Checks the value.
     *
     * @param value the id, positive
     * @throws IllegalArgumentException if the value is not positive
     */
    public WaitingEntryId {
        if (value <= 0) {
            throw new IllegalArgumentException("waiting entry id must be positive");
        }
    }

    /**
     * The waiting entry id of that value.
     *
     * @param value the id, positive
     * @return the id
     */
    public static WaitingEntryId of(long value) {
        return new WaitingEntryId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
