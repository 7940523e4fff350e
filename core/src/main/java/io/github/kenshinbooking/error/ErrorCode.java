package io.github.kenshinbooking.error;

/**
 * The stable refusal codes of RULES.md ("Error codes"). Public API: codes may be added, never renamed.
 */
public enum ErrorCode {
    /** Unknown symbol number or wrong password (AUTH-1), or a wrong current password (PW-2). */
    INVALID_CREDENTIALS,
    /** The login key is locked after repeated failures (AUTH-4, ログインロック). */
    ACCOUNT_LOCKED,
    /** The initial password is still in force: first-login must change it first (AUTH-5). */
    PASSWORD_CHANGE_REQUIRED,
    /** Only the household's representative (代表者) may do this. */
    REPRESENTATIVE_ONLY,
    /** The new password breaks PW-1. */
    PASSWORD_POLICY,
    /** The value typed again differs from the first one. */
    CONFIRMATION_MISMATCH,
    /** The e-mail address is malformed (MAIL-ADDR-1). */
    INVALID_EMAIL,
    /** The reset link is unknown, expired, used or voided (RESET-2). */
    RESET_TOKEN_INVALID,
    /** The identity given with a reset link does not match the household (RESET-2). */
    RESET_IDENTITY_MISMATCH,
    /**
     * The session token is unknown, or its session has ended (セッション切れ, SES-2): idle too long,
     * past its absolute lifetime, logged out, or ended by a password change or reset (SES-3).
     */
    SESSION_EXPIRED,
    /**
     * The booking's idempotency key already produced a reservation of this household for another
     * member or slot (HARD-6): nothing was written.
     */
    IDEMPOTENCY_KEY_REUSED,
    /**
     * Too many failed logins from this source (the optional source throttle against credential
     * stuffing); carries the instant it may try again.
     */
    SOURCE_THROTTLED,
    /** The member's age on the exam date is outside the eligible range (ELIG-2). */
    NOT_ELIGIBLE_AGE,
    /** The member is not qualified (資格) on the exam date (ELIG-3). */
    NOT_QUALIFIED,
    /** The member already holds a live reservation in the slot's fiscal year (ONE-1). */
    ALREADY_RESERVED_THIS_FISCAL_YEAR,
    /** The slot's reception window has not opened yet (SLOT-2). */
    RECEPTION_NOT_OPEN,
    /** The slot's reception window has closed (SLOT-2). */
    BOOKING_CLOSED,
    /** No place is left in the slot (SLOT-3). */
    SLOT_FULL,
    /**
     * The member may not add this optional test (OPT-1): sex, age, interval, exclusive group, course, or
     * the slot does not offer it; {@link Refusal#subject()} names the test. After ONE-1, before
     * {@code SLOT_FULL} in ORDER-1.
     */
    OPTION_NOT_ELIGIBLE,
    /**
     * No place is left for this optional test in the slot (OPT-2); {@link Refusal#subject()} names the
     * test. After {@code SLOT_FULL} in ORDER-1.
     */
    OPTION_FULL,
    /** The event day was cancelled (開催中止, SLOT-6). */
    EVENT_CANCELLED,
    /**
     * Union staff closed the slot to new bookings (STAFF-3); answered where {@code EVENT_CANCELLED}
     * stands in ORDER-1, after it.
     */
    SLOT_CLOSED,
    /**
     * A slot's capacity may not go below the places taken, held or booked (STAFF-3); nothing was
     * changed.
     */
    CAPACITY_BELOW_TAKEN,
    /**
     * The slot holds live reservations, so its start, duration and reception window cannot be edited
     * (STAFF-3; the project's addition, not in the upstream catalogue).
     */
    SLOT_HAS_RESERVATIONS,
    /** The terms of use were not accepted (BOOK-1). */
    TERMS_NOT_ACCEPTED,
    /** The phone number is malformed. */
    INVALID_PHONE,
    /** The change deadline has passed (CHG-1); union staff can still act (CNL-2). */
    CHANGE_DEADLINE_PASSED,
    /** The cancel deadline has passed (CNL-1); union staff can still act (CNL-2). */
    CANCEL_DEADLINE_PASSED,
    /** The reservation is already cancelled. */
    ALREADY_CANCELLED,
    /** The session's household is no longer on record, or the member is not one of its members. */
    FORBIDDEN,
    /** The reservation, slot or member does not exist (for the household). */
    NOT_FOUND,
    /** An amount of money is invalid, e.g. a negative cost (SUB-2). */
    INVALID_AMOUNT,
    /** A malformed field; {@link Refusal#field()} names it. */
    INVALID_INPUT,
    /**
     * An import file (DATA-2, DATA-3) has bad rows, so nothing of it was written;
     * {@link Refusal#lineErrors()} names each bad row's line and reason.
     */
    IMPORT_INVALID,
    /** The member already has the most live waiting-list entries of the fiscal year (WAIT-1). */
    WAITLIST_LIMIT,
    /** The member is not on that waiting list, or holds no offer there to answer (WAIT-3, WAIT-4). */
    NOT_WAITING,
    /** The offered place's hold has ended; it went to the next entry (WAIT-3). */
    OFFER_EXPIRED
}
