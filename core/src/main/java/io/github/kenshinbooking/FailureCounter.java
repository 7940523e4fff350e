package io.github.kenshinbooking;

import io.github.kenshinbooking.account.LoginAttemptStore;
import io.github.kenshinbooking.account.LoginAttempts;
import io.github.kenshinbooking.account.TokenHash;
import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditActor;
import io.github.kenshinbooking.audit.AuditChannel;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.policy.LockoutPolicy;
import java.time.Instant;
import java.util.Optional;

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
     * at once; otherwise one failure is counted and committed. Not audited (the source throttle).
     */
    Claim claim(String key, LockoutPolicy policy, Instant now) throws Refusal {
        return claim(key, policy, now, Optional.empty());
    }

    /**
     * The claim as {@link #claim(String, LockoutPolicy, Instant)}, appending its audit record in the
     * same unit of work (AUDIT-1): {@code LOGIN_REFUSED_LOCKED} for a locked key, {@code LOCKED} for a
     * failure that locks it, else the audit's {@code counted} action. The outcome of the password check
     * comes later, in the caller's own unit of work: no connection is held while hashing (SES-4).
     */
    Claim claim(String key, LockoutPolicy policy, Instant now, ClaimAudit audit) throws Refusal {
        return claim(key, policy, now, Optional.of(audit));
    }

    private Claim claim(String key, LockoutPolicy policy, Instant now, Optional<ClaimAudit> audit) throws Refusal {
        LoginAttemptStore store = ctx.storage().loginAttempts();
        Claim claim = ctx.storage().unitOfWork().execute(() -> {
            LoginAttempts stored = store.findForUpdate(key);
            if (stored.lockedAt(now)) {
                audit.ifPresent(a -> Audits.append(ctx, a.record(now, AuditAction.LOGIN_REFUSED_LOCKED,
                        Audits.attempts(stored), Audits.attempts(stored))));
                return new Claim(key, stored, now, false);
            }
            LoginAttempts counted = stored.failed(now, policy);
            store.save(key, counted);
            audit.ifPresent(a -> Audits.append(ctx, a.record(now,
                    counted.lockedAt(now) ? AuditAction.LOCKED : a.counted(),
                    Audits.attempts(stored.at(now)), Audits.attempts(counted))));
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
     * Answers the state it cleared, for the caller's audit record.
     */
    LoginAttempts succeeded(Claim claim) throws Refusal {
        LoginAttemptStore store = ctx.storage().loginAttempts();
        LoginAttempts current = store.findForUpdate(claim.key());
        boolean ownLock = claim.state().lockedAt(claim.at()) && current.equals(claim.state());
        if (current.lockedAt(claim.at()) && !ownLock) {
            throw locked(current);
        }
        if (!current.equals(LoginAttempts.none())) {
            store.save(claim.key(), LoginAttempts.none());
        }
        return current;
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

    /** Who a claim is audited as, and the action of a failure counted that does not lock. */
    record ClaimAudit(AuditActor actor, AuditChannel channel, AuditAction counted, AuditTarget target) {
        AuditRecord record(Instant at, AuditAction action, String before, String after) {
            return AuditRecord.of(at, actor, channel, action, target, before, after);
        }
    }

    /** The count after a claim: the key, its state and the claim's time; {@code counted} is false if found locked. */
    record Claim(String key, LoginAttempts state, Instant at, boolean counted) {
        /** Whether this claim's own failure locked the key. */
        boolean locks() {
            return state.lockedAt(at);
        }
    }
}
