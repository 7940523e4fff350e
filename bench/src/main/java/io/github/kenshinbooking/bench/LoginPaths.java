package io.github.kenshinbooking.bench;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.PasswordHasher;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.memory.InMemoryHouseholdDirectory;
import io.github.kenshinbooking.memory.InMemoryStorage;
import io.github.kenshinbooking.policy.LockoutPolicy;
import io.github.kenshinbooking.policy.UnionPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * HARD-4's failed-login paths on an in-memory engine: one household whose hash is of the current
 * cost, one whose hash is a legacy one (made by a cheaper hasher), and the lockout out of reach (AUTH-4
 * would otherwise refuse without hashing after 3 failures).
 */
public final class LoginPaths {
    /** The ways a login fails that HARD-4 asks to take the same time. */
    public enum Path {
        /** A symbol number no household has: verified against the dummy hash. */
        UNKNOWN_SYMBOL,
        /** A household with a hash of the current cost, wrong password. */
        WRONG_PASSWORD,
        /** A household with a hash of the current cost, right password and wrong kana. */
        WRONG_KANA,
        /** A household whose hash predates the current cost, wrong password. */
        LEGACY_HASH_WRONG_PASSWORD
    }

    private static final String PASSWORD = "sakura2024";
    private static final String KANA = "ｹﾝｾﾂ ﾀﾛｳ";
    private static final String CURRENT = "1999999";
    private static final String LEGACY = "1888888";

    private final KenshinBooking engine;

    /**
     * The engine and its two households.
     *
     * @param hasher the engine's hasher
     * @param legacy the hasher that made the legacy household's hash
     */
    public LoginPaths(PasswordHasher hasher, PasswordHasher legacy) {
        InMemoryStorage storage = new InMemoryStorage();
        InMemoryHouseholdDirectory directory = new InMemoryHouseholdDirectory();
        UnionPolicy policy = UnionPolicy.defaults().toBuilder()
                .lockout(new LockoutPolicy(Integer.MAX_VALUE, Duration.ofMinutes(30))).build();
        engine = KenshinBooking.builder().policy(policy).storage(storage).directory(directory)
                .clock(Clock.systemUTC()).passwordHasher(hasher).build();
        for (String symbol : new String[] {CURRENT, LEGACY}) {
            SymbolNumber s = SymbolNumber.of(symbol);
            directory.put(Household.of(s, List.of(new Member(MemberId.of(symbol + "-01"), KanaName.of(KANA),
                    "建設 太郎", LocalDate.of(1960, 2, 10), Sex.M, LocalDate.of(1990, 4, 1), Optional.empty(), true))));
            storage.accounts().save(Account.initial(s)
                    .withPasswordHash((symbol.equals(CURRENT) ? hasher : legacy).hash(PASSWORD)));
        }
    }

    /**
     * The engine for a hasher of {@link Hashers#named}, with a legacy hash of {@link Hashers#legacyFor}.
     *
     * @param hasherName the hasher's name
     * @return the engine and its households
     */
    public static LoginPaths named(String hasherName) {
        return new LoginPaths(Hashers.named(hasherName), Hashers.legacyFor(hasherName));
    }

    /**
     * One failed login along the path.
     *
     * @param path the path
     * @return the refusal's code, always {@code INVALID_CREDENTIALS}
     * @throws IllegalStateException if the login did not fail that way
     */
    public ErrorCode attempt(Path path) {
        try {
            switch (path) {
                case UNKNOWN_SYMBOL -> engine.logins().login("1777777", KANA, PASSWORD);
                case WRONG_PASSWORD -> engine.logins().login(CURRENT, KANA, "sakura2025");
                case WRONG_KANA -> engine.logins().login(CURRENT, "ｹﾝｾﾂ ｼﾞﾛｳ", PASSWORD);
                case LEGACY_HASH_WRONG_PASSWORD -> engine.logins().login(LEGACY, KANA, "sakura2025");
                default -> throw new IllegalArgumentException(path.name());
            }
        } catch (Refusal r) {
            if (r.code() != ErrorCode.INVALID_CREDENTIALS) {
                throw new IllegalStateException(path + " answered " + r.code(), r);
            }
            return r.code();
        }
        throw new IllegalStateException(path + " logged in");
    }
}
