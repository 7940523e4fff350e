package io.github.kenshinbooking.staff;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.error.InputText;
import io.github.kenshinbooking.reservation.StaffId;

/**
 * A union staff member's account for the back office: id, display name, role, password hash (PW-3,
 * through the engine's {@code PasswordHasher}) and whether it is enabled. A disabled account cannot
 * authenticate; accounts are never deleted, so the audit trail's staff ids keep their meaning.
 * Immutable and thread-safe.
 *
 * @param id           the staff id, the name the staff member signs in with
 * @param displayName  the name shown, 1 to {@value #MAX_DISPLAY_NAME} characters
 * @param role         staff or administrator
 * @param passwordHash the password's hash
 * @param enabled      whether it may authenticate
 */
public record StaffAccount(StaffId id, String displayName, StaffRole role, PasswordHash passwordHash,
        boolean enabled) {
    /** The longest display name. */
    public static final int MAX_DISPLAY_NAME = 100;

    /**
     * Checks the components.
     *
     * @param id the staff id
     * @param displayName the name shown
     * @param role staff or administrator
     * @param passwordHash the password's hash
     * @param enabled whether it may authenticate
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if the display name is blank, longer than
     *     {@value #MAX_DISPLAY_NAME} or holds a control character or malformed UTF-16
     */
    public StaffAccount {
        requireNonNull(id, "id");
        requireNonNull(displayName, "displayName");
        requireNonNull(role, "role");
        requireNonNull(passwordHash, "passwordHash");
        if (displayName.isBlank() || displayName.length() > MAX_DISPLAY_NAME || !InputText.isClean(displayName)) {
            throw new IllegalArgumentException("display name must be 1.." + MAX_DISPLAY_NAME + " characters");
        }
    }

    /**
     * The account as the back office sees its staff member, without the hash.
     *
     * @return id, display name and role
     */
    public StaffMember member() {
        return new StaffMember(id, displayName, role);
    }

    /**
     * This account, disabled.
     *
     * @return a new account that cannot authenticate
     */
    public StaffAccount disabled() {
        return new StaffAccount(id, displayName, role, passwordHash, false);
    }

    /**
     * This account with another password hash (a rehash on sign-in).
     *
     * @param hash the new hash
     * @return a new account
     */
    public StaffAccount withPasswordHash(PasswordHash hash) {
        return new StaffAccount(id, displayName, role, hash, enabled);
    }

    @Override
    public String toString() {
        return "StaffAccount[id=" + id + ", displayName=" + displayName + ", role=" + role + ", enabled=" + enabled
                + "]";
    }
}
