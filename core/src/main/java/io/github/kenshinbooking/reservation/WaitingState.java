package io.github.kenshinbooking.reservation;

/**
 * Where a waiting-list entry (キャンセル待ち) stands (WAIT-1..WAIT-4). {@link #WAITING} and {@link #OFFERED}
 * are live; the others are final.
 */
public enum WaitingState {
    /** On the list, waiting for a place (WAIT-1). */
    WAITING,
    /** A place is held for the member until the offer's end (WAIT-2). */
    OFFERED,
    /** The member accepted the offer: the held place became a reservation (WAIT-3). */
    BOOKED,
    /** The hold ended without an answer, or the slot could no longer be offered (WAIT-3). */
    EXPIRED,
    /** The member left the list, declined an offer, or booked a slot of the fiscal year (WAIT-3, WAIT-4). */
    LEFT;

    /**
     * Whether the entry is still on the list: waiting or holding an offer.
     *
     * @return {@code true} for {@link #WAITING} and {@link #OFFERED}
     */
    public boolean live() {
        return this == WAITING || this == OFFERED;
    }
}
