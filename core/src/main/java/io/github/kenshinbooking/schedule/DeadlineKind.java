package io.github.kenshinbooking.schedule;

/** The three deadlines of a slot. */
public enum DeadlineKind {
    /** 予約締切日時 (SLOT-2) */
    BOOKING,
    /** 変更締切 (CHG-1) */
    CHANGE,
    /** キャンセル締切 (CNL-1) */
    CANCEL
}
