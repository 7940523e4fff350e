package io.github.kenshinbooking.error;

/**
 * The stable refusal codes of RULES.md ("Error codes"). Public API: codes may be added, never renamed.
 */
public enum ErrorCode {
    INVALID_CREDENTIALS,
    ACCOUNT_LOCKED,
    PASSWORD_CHANGE_REQUIRED,
    REPRESENTATIVE_ONLY,
    PASSWORD_POLICY,
    CONFIRMATION_MISMATCH,
    INVALID_EMAIL,
    RESET_TOKEN_INVALID,
    RESET_IDENTITY_MISMATCH,
    NOT_ELIGIBLE_AGE,
    NOT_QUALIFIED,
    ALREADY_RESERVED_THIS_FISCAL_YEAR,
    RECEPTION_NOT_OPEN,
    BOOKING_CLOSED,
    SLOT_FULL,
    EVENT_CANCELLED,
    TERMS_NOT_ACCEPTED,
    INVALID_PHONE,
    CHANGE_DEADLINE_PASSED,
    CANCEL_DEADLINE_PASSED,
    ALREADY_CANCELLED,
    FORBIDDEN,
    NOT_FOUND,
    INVALID_AMOUNT,
    /** A malformed field; {@link Refusal#field()} names it. */
    INVALID_INPUT
}
