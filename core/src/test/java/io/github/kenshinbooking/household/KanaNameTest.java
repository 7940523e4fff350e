package io.github.kenshinbooking.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KanaNameTest {
    @Test
    @DisplayName("AUTH-2 half-width, full-width and unspaced forms match; hiragana does not")
    void variants() {
        KanaName taro = KanaName.of("ｹﾝｾﾂ ﾀﾛｳ");
        assertThat(taro.matches("ケンセツ　タロウ")).isTrue();
        assertThat(taro.matches("ケンセツタロウ")).isTrue();
        assertThat(taro.matches("ｹﾝｾﾂﾀﾛｳ")).isTrue();
        assertThat(KanaName.of("ｹﾝｾﾂ ｼﾞﾛｳ").matches("ケンセツ ジロウ")).isTrue();
        assertThat(taro.matches("けんせつ たろう")).isFalse();
        assertThat(taro.matches("ｹﾝｾﾂ ﾊﾅｺ")).isFalse();
        assertThat(taro.matches(null)).isFalse();
    }

    @Test
    @DisplayName("HH-1 a household has exactly one representative and unique member ids")
    void household() {
        Member rep = new Member(MemberId.of("a"), KanaName.of("ｱ"), "亜", LocalDate.of(1960, 1, 1), Sex.M,
                LocalDate.of(1990, 1, 1), Optional.empty(), true);
        Member fam = new Member(MemberId.of("b"), KanaName.of("ｲ"), "伊", LocalDate.of(1962, 1, 1), Sex.F,
                LocalDate.of(1990, 1, 1), Optional.empty(), false);
        assertThat(Household.of(SymbolNumber.of("123"), List.of(rep, fam)).representative()).isEqualTo(rep);
        assertThatThrownBy(() -> Household.of(SymbolNumber.of("123"), List.of(fam)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Household.of(SymbolNumber.of("123"), List.of(rep, rep)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SymbolNumber.of("12a")).isInstanceOf(IllegalArgumentException.class);
    }
}
