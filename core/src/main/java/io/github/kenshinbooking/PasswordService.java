package io.github.kenshinbooking;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.LoginAttempts;
import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditActor;
import io.github.kenshinbooking.audit.AuditChannel;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import java.util.Optional;

/** The household password (パスワード変更): its change (PW-1, PW-2) and the initial one (AUTH-3). Thread-safe. */
public final class PasswordService {
    private final EngineContext ctx;
    private final HouseholdAccess access;

    private final FailureCounter counter;

    PasswordService(EngineContext ctx, HouseholdAccess access) {
        this.ctx = ctx;
        this.access = access;
        this.counter = new FailureCounter(ctx);
    }

    /**
     * Changes the household password (PW-1, PW-2): the representative only, with the current
     * password. Allowed in first-login, which it ends. Every other session of the household ends
     * (SES-3); this one stays. Every outstanding reset link is voided (HARD-2). A wrong current
     * password counts as a failed login toward AUTH-4's lock (HARD-1), and a locked household is
     * refused without checking it.
     *
     * @param session      the household's session
     * @param selected     the member selected on the site (利用者), who must be the representative
     * @param current      the current password (or the initial one in first-login)
     * @param newPassword  the new password
     * @param confirmation the new password typed again
     * @throws Refusal {@code INVALID_INPUT}, {@code FORBIDDEN}, {@code REPRESENTATIVE_ONLY},
     *     {@code ACCOUNT_LOCKED} with {@link Refusal#lockedUntil()}, {@code INVALID_CREDENTIALS}
     *     (field {@code current}), {@code PASSWORD_POLICY}, {@code CONFIRMATION_MISMATCH}
     */
    public void changePassword(HouseholdSession session, MemberId selected, String current, String newPassword,
            String confirmation) throws Refusal {
        Inputs.required(session, Refusal.FIELD_SESSION);
        Inputs.required(selected, Refusal.FIELD_MEMBER);
        Inputs.line(current, Refusal.FIELD_CURRENT);
        Inputs.line(newPassword, Refusal.FIELD_NEW);
        Inputs.line(confirmation, Refusal.FIELD_CONFIRM);
        // SES-4: both hashes run before the unit of work; the write re-checks that the password
        // verified is still the stored one, so a concurrent change is not overwritten unseen
        Household h = access.household(session.household());
        Member rep = HouseholdAccess.representative(h, selected);
        Account read = access.account(h.symbolNumber());
        String initial = access.initialPassword(rep);
        // HARD-1: the current password is a password guess like a login's: counted before it is verified
        AuditActor actor = AuditActor.household(h.symbolNumber(), rep.id());
        AuditTarget target = AuditTarget.household(h.symbolNumber());
        FailureCounter.Claim claimed = counter.claim(h.symbolNumber().value(), ctx.policy().lockout(),
                ctx.clock().instant(), new FailureCounter.ClaimAudit(actor, AuditChannel.WEB,
                        AuditAction.PASSWORD_ATTEMPT, target));
        Optional<PasswordHash> verified = read.passwordHash();
        boolean currentOk = verified
                .map(hash -> ctx.hasher().verify(current, hash))
                .orElseGet(() -> LoginService.constantTimeEquals(current, initial));
        if (!currentOk) {
            throw claimed.locks() ? FailureCounter.locked(claimed.state()) : invalidCurrent();
        }
        try {
            ctx.passwordRules().checkNew(newPassword, confirmation, initial);
        } catch (Refusal refused) {
            // the current password was right: its claim is undone although the new one is refused
            ctx.storage().unitOfWork().execute(() -> {
                LoginAttempts cleared = counter.succeeded(claimed);
                Audits.append(ctx, AuditRecord.of(ctx.clock().instant(), actor, AuditChannel.WEB,
                        AuditAction.PASSWORD_CHANGE_REFUSED, target, Audits.attempts(cleared),
                        Audits.attempts(LoginAttempts.none()) + " refused=" + refused.code()));
                return claimed;
            });
            throw refused;
        }
        PasswordHash next = ctx.hasher().hash(newPassword);
        ctx.storage().unitOfWork().execute(() -> {
            LoginAttempts cleared = counter.succeeded(claimed);
            Account acc = access.account(h.symbolNumber());
            if (!acc.passwordHash().equals(verified)) {
                throw invalidCurrent(); // changed since it was verified: the current password typed is stale
            }
            ctx.storage().accounts().save(acc.withPasswordHash(next));
            ctx.storage().sessions().endAllOfExcept(h.symbolNumber(), session.tokenHash());
            ctx.storage().resetTokens().voidAllOf(h.symbolNumber()); // HARD-2
            Audits.append(ctx, AuditRecord.of(ctx.clock().instant(), actor, AuditChannel.WEB,
                    AuditAction.PASSWORD_CHANGED, target,
                    Audits.attempts(cleared) + (acc.firstLogin() ? " firstLogin" : ""),
                    Audits.attempts(LoginAttempts.none()) + " otherSessions=ended resetLinks=voided"));
            return acc;
        });
    }

    private static Refusal invalidCurrent() {
        return Refusal.onField(ErrorCode.INVALID_CREDENTIALS, Refusal.FIELD_CURRENT, "current password does not match");
    }

    /**
     * The initial password of AUTH-3 for a household's representative.
     *
     * @param representative the household's representative
     * @return the policy's prefix followed by the birth date as yyyyMMdd
     */
    public String initialPassword(Member representative) {
        java.util.Objects.requireNonNull(representative, "representative");
        return access.initialPassword(representative);
    }
}
