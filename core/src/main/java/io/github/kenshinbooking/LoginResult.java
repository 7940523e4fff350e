package io.github.kenshinbooking;

import static java.util.Objects.requireNonNull;

/**
 * A successful login: the session and whether it is first-login (AUTH-5: the initial password is
 * still in force). Immutable and thread-safe.
 */
public record LoginResult(HouseholdSession session, boolean firstLogin) {
    public LoginResult {
        requireNonNull(session, "session");
    }
}
