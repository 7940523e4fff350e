package io.github.kenshinbooking.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.staff.StaffAccount;
import io.github.kenshinbooking.staff.StaffRole;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link io.github.kenshinbooking.staff.StaffAccountStore}.
 *
 * <p>Extend it and implement {@link StorageContractSupport#createStorage()} to return a fresh, empty
 * storage of the adapter. It checks: an added account reads back equal, text unchanged; an id already
 * taken is refused ({@code false}) and leaves the first account; ids compare exactly; {@code update}
 * replaces an existing account and refuses ({@code false}) an unknown one without adding it;
 * {@code findAll} lists every account by staff id; writes in a unit of work that fails are gone; of
 * concurrent adds of one id on real threads exactly one succeeds.
 */
public abstract class StaffAccountStoreContract extends StorageContractSupport {
    private static final PasswordHash HASH = new PasswordHash("pbkdf2-sha256$600000$c2FsdA$aGFzaA");

    private static StaffAccount account(String id, StaffRole role) {
        return new StaffAccount(new StaffId(id), "窓口 " + id, role, HASH, true);
    }

    @Test
    @DisplayName("STAFF-4 an added staff account reads back equal; an unknown id is empty")
    void addAndFind() {
        StaffAccount a = new StaffAccount(new StaffId("clerk-7"), "O'Brien \"窓口\" 花子", StaffRole.STAFF, HASH, true);
        assertThat(storage.staffAccounts().add(a)).isTrue();
        assertThat(storage.staffAccounts().find(a.id())).contains(a);
        assertThat(storage.staffAccounts().find(new StaffId("clerk-8"))).isEmpty();
    }

    @Test
    @DisplayName("an id already taken is refused and the first account stays; ids compare exactly")
    void duplicate() {
        StaffAccount first = account("clerk-7", StaffRole.STAFF);
        storage.staffAccounts().add(first);
        assertThat(storage.staffAccounts().add(account("clerk-7", StaffRole.ADMIN))).isFalse();
        assertThat(storage.staffAccounts().find(first.id())).contains(first);
        assertThat(storage.staffAccounts().add(account("Clerk-7", StaffRole.ADMIN))).isTrue();
        assertThat(storage.staffAccounts().find(new StaffId("Clerk-7")).orElseThrow().role()).isEqualTo(StaffRole.ADMIN);
    }

    @Test
    @DisplayName("update replaces an existing account and refuses an unknown one without adding it")
    void update() {
        StaffAccount a = account("admin-1", StaffRole.ADMIN);
        storage.staffAccounts().add(a);
        StaffAccount disabled = a.disabled().withPasswordHash(new PasswordHash("argon2id$v=19$m=19456,t=2,p=1$x$y"));
        assertThat(storage.staffAccounts().update(disabled)).isTrue();
        assertThat(storage.staffAccounts().find(a.id())).contains(disabled);
        assertThat(storage.staffAccounts().update(account("nobody", StaffRole.STAFF))).isFalse();
        assertThat(storage.staffAccounts().find(new StaffId("nobody"))).isEmpty();
    }

    @Test
    @DisplayName("findAll lists every account, enabled or not, by staff id")
    void findAll() {
        StaffAccount b = account("b-clerk", StaffRole.STAFF);
        StaffAccount a = account("a-admin", StaffRole.ADMIN);
        StaffAccount c = account("c-clerk", StaffRole.STAFF).disabled();
        storage.staffAccounts().add(b);
        storage.staffAccounts().add(c);
        storage.staffAccounts().add(a);
        assertThat(storage.staffAccounts().findAll()).containsExactly(a, b, c);
    }

    @Test
    @DisplayName("accounts written in a unit of work that fails are gone")
    void rollback() {
        StaffAccount kept = account("kept", StaffRole.STAFF);
        storage.staffAccounts().add(kept);
        inFailedUnitOfWork(() -> {
            storage.staffAccounts().add(account("gone", StaffRole.STAFF));
            storage.staffAccounts().update(kept.disabled());
            return null;
        });
        assertThat(storage.staffAccounts().findAll()).containsExactly(kept);
    }

    @Test
    @DisplayName("of 8 concurrent adds of one id exactly one succeeds")
    void concurrentAdd() throws Exception {
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            StaffRole role = i % 2 == 0 ? StaffRole.STAFF : StaffRole.ADMIN;
            tasks.add(() -> storage.staffAccounts().add(account("same", role)));
        }
        List<Boolean> added = concurrently(tasks);
        assertThat(added.stream().filter(Boolean::booleanValue)).hasSize(1);
        assertThat(storage.staffAccounts().findAll()).hasSize(1);
    }
}
