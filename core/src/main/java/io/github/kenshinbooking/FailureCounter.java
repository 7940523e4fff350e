package io.github.kenshinbooking;

import io.github.kenshinbooking.account.LoginAttemptStore;
import io.github.kenshinbooking.account.LoginAttempts;
import io.github.kenshinbooking.account.TokenHash;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.policy.LockoutPolicy;
import java.time.Instant;

/**
 * AUTH-4's count of failed password checks, shared by login and password change (HARD-1), and by
 * the source throttle under its own key. A check is counted as a failure before the password is
 * verified (see {@link LoginService}), so concurrent checks cannot verify more passwords than the
 * policy allows. Internal.
 */
final class FailureCounter {
    private final EngineContext ctx;

    FailureCounter(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The claim, in a short unit of work of its own: a locked key is refused {@code ACCOUNT_LOCKED}
     * at once; otherwise one failure is counted and committed.
     */
    Claim claim(String key, LockoutPolicy policy, Instant now) throws Refusal {
        LoginAttemptStore store = ctx.storage().loginAttempts();
        Claim claim = ctx.storage().unitOfWork().execute(() -> {
            LoginAttempts stored = store.findForUpdate(key);
            if (stored.lockedAt(now)) {
                return new Claim(key, stored, now, false);
            }
            LoginAttempts counted = stored.failed(now, policy);
            store.save(key, counted);
            return new Claim(key, counted, now, true);
        });
        if (!claim.counted()) {
            throw locked(claim.state());
        }
        return claim;
    }

    /**
     * A success, inside the caller's unit of work: if another check locked the key meanwhile the
     * lock wins ({@code ACCOUNT_LOCKED}); otherwise the claim is undone by clearing the count.
     */
    void succeeded(Claim claim) throws Refusal {
        LoginAttemptStore store = ctx.storage().loginAttempts();
        LoginAttempts current = store.findForUpdate(claim.key());
        boolean ownLock = claim.state().lockedAt(claim.at()) && current.equals(claim.state());
        if (current.lockedAt(claim.at()) && !ownLock) {
            throw locked(current);
        }
        if (!current.equals(LoginAttempts.none())) {
            store.save(claim.key(), LoginAttempts.none());
        }
    }

    /**
     * The key of a non-household count (a login source, a reset address): the prefix and 40 hex
     * digits of the value's SHA-256, so the store keeps no address and every key fits its 64 characters.
     */
    static String hashedKey(String prefix, String value) {
        return prefix + TokenHash.of(value).substring(0, 40);
    }

    /** AUTH-4's refusal with the lock's end, for a state that is locked. */
    static Refusal locked(LoginAttempts state) {
        return Refusal.accountLocked(state.lockedUntil().orElseThrow());
    }

    /** The count after a claim: the key, its state and the claim's time; {@code counted} is false if found locked. */
    record Claim(String key, LoginAttempts state, Instant at, boolean counted) {
        /** Whether this claim's own failure locked the key. */
        boolean locks() {
            return state.lockedAt(at);
        }
    }
}
