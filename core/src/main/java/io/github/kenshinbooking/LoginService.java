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
     * Logs a household in (AUTH-1, AUTH-2), counting failures and locking (AUTH-4).
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
        SymbolNumber symbol = SymbolNumber.parse(symbolNumber, Refusal.FIELD_SYMBOL_NUMBER);
        Inputs.requiredText(kana, Refusal.FIELD_KANA);
        Inputs.required(password, Refusal.FIELD_PASSWORD);
        Outcome<LoginResult> outcome = ctx.storage().unitOfWork().execute(() -> {
            Instant now = ctx.clock().instant();
            LoginAttemptStore store = ctx.storage().loginAttempts();
            LoginAttempts stored = store.findForUpdate(symbol.value());
            if (stored.lockedAt(now)) {
                return Outcome.refused(Refusal.accountLocked(stored.lockedUntil().orElseThrow()));
            }
            Optional<Household> household = ctx.directory().find(symbol);
            Optional<Account> account = household.flatMap(h -> ctx.storage().accounts().find(symbol));
            if (!verify(household, account, kana, password)) {
                LoginAttempts next = stored.failed(now, ctx.policy().lockout());
                store.save(symbol.value(), next);
                return next.lockedAt(now) ? Outcome.refused(Refusal.accountLocked(next.lockedUntil().orElseThrow()))
                        : Outcome.refused(ErrorCode.INVALID_CREDENTIALS);
            }
            if (!stored.equals(LoginAttempts.none())) {
                store.save(symbol.value(), LoginAttempts.none());
            }
            Account acc = account.orElse(Account.initial(symbol));
            acc.passwordHash().filter(ctx.hasher()::needsRehash)
                    .ifPresent(old -> ctx.storage().accounts().save(acc.withPasswordHash(ctx.hasher().hash(password))));
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

    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
