package io.github.kenshinbooking;

import io.github.kenshinbooking.account.StoredSession;
import io.github.kenshinbooking.account.TokenHash;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.policy.SessionPolicy;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Household sessions a web tier can keep (セッション, SES-1..SES-3): a login yields a
 * {@link SessionToken}; {@link #resume} turns it back into the household session on any engine
 * instance sharing the store, until it expires or is logged out. Thread-safe.
 */
public final class SessionService {
    private final EngineContext ctx;

    SessionService(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Starts the session of a successful login (SES-1): a new random token, stored only as its hash.
     * Called inside the login's unit of work, so the session exists exactly when the login counted.
     */
    static LoginResult start(EngineContext ctx, SymbolNumber household, Instant now, boolean firstLogin) {
        byte[] raw = new byte[ctx.policy().sessions().tokenBytes()];
        ctx.random().nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String hash = TokenHash.of(token);
        ctx.storage().sessions().add(new StoredSession(hash, household, now, now));
        return new LoginResult(new HouseholdSession(household, now, hash), firstLogin, new SessionToken(token));
    }

    /**
     * Resumes the session of a token (SES-1) and counts this as a use, so the idle expiry starts
     * again from now (SES-2); with a {@link SessionPolicy#lastUseGranularity()} above zero, a use that
     * close to the last recorded one is read only, and the idle expiry counts from that recorded use.
     *
     * @param token the token of {@link LoginResult#token()}, as the web tier kept it
     * @return the household session, for this request's use cases
     * @throws Refusal {@code INVALID_INPUT} (field {@code session}) for a missing or blank token;
     *     {@code SESSION_EXPIRED} for an unknown token or an ended session: idle for the policy's
     *     idle time, past its absolute lifetime since login, logged out, or ended by a password
     *     change or reset (SES-2, SES-3)
     */
    public HouseholdSession resume(String token) throws Refusal {
        Inputs.requiredText(token, Refusal.FIELD_SESSION);
        SessionPolicy policy = ctx.policy().sessions();
        String hash = TokenHash.of(token);
        Instant now = ctx.clock().instant();
        if (!policy.lastUseGranularity().isZero()) {
            // a use close to the last recorded one is only read: no write, so no row lock, per page
            Optional<StoredSession> seen = ctx.storage().sessions().find(hash);
            if (seen.isPresent() && seen.get().aliveAt(now, policy.idle(), policy.absolute())
                    && now.isBefore(seen.get().lastUsedAt().plus(policy.lastUseGranularity()))) {
                StoredSession used = seen.get();
                return new HouseholdSession(used.household(), used.createdAt(), used.tokenHash());
            }
        }
        Optional<StoredSession> s = ctx.storage().sessions().resume(hash, now, policy.idle(), policy.absolute());
        if (s.isEmpty()) {
            throw Refusal.of(ErrorCode.SESSION_EXPIRED);
        }
        StoredSession used = s.get();
        return new HouseholdSession(used.household(), used.createdAt(), used.tokenHash());
    }

    /**
     * Logs out (ログアウト, SES-2): the token's session ends on every instance. Logging out a token
     * that is unknown or already ended does nothing.
     *
     * @param token the token of {@link LoginResult#token()}
     * @throws Refusal {@code INVALID_INPUT} (field {@code session}) for a missing or blank token
     */
    public void logout(String token) throws Refusal {
        Inputs.requiredText(token, Refusal.FIELD_SESSION);
        ctx.storage().sessions().end(TokenHash.of(token));
    }

    /**
     * Removes expired sessions from the store (SES-2). Optional housekeeping for a scheduled job:
     * expired sessions are refused whether or not they were removed.
     *
     * @return how many sessions were removed
     */
    public int purgeExpired() {
        SessionPolicy policy = ctx.policy().sessions();
        return ctx.storage().sessions().purgeExpired(ctx.clock().instant(), policy.idle(), policy.absolute());
    }
}
