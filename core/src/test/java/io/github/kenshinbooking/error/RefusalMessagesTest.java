package io.github.kenshinbooking.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.policy.AgePolicy;
import io.github.kenshinbooking.policy.UnionPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RefusalMessagesTest {
    private static final RefusalMessages MESSAGES = RefusalMessages.defaults(UnionPolicy.defaults());

    private static ResourceBundle bundle(String properties) throws IOException {
        return new PropertyResourceBundle(new StringReader(properties));
    }

    private static ResourceBundle library() throws IOException {
        try (InputStream in = RefusalMessages.class.getResourceAsStream("messages.properties")) {
            return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    @Test
    @DisplayName("every ErrorCode has a non-blank Japanese message with every placeholder filled")
    void everyCode() throws IOException {
        ResourceBundle library = library();
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(library.containsKey(code.name())).as(code.name()).isTrue();
            String message = MESSAGES.message(Refusal.of(code));
            assertThat(message).as(code.name()).isNotBlank().doesNotContain("{").doesNotContain("}")
                    .doesNotContain(code.name());
        }
    }

    @Test
    @DisplayName("every FIELD_ constant of Refusal has a Japanese label")
    void everyField() {
        assertThat(RefusalMessages.fieldNames()).isNotEmpty();
        for (String field : RefusalMessages.fieldNames()) {
            assertThat(MESSAGES.fieldLabel(field)).as(field).isNotBlank().isNotEqualTo(field);
        }
        assertThat(MESSAGES.fieldLabel(Refusal.FIELD_SYMBOL_NUMBER)).isEqualTo("記号番号");
        assertThat(MESSAGES.fieldLabel("noSuchField")).isEqualTo("noSuchField");
    }

    @Test
    @DisplayName("the library's bundle has no key that names no code, variant, field or format (typo guard)")
    void noUnknownKeys() throws IOException {
        assertThat(RefusalMessages.unknownKeys(library())).isEmpty();
        assertThat(RefusalMessages.unknownKeys(bundle("SLOT_FUL=x\nfield.symbolNumbr=y\nSLOT_FULL=z\n")))
                .containsExactly("SLOT_FUL", "field.symbolNumbr");
    }

    @Test
    @DisplayName("AUTH-4 ACCOUNT_LOCKED shows the lock's end in the union's zone; without it, the policy's minutes")
    void lockEnd() {
        String message = MESSAGES.message(Refusal.accountLocked(Instant.parse("2024-01-10T01:30:00Z")));
        assertThat(message).contains("2024年1月10日 10:30").contains("ログインに連続して失敗したため");
        RefusalMessages utc = RefusalMessages.defaults(UnionPolicy.builder().zone(ZoneId.of("UTC")).build());
        assertThat(utc.message(Refusal.accountLocked(Instant.parse("2024-01-10T01:30:00Z"))))
                .contains("2024年1月10日 01:30");
        assertThat(MESSAGES.message(Refusal.of(ErrorCode.ACCOUNT_LOCKED))).contains("30分");
    }

    @Test
    @DisplayName("INVALID_INPUT shows the field's Japanese label")
    void invalidInputField() {
        assertThat(MESSAGES.message(Refusal.invalidInput(Refusal.FIELD_SYMBOL_NUMBER, "digits only")))
                .isEqualTo("記号番号を正しくご入力ください。");
        assertThat(MESSAGES.message(Refusal.invalidInput(Refusal.FIELD_KANA, "required"))).startsWith("組合員フリガナ");
        assertThat(MESSAGES.message(Refusal.onField(ErrorCode.INVALID_CREDENTIALS, Refusal.FIELD_CURRENT, null)))
                .startsWith("現在のパスワード");
    }

    @Test
    @DisplayName("ELIG-2 too young and too old give different messages with the policy's ages")
    void ages() {
        String young = MESSAGES.message(Refusal.notEligibleAge(AgeLimit.TOO_YOUNG));
        String old = MESSAGES.message(Refusal.notEligibleAge(AgeLimit.TOO_OLD));
        assertThat(young).isNotEqualTo(old).contains("年度内に40歳に達しない").contains("40歳から74歳まで");
        assertThat(old).contains("75歳以上").contains("40歳から74歳まで");
        RefusalMessages other = RefusalMessages.defaults(UnionPolicy.builder().ages(new AgePolicy(35, 70, 16)).build());
        assertThat(other.message(Refusal.notEligibleAge(AgeLimit.TOO_YOUNG))).contains("35歳に達しない")
                .contains("35歳から69歳まで");
        assertThat(other.message(Refusal.notEligibleAge(AgeLimit.TOO_OLD))).contains("70歳以上");
    }

    @Test
    @DisplayName("PW-1 PASSWORD_POLICY shows the policy's minimum length")
    void passwordLength() {
        assertThat(MESSAGES.message(Refusal.onField(ErrorCode.PASSWORD_POLICY, Refusal.FIELD_NEW, null)))
                .contains("英数混在8文字以上");
    }

    @Test
    @DisplayName("a union's bundle replaces the messages it names and leaves the others")
    void overrides() throws IOException {
        RefusalMessages union = MESSAGES.withOverrides(bundle(
                "SLOT_FULL=満員です({1}歳以上が対象)\nfield.symbolNumber=保険証の記号番号\nformat.dateTime=M/d H:mm\n"));
        assertThat(union.message(Refusal.of(ErrorCode.SLOT_FULL))).isEqualTo("満員です(40歳以上が対象)");
        assertThat(union.message(Refusal.invalidInput(Refusal.FIELD_SYMBOL_NUMBER, null)))
                .isEqualTo("保険証の記号番号を正しくご入力ください。");
        assertThat(union.message(Refusal.accountLocked(Instant.parse("2024-01-10T01:30:00Z")))).contains("1/10 10:30");
        for (ErrorCode code : ErrorCode.values()) {
            if (code != ErrorCode.SLOT_FULL) {
                assertThat(union.message(Refusal.of(code))).as(code.name())
                        .isEqualTo(MESSAGES.message(Refusal.of(code)));
            }
        }
        assertThat(MESSAGES.message(Refusal.of(ErrorCode.SLOT_FULL))).startsWith("定員に達したため");
    }
}
