package io.github.kenshinbooking;

import static java.util.Objects.requireNonNull;

/**
 * A successful login: the session, whether it is first-login (AUTH-5: the initial password is
 * still in force) and the token that resumes the session later (SES-1). {@link #toString()} does
 * not show the token. Immutable and thread-safe.
 *
 * @param session    the new session
 * @param firstLogin whether the initial password is still in force (AUTH-5)
 * @param token      the session's token for the web tier to keep (SES-1)
 */
public record LoginResult(HouseholdSession session, boolean firstLogin, SessionToken token) {
    /**
     * Checks the session and token.
     *
     * @param session the new session
     * @param firstLogin whether the initial password is still in force (AUTH-5)
     * @param token the session's token for the web tier to keep (SES-1)
     * @throws NullPointerException if the session or token is {@code null}
     */
    public LoginResult {
        requireNonNull(session, "session");
        requireNonNull(token, "token");
    }
}
