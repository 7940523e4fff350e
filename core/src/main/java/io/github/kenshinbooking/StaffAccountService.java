package io.github.kenshinbooking;

import io.github.kenshinbooking.account.LoginAttempts;
import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditActor;
import io.github.kenshinbooking.audit.AuditChannel;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.reservation.StaffAction;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.staff.StaffAccount;
import io.github.kenshinbooking.staff.StaffMember;
import io.github.kenshinbooking.staff.StaffRole;
import java.time.Instant;
import java.util.Optional;

/**
 * Union staff accounts for the back office: the first administrator, accounts created and disabled
 * by an administrator, and sign-in (AUTH-4's lockout applies, under keys of their own). Every change
 * and every sign-in outcome is audited (AUDIT-1); no password or hash is ever in a record. The
 * password is hashed with no unit of work open (SES-4). Thread-safe.
 *
 * <p>A staff member's failures are counted in the login-attempt store under {@value #KEY_PREFIX}
 * followed by 40 hex digits of the SHA-256 of the staff id: a household's key is its symbol number,
 * digits only, so the two never collide, and a staff id of any length fits the store's 64 characters.
 */
public final class StaffAccountService {
    /** The prefix of a staff member's key in the login-attempt store. */
    public static final String KEY_PREFIX = "staff:";
    /** The audit actor of {@link #bootstrapAdmin}. */
    static final AuditActor BOOTSTRAP_JOB = AuditActor.job("staff-bootstrap");

    private final EngineContext ctx;
    private final FailureCounter counter;
    private final PasswordHash dummyHash;

    StaffAccountService(EngineContext ctx, PasswordHash dummyHash) {
        this.ctx = ctx;
        this.counter = new FailureCounter(ctx);
        this.dummyHash = dummyHash;
    }

    /**
     * Creates the first administrator, while no staff account exists yet (the integrator's set-up);
     * audited as the system job {@code staff-bootstrap}.
     *
     * @param staffId     the new administrator's staff id
     * @param displayName the name shown
     * @param password    the password (PW-1's length and letters and digits)
     * @return the administrator
     * @throws Refusal {@code INVALID_INPUT}, {@code PASSWORD_POLICY} (field {@code new}),
     *     {@code FORBIDDEN} once any staff account exists
     */
    public StaffMember bootstrapAdmin(String staffId, String displayName, String password) throws Refusal {
        StaffAccount account = newAccount(staffId, displayName, StaffRole.ADMIN, password);
        return ctx.storage().unitOfWork().execute(() -> {
            if (!ctx.storage().staffAccounts().findAll().isEmpty()) {
                throw Refusal.of(ErrorCode.FORBIDDEN, "staff accounts exist: an administrator creates them");
            }
            ctx.storage().staffAccounts().add(account);
            Audits.append(ctx, AuditRecord.of(ctx.clock().instant(), BOOTSTRAP_JOB, AuditChannel.BATCH,
                    AuditAction.STAFF_ACCOUNT_CREATED, AuditTarget.staffAccount(account.id()), "", summary(account)));
            return account.member();
        });
    }

    /**
     * Creates a staff account; only an enabled administrator may (STAFF-4: named, with a reason).
     *
     * @param admin       the administrator who acts
     * @param reason      why
     * @param staffId     the new account's staff id
     * @param displayName the name shown
     * @param role        staff or administrator
     * @param password    the initial password (PW-1's length and letters and digits)
     * @return the new staff member
     * @throws Refusal {@code INVALID_INPUT} (field {@code staffAccount} also for an id that is taken),
     *     {@code PASSWORD_POLICY} (field {@code new}), {@code FORBIDDEN} (field {@code staff}) unless
     *     {@code admin} is an enabled administrator
     */
    public StaffMember create(StaffId admin, String reason, String staffId, String displayName, StaffRole role,
            String password) throws Refusal {
        Inputs.required(admin, Refusal.FIELD_STAFF);
        Inputs.reason(reason);
        Inputs.required(role, Refusal.FIELD_ROLE);
        StaffAccount account = newAccount(staffId, displayName, role, password);
        return ctx.storage().unitOfWork().execute(() -> {
            requireAdmin(admin);
            if (!ctx.storage().staffAccounts().add(account)) {
                throw Refusal.invalidInput(Refusal.FIELD_STAFF_ACCOUNT, "staff id taken");
            }
            Audits.append(ctx, Audits.byStaff(new StaffAction(admin, reason, ctx.clock().instant()),
                    AuditChannel.STAFF, AuditAction.STAFF_ACCOUNT_CREATED, AuditTarget.staffAccount(account.id()), "",
                    summary(account)));
            return account.member();
        });
    }

    /**
     * Disables a staff account: it can no longer sign in. Only an enabled administrator may, and not
     * their own account. Disabling a disabled account changes nothing but is audited.
     *
     * @param admin  the administrator who acts
     * @param reason why
     * @param target the account to disable
     * @return the staff member disabled
     * @throws Refusal {@code INVALID_INPUT}, {@code FORBIDDEN} (field {@code staff}) unless
     *     {@code admin} is an enabled administrator other than {@code target}, {@code NOT_FOUND} (field
     *     {@code staffAccount})
     */
    public StaffMember disable(StaffId admin, String reason, StaffId target) throws Refusal {
        Inputs.required(admin, Refusal.FIELD_STAFF);
        Inputs.reason(reason);
        Inputs.required(target, Refusal.FIELD_STAFF_ACCOUNT);
        return ctx.storage().unitOfWork().execute(() -> {
            requireAdmin(admin);
            if (admin.equals(target)) {
                throw Refusal.onField(ErrorCode.FORBIDDEN, Refusal.FIELD_STAFF, "an administrator keeps their own account");
            }
            StaffAccount before = ctx.storage().staffAccounts().find(target).orElseThrow(
                    () -> Refusal.onField(ErrorCode.NOT_FOUND, Refusal.FIELD_STAFF_ACCOUNT, "no such staff account"));
            StaffAccount after = before.disabled();
            ctx.storage().staffAccounts().update(after);
            Audits.append(ctx, Audits.byStaff(new StaffAction(admin, reason, ctx.clock().instant()),
                    AuditChannel.STAFF, AuditAction.STAFF_ACCOUNT_DISABLED, AuditTarget.staffAccount(target),
                    summary(before), summary(after)));
            return after.member();
        });
    }

    /**
     * Signs a staff member in. An unknown id, a disabled account and a wrong password are refused
     * alike, {@code INVALID_CREDENTIALS}, with the same work (one password verification). Failures
     * count toward AUTH-4's lock as a household's do, under the staff member's own key (see the class
     * comment): counted before the password is verified, in a short unit of work with its audit record
     * ({@code LOGIN_ATTEMPT}, or {@code LOCKED}), and a success clears the count and appends
     * {@code LOGIN_SUCCEEDED}. A stored hash the hasher asks to upgrade is replaced.
     *
     * @param staffId  the staff id as typed
     * @param password the password as typed
     * @return the staff member
     * @throws Refusal {@code INVALID_INPUT} (field {@code staff} or {@code password}),
     *     {@code INVALID_CREDENTIALS}, {@code ACCOUNT_LOCKED} with {@link Refusal#lockedUntil()}
     */
    public StaffMember authenticate(String staffId, String password) throws Refusal {
        StaffId id = StaffId.parse(staffId);
        Inputs.line(password, Refusal.FIELD_PASSWORD);
        Instant now = ctx.clock().instant();
        AuditActor actor = AuditActor.staff(id);
        AuditTarget target = AuditTarget.staffAccount(id);
        FailureCounter.Claim claimed = counter.claim(FailureCounter.hashedKey(KEY_PREFIX, id.value()),
                ctx.policy().lockout(), now,
                new FailureCounter.ClaimAudit(actor, AuditChannel.STAFF, AuditAction.LOGIN_ATTEMPT, target));
        Optional<StaffAccount> read = ctx.storage().staffAccounts().find(id).filter(StaffAccount::enabled);
        boolean ok = ctx.hasher().verify(password, read.map(StaffAccount::passwordHash).orElse(dummyHash))
                && read.isPresent();
        if (!ok) {
            throw claimed.locks() ? FailureCounter.locked(claimed.state()) : Refusal.of(ErrorCode.INVALID_CREDENTIALS);
        }
        PasswordHash verified = read.get().passwordHash();
        Optional<PasswordHash> rehash = ctx.hasher().needsRehash(verified)
                ? Optional.of(ctx.hasher().hash(password)) : Optional.empty();
        return ctx.storage().unitOfWork().execute(() -> {
            LoginAttempts cleared = counter.succeeded(claimed);
            StaffAccount acc = ctx.storage().staffAccounts().find(id).filter(StaffAccount::enabled)
                    .filter(a -> a.passwordHash().equals(verified))
                    // disabled or given a new password while this one was verified
                    .orElseThrow(() -> Refusal.of(ErrorCode.INVALID_CREDENTIALS));
            if (rehash.isPresent()) {
                ctx.storage().staffAccounts().update(acc.withPasswordHash(rehash.get()));
            }
            Audits.append(ctx, AuditRecord.of(now, actor, AuditChannel.STAFF, AuditAction.LOGIN_SUCCEEDED, target,
                    Audits.attempts(cleared), Audits.attempts(LoginAttempts.none()) + " role=" + acc.role()
                            + (rehash.isPresent() ? " passwordRehashed" : "")));
            return acc.member();
        });
    }

    /** The staff member's enabled account if it is an administrator's; {@code FORBIDDEN} otherwise. */
    private void requireAdmin(StaffId admin) throws Refusal {
        boolean ok = ctx.storage().staffAccounts().find(admin)
                .filter(a -> a.enabled() && a.role() == StaffRole.ADMIN).isPresent();
        if (!ok) {
            throw Refusal.onField(ErrorCode.FORBIDDEN, Refusal.FIELD_STAFF, "an enabled administrator only");
        }
    }

    /** Checks the inputs and hashes the password, before any unit of work (SES-4). */
    private StaffAccount newAccount(String staffId, String displayName, StaffRole role, String password)
            throws Refusal {
        StaffId id;
        try {
            id = StaffId.parse(staffId);
        } catch (Refusal r) {
            throw Refusal.invalidInput(Refusal.FIELD_STAFF_ACCOUNT, "1..64 characters");
        }
        Inputs.requiredText(displayName, Refusal.FIELD_DISPLAY_NAME);
        if (displayName.length() > StaffAccount.MAX_DISPLAY_NAME) {
            throw Refusal.invalidInput(Refusal.FIELD_DISPLAY_NAME, "at most " + StaffAccount.MAX_DISPLAY_NAME
                    + " characters");
        }
        Inputs.line(password, Refusal.FIELD_NEW);
        ctx.passwordRules().checkNew(password, password, "");
        return new StaffAccount(id, displayName, role, ctx.hasher().hash(password), true);
    }

    private static String summary(StaffAccount a) {
        return "role=" + a.role() + " enabled=" + a.enabled() + " displayName=" + a.displayName();
    }
}
