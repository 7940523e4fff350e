package io.github.kenshinbooking;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.household.SymbolNumber;
import java.time.Instant;

/**
 * An authenticated household (ログイン済みの世帯): the context every household use case requires.
 * Only the library creates it, by a successful {@link LoginService#login login} or by
 * {@link SessionService#resume resuming} its token (SES-1), so a use case can trust the household
 * it names. It lives for one request: a web tier keeps the {@link SessionToken}, not this object,
 * and resumes it on each request, which is where expiry and logout are enforced (SES-2). Whether the session is still in
 * first-login (AUTH-5) is read from the account at each use, not frozen here. Immutable and thread-safe.
 */
public final class HouseholdSession {
    private final SymbolNumber household;
    private final Instant authenticatedAt;
    private final String tokenHash;

    HouseholdSession(SymbolNumber household, Instant authenticatedAt, String tokenHash) {
        this.household = requireNonNull(household, "household");
        this.authenticatedAt = requireNonNull(authenticatedAt, "authenticatedAt");
        this.tokenHash = requireNonNull(tokenHash, "tokenHash");
    }

    /** The stored hash of this session's token: which session a password change keeps (SES-3). */
    String tokenHash() {
        return tokenHash;
    }

    /**
     * The household's symbol number.
     *
     * @return the 記号番号
     */
    public SymbolNumber household() {
        return household;
    }

    /**
     * When the login that created this session succeeded.
     *
     * @return the login instant
     */
    public Instant authenticatedAt() {
        return authenticatedAt;
    }

    @Override
    public String toString() {
        return "HouseholdSession[" + household + "]";
    }
}
