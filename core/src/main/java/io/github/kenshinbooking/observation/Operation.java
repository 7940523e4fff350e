package io.github.kenshinbooking.observation;

/** The use cases an {@link EngineObserver} hears of. */
public enum Operation {
    /** A household's login (AUTH-1..AUTH-4). */
    LOGIN,
    /** A household's booking (BOOK-2); a repeat of an idempotency key (BOOK-4) is no new booking and not reported. */
    BOOK,
    /** A household's change (CHG-1). */
    CHANGE,
    /** A household's cancel (CNL-1). */
    CANCEL,
    /** A booking by union staff on a member's behalf (STAFF-2, 電話予約). */
    STAFF_BOOK,
    /** A change by union staff (CNL-2, STAFF-2). */
    STAFF_CHANGE,
    /** A cancel by union staff (CNL-2). */
    STAFF_CANCEL,
    /**
     * An event day cancelled by the union (SLOT-6): reported as succeeded once for each reservation it
     * cancelled, and as refused once for a call that was refused.
     */
    CANCEL_EVENT_DAY
}
