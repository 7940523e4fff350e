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
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.observation.Operation;
import io.github.kenshinbooking.policy.SourceThrottle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;

/**
 * Login (ログイン) with the symbol number, the representative's kana and the household password
 * (AUTH-1..AUTH-3), counting failures and locking (AUTH-4); first-login (AUTH-5). Thread-safe.
 *
 * <p>SES-4: no database connection and no store-wide lock is held while a password is hashed. A
 * login runs in three steps:
 * <ol>
 * <li><b>Claim</b> (a short unit of work): the key's lock state is read for update; a locked key is
 * refused {@code ACCOUNT_LOCKED} at once, without hashing. Otherwise the attempt is counted as a
 * failure <em>before</em> it is verified (pessimistic counting) and committed, so the attempt that
 * reaches the policy's count has already locked the key and every concurrent attempt after it is
 * refused without hashing: 50 simultaneous wrong passwords still verify exactly
 * {@code afterFailures} of them.</li>
 * <li><b>Verify</b>, outside any unit of work: the household from the directory, the account, then
 * PBKDF2 (the dummy hash for an unknown household or an account still on its initial password, so
 * every attempt costs the same work: AUTH-4). A rehash the hasher asks for is computed here too.</li>
 * <li><b>Outcome</b>: a failure writes nothing more (it was counted, and audited as
 * {@code LOGIN_ATTEMPT} or {@code LOCKED}, by its claim: AUDIT-1) and answers
 * {@code INVALID_CREDENTIALS}, or {@code ACCOUNT_LOCKED} if its claim locked the key. A success
 * runs a second short unit of work that re-reads the lock state for update: if another attempt's
 * claim locked the key meanwhile, the lock wins and the success answers {@code ACCOUNT_LOCKED}
 * (AUTH-4: a locked household cannot log in); otherwise the success undoes its claim by clearing
 * the state (a success clears, as in sequence), saves the rehash if the stored hash is still the one
 * verified, appends {@code LOGIN_SUCCEEDED} to the audit trail, and answers the session.</li>
 * </ol>
 * While a claim that would lock is being verified, concurrent attempts are refused as locked even
 * if that claim then succeeds and clears the lock: the count errs on the side of the lock. A claim
 * whose process dies while hashing stays counted as a failure.
 */
public final class LoginService {
    private final EngineContext ctx;
    private final HouseholdAccess access;
    private final PasswordHash dummyHash;
    private final FailureCounter counter;

    /** Prefix of a source's key in the login-attempt store; symbol numbers are digits only, so keys never clash. */
    static final String SOURCE_KEY_PREFIX = "src:";

    LoginService(EngineContext ctx, HouseholdAccess access) {
        this.ctx = ctx;
        this.access = access;
        this.counter = new FailureCounter(ctx);
        // verified against when the household is unknown, so it costs the same work (AUTH-4)
        this.dummyHash = ctx.hasher().hash("kenshin-booking-dummy-" + ctx.random().nextLong());
    }

    /**
     * Logs a household in (AUTH-1, AUTH-2), counting failures and locking (AUTH-4). Hashes with no
     * connection or lock held (SES-4); see the class comment for how the count stays exact.
     *
     * @param symbolNumber the household's 記号番号
     * @param kana         the representative's フリガナ
     * @param password     the household password, or the initial one (AUTH-3)
     * @return the session, whether first-login is in force, and the session's token (SES-1)
     * @throws Refusal {@code INVALID_INPUT} for missing fields, {@code INVALID_CREDENTIALS},
     *     {@code ACCOUNT_LOCKED} with {@link Refusal#lockedUntil()} (both when the key is locked and when
     *     this failure locks it)
     */
    public LoginResult login(String symbolNumber, String kana, String password) throws Refusal {
        return ctx.observe(Operation.LOGIN, () -> loginUnobserved(symbolNumber, kana, password, Optional.empty()));
    }

    /**
     * Logs a household in as {@link #login(String, String, String)}, from a source the web tier
     * names, e.g. the client's address: with the policy's source throttle on
     * ({@link io.github.kenshinbooking.policy.LockoutPolicy#sourceThrottle()}), failed logins are
     * counted per source across households too, and a source that reaches the throttle's count is
     * refused {@code SOURCE_THROTTLED} for the throttle's time, whatever household it tries (against
     * credential stuffing). The source is stored only as a hash. With the throttle off (the default)
     * the source is checked (HARD-3) and otherwise ignored.
     *
     * @param symbolNumber the household's 記号番号
     * @param kana         the representative's フリガナ
     * @param password     the household password, or the initial one (AUTH-3)
     * @param source       where the attempt comes from, e.g. the client's IP address
     * @return the session, whether first-login is in force, and the session's token (SES-1)
     * @throws Refusal as {@link #login(String, String, String)}, and {@code SOURCE_THROTTLED} with
     *     {@link Refusal#lockedUntil()} (field {@code source}) for a throttled source
     */
    public LoginResult login(String symbolNumber, String kana, String password, String source) throws Refusal {
        return ctx.observe(Operation.LOGIN, () -> {
            Inputs.requiredText(source, Refusal.FIELD_SOURCE);
            return loginUnobserved(symbolNumber, kana, password, Optional.of(source));
        });
    }

    private LoginResult loginUnobserved(String symbolNumber, String kana, String password, Optional<String> source)
            throws Refusal {
        SymbolNumber symbol = SymbolNumber.parse(symbolNumber, "symbolNumber");
        Inputs.requiredText(kana, Refusal.FIELD_KANA);
        Inputs.line(password, Refusal.FIELD_PASSWORD);
        Instant now = ctx.clock().instant();
        Optional<SourceThrottle> throttle = ctx.policy().lockout().sourceThrottle();
        if (source.isPresent() && throttle.isPresent()) {
            // counted before the household's own count, so a throttled source learns nothing of it
            throttleSource(source.get(), throttle.get(), now);
        }
        AuditActor actor = AuditActor.household(symbol);
        FailureCounter.Claim claimed = counter.claim(symbol.value(), ctx.policy().lockout(), now,
                new FailureCounter.ClaimAudit(actor, AuditChannel.WEB, AuditAction.LOGIN_ATTEMPT,
                        AuditTarget.household(symbol)));
        Optional<Household> household = ctx.directory().find(symbol);
        Optional<Account> account = household.flatMap(h -> ctx.storage().accounts().find(symbol));
        if (!verify(household, account, kana, password)) {
            throw claimed.locks() ? FailureCounter.locked(claimed.state())
                    : Refusal.of(ErrorCode.INVALID_CREDENTIALS);
        }
        Optional<PasswordHash> verified = account.flatMap(Account::passwordHash);
        Optional<PasswordHash> rehash = verified.filter(ctx.hasher()::needsRehash)
                .map(old -> ctx.hasher().hash(password));
        return ctx.storage().unitOfWork().execute(() -> {
            LoginAttempts cleared = counter.succeeded(claimed);
            Account acc = access.account(symbol);
            boolean rehashed = rehash.isPresent() && acc.passwordHash().equals(verified);
            if (rehashed) {
                ctx.storage().accounts().save(acc.withPasswordHash(rehash.get()));
            }
            Audits.append(ctx, AuditRecord.of(now, actor, AuditChannel.WEB, AuditAction.LOGIN_SUCCEEDED,
                    AuditTarget.household(symbol), Audits.attempts(cleared),
                    Audits.attempts(LoginAttempts.none()) + " session=started" + (acc.firstLogin() ? " firstLogin" : "")
                            + (rehashed ? " passwordRehashed" : "")));
            return SessionService.start(ctx, symbol, now, acc.firstLogin());
        });
    }

    /**
     * The source throttle: one failure counted for the source before the attempt is verified; a
     * success does not clear it (a stuffing source with one valid pair must not reset its count).
     */
    private void throttleSource(String source, SourceThrottle throttle, Instant now) throws Refusal {
        try {
            counter.claim(FailureCounter.hashedKey(SOURCE_KEY_PREFIX, source), throttle.asLockout(), now);
        } catch (Refusal locked) {
            throw Refusal.sourceThrottled(locked.lockedUntil().orElseThrow());
        }
    }

    /** The hash verified against when there is nothing to verify: shared with staff sign-in (same work). */
    PasswordHash dummyHash() {
        return dummyHash;
    }

    /**
     * Whether the household is in first-login (AUTH-5): its initial password is still in force.
     *
     * @param session the household's session
     * @return {@code true} until the password is changed
     */
    public boolean firstLogin(HouseholdSession session) {
        java.util.Objects.requireNonNull(session, "session");
        return access.account(session.household()).firstLogin();
    }

    private boolean verify(Optional<Household> household, Optional<Account> account, String kana, String password) {
        if (household.isEmpty()) {
            ctx.hasher().verify(password, dummyHash);
            return false;
        }
        Member rep = household.get().representative();
        boolean kanaOk = rep.kana().matches(kana);
        boolean passwordOk;
        Optional<PasswordHash> hash = account.flatMap(Account::passwordHash);
        if (hash.isPresent()) {
            passwordOk = ctx.hasher().verify(password, hash.get());
        } else {
            ctx.hasher().verify(password, dummyHash);
            passwordOk = constantTimeEquals(password, access.initialPassword(rep));
        }
        return kanaOk && passwordOk;
    }

    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
