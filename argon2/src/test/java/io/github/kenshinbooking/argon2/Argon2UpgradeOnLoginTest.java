package io.github.kenshinbooking.argon2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * PW-3 "upgraded in place": a union switches its engine from PBKDF2 to Argon2id; a household whose
 * stored hash is PBKDF2 still logs in, and from then on has an Argon2id hash. Engine-level, on
 * core's in-memory store, with test-only costs.
 */
class Argon2UpgradeOnLoginTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final SymbolNumber TARO_HOUSEHOLD = SymbolNumber.of("1999999");
    private static final SymbolNumber UME_HOUSEHOLD = SymbolNumber.of("1888888");
    private static final String TARO_KANA = "ｹﾝｾﾂ ﾀﾛｳ";
    private static final String UME_KANA = "ｳﾒﾀﾞ ｳﾒ";
    private static final String PASSWORD = "sakura2024";

    private final InMemoryStorage storage = new InMemoryStorage();
    private final InMemoryHouseholdDirectory directory = new InMemoryHouseholdDirectory();
    /** The hasher the union used so far. */
    private final Pbkdf2PasswordHasher pbkdf2 = Pbkdf2PasswordHasher.insecureForTests(1_000);

    Argon2UpgradeOnLoginTest() {
        directory.put(Household.of(TARO_HOUSEHOLD, List.of(representative("1999999-01", TARO_KANA, "建設 太郎"))));
        directory.put(Household.of(UME_HOUSEHOLD, List.of(representative("1888888-01", UME_KANA, "梅田 うめ"))));
        storage.accounts().save(Account.initial(TARO_HOUSEHOLD).withPasswordHash(pbkdf2.hash(PASSWORD)));
        storage.accounts().save(Account.initial(UME_HOUSEHOLD).withPasswordHash(pbkdf2.hash("ume2024ok")));
    }

    private static Member representative(String id, String kana, String name) {
        return new Member(MemberId.of(id), KanaName.of(kana), name, LocalDate.of(1960, 2, 10), Sex.M,
                LocalDate.of(1990, 4, 1), Optional.empty(), true);
    }

    private KenshinBooking engine(Argon2idPasswordHasher hasher) {
        Clock clock = Clock.fixed(LocalDateTime.of(2024, 1, 10, 10, 0).atZone(TOKYO).toInstant(), TOKYO);
        return KenshinBooking.builder().storage(storage).directory(directory).clock(clock).passwordHasher(hasher).build();
    }

    private String stored(SymbolNumber household) {
        return storage.accounts().find(household).orElseThrow().passwordHash().map(PasswordHash::encoded).orElseThrow();
    }

    @Test
    @DisplayName("PW-3 a household with a PBKDF2 hash logs in through the Argon2id engine and then has an Argon2id hash")
    void pbkdf2HashUpgradedOnLogin() throws Refusal {
        KenshinBooking engine = engine(Argon2idPasswordHasher.insecureForTests(64, 2, 1, pbkdf2));
        assertThat(stored(TARO_HOUSEHOLD)).startsWith("pbkdf2-sha256$1000$");

        assertThat(engine.logins().login("1999999", TARO_KANA, PASSWORD).firstLogin()).isFalse();

        String upgraded = stored(TARO_HOUSEHOLD);
        assertThat(upgraded).startsWith("$argon2id$v=19$m=64,t=2,p=1$").doesNotContain(PASSWORD);
        // the new hash verifies with Argon2id alone, and the next login leaves it as it is
        assertThat(Argon2idPasswordHasher.insecureForTests(64, 2, 1).verify(PASSWORD, new PasswordHash(upgraded))).isTrue();
        engine.logins().login("1999999", TARO_KANA, PASSWORD);
        assertThat(stored(TARO_HOUSEHOLD)).isEqualTo(upgraded);
        // another household not logged in yet keeps its PBKDF2 hash
        assertThat(stored(UME_HOUSEHOLD)).startsWith("pbkdf2-sha256$");
    }

    @Test
    @DisplayName("AUTH-1 a wrong password against a PBKDF2 hash is refused and upgrades nothing")
    void wrongPasswordUpgradesNothing() {
        KenshinBooking engine = engine(Argon2idPasswordHasher.insecureForTests(64, 2, 1, pbkdf2));
        String before = stored(UME_HOUSEHOLD);

        Refusal r = catchThrowableOfType(Refusal.class, () -> engine.logins().login("1888888", UME_KANA, "ume2025ng"));

        assertThat(r).isNotNull();
        assertThat(r.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(stored(UME_HOUSEHOLD)).isEqualTo(before);
    }

    @Test
    @DisplayName("PW-3 an Argon2id hash of a lower cost is upgraded to the current cost on login")
    void lowerArgon2CostUpgraded() throws Refusal {
        engine(Argon2idPasswordHasher.insecureForTests(32, 1, 1, pbkdf2)).logins().login("1999999", TARO_KANA, PASSWORD);
        assertThat(stored(TARO_HOUSEHOLD)).startsWith("$argon2id$v=19$m=32,t=1,p=1$");

        engine(Argon2idPasswordHasher.insecureForTests(64, 2, 1, pbkdf2)).logins().login("1999999", TARO_KANA, PASSWORD);

        assertThat(stored(TARO_HOUSEHOLD)).startsWith("$argon2id$v=19$m=64,t=2,p=1$");
    }
}
