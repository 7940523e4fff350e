package io.github.kenshinbooking.account;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.policy.PasswordPolicy;

/**
 * PW-1, the rule every new password meets (a change or a reset): its length in characters within the
 * policy's bounds, at least one ASCII letter and one digit, not the initial password, and typed twice
 * the same. Immutable and thread-safe.
 */
public final class PasswordRules {
    /** The field a {@code PASSWORD_POLICY} refusal names: {@link Refusal#FIELD_NEW}. */
    public static final String NEW_FIELD = Refusal.FIELD_NEW;
    /** The field a {@code CONFIRMATION_MISMATCH} refusal names: {@link Refusal#FIELD_CONFIRM}. */
    public static final String CONFIRM_FIELD = Refusal.FIELD_CONFIRM;

    private final PasswordPolicy policy;

    /** @param policy the union's password rules */
    public PasswordRules(PasswordPolicy policy) {
        this.policy = requireNonNull(policy, "policy");
    }

    /**
     * Checks a new password.
     *
     * @param newPassword     the new password
     * @param confirmation    the new password typed again
     * @param initialPassword the household's initial password (AUTH-3), which a new one must differ from
     * @throws Refusal {@code PASSWORD_POLICY} (field {@value #NEW_FIELD}), then {@code CONFIRMATION_MISMATCH}
     *     (field {@value #CONFIRM_FIELD})
     */
    public void checkNew(String newPassword, String confirmation, String initialPassword) throws Refusal {
        int length = newPassword.codePointCount(0, newPassword.length());
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < newPassword.length(); i++) {
            char c = newPassword.charAt(i);
            letter |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            digit |= c >= '0' && c <= '9';
        }
        if (length < policy.minLength() || length > policy.maxLength() || !letter || !digit) {
            throw Refusal.onField(ErrorCode.PASSWORD_POLICY, NEW_FIELD, "at least " + policy.minLength()
                    + " and at most " + policy.maxLength() + " characters, letters and digits");
        }
        if (newPassword.equals(initialPassword)) {
            throw Refusal.onField(ErrorCode.PASSWORD_POLICY, NEW_FIELD, "must differ from the initial password");
        }
        if (!newPassword.equals(confirmation)) {
            throw Refusal.onField(ErrorCode.CONFIRMATION_MISMATCH, CONFIRM_FIELD, "confirmation differs");
        }
    }
}
