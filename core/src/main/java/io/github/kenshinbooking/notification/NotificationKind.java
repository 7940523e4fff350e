package io.github.kenshinbooking.notification;

/** The kinds of mail of MAIL-1. */
public enum NotificationKind {
    /** 予約完了 (BOOK-3) */
    BOOKED,
    /** 予約変更完了 (CHG-1) */
    CHANGED,
    /** 予約キャンセル完了 (CNL-1) */
    CANCELLED,
    /** 健診1日前のお知らせ (MAIL-3) */
    REMINDER,
    /** 開催中止 (SLOT-6) */
    EVENT_CANCELLED,
    /** メールアドレス変更 (MAIL-ADDR-1) */
    EMAIL_CHANGED,
    /** パスワード再設定 (RESET-1) */
    PASSWORD_RESET,
    /** キャンセル待ちのご案内: a place is held for the member (WAIT-2) */
    WAITING_OFFER
}
