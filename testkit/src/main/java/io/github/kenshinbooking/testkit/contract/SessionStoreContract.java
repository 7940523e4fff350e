package io.github.kenshinbooking.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.account.StoredSession;
import io.github.kenshinbooking.account.TokenHash;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Contract of {@link io.github.kenshinbooking.account.SessionStore} (SES-1..SES-3). */
public abstract class SessionStoreContract extends StorageContractSupport {
    /** The rules' defaults (SES-2); the store takes them as arguments. */
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration ABSOLUTE = Duration.ofHours(12);
    private static final String A = TokenHash.of("token-a");
    private static final String B = TokenHash.of("token-b");
    private static final String C = TokenHash.of("token-c");

    private static StoredSession session(String hash, io.github.kenshinbooking.household.SymbolNumber household) {
        return new StoredSession(hash, household, T0, T0);
    }

    private Optional<StoredSession> resume(String hash, Instant now) {
        return storage.sessions().resume(hash, now, IDLE, ABSOLUTE);
    }

    @Test
    @DisplayName("SES-1 an added session is found by its hash, compared exactly; others are not")
    void addFind() {
        StoredSession s = session(A, HOUSEHOLD);
        storage.sessions().add(s);
        assertThat(storage.sessions().find(A)).contains(s);
        assertThat(storage.sessions().find(A.toUpperCase())).isEmpty();
        assertThat(storage.sessions().find("token-a")).isEmpty();
        assertThat(storage.sessions().find("' OR '1'='1")).isEmpty();
        assertThat(storage.sessions().find("x".repeat(500))).isEmpty();
    }

    @Test
    @DisplayName("SES-1 adding a session whose hash exists is an error and keeps the first")
    void duplicate() {
        storage.sessions().add(session(A, HOUSEHOLD));
        assertThatThrownBy(() -> storage.sessions().add(session(A, OTHER_HOUSEHOLD))).isInstanceOf(RuntimeException.class);
        assertThat(storage.sessions().find(A)).contains(session(A, HOUSEHOLD));
    }

    @Test
    @DisplayName("SES-2 resume slides the idle expiry: alive just before 30 minutes idle, each use restarts it, ended at 30")
    void slidingIdle() {
        storage.sessions().add(session(A, HOUSEHOLD));
        Instant t1 = T0.plus(IDLE).minusSeconds(1);
        assertThat(resume(A, t1)).contains(new StoredSession(A, HOUSEHOLD, T0, t1));
        assertThat(storage.sessions().find(A).orElseThrow().lastUsedAt()).isEqualTo(t1);
        Instant t2 = t1.plus(IDLE).minusSeconds(1);
        assertThat(resume(A, t2)).isPresent();
        assertThat(resume(A, t2.plus(IDLE))).isEmpty();
        // refused resumes do not count as use
        assertThat(storage.sessions().find(A).orElseThrow().lastUsedAt()).isEqualTo(t2);
        assertThat(resume(A, t2.plusSeconds(1))).isPresent();
    }

    @Test
    @DisplayName("SES-2 the absolute expiry holds however often the session is used: alive until 12 hours after login, ended at 12")
    void absolute() {
        storage.sessions().add(session(A, HOUSEHOLD));
        Instant t = T0;
        while (t.plus(Duration.ofMinutes(10)).isBefore(T0.plus(ABSOLUTE))) {
            t = t.plus(Duration.ofMinutes(10));
            assertThat(resume(A, t)).isPresent();
        }
        assertThat(resume(A, T0.plus(ABSOLUTE).minusSeconds(1))).isPresent();
        assertThat(resume(A, T0.plus(ABSOLUTE))).isEmpty();
    }

    @Test
    @DisplayName("SES-2 an unknown hash does not resume; the last use never moves back")
    void unknownAndBackwards() {
        assertThat(resume(A, T0)).isEmpty();
        storage.sessions().add(session(A, HOUSEHOLD));
        Instant later = T0.plusSeconds(60);
        assertThat(resume(A, later)).isPresent();
        assertThat(resume(A, T0.plusSeconds(30)).orElseThrow().lastUsedAt()).isEqualTo(later);
    }

    @Test
    @DisplayName("SES-2 end (logout) ends one session, and again does nothing")
    void end() {
        storage.sessions().add(session(A, HOUSEHOLD));
        storage.sessions().add(session(B, HOUSEHOLD));
        assertThat(storage.sessions().end(A)).isTrue();
        assertThat(storage.sessions().end(A)).isFalse();
        assertThat(storage.sessions().find(A)).isEmpty();
        assertThat(resume(A, T0.plusSeconds(1))).isEmpty();
        assertThat(resume(B, T0.plusSeconds(1))).isPresent();
    }

    @Test
    @DisplayName("SES-3 endAllOf ends every session of the household and no other household's")
    void endAll() {
        storage.sessions().add(session(A, HOUSEHOLD));
        storage.sessions().add(session(B, HOUSEHOLD));
        storage.sessions().add(session(C, OTHER_HOUSEHOLD));
        assertThat(storage.sessions().endAllOf(HOUSEHOLD)).isEqualTo(2);
        assertThat(storage.sessions().find(A)).isEmpty();
        assertThat(storage.sessions().find(B)).isEmpty();
        assertThat(storage.sessions().find(C)).isPresent();
    }

    @Test
    @DisplayName("SES-3 endAllOfExcept ends the household's other sessions and keeps the one named")
    void endAllExcept() {
        storage.sessions().add(session(A, HOUSEHOLD));
        storage.sessions().add(session(B, HOUSEHOLD));
        storage.sessions().add(session(C, OTHER_HOUSEHOLD));
        assertThat(storage.sessions().endAllOfExcept(HOUSEHOLD, A)).isEqualTo(1);
        assertThat(storage.sessions().find(A)).isPresent();
        assertThat(storage.sessions().find(B)).isEmpty();
        assertThat(storage.sessions().find(C)).isPresent();
    }

    @Test
    @DisplayName("SES-2 purgeExpired removes idle-expired and absolute-expired sessions only")
    void purge() {
        storage.sessions().add(session(A, HOUSEHOLD));
        storage.sessions().add(new StoredSession(B, HOUSEHOLD, T0.minus(ABSOLUTE), T0.plusSeconds(10)));
        Instant now = T0.plus(Duration.ofMinutes(20));
        storage.sessions().add(new StoredSession(C, OTHER_HOUSEHOLD, now, now));
        assertThat(storage.sessions().purgeExpired(T0.plus(IDLE), IDLE, ABSOLUTE)).isEqualTo(2);
        assertThat(storage.sessions().find(C)).isPresent();
    }

    @Test
    @DisplayName("SES-3 sessions ended in a unit of work that fails are kept; sessions added in it are not")
    void rollback() {
        storage.sessions().add(session(A, HOUSEHOLD));
        inFailedUnitOfWork(() -> {
            storage.sessions().add(session(B, HOUSEHOLD));
            storage.sessions().endAllOf(HOUSEHOLD);
            return null;
        });
        assertThat(storage.sessions().find(A)).isPresent();
        assertThat(storage.sessions().find(B)).isEmpty();
    }

    @RepeatedTest(5)
    @DisplayName("SES-2 resumes racing a logout on real threads: once the logout returns, the session stays ended")
    void concurrentResumeAndLogout() throws Exception {
        storage.sessions().add(session(A, HOUSEHOLD));
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant at = T0.plusSeconds(i + 1);
            tasks.add(() -> resume(A, at).isPresent());
        }
        tasks.add(() -> storage.sessions().end(A));
        List<Boolean> results = concurrently(tasks);
        assertThat(results.get(results.size() - 1)).isTrue();
        assertThat(storage.sessions().find(A)).isEmpty();
        assertThat(resume(A, T0.plusSeconds(10))).isEmpty();
    }

    @Test
    @DisplayName("SES-2 concurrent resumes of an expired session never revive it; of a live one all succeed")
    void concurrentResumes() throws Exception {
        storage.sessions().add(session(A, HOUSEHOLD));
        storage.sessions().add(session(B, HOUSEHOLD));
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(() -> resume(A, T0.plus(IDLE)).isPresent());
            Instant at = T0.plusSeconds(i);
            tasks.add(() -> resume(B, at.plusSeconds(1)).isPresent());
        }
        List<Boolean> results = concurrently(tasks);
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i)).as("task %d", i).isEqualTo(i % 2 == 1);
        }
        assertThat(storage.sessions().find(A).orElseThrow().lastUsedAt()).isEqualTo(T0);
        assertThat(storage.sessions().find(B).orElseThrow().lastUsedAt()).isEqualTo(T0.plusSeconds(6));
    }
}
