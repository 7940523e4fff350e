package io.github.kenshinbooking.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "a@b.co.jp",
        "taro@example.jp",
        "taro.kensetsu+kenshin@mail.example.co.jp",
        "a@xn--eckwd4c7c.xn--zckzah",      // punycode IDN
        "a@例え.テスト",                     // IDN in Unicode: accepted as given (SMTPUTF8 servers take it)
        "a@my-host.example.jp",
        "a@1host.example.jp",              // a label may start with a digit, only the top-level one may not
    })
    @DisplayName("MAIL-ADDR-1 valid domains are accepted")
    void accepted(String address) throws Refusal {
        assertThat(EmailAddress.valid(address)).isTrue();
        assertThat(EmailAddress.parse(address).value()).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a@localhost",                     // no dot: local domains are refused by MAIL-ADDR-1
        "a@example",                       // no dot
        "a@example.jp.",                   // trailing dot (empty last label)
        "a@.example.jp",                   // empty first label
        "a@example..jp",                   // empty label
        "a@-example.jp",                   // leading hyphen
        "a@example-.jp",                   // trailing hyphen
        "a@example.-jp",
        "a@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.jp", // label of 64 characters
        "a@example.123",                   // numeric top-level label
        "a@192.168.0.1",                   // IP address, not a domain name
        "a@ex!ample.jp",                   // character not allowed in a domain name
        "a@ex_ample.jp_",                  // underscore in the top-level label
        "a@例え。テスト",                     // ideographic full stop, no ASCII dot
    })
    @DisplayName("MAIL-ADDR-1 invalid domains are refused with INVALID_EMAIL")
    void refused(String address) {
        assertThat(EmailAddress.valid(address)).isFalse();
        assertThatThrownBy(() -> EmailAddress.parse(address)).isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).code()).isEqualTo(ErrorCode.INVALID_EMAIL);
        assertThatThrownBy(() -> new EmailAddress(address)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij"
            + "abcdefghij" + "abc.jp"})
    @DisplayName("MAIL-ADDR-1 a label of exactly 63 characters is accepted")
    void longestLabel(String address) {
        assertThat(EmailAddress.valid(address)).isTrue();
    }

    @Test
    @DisplayName("MAIL-ADDR-1 an address of 254 characters is accepted, one of 255 is not")
    void longestAddress() {
        // 64 + 1 + 189 and 64 + 1 + 190 characters, every domain label at most 63 long
        String local = "a".repeat(64);
        String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(58) + ".jp";
        String longest = local + "@" + domain;
        String tooLong = local + "@" + domain.replace(".jp", "d.jp");

        assertThat(longest).hasSize(254);
        assertThat(tooLong).hasSize(255);
        assertThat(EmailAddress.valid(longest)).isTrue();
        assertThat(EmailAddress.valid(tooLong)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "@example.jp",                      // no local part
        "a@",                               // no domain
        "a@b@example.jp",                   // two @
        "ta ro@example.jp",                 // white space
        "ta\u3000ro@example.jp",           // ideographic space
        "ta\u007fro@example.jp",           // DEL
        "ta\u0001ro@example.jp",           // a control character
        "ta<ro@example.jp", "ta>ro@example.jp", "ta,ro@example.jp", "ta;ro@example.jp", "ta\"ro@example.jp",
        "ta\\ro@example.jp",
    })
    @DisplayName("MAIL-ADDR-1 a malformed local part or a missing part is refused")
    void malformed(String address) {
        assertThat(EmailAddress.valid(address)).isFalse();
        assertThatThrownBy(() -> EmailAddress.parse(address)).isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).code()).isEqualTo(ErrorCode.INVALID_EMAIL);
    }

    @Test
    @DisplayName("MAIL-ADDR-1 no address at all is refused with INVALID_EMAIL on field email")
    void missing() {
        assertThat(EmailAddress.valid(null)).isFalse();
        Refusal r = catchThrowableOfType(Refusal.class, () -> EmailAddress.parse(null));
        assertThat(r.code()).isEqualTo(ErrorCode.INVALID_EMAIL);
        assertThat(r.field()).contains(Refusal.FIELD_EMAIL);
    }

    @Test
    @DisplayName("MAIL-ADDR-1 parse strips surrounding white space as typed; valid takes the text as it is")
    void stripped() throws Refusal {
        assertThat(EmailAddress.parse(" taro@example.jp\u3000").value()).isEqualTo("taro@example.jp");
        assertThat(EmailAddress.valid(" taro@example.jp")).isFalse();
    }

    @Test
    @DisplayName("an address prints as the address itself, not as a record")
    void printsAsItself() throws Refusal {
        assertThat(EmailAddress.parse("taro@example.jp")).hasToString("taro@example.jp");
    }
}
