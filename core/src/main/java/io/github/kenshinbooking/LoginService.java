package io.github.kenshinbooking;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.LoginAttemptStore;
import io.github.kenshinbooking.account.LoginAttempts;
import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.SymbolNumber;
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
 * <li><b>Outcome</b>: a failure writes nothing more (it was counted by its claim) and answers
 * {@code INVALID_CREDENTIALS}, or {@code ACCOUNT_LOCKED} if its claim locked the key. A success
 * runs a second short unit of work that re-reads the lock state for update: if another attempt's
 * claim locked the key meanwhile, the lock wins and the success answers {@code ACCOUNT_LOCKED}
 * (AUTH-4: a locked household cannot log in); otherwise the success undoes its claim by clearing
 * the state (a success clears, as in sequence), saves the rehash if the stored hash is still the one
 * verified, and answers the session.</li>
 * </ol>
 * While a claim that would lock is being verified, concurrent attempts are refused as locked even
 * if that claim then succeeds and clears the lock: the count errs on the side of the lock. A claim
 * whose process dies while hashing stays counted as a failure.
 */
public final class LoginService {
    private final EngineContext ctx;
    private final HouseholdAccess access;
    private final PasswordHash dummyHash;

    LoginService(EngineContext ctx, HouseholdAccess access) {
        this.ctx = ctx;
        this.access = access;
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
        SymbolNumber symbol = SymbolNumber.parse(symbolNumber, "symbolNumber");
        Inputs.requiredText(kana, Refusal.FIELD_KANA);
        Inputs.line(password, Refusal.FIELD_PASSWORD);
        Instant now = ctx.clock().instant();
        String key = symbol.value();
        LoginAttemptStore store = ctx.storage().loginAttempts();
        Claim claim = ctx.storage().unitOfWork().execute(() -> {
            LoginAttempts stored = store.findForUpdate(key);
            if (stored.lockedAt(now)) {
                return new Claim(stored, false);
            }
            LoginAttempts counted = stored.failed(now, ctx.policy().lockout());
            store.save(key, counted);
            return new Claim(counted, true);
        });
        if (!claim.counted()) {
            throw locked(claim.state());
        }
        LoginAttempts claimed = claim.state();
        Optional<Household> household = ctx.directory().find(symbol);
        Optional<Account> account = household.flatMap(h -> ctx.storage().accounts().find(symbol));
        if (!verify(household, account, kana, password)) {
            throw claimed.lockedAt(now) ? locked(claimed) : Refusal.of(ErrorCode.INVALID_CREDENTIALS);
        }
        Optional<PasswordHash> verified = account.flatMap(Account::passwordHash);
        Optional<PasswordHash> rehash = verified.filter(ctx.hasher()::needsRehash)
                .map(old -> ctx.hasher().hash(password));
        Outcome<LoginResult> outcome = ctx.storage().unitOfWork().execute(() -> {
            LoginAttempts current = store.findForUpdate(key);
            boolean ownLock = claimed.lockedAt(now) && current.equals(claimed);
            if (current.lockedAt(now) && !ownLock) {
                return Outcome.refused(locked(current));
            }
            if (!current.equals(LoginAttempts.none())) {
                store.save(key, LoginAttempts.none());
            }
            Account acc = access.account(symbol);
            if (rehash.isPresent() && acc.passwordHash().equals(verified)) {
                ctx.storage().accounts().save(acc.withPasswordHash(rehash.get()));
            }
            return Outcome.ok(SessionService.start(ctx, symbol, now, acc.firstLogin()));
        });
        return outcome.get();
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

    /** AUTH-4's refusal with the lock's end, for a state that is locked. */
    private static Refusal locked(LoginAttempts state) {
        return Refusal.accountLocked(state.lockedUntil().orElseThrow());
    }

    /** The attempts row after the claim: counted as a failure, or found locked and left alone. */
    private record Claim(LoginAttempts state, boolean counted) {
    }

    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
