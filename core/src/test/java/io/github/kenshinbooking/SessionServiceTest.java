package io.github.kenshinbooking;

import static io.github.kenshinbooking.Fixtures.PASSWORD;
import static io.github.kenshinbooking.Fixtures.SYMBOL;
import static io.github.kenshinbooking.Fixtures.TARO;
import static io.github.kenshinbooking.Fixtures.TARO_KANA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.account.StoredSession;
import io.github.kenshinbooking.account.TokenHash;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.notification.OutboxEntry;
import io.github.kenshinbooking.policy.SessionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionServiceTest {
    private Fixtures f;

    @BeforeEach
    void setUp() {
        f = new Fixtures();
        f.activeSession();
    }

    private LoginResult login() throws Refusal {
        return f.engine.logins().login(SYMBOL.value(), TARO_KANA, PASSWORD);
    }

    private static void refused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).code()).isEqualTo(code);
    }

    private void expired(String token) {
        refused(() -> f.engine.sessions().resume(token), ErrorCode.SESSION_EXPIRED);
    }

    @Test
    @DisplayName("SES-1 a login yields an opaque token of at least 128 random bits that resumes the household's session")
    void tokenResumes() throws Refusal {
        LoginResult r = login();
        String token = r.token().value();
        assertThat(Base64.getUrlDecoder().decode(token).length * 8).isGreaterThanOrEqualTo(128);
        assertThat(login().token().value()).isNotEqualTo(token);
        HouseholdSession s = f.engine.sessions().resume(token);
        assertThat(s.household()).isEqualTo(SYMBOL);
        assertThat(r.session().authenticatedAt()).isEqualTo(f.clock.instant());
        assertThat(s.authenticatedAt()).isEqualTo(r.session().authenticatedAt());
        // the resumed session works for the household's use cases
        assertThat(f.engine.emails().email(s)).isPresent();
    }

    @Test
    @DisplayName("SES-1 only the token's hash is stored; toString of the result never shows the token")
    void onlyTheHashIsStored() throws Refusal {
        LoginResult r = login();
        String token = r.token().value();
        assertThat(f.storage.sessions().find(token)).isEmpty();
        StoredSession stored = f.storage.sessions().find(TokenHash.of(token)).orElseThrow();
        assertThat(stored.tokenHash()).isEqualTo(TokenHash.of(token)).doesNotContain(token);
        assertThat(stored.toString()).doesNotContain(token);
        assertThat(stored.household()).isEqualTo(SYMBOL);
        assertThat(r.toString()).doesNotContain(token);
        assertThat(r.token().toString()).doesNotContain(token);
    }

    @Test
    @DisplayName("SES-1 a token equals the token of the same value only; both print without the value")
    void tokenValue() throws Refusal {
        LoginResult r = login();
        String token = r.token().value();
        SessionToken same = new SessionToken(token);
        SessionToken other = login().token();

        assertThat(same).isEqualTo(r.token()).hasSameHashCodeAs(r.token());
        assertThat(other).isNotEqualTo(r.token());
        assertThat(r.token()).isNotEqualTo(token);
        assertThat(r.token().toString()).contains("SessionToken").doesNotContain(token);
        assertThat(r.session().toString()).contains(SYMBOL.value()).doesNotContain(token)
                .doesNotContain(TokenHash.of(token));
    }

    @Test
    @DisplayName("SES-2 idle expiry is half-open at 30 minutes: alive at 29:59.999 without use, ended at 30:00")
    void idleExpiry() throws Refusal {
        String a = login().token().value();
        String b = login().token().value();
        f.clock.add(Duration.ofMinutes(30).minusMillis(1));
        assertThat(f.engine.sessions().resume(a).household()).isEqualTo(SYMBOL);
        f.clock.add(Duration.ofMillis(1));
        expired(b);
        // a's use at 29:59.999 slid its idle clock: it ends 30 minutes after that use
        assertThat(f.engine.sessions().resume(a).household()).isEqualTo(SYMBOL);
        f.clock.add(Duration.ofMinutes(30));
        expired(a);
        // an ended session stays ended, even if asked again
        expired(a);
    }

    @Test
    @DisplayName("SES-2 absolute expiry at 12 hours after login even when used every 10 minutes")
    void absoluteExpiry() throws Refusal {
        String token = login().token().value();
        Instant loggedIn = f.clock.instant();
        Instant end = loggedIn.plus(Duration.ofHours(12));
        while (f.clock.instant().plus(Duration.ofMinutes(10)).isBefore(end)) {
            f.clock.add(Duration.ofMinutes(10));
            assertThat(f.engine.sessions().resume(token).household()).isEqualTo(SYMBOL);
        }
        f.clock.setInstant(end.minusMillis(1));
        assertThat(f.engine.sessions().resume(token).household()).isEqualTo(SYMBOL);
        f.clock.setInstant(end);
        expired(token);
    }

    @Test
    @DisplayName("SES-2 the expiry times are policy: 5 minutes idle, 1 hour absolute")
    void policyTimes() throws Refusal {
        Fixtures g = new Fixtures(f.policy.toBuilder()
                .sessions(new SessionPolicy(Duration.ofMinutes(5), Duration.ofHours(1), 16)).build());
        g.activeSession();
        LoginResult r = g.engine.logins().login(SYMBOL.value(), TARO_KANA, PASSWORD);
        assertThat(Base64.getUrlDecoder().decode(r.token().value())).hasSize(16);
        g.clock.add(Duration.ofMinutes(5));
        refused(() -> g.engine.sessions().resume(r.token().value()), ErrorCode.SESSION_EXPIRED);
    }

    @Test
    @DisplayName("SES-2 with a last-use granularity of 1 minute, a use within the minute is only read; the idle time counts from the recorded use")
    void lastUseGranularity() throws Refusal {
        Fixtures g = new Fixtures(f.policy.toBuilder()
                .sessions(SessionPolicy.defaults().withLastUseGranularity(Duration.ofMinutes(1))).build());
        g.activeSession();
        Instant login = g.clock.instant();
        String token = g.engine.logins().login(SYMBOL.value(), TARO_KANA, PASSWORD).token().value();
        String hash = TokenHash.of(token);

        g.clock.add(Duration.ofSeconds(59));
        assertThat(g.engine.sessions().resume(token).household()).isEqualTo(SYMBOL);
        assertThat(g.storage.sessions().find(hash).orElseThrow().lastUsedAt()).isEqualTo(login);

        g.clock.add(Duration.ofSeconds(1)); // a minute after the recorded use: recorded
        g.engine.sessions().resume(token);
        Instant recorded = login.plusSeconds(60);
        assertThat(g.storage.sessions().find(hash).orElseThrow().lastUsedAt()).isEqualTo(recorded);

        g.clock.add(Duration.ofSeconds(30)); // read only: the idle time still counts from `recorded`
        g.engine.sessions().resume(token);
        g.clock.setInstant(recorded.plus(Duration.ofMinutes(30)).minusNanos(1));
        assertThat(g.engine.sessions().resume(token).household()).isEqualTo(SYMBOL);
        g.clock.setInstant(recorded.plus(Duration.ofMinutes(60)));
        refused(() -> g.engine.sessions().resume(token), ErrorCode.SESSION_EXPIRED);
    }

    @Test
    @DisplayName("SES-2 a granularity never revives a logged-out session, and must be shorter than the idle time")
    void lastUseGranularityLogoutAndBounds() throws Refusal {
        Fixtures g = new Fixtures(f.policy.toBuilder()
                .sessions(SessionPolicy.defaults().withLastUseGranularity(Duration.ofMinutes(1))).build());
        g.activeSession();
        String token = g.engine.logins().login(SYMBOL.value(), TARO_KANA, PASSWORD).token().value();
        g.engine.sessions().logout(token);
        g.clock.add(Duration.ofSeconds(1));
        refused(() -> g.engine.sessions().resume(token), ErrorCode.SESSION_EXPIRED);

        assertThatThrownBy(() -> SessionPolicy.defaults().withLastUseGranularity(Duration.ofMinutes(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sessions.lastUseGranularity");
        assertThatThrownBy(() -> SessionPolicy.defaults().withLastUseGranularity(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sessions.lastUseGranularity");
        assertThat(SessionPolicy.defaults().lastUseGranularity()).isZero();
    }

    @Test
    @DisplayName("SES-2 logout ends the session; logging out again or an unknown token does nothing; blank is INVALID_INPUT")
    void logout() throws Refusal {
        String token = login().token().value();
        String other = login().token().value();
        f.engine.sessions().logout(token);
        expired(token);
        f.engine.sessions().logout(token);
        f.engine.sessions().logout("never-issued");
        assertThat(f.engine.sessions().resume(other).household()).isEqualTo(SYMBOL);
        refused(() -> f.engine.sessions().logout(null), ErrorCode.INVALID_INPUT);
        refused(() -> f.engine.sessions().logout(" "), ErrorCode.INVALID_INPUT);
    }

    @Test
    @DisplayName("SES-2 an unknown token is SESSION_EXPIRED; a missing or blank one is INVALID_INPUT naming session")
    void unknownToken() {
        expired("never-issued");
        expired(TokenHash.of("never-issued"));
        assertThatThrownBy(() -> f.engine.sessions().resume(null)).isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).code(), e -> ((Refusal) e).field().orElseThrow())
                .containsExactly(ErrorCode.INVALID_INPUT, Refusal.FIELD_SESSION);
        refused(() -> f.engine.sessions().resume(""), ErrorCode.INVALID_INPUT);
    }

    @Test
    @DisplayName("SES-3 a password change ends every other session of the household, not the current one nor other households'")
    void passwordChangeEndsOthers() throws Refusal {
        LoginResult current = login();
        String other = login().token().value();
        String otherHousehold = f.engine.logins().login("1888888", "ｳﾒﾀﾞ ｳﾒ", "kenren19500505").token().value();
        HouseholdSession s = f.engine.sessions().resume(current.token().value());
        f.engine.passwords().changePassword(s, TARO, PASSWORD, "newpass2024", "newpass2024");
        expired(other);
        assertThat(f.engine.sessions().resume(current.token().value()).household()).isEqualTo(SYMBOL);
        assertThat(f.engine.sessions().resume(otherHousehold).household().value()).isEqualTo("1888888");
    }

    @Test
    @DisplayName("SES-3 a refused password change ends no session")
    void refusedChangeEndsNothing() throws Refusal {
        LoginResult current = login();
        String other = login().token().value();
        refused(() -> f.engine.passwords().changePassword(current.session(), TARO, "wrong-current", "newpass2024",
                "newpass2024"), ErrorCode.INVALID_CREDENTIALS);
        assertThat(f.engine.sessions().resume(other).household()).isEqualTo(SYMBOL);
    }

    @Test
    @DisplayName("SES-3 a password reset ends every session of the household")
    void resetEndsAll() throws Refusal {
        String a = login().token().value();
        String b = login().token().value();
        f.engine.resets().requestReset("taro@example.jp");
        String resetToken = f.storage.outbox().pending().stream().map(OutboxEntry::notification)
                .filter(n -> n.kind() == NotificationKind.PASSWORD_RESET).findFirst().orElseThrow()
                .get(NotificationData.RESET_TOKEN).orElseThrow();
        f.engine.resets().resetPassword(resetToken, SYMBOL.value(), TARO_KANA, "reset2024x", "reset2024x");
        expired(a);
        expired(b);
        assertThat(f.engine.sessions().resume(
                f.engine.logins().login(SYMBOL.value(), TARO_KANA, "reset2024x").token().value()).household())
                .isEqualTo(SYMBOL);
    }

    @Test
    @DisplayName("SES-2 purgeExpired removes only expired sessions")
    void purge() throws Refusal {
        String old = login().token().value();
        f.clock.add(Duration.ofMinutes(20));
        String fresh = login().token().value();
        f.clock.add(Duration.ofMinutes(10));
        // 30 minutes idle: old and the setup's login have expired, fresh has not
        assertThat(f.engine.sessions().purgeExpired()).isEqualTo(2);
        assertThat(f.storage.sessions().find(TokenHash.of(old))).isEmpty();
        assertThat(f.engine.sessions().resume(fresh).household()).isEqualTo(SYMBOL);
    }
}
