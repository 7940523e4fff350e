package io.github.kenshinbooking.schedule;

/** Status of a slot or day for a selected member, decided in this order (SLOT-4). */
public enum SlotStatus {
    /** 予約済み: the member holds it. */
    RESERVED,
    /** 受付期間外: outside the reception window, or the event day was cancelled. */
    OUTSIDE_RECEPTION,
    /** 空きなし */
    FULL,
    /** 空きあり (残りN名) */
    AVAILABLE
}
