package io.github.kenshinbooking;

import static java.util.Objects.requireNonNull;

/**
 * A successful login: the session and whether it is first-login (AUTH-5: the initial password is
 * still in force). Immutable and thread-safe.
 *
 * @param session    the new session
 * @param firstLogin whether the initial password is still in force (AUTH-5)
 */
public record LoginResult(HouseholdSession session, boolean firstLogin) {
    /**
     * Checks the session.
     *
     * @param session the new session
     * @param firstLogin whether the initial password is still in force (AUTH-5)
     * @throws NullPointerException if the session is {@code null}
     */
    public LoginResult {
        requireNonNull(session, "session");
    }
}
