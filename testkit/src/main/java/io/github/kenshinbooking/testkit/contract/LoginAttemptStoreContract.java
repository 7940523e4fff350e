package io.github.kenshinbooking.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.account.LoginAttempts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link io.github.kenshinbooking.account.LoginAttemptStore} (AUTH-4).
 *
 * <p>Extend it and implement {@link StorageContractSupport#createStorage()} to return a fresh, empty
 * storage of the adapter. It checks: a key never seen has no failures and no lock; saved state
 * reads back per key and saving again replaces it; state saved in a unit of work that fails is not
 * kept; concurrent failures all count, because {@code findForUpdate} serializes read-then-save, even
 * for a new key.
 */
public abstract class LoginAttemptStoreContract extends StorageContractSupport {

    @Test
    @DisplayName("AUTH-4 a key never seen has no failures and no lock")
    void absent() throws Exception {
        assertThat(storage.loginAttempts().find("1999999")).isEqualTo(LoginAttempts.none());
        assertThat(storage.loginAttempts().findForUpdate("1999999")).isEqualTo(LoginAttempts.none());
        assertThat(inUnitOfWork(() -> storage.loginAttempts().findForUpdate("0000001"))).isEqualTo(LoginAttempts.none());
    }

    @Test
    @DisplayName("AUTH-4 saved state reads back per key; saving again replaces it")
    void saveFind() throws Exception {
        LoginAttempts two = new LoginAttempts(2, Optional.empty());
        LoginAttempts locked = new LoginAttempts(0, Optional.of(T0.plusSeconds(1800)));
        storage.loginAttempts().save("1999999", two);
        storage.loginAttempts().save("2888888", locked);

        assertThat(storage.loginAttempts().find("1999999")).isEqualTo(two);
        assertThat(storage.loginAttempts().find("2888888")).isEqualTo(locked);
        assertThat(inUnitOfWork(() -> storage.loginAttempts().findForUpdate("2888888"))).isEqualTo(locked);

        inUnitOfWork(() -> {
            storage.loginAttempts().save("1999999", LoginAttempts.none());
            return null;
        });
        assertThat(storage.loginAttempts().find("1999999")).isEqualTo(LoginAttempts.none());
        assertThat(storage.loginAttempts().find("2888888")).isEqualTo(locked);
    }

    @Test
    @DisplayName("AUTH-4 state saved in a unit of work that fails is not kept")
    void rollback() {
        storage.loginAttempts().save("1999999", new LoginAttempts(1, Optional.empty()));
        inFailedUnitOfWork(() -> {
            LoginAttempts a = storage.loginAttempts().findForUpdate("1999999");
            storage.loginAttempts().save("1999999", new LoginAttempts(a.consecutiveFailures() + 1, Optional.empty()));
            storage.loginAttempts().findForUpdate("7777777");
            storage.loginAttempts().save("7777777", new LoginAttempts(0, Optional.of(T0)));
            return null;
        });
        assertThat(storage.loginAttempts().find("1999999")).isEqualTo(new LoginAttempts(1, Optional.empty()));
        assertThat(storage.loginAttempts().find("7777777")).isEqualTo(LoginAttempts.none());
    }

    @Test
    @DisplayName("AUTH-4 concurrent failures all count: findForUpdate serializes read-then-save, even for a new key")
    void concurrentFailuresCount() throws Exception {
        int threads = 8;
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            tasks.add(() -> inUnitOfWork(() -> {
                LoginAttempts a = storage.loginAttempts().findForUpdate("5555555");
                storage.loginAttempts().save("5555555",
                        new LoginAttempts(a.consecutiveFailures() + 1, Optional.empty()));
                return null;
            }));
        }
        concurrently(tasks);
        assertThat(storage.loginAttempts().find("5555555").consecutiveFailures()).isEqualTo(threads);
    }
}
