package io.github.kenshinbooking.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.policy.PasswordPolicy;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PW-1 at its boundaries: the default policy, 8 to 64 characters, an ASCII letter and a digit. */
class PasswordRulesTest {
    private static final String INITIAL = "kenren19600210";
    private final PasswordRules rules = new PasswordRules(PasswordPolicy.defaults());

    private void ok(String password) {
        assertThatCode(() -> rules.checkNew(password, password, INITIAL)).doesNotThrowAnyException();
    }

    private static void refused(ThrowingCallable call, ErrorCode code, String field) {
        assertThatThrownBy(call).isInstanceOf(Refusal.class).satisfies(e -> {
            Refusal r = (Refusal) e;
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.field()).contains(field);
        });
    }

    private void breaksPolicy(String password) {
        refused(() -> rules.checkNew(password, password, INITIAL), ErrorCode.PASSWORD_POLICY, PasswordRules.NEW_FIELD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaa0", "zzzzzzz9", "AAAAAAA0", "ZZZZZZZ9", "a1!!!!!!", "0000000z", "9999999A"})
    @DisplayName("PW-1 eight characters with the first or last ASCII letter and digit are accepted")
    void lettersAndDigitsAtTheirEdges(String password) {
        ok(password);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "@@@@@@@1", "[[[[[[[1", "```````1", "{{{{{{{1",   // the characters next to A, Z, a, z: no letter
        "aaaaaaa/", "aaaaaaa:",                             // the characters next to 0 and 9: no digit
        "ａａａａａａａ１",                                    // full-width letters and digits are not ASCII
        "abcdefgh", "12345678"})
    @DisplayName("PW-1 no ASCII letter or no ASCII digit breaks the rule")
    void letterAndDigitNeeded(String password) {
        breaksPolicy(password);
    }

    @Test
    @DisplayName("PW-1 8 characters are enough, 7 are not; 64 are allowed, 65 are not")
    void lengthBounds() {
        ok("abcdef12");
        breaksPolicy("abcde12");
        ok("a1" + "x".repeat(62));
        breaksPolicy("a1" + "x".repeat(63));
    }

    @Test
    @DisplayName("PW-1 the length counts characters, not UTF-16 units: 8 with supplementary characters are enough")
    void lengthInCharacters() {
        ok("a1\uD842\uDFB7\uD842\uDFB7\uD842\uDFB7\uD842\uDFB7\uD842\uDFB7\uD842\uDFB7"); // a1 and 6 × 𠮷
        breaksPolicy("a1\uD842\uDFB7\uD842\uDFB7\uD842\uDFB7\uD842\uDFB7\uD842\uDFB7");  // 7 characters, 12 units
        breaksPolicy("a1" + "\uD842\uDFB7".repeat(63));                                  // 65 characters
    }

    @Test
    @DisplayName("PW-1 the initial password is refused; a differing confirmation answers CONFIRMATION_MISMATCH")
    void initialAndConfirmation() {
        refused(() -> rules.checkNew(INITIAL, INITIAL, INITIAL), ErrorCode.PASSWORD_POLICY, PasswordRules.NEW_FIELD);
        refused(() -> rules.checkNew("sakura2024", "sakura2025", INITIAL), ErrorCode.CONFIRMATION_MISMATCH,
                PasswordRules.CONFIRM_FIELD);
        // a policy break is answered before a confirmation mismatch
        refused(() -> rules.checkNew("short1", "other", INITIAL), ErrorCode.PASSWORD_POLICY, PasswordRules.NEW_FIELD);
    }
}
