package io.github.kenshinbooking.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.account.StoredSession;
import io.github.kenshinbooking.household.SymbolNumber;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The in-memory session store against the {@code SessionStore} port (SES-1..SES-3). */
class MemorySessionStoreTest {
    private static final SymbolNumber TARO = SymbolNumber.of("1999999");
    private static final SymbolNumber UME = SymbolNumber.of("1888888");
    private static final Instant T0 = Instant.parse("2024-01-10T01:00:00Z");
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration ABSOLUTE = Duration.ofHours(12);

    private final MemorySessionStore sessions = new MemorySessionStore(new MemoryTransactions());

    private void add(String hash, SymbolNumber household) {
        sessions.add(new StoredSession(hash, household, T0, T0));
    }

    @Test
    @DisplayName("SES-1 a second session with the same token hash is refused and the first one kept")
    void duplicate() {
        add("h1", TARO);

        assertThatThrownBy(() -> add("h1", UME)).isInstanceOf(RuntimeException.class);
        assertThat(sessions.find("h1").orElseThrow().household()).isEqualTo(TARO);
    }

    @Test
    @DisplayName("SES-2 a logout ends the one session and says whether there was one")
    void end() {
        add("h1", TARO);
        add("h2", TARO);

        assertThat(sessions.end("h1")).isTrue();
        assertThat(sessions.end("h1")).isFalse();
        assertThat(sessions.end("unknown")).isFalse();
        assertThat(sessions.find("h1")).isEmpty();
        assertThat(sessions.find("h2")).isPresent();
    }

    @Test
    @DisplayName("SES-3 a reset ends every session of the household, and counts them; other households keep theirs")
    void endAllOf() {
        add("t1", TARO);
        add("t2", TARO);
        add("u1", UME);

        assertThat(sessions.endAllOf(TARO)).isEqualTo(2);
        assertThat(sessions.endAllOf(TARO)).isZero();
        assertThat(sessions.find("t1")).isEmpty();
        assertThat(sessions.find("t2")).isEmpty();
        assertThat(sessions.find("u1")).isPresent();
    }

    @Test
    @DisplayName("SES-3 a password change ends the household's other sessions, and counts them")
    void endAllOfExcept() {
        add("t1", TARO);
        add("t2", TARO);
        add("t3", TARO);
        add("u1", UME);

        assertThat(sessions.endAllOfExcept(TARO, "t2")).isEqualTo(2);
        assertThat(sessions.find("t2")).isPresent();
        assertThat(sessions.find("t1")).isEmpty();
        assertThat(sessions.find("t3")).isEmpty();
        assertThat(sessions.find("u1")).isPresent();
    }

    @Test
    @DisplayName("SES-2 resume marks a live session used; an expired one is refused and purged")
    void resumeAndPurge() {
        add("h1", TARO);
        add("h2", UME);

        Instant used = T0.plus(Duration.ofMinutes(20));
        assertThat(sessions.resume("h1", used, IDLE, ABSOLUTE).orElseThrow().lastUsedAt()).isEqualTo(used);
        assertThat(sessions.find("h1").orElseThrow().lastUsedAt()).isEqualTo(used);

        Instant later = T0.plus(Duration.ofMinutes(40)); // h2 idle for 40 minutes, h1 for 20
        assertThat(sessions.resume("h2", later, IDLE, ABSOLUTE)).isEmpty();
        assertThat(sessions.resume("unknown", later, IDLE, ABSOLUTE)).isEmpty();
        assertThat(sessions.purgeExpired(later, IDLE, ABSOLUTE)).isEqualTo(1);
        assertThat(sessions.find("h2")).isEmpty();
        assertThat(sessions.find("h1")).isPresent();
    }
}
