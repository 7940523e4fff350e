package io.github.kenshinbooking.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.policy.LockoutPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoginAttemptsTest {
    private static final LockoutPolicy THREE_FOR_30 = new LockoutPolicy(3, Duration.ofMinutes(30));
    private static final Instant T = Instant.parse("2024-01-10T01:00:00Z");

    @Test
    @DisplayName("AUTH-4 failures count up and the third locks for 30 minutes, starting the count again")
    void locksAtThePolicysCount() {
        LoginAttempts one = LoginAttempts.none().failed(T, THREE_FOR_30);
        assertThat(one).isEqualTo(new LoginAttempts(1, Optional.empty()));
        LoginAttempts two = one.failed(T.plusSeconds(1), THREE_FOR_30);
        assertThat(two.lockedAt(T.plusSeconds(1))).isFalse();
        LoginAttempts locked = two.failed(T.plusSeconds(2), THREE_FOR_30);
        assertThat(locked).isEqualTo(new LoginAttempts(0, Optional.of(T.plusSeconds(2).plus(Duration.ofMinutes(30)))));
        assertThat(locked.lockedAt(T.plusSeconds(2))).isTrue();
    }

    @Test
    @DisplayName("AUTH-4 locked while now < lockedUntil: the end instant itself is free")
    void halfOpenLock() {
        Instant end = T.plus(Duration.ofMinutes(30));
        LoginAttempts locked = new LoginAttempts(0, Optional.of(end));
        assertThat(locked.lockedAt(end.minusNanos(1))).isTrue();
        assertThat(locked.lockedAt(end)).isFalse();
    }

    @Test
    @DisplayName("AUTH-4 a lock that has ended resets the count: the next failure is the first")
    void expiredLockResetsTheCount() {
        Instant end = T.plus(Duration.ofMinutes(30));
        LoginAttempts expired = new LoginAttempts(2, Optional.of(end));
        assertThat(expired.at(end)).isEqualTo(LoginAttempts.none());
        assertThat(expired.at(end.minusSeconds(1))).isSameAs(expired);
        assertThat(expired.failed(end, THREE_FOR_30)).isEqualTo(new LoginAttempts(1, Optional.empty()));
    }

    @Test
    @DisplayName("AUTH-4 the count and duration are the policy's")
    void policyNumbers() {
        LockoutPolicy five = new LockoutPolicy(5, Duration.ofMinutes(10));
        LoginAttempts a = LoginAttempts.none();
        for (int i = 0; i < 4; i++) {
            a = a.failed(T, five);
        }
        assertThat(a).isEqualTo(new LoginAttempts(4, Optional.empty()));
        assertThat(a.failed(T, five).lockedUntil()).contains(T.plus(Duration.ofMinutes(10)));
    }
}
