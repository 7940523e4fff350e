package io.github.kenshinbooking.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.account.ResetToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link io.github.kenshinbooking.account.ResetTokenStore} (RESET-1, RESET-2).
 *
 * <p>Extend it and implement {@link StorageContractSupport#createStorage()} to return a fresh, empty
 * storage of the adapter. It checks: an added token is found by its hash and no other; an
 * update keeps identity mismatches and use; adding a token whose hash exists is an error and keeps
 * the first; tokens written in a unit of work that fails are not kept; concurrent identity
 * mismatches all count, because {@code findForUpdate} locks the token.
 */
public abstract class ResetTokenStoreContract extends StorageContractSupport {
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static ResetToken token(String hash) {
        return new ResetToken(hash, HOUSEHOLD, T0, T0.plus(Duration.ofHours(1)), 0, false);
    }

    @Test
    @DisplayName("RESET-1 an added token is found by its hash; others are not")
    void addFind() throws Exception {
        ResetToken t = token(HASH);
        storage.resetTokens().add(t);
        assertThat(storage.resetTokens().findForUpdate(HASH)).contains(t);
        assertThat(inUnitOfWork(() -> storage.resetTokens().findForUpdate(HASH))).contains(t);
        assertThat(storage.resetTokens().findForUpdate(HASH.toUpperCase())).isEmpty();
        assertThat(storage.resetTokens().findForUpdate("' OR '1'='1")).isEmpty();
    }

    @Test
    @DisplayName("RESET-2 update keeps identity mismatches and use")
    void update() throws Exception {
        ResetToken t = token(HASH);
        storage.resetTokens().add(t);
        inUnitOfWork(() -> {
            ResetToken found = storage.resetTokens().findForUpdate(HASH).orElseThrow();
            storage.resetTokens().update(found.withMismatch());
            return null;
        });
        assertThat(storage.resetTokens().findForUpdate(HASH)).contains(t.withMismatch());
        storage.resetTokens().update(t.withMismatch().spent());
        assertThat(storage.resetTokens().findForUpdate(HASH)).contains(t.withMismatch().spent());
    }

    @Test
    @DisplayName("RESET-1 adding a token whose hash exists is an error and keeps the first")
    void duplicate() {
        ResetToken t = token(HASH);
        storage.resetTokens().add(t);
        assertThatThrownBy(() -> storage.resetTokens().add(t.withMismatch())).isInstanceOf(RuntimeException.class);
        assertThat(storage.resetTokens().findForUpdate(HASH)).contains(t);
    }

    @Test
    @DisplayName("RESET-2 tokens written in a unit of work that fails are not kept")
    void rollback() {
        storage.resetTokens().add(token(HASH));
        inFailedUnitOfWork(() -> {
            storage.resetTokens().add(token("other"));
            storage.resetTokens().update(token(HASH).spent());
            return null;
        });
        assertThat(storage.resetTokens().findForUpdate("other")).isEmpty();
        assertThat(storage.resetTokens().findForUpdate(HASH)).contains(token(HASH));
    }

    @Test
    @DisplayName("RESET-2 concurrent identity mismatches all count: findForUpdate locks the token")
    void concurrentMismatches() throws Exception {
        storage.resetTokens().add(token(HASH));
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(() -> inUnitOfWork(() -> {
                ResetToken t = storage.resetTokens().findForUpdate(HASH).orElseThrow();
                storage.resetTokens().update(t.withMismatch());
                return null;
            }));
        }
        concurrently(tasks);
        assertThat(storage.resetTokens().findForUpdate(HASH).orElseThrow().identityMismatches()).isEqualTo(6);
    }

    @Test
    @DisplayName("HARD-2 voidAllOf voids every outstanding token of the household, and only of that household")
    void voidAllOf() {
        storage.resetTokens().add(token("a"));
        storage.resetTokens().add(token("b").spent());
        storage.resetTokens().add(new ResetToken("c", OTHER_HOUSEHOLD, T0, T0.plus(Duration.ofHours(1)), 0, false));
        assertThat(storage.resetTokens().voidAllOf(HOUSEHOLD)).isEqualTo(1);
        assertThat(storage.resetTokens().findForUpdate("a")).contains(token("a").spent());
        assertThat(storage.resetTokens().findForUpdate("b")).contains(token("b").spent());
        assertThat(storage.resetTokens().findForUpdate("c").orElseThrow().used()).isFalse();
        assertThat(storage.resetTokens().voidAllOf(HOUSEHOLD)).isZero();
    }

    @Test
    @DisplayName("HARD-2 lastIssuedAt is the household's newest token's issue instant, used or not")
    void lastIssuedAt() {
        assertThat(storage.resetTokens().lastIssuedAt(HOUSEHOLD)).isEmpty();
        storage.resetTokens().add(new ResetToken("a", HOUSEHOLD, T0.plusSeconds(60), T0.plus(Duration.ofHours(2)), 0,
                true));
        storage.resetTokens().add(token("b"));
        storage.resetTokens().add(new ResetToken("c", OTHER_HOUSEHOLD, T0.plusSeconds(600), T0.plus(Duration.ofHours(2)),
                0, false));
        assertThat(storage.resetTokens().lastIssuedAt(HOUSEHOLD)).contains(T0.plusSeconds(60));
        assertThat(storage.resetTokens().lastIssuedAt(OTHER_HOUSEHOLD)).contains(T0.plusSeconds(600));
    }
}
