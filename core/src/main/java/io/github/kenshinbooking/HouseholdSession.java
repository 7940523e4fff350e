package io.github.kenshinbooking;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.household.SymbolNumber;
import java.time.Instant;

/**
 * An authenticated household (ログイン済みの世帯): the context every household use case requires.
 * Only the library creates it, by a successful {@link LoginService#login login}, so a use case
 * can trust the household it names. Whether the session is still in
 * first-login (AUTH-5) is read from the account at each use, not frozen here. Immutable and thread-safe.
 */
public final class HouseholdSession {
    private final SymbolNumber household;
    private final Instant authenticatedAt;

    HouseholdSession(SymbolNumber household, Instant authenticatedAt) {
        this.household = requireNonNull(household, "household");
        this.authenticatedAt = requireNonNull(authenticatedAt, "authenticatedAt");
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
