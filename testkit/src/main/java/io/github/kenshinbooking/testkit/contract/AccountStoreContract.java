package io.github.kenshinbooking.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.household.SymbolNumber;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link io.github.kenshinbooking.account.AccountStore} (HH-2, MAIL-ADDR-1, RESET-1).
 *
 * <p>Extend it and implement {@link StorageContractSupport#createStorage()} to return a fresh, empty
 * storage of the adapter. It checks: a household that never saved an account has none; save then
 * find returns the account and saving again replaces it; {@code findByEmail} compares the domain
 * ignoring case and the local part exactly, finds every household with the address ordered by
 * symbol number (記号番号) and no longer finds a changed address; an account saved in a unit of work
 * that fails keeps its previous state.
 */
public abstract class AccountStoreContract extends StorageContractSupport {
    private static final PasswordHash HASH = new PasswordHash("pbkdf2-sha256$1000$c2FsdA$aGFzaA");
    private static final EmailAddress TARO_MAIL = new EmailAddress("Taro.Kensetsu@Example.JP");

    @Test
    @DisplayName("AUTH-5 a household that never saved an account has none")
    void absent() {
        assertThat(storage.accounts().find(HOUSEHOLD)).isEmpty();
    }

    @Test
    @DisplayName("HH-2 save then find returns the account; saving again replaces it")
    void saveReplace() throws Exception {
        Account initial = Account.initial(HOUSEHOLD);
        storage.accounts().save(initial);
        assertThat(storage.accounts().find(HOUSEHOLD)).contains(initial);

        Account full = initial.withPasswordHash(HASH).withEmail(Optional.of(TARO_MAIL));
        inUnitOfWork(() -> {
            storage.accounts().save(full);
            return null;
        });
        assertThat(storage.accounts().find(HOUSEHOLD)).contains(full);

        Account noMail = full.withEmail(Optional.empty());
        storage.accounts().save(noMail);
        assertThat(storage.accounts().find(HOUSEHOLD)).contains(noMail);
        assertThat(storage.accounts().find(OTHER_HOUSEHOLD)).isEmpty();
    }

    @Test
    @DisplayName("RESET-1 findByEmail compares the domain case-insensitively and the local part exactly")
    void findByEmail() {
        Account taro = Account.initial(HOUSEHOLD).withPasswordHash(HASH).withEmail(Optional.of(TARO_MAIL));
        storage.accounts().save(taro);

        assertThat(storage.accounts().findByEmail(new EmailAddress("Taro.Kensetsu@example.jp"))).containsExactly(taro);
        assertThat(storage.accounts().findByEmail(new EmailAddress("taro.kensetsu@example.jp"))).isEmpty();
        assertThat(storage.accounts().findByEmail(new EmailAddress("Taro.Kensetsu@example.com"))).isEmpty();
    }

    @Test
    @DisplayName("RESET-1 every household with that address is found, ordered by symbol number; a changed address no longer")
    void sharedAddress() {
        EmailAddress shared = new EmailAddress("family@example.jp");
        Account b = Account.initial(OTHER_HOUSEHOLD).withEmail(Optional.of(shared));
        Account a = Account.initial(HOUSEHOLD).withEmail(Optional.of(shared));
        Account c = Account.initial(SymbolNumber.of("3777777")).withEmail(Optional.of(TARO_MAIL));
        storage.accounts().save(b);
        storage.accounts().save(a);
        storage.accounts().save(c);

        assertThat(storage.accounts().findByEmail(shared)).containsExactly(a, b);
        Account moved = b.withEmail(Optional.of(new EmailAddress("jiro@example.jp")));
        storage.accounts().save(moved);
        assertThat(storage.accounts().findByEmail(shared)).containsExactly(a);
        assertThat(storage.accounts().findByEmail(new EmailAddress("jiro@EXAMPLE.jp"))).containsExactly(moved);
    }

    @Test
    @DisplayName("PW-3 an account saved in a unit of work that fails keeps its previous state")
    void rollback() {
        Account before = Account.initial(HOUSEHOLD).withEmail(Optional.of(TARO_MAIL));
        storage.accounts().save(before);
        inFailedUnitOfWork(() -> {
            storage.accounts().save(before.withPasswordHash(HASH).withEmail(Optional.empty()));
            storage.accounts().save(Account.initial(OTHER_HOUSEHOLD));
            return null;
        });
        assertThat(storage.accounts().find(HOUSEHOLD)).contains(before);
        assertThat(storage.accounts().find(OTHER_HOUSEHOLD)).isEmpty();
        assertThat(storage.accounts().findByEmail(TARO_MAIL)).containsExactly(before);
    }
}
