package io.github.kenshinbooking;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.ResetToken;
import io.github.kenshinbooking.policy.PasswordPolicy;
import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import static io.github.kenshinbooking.Fixtures.HANAKO;
import static io.github.kenshinbooking.Fixtures.PASSWORD;
import static io.github.kenshinbooking.Fixtures.SYMBOL;
import static io.github.kenshinbooking.Fixtures.TARO;
import static io.github.kenshinbooking.Fixtures.TARO_KANA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.notification.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AccountsTest {
    private static final String INITIAL = "kenren19600210";
    private Fixtures f;

    @BeforeEach
    void setUp() {
        f = new Fixtures();
    }

    private static void refused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).code()).isEqualTo(code);
    }

    private List<Notification> mails(NotificationKind kind) {
        return f.storage.outbox().pending().stream().map(OutboxEntry::notification).filter(n -> n.kind() == kind)
                .toList();
    }

    @Test
    @DisplayName("AUTH-1 AUTH-3 AUTH-5 the initial password kenren+yyyyMMdd logs in as first-login")
    void initialPassword() throws Refusal {
        LoginResult r = f.engine.logins().login("1999999", TARO_KANA, INITIAL);
        assertThat(r.firstLogin()).isTrue();
        assertThat(r.session().household()).isEqualTo(SYMBOL);
        assertThat(f.engine.logins().firstLogin(r.session())).isTrue();
    }

    @Test
    @DisplayName("AUTH-3 the initial password prefix is policy")
    void prefixIsPolicy() throws Refusal {
        Fixtures g = new Fixtures(f.policy.toBuilder().passwords(new PasswordPolicy("union", 8, 64, f.policy.passwords().pbkdf2Iterations())).build());
        assertThat(g.engine.logins().login("1999999", TARO_KANA, "union19600210").firstLogin()).isTrue();
        refused(() -> g.engine.logins().login("1999999", TARO_KANA, INITIAL), ErrorCode.INVALID_CREDENTIALS);
    }

    @Test
    @DisplayName("AUTH-1 a family member's kana never logs in")
    void familyKana() {
        refused(() -> f.engine.logins().login("1999999", "ｹﾝｾﾂ ﾊﾅｺ", INITIAL), ErrorCode.INVALID_CREDENTIALS);
    }

    @Test
    @DisplayName("AUTH-2 kana matches across half-width, full-width and spacing, not hiragana")
    void kanaVariants() throws Refusal {
        assertThat(f.engine.logins().login("1999999", "ケンセツ　タロウ", INITIAL).firstLogin()).isTrue();
        assertThat(f.engine.logins().login("1999999", "ケンセツタロウ", INITIAL).firstLogin()).isTrue();
        assertThat(f.engine.logins().login("１９９９９９９", " ｹﾝｾﾂﾀﾛｳ ", INITIAL).firstLogin()).isTrue();
        refused(() -> f.engine.logins().login("1999999", "けんせつ たろう", INITIAL), ErrorCode.INVALID_CREDENTIALS);
    }

    @Test
    @DisplayName("AUTH-1 bad input is INVALID_INPUT naming the field, never an NPE")
    void badInput() {
        assertThatThrownBy(() -> f.engine.logins().login(null, TARO_KANA, INITIAL)).isInstanceOf(Refusal.class)
                .satisfies(e -> assertThat(((Refusal) e).field()).contains("symbolNumber"));
        refused(() -> f.engine.logins().login("abc", TARO_KANA, INITIAL), ErrorCode.INVALID_INPUT);
        refused(() -> f.engine.logins().login("1999999", null, INITIAL), ErrorCode.INVALID_INPUT);
        refused(() -> f.engine.logins().login("1999999", TARO_KANA, null), ErrorCode.INVALID_INPUT);
    }

    @Test
    @DisplayName("AUTH-4 the 3rd consecutive failure locks for 30 minutes; attempts while locked do not extend it")
    void lockout() throws Refusal {
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 1, 10, 10, 0)));
        refused(() -> f.engine.logins().login("1999999", TARO_KANA, "wrong1"), ErrorCode.INVALID_CREDENTIALS);
        refused(() -> f.engine.logins().login("1999999", TARO_KANA, "wrong2"), ErrorCode.INVALID_CREDENTIALS);
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 1, 10, 10, 1)));
        refused(() -> f.engine.logins().login("1999999", TARO_KANA, "wrong3"), ErrorCode.ACCOUNT_LOCKED);
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 1, 10, 10, 20)));
        refused(() -> f.engine.logins().login("1999999", TARO_KANA, "wrong4"), ErrorCode.ACCOUNT_LOCKED);
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 1, 10, 10, 30, 59)));
        refused(() -> f.engine.logins().login("1999999", TARO_KANA, INITIAL), ErrorCode.ACCOUNT_LOCKED);
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 1, 10, 10, 31)));
        assertThat(f.engine.logins().login("1999999", TARO_KANA, INITIAL).firstLogin()).isTrue();
    }

    @Test
    @DisplayName("AUTH-4 ACCOUNT_LOCKED carries the lock's end, both when a failure locks and when the key is locked")
    void lockCarriesItsEnd() {
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 1, 10, 10, 0)));
        refused(() -> f.engine.logins().login("1999999", TARO_KANA, "wrong1"), ErrorCode.INVALID_CREDENTIALS);
        refused(() -> f.engine.logins().login("1999999", TARO_KANA, "wrong2"), ErrorCode.INVALID_CREDENTIALS);
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 1, 10, 10, 1)));
        Instant end = f.instant(LocalDateTime.of(2024, 1, 10, 10, 31));
        Refusal locking = catchRefusal(() -> f.engine.logins().login("1999999", TARO_KANA, "wrong3"));
        assertThat(locking.code()).isEqualTo(ErrorCode.ACCOUNT_LOCKED);
        assertThat(locking.lockedUntil()).contains(end);
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 1, 10, 10, 20)));
        Refusal locked = catchRefusal(() -> f.engine.logins().login("1999999", TARO_KANA, INITIAL));
        assertThat(locked.code()).isEqualTo(ErrorCode.ACCOUNT_LOCKED);
        assertThat(locked.lockedUntil()).contains(end);
        Refusal wrong = catchRefusal(() -> f.engine.logins().login("1999998", TARO_KANA, "x"));
        assertThat(wrong.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(wrong.lockedUntil()).isEmpty();
    }

    private static Refusal catchRefusal(ThrowingCallable call) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(t).isInstanceOf(Refusal.class);
        return (Refusal) t;
    }

    @Test
    @DisplayName("AUTH-4 a success resets the count; the end of a lock resets it too")
    void countResets() throws Refusal {
        refused(() -> f.engine.logins().login("1999999", TARO_KANA, "x1"), ErrorCode.INVALID_CREDENTIALS);
        refused(() -> f.engine.logins().login("1999999", TARO_KANA, "x2"), ErrorCode.INVALID_CREDENTIALS);
        f.engine.logins().login("1999999", TARO_KANA, INITIAL);
        refused(() -> f.engine.logins().login("1999999", TARO_KANA, "x3"), ErrorCode.INVALID_CREDENTIALS);
        refused(() -> f.engine.logins().login("1999999", TARO_KANA, "x4"), ErrorCode.INVALID_CREDENTIALS);
        refused(() -> f.engine.logins().login("1999999", TARO_KANA, "x5"), ErrorCode.ACCOUNT_LOCKED);
        f.clock.add(Duration.ofMinutes(30));
        refused(() -> f.engine.logins().login("1999999", TARO_KANA, "x6"), ErrorCode.INVALID_CREDENTIALS);
        refused(() -> f.engine.logins().login("1999999", TARO_KANA, "x7"), ErrorCode.INVALID_CREDENTIALS);
        refused(() -> f.engine.logins().login("1999999", TARO_KANA, "x8"), ErrorCode.ACCOUNT_LOCKED);
    }

    @Test
    @DisplayName("AUTH-4 unknown symbol numbers fail and lock exactly like wrong passwords")
    void unknownSymbol() {
        refused(() -> f.engine.logins().login("1234567", TARO_KANA, "a"), ErrorCode.INVALID_CREDENTIALS);
        refused(() -> f.engine.logins().login("1234567", TARO_KANA, "b"), ErrorCode.INVALID_CREDENTIALS);
        refused(() -> f.engine.logins().login("1234567", TARO_KANA, "c"), ErrorCode.ACCOUNT_LOCKED);
        refused(() -> f.engine.logins().login("1234567", TARO_KANA, "d"), ErrorCode.ACCOUNT_LOCKED);
    }

    @Test
    @DisplayName("AUTH-5 PW-1 first login: new password, then e-mail; after that booking is allowed and the old password fails")
    void firstLoginFlow() throws Refusal {
        HouseholdSession s = f.engine.logins().login("1999999", TARO_KANA, INITIAL).session();
        refused(() -> f.engine.emails().setEmail(s, TARO, "taro@example.jp", "taro@example.jp"), ErrorCode.PASSWORD_CHANGE_REQUIRED);
        refused(() -> f.engine.emails().skipEmail(s, TARO), ErrorCode.PASSWORD_CHANGE_REQUIRED);
        refused(() -> f.engine.passwords().changePassword(s, HANAKO, INITIAL, PASSWORD, PASSWORD), ErrorCode.REPRESENTATIVE_ONLY);
        f.engine.passwords().changePassword(s, TARO, INITIAL, PASSWORD, PASSWORD);
        assertThat(f.engine.logins().firstLogin(s)).isFalse();
        f.engine.emails().skipEmail(s, TARO);
        refused(() -> f.engine.logins().login("1999999", TARO_KANA, INITIAL), ErrorCode.INVALID_CREDENTIALS);
        assertThat(f.engine.logins().login("1999999", TARO_KANA, PASSWORD).firstLogin()).isFalse();
    }

    @Test
    @DisplayName("PW-1 at least 8 characters with a letter and a digit, at most the policy maximum, not the initial one, confirmed")
    void passwordPolicy() throws Refusal {
        HouseholdSession s = f.engine.logins().login("1999999", TARO_KANA, INITIAL).session();
        for (String bad : new String[] {"abc1234", "abcdefgh", "12345678", "a1".repeat(33), INITIAL}) {
            refused(() -> f.engine.passwords().changePassword(s, TARO, INITIAL, bad, bad), ErrorCode.PASSWORD_POLICY);
        }
        refused(() -> f.engine.passwords().changePassword(s, TARO, INITIAL, PASSWORD, "sakura2025"), ErrorCode.CONFIRMATION_MISMATCH);
        f.engine.passwords().changePassword(s, TARO, INITIAL, "a1".repeat(32), "a1".repeat(32));
        assertThat(f.engine.logins().login("1999999", TARO_KANA, "a1".repeat(32)).firstLogin()).isFalse();
    }

    @Test
    @DisplayName("PW-2 only the representative changes the password, with the current one")
    void changeNeedsCurrent() throws Refusal {
        HouseholdSession s = f.activeSession();
        refused(() -> f.engine.passwords().changePassword(s, TARO, "wrongpass1", "newpass123", "newpass123"),
                ErrorCode.INVALID_CREDENTIALS);
        refused(() -> f.engine.passwords().changePassword(s, HANAKO, PASSWORD, "newpass123", "newpass123"),
                ErrorCode.REPRESENTATIVE_ONLY);
        refused(() -> f.engine.passwords().changePassword(s, Fixtures.UME, PASSWORD, "newpass123", "newpass123"), ErrorCode.FORBIDDEN);
        f.engine.passwords().changePassword(s, TARO, PASSWORD, "newpass123", "newpass123");
        assertThat(f.engine.logins().login("1999999", TARO_KANA, "newpass123").firstLogin()).isFalse();
    }

    @Test
    @DisplayName("PW-2 AUTH-5 in first login the current password is the initial one; any other is INVALID_CREDENTIALS")
    void firstChangeNeedsInitial() throws Refusal {
        HouseholdSession s = f.engine.logins().login("1999999", TARO_KANA, INITIAL).session();

        refused(() -> f.engine.passwords().changePassword(s, TARO, "kenren19600211", PASSWORD, PASSWORD),
                ErrorCode.INVALID_CREDENTIALS);
        assertThat(f.engine.logins().login("1999999", TARO_KANA, INITIAL).firstLogin()).isTrue();
        f.engine.passwords().changePassword(s, TARO, INITIAL, PASSWORD, PASSWORD);
        assertThat(f.engine.logins().login("1999999", TARO_KANA, PASSWORD).firstLogin()).isFalse();
    }

    @Test
    @DisplayName("PW-3 only a salted PBKDF2 hash is stored; the text never appears in it or in toString")
    void storedAsHash() {
        f.activeSession();
        Account acc = f.storage.accounts().find(SYMBOL).orElseThrow();
        String encoded = acc.passwordHash().orElseThrow().encoded();
        assertThat(encoded).startsWith("pbkdf2-sha256$1000$").doesNotContain(PASSWORD);
        assertThat(acc.toString()).doesNotContain(encoded).doesNotContain(PASSWORD);
    }

    @Test
    @DisplayName("PW-3 a login with an old-cost hash rehashes it at the current cost")
    void rehashOnLogin() throws Refusal {
        Pbkdf2PasswordHasher old = Pbkdf2PasswordHasher.insecureForTests(500);
        f.storage.accounts().save(Account.initial(SYMBOL).withPasswordHash(old.hash(PASSWORD)));
        f.engine.logins().login("1999999", TARO_KANA, PASSWORD);
        String encoded = f.storage.accounts().find(SYMBOL).orElseThrow().passwordHash().orElseThrow().encoded();
        assertThat(encoded).startsWith("pbkdf2-sha256$1000$");
        assertThat(f.engine.logins().login("1999999", TARO_KANA, PASSWORD).firstLogin()).isFalse();
    }

    @Test
    @DisplayName("MAIL-ADDR-1 set, change and delete by the representative; notice to the new address only")
    void email() throws Refusal {
        HouseholdSession s = f.activeSession();
        assertThat(mails(NotificationKind.EMAIL_CHANGED)).extracting(Notification::recipient)
                .containsExactly("taro@example.jp");
        f.engine.emails().setEmail(s, TARO, "new@example.co.jp", "new@example.co.jp");
        assertThat(f.engine.emails().email(s)).map(EmailAddress::value).contains("new@example.co.jp");
        assertThat(mails(NotificationKind.EMAIL_CHANGED)).extracting(Notification::recipient)
                .containsExactly("taro@example.jp", "new@example.co.jp");
        f.engine.emails().setEmail(s, TARO, "", "");
        assertThat(f.engine.emails().email(s)).isEmpty();
        assertThat(mails(NotificationKind.EMAIL_CHANGED)).hasSize(2);
    }

    @Test
    @DisplayName("MAIL-ADDR-1 invalid addresses, mismatched confirmation and family members are refused")
    void emailRefusals() {
        HouseholdSession s = f.activeSession();
        for (String bad : new String[] {"taro", "taro@", "@example.jp", "taro@localhost", "taro@example.", "ta ro@example.jp",
                "a@b@example.jp"}) {
            refused(() -> f.engine.emails().setEmail(s, TARO, bad, bad), ErrorCode.INVALID_EMAIL);
        }
        refused(() -> f.engine.emails().setEmail(s, TARO, "a@example.jp", "b@example.jp"), ErrorCode.CONFIRMATION_MISMATCH);
        refused(() -> f.engine.emails().setEmail(s, HANAKO, "a@example.jp", "a@example.jp"), ErrorCode.REPRESENTATIVE_ONLY);
        assertThat(f.engine.emails().email(s)).map(EmailAddress::value).contains("taro@example.jp");
    }

    @Test
    @DisplayName("RESET-1 RESET-2 a reset link works once within 60 minutes, clears a lock, and is stored only hashed")
    void reset() throws Refusal {
        f.activeSession();
        refused(() -> f.engine.logins().login("1999999", TARO_KANA, "bad1"), ErrorCode.INVALID_CREDENTIALS);
        refused(() -> f.engine.logins().login("1999999", TARO_KANA, "bad2"), ErrorCode.INVALID_CREDENTIALS);
        refused(() -> f.engine.logins().login("1999999", TARO_KANA, "bad3"), ErrorCode.ACCOUNT_LOCKED);
        f.engine.resets().requestReset("taro@example.jp");
        Notification mail = mails(NotificationKind.PASSWORD_RESET).get(0);
        String token = mail.get(NotificationData.RESET_TOKEN).orElseThrow();
        assertThat(java.util.Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(16);
        assertThat(mail.get(NotificationData.RESET_EXPIRES_AT)).contains("2024-01-10T11:00");
        assertThat(f.storage.resetTokens().findForUpdate(token)).isEmpty();
        assertThat(f.storage.resetTokens().findForUpdate(ResetToken.hashOf(token))).isPresent();
        f.clock.add(Duration.ofMinutes(59));
        f.engine.resets().resetPassword(token, "1999999", "ケンセツ タロウ", "reset2024x", "reset2024x");
        assertThat(f.engine.logins().login("1999999", TARO_KANA, "reset2024x").firstLogin()).isFalse();
        refused(() -> f.engine.resets().resetPassword(token, "1999999", TARO_KANA, "again2024x", "again2024x"),
                ErrorCode.RESET_TOKEN_INVALID);
    }

    @Test
    @DisplayName("RESET-1 the link expires at issue + 60 minutes; unknown addresses get the same answer and no mail")
    void resetExpiry() throws Refusal {
        f.activeSession();
        f.engine.resets().requestReset("nobody@example.jp");
        f.engine.resets().requestReset("not an address");
        assertThat(mails(NotificationKind.PASSWORD_RESET)).isEmpty();
        f.engine.resets().requestReset("taro@EXAMPLE.jp");
        String token = mails(NotificationKind.PASSWORD_RESET).get(0).get(NotificationData.RESET_TOKEN).orElseThrow();
        f.clock.add(Duration.ofMinutes(60));
        refused(() -> f.engine.resets().resetPassword(token, "1999999", TARO_KANA, "reset2024x", "reset2024x"),
                ErrorCode.RESET_TOKEN_INVALID);
        refused(() -> f.engine.resets().resetPassword("made-up", "1999999", TARO_KANA, "reset2024x", "reset2024x"),
                ErrorCode.RESET_TOKEN_INVALID);
    }

    @Test
    @DisplayName("RESET-2 the 3rd identity mismatch voids the token; policy refusals do not count")
    void resetMismatches() throws Refusal {
        f.activeSession();
        f.engine.resets().requestReset("taro@example.jp");
        String token = mails(NotificationKind.PASSWORD_RESET).get(0).get(NotificationData.RESET_TOKEN).orElseThrow();
        refused(() -> f.engine.resets().resetPassword(token, "1999999", "ｹﾝｾﾂ ﾊﾅｺ", "reset2024x", "reset2024x"),
                ErrorCode.RESET_IDENTITY_MISMATCH);
        refused(() -> f.engine.resets().resetPassword(token, "1888888", TARO_KANA, "reset2024x", "reset2024x"),
                ErrorCode.RESET_IDENTITY_MISMATCH);
        refused(() -> f.engine.resets().resetPassword(token, "1999999", TARO_KANA, "short", "short"), ErrorCode.PASSWORD_POLICY);
        refused(() -> f.engine.resets().resetPassword(token, "1999999", TARO_KANA, "reset2024x", "reset2024y"),
                ErrorCode.CONFIRMATION_MISMATCH);
        refused(() -> f.engine.resets().resetPassword(token, "1999999", "ﾀﾞﾚｶ", "reset2024x", "reset2024x"),
                ErrorCode.RESET_IDENTITY_MISMATCH);
        refused(() -> f.engine.resets().resetPassword(token, "1999999", TARO_KANA, "reset2024x", "reset2024x"),
                ErrorCode.RESET_TOKEN_INVALID);
        assertThat(f.engine.logins().login("1999999", TARO_KANA, PASSWORD).firstLogin()).isFalse();
    }

    @Test
    @DisplayName("RESET-2 AUTH-4 a successful reset lifts a lock at once, not only when the lock ends")
    void resetLiftsLock() throws Refusal {
        f.activeSession();
        refused(() -> f.engine.logins().login("1999999", TARO_KANA, "bad1"), ErrorCode.INVALID_CREDENTIALS);
        refused(() -> f.engine.logins().login("1999999", TARO_KANA, "bad2"), ErrorCode.INVALID_CREDENTIALS);
        refused(() -> f.engine.logins().login("1999999", TARO_KANA, "bad3"), ErrorCode.ACCOUNT_LOCKED);
        f.engine.resets().requestReset("taro@example.jp");
        String token = mails(NotificationKind.PASSWORD_RESET).get(0).get(NotificationData.RESET_TOKEN).orElseThrow();
        f.clock.add(Duration.ofMinutes(1)); // the lock holds for 29 more minutes

        f.engine.resets().resetPassword(token, "1999999", TARO_KANA, "reset2024x", "reset2024x");

        assertThat(f.engine.logins().login("1999999", TARO_KANA, "reset2024x").firstLogin()).isFalse();
    }

    @Test
    @DisplayName("RESET-1 households sharing an address each get a link of their own")
    void resetSharedAddress() throws Refusal {
        f.activeSession();
        HouseholdSession ume = f.otherSession();
        f.engine.emails().setEmail(ume, Fixtures.UME, "taro@example.jp", "taro@example.jp");

        f.engine.resets().requestReset("taro@example.jp");

        List<String> tokens = mails(NotificationKind.PASSWORD_RESET).stream()
                .map(n -> n.get(NotificationData.RESET_TOKEN).orElseThrow()).toList();
        assertThat(tokens).hasSize(2).doesNotHaveDuplicates();
        assertThat(tokens).map(t -> f.storage.resetTokens().findForUpdate(ResetToken.hashOf(t)).orElseThrow().household())
                .containsExactlyInAnyOrder(SYMBOL, Fixtures.OTHER_SYMBOL);
    }

    @Test
    @DisplayName("RESET-1 RESET-2 an account whose household is no longer in the member records gets no link")
    void resetNeedsMemberRecords() throws Refusal {
        f.activeSession();
        f.storage.accounts().save(Account.initial(SymbolNumber.of("1777777"))
                .withEmail(Optional.of(EmailAddress.parse("taro@example.jp"))));

        f.engine.resets().requestReset("taro@example.jp");

        List<Notification> sent = mails(NotificationKind.PASSWORD_RESET);
        assertThat(sent).hasSize(1);
        String token = sent.get(0).get(NotificationData.RESET_TOKEN).orElseThrow();
        assertThat(f.storage.resetTokens().findForUpdate(ResetToken.hashOf(token)).orElseThrow().household())
                .isEqualTo(SYMBOL);
    }

    @Test
    @DisplayName("AUTH-3 the initial password of a representative is kenren and the birth date as yyyyMMdd")
    void initialPasswordOfRepresentative() {
        assertThat(f.engine.passwords().initialPassword(f.directory.find(SYMBOL).orElseThrow().representative()))
                .isEqualTo("kenren19600210");
    }

    @Test
    @DisplayName("MAIL-ADDR-1 a blank address deletes only with a blank confirmation; otherwise CONFIRMATION_MISMATCH")
    void deleteNeedsBlankConfirmation() throws Refusal {
        HouseholdSession s = f.activeSession();

        refused(() -> f.engine.emails().setEmail(s, TARO, " ", "taro@example.jp"), ErrorCode.CONFIRMATION_MISMATCH);
        assertThat(f.engine.emails().email(s)).map(EmailAddress::value).contains("taro@example.jp");

        f.engine.emails().setEmail(s, TARO, " ", "");
        assertThat(f.engine.emails().email(s)).isEmpty();
    }

    @Test
    @DisplayName("HH-2 one password per household: any member's selection uses it, and the e-mail is the household's")
    void householdWide() throws Refusal {
        HouseholdSession s = f.activeSession();
        assertThat(f.engine.emails().email(s)).isPresent();
        assertThat(f.engine.logins().login("1999999", TARO_KANA, PASSWORD).session().household()).isEqualTo(SYMBOL);
        assertThat(f.storage.accounts().findByEmail(new EmailAddress("taro@example.jp")))
                .extracting(Account::household).containsExactly(SYMBOL);
    }
}
