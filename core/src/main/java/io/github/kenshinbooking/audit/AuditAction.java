package io.github.kenshinbooking.audit;

/**
 * What an audit record says happened (AUDIT-1). Public API: actions may be added, never renamed.
 *
 * <p>A login is counted as a failure before its password is verified, in a short unit of work of its
 * own, so that no connection is held while the password is hashed (AUTH-4, SES-4): that unit of work
 * appends {@link #LOGIN_ATTEMPT} (or {@link #LOCKED} when this attempt reaches the lockout count),
 * and a success then appends {@link #LOGIN_SUCCEEDED} in the unit of work that clears the count. A
 * failed login is an attempt without a success after it.
 */
public enum AuditAction {
    /** A login attempt was counted before its password was verified (AUTH-4; household or staff). */
    LOGIN_ATTEMPT,
    /** The login succeeded: the failure count is cleared and a session started. */
    LOGIN_SUCCEEDED,
    /** A login was refused because the key is locked; nothing was verified (AUTH-4). */
    LOGIN_REFUSED_LOCKED,
    /** This failed attempt reached the lockout count and locked the key (AUTH-4, HARD-1). */
    LOCKED,
    /** Staff lifted a household's lock (STAFF-1). */
    UNLOCKED,
    /** A password change's current password was counted before it was verified (HARD-1). */
    PASSWORD_ATTEMPT,
    /** The current password was right but the new one was refused; the count is cleared (PW-1). */
    PASSWORD_CHANGE_REFUSED,
    /** The household password was changed (PW-2, AUTH-5). */
    PASSWORD_CHANGED,
    /** The household e-mail address was set, changed or deleted (MAIL-ADDR-1). */
    EMAIL_CHANGED,
    /** A reset link was mailed to the household (RESET-1). */
    RESET_REQUESTED,
    /** A reset link was used with a wrong identity; the mismatch is counted (RESET-2). */
    RESET_IDENTITY_MISMATCH,
    /** The password was reset with a link (RESET-2). */
    PASSWORD_RESET,
    /** A reservation was booked (BOOK-2, STAFF-2). */
    BOOKED,
    /** A reservation was moved to another slot (CHG-1, CNL-2, STAFF-2). */
    CHANGED,
    /** A reservation was cancelled (CNL-1, CNL-2, STAFF-2, SLOT-6). */
    CANCELLED,
    /** An event day was cancelled (SLOT-6); its reservations each get {@link #CANCELLED} too. */
    EVENT_DAY_CANCELLED,
    /** A slot was added (SLOT-1, STAFF-3). */
    SLOT_ADDED,
    /** A slot's start, duration or reception opening was edited (STAFF-3). */
    SLOT_EDITED,
    /** A slot's capacity was changed (STAFF-3). */
    SLOT_CAPACITY_CHANGED,
    /** A slot was closed to new bookings (STAFF-3). */
    SLOT_CLOSED,
    /** A closed slot was opened again (STAFF-3). */
    SLOT_REOPENED,
    /** A member joined a slot's waiting list (WAIT-1). */
    WAITING_JOINED,
    /** A held place was offered to a waiting entry (WAIT-2). */
    WAITING_OFFERED,
    /** An offer was accepted and became a reservation (WAIT-3). */
    WAITING_ACCEPTED,
    /** An offer was declined; its place goes to the next entry (WAIT-3). */
    WAITING_DECLINED,
    /** An offer's hold ended unanswered, or an entry can no longer be offered a place (WAIT-3). */
    WAITING_EXPIRED,
    /** A member left a waiting list, by choice or by booking in the fiscal year (WAIT-4). */
    WAITING_LEFT,
    /** A place held for a waiting list that nobody on it could be offered went back to the slot (WAIT-2). */
    WAITING_PLACE_RELEASED,
    /** A staff account was created. */
    STAFF_ACCOUNT_CREATED,
    /** A staff account was disabled. */
    STAFF_ACCOUNT_DISABLED,
    /** Slots were imported (DATA-2): the counts, after the import. */
    SLOTS_IMPORTED,
    /** Member records were imported (DATA-3): the counts, after the import. */
    MEMBERS_IMPORTED,
    /** Staff had an undelivered notification sent again now. */
    MAIL_RETRIED
}
