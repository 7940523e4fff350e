package io.github.kenshinbooking.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** HH-1's value types at their documented bounds. */
class HouseholdValuesTest {
    private static final LocalDate FROM = LocalDate.of(1990, 3, 1);

    private static Member member(String id, boolean representative, Optional<LocalDate> until) {
        return new Member(MemberId.of(id), KanaName.of("ｹﾝｾﾂ ﾀﾛｳ"), "建設 太郎", LocalDate.of(1960, 2, 10), Sex.M,
                FROM, until, representative);
    }

    @Test
    @DisplayName("HH-1 a symbol number is 1 to 20 ASCII digits")
    void symbolNumber() throws Refusal {
        assertThat(SymbolNumber.of("1").value()).isEqualTo("1");
        assertThat(SymbolNumber.of("1".repeat(20)).value()).hasSize(20);
        assertThat(SymbolNumber.of("1999999")).hasToString("1999999");
        for (String bad : new String[] {"", "1".repeat(21), "199999/", "199999:", "１９９"}) {
            assertThatThrownBy(() -> SymbolNumber.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        // typed input: full-width digits and surrounding spaces are fine, other characters are INVALID_INPUT
        assertThat(SymbolNumber.parse(" １９９９９９９\u3000", Refusal.FIELD_SYMBOL_NUMBER).value()).isEqualTo("1999999");
        assertThatThrownBy(() -> SymbolNumber.parse("1999-999", Refusal.FIELD_SYMBOL_NUMBER))
                .isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }

    @Test
    @DisplayName("a member id is 1 to 64 characters, not blank, and prints as itself")
    void memberId() {
        assertThat(MemberId.of("x".repeat(64)).value()).hasSize(64);
        assertThat(MemberId.of("1999999-01")).hasToString("1999999-01");
        assertThatThrownBy(() -> MemberId.of("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MemberId.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MemberId.of("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("HH-1 a qualification may end on the day it began, not before; an open one has no end")
    void qualificationDates() {
        assertThat(member("a", true, Optional.of(FROM)).qualifiedUntil()).contains(FROM);
        assertThat(member("a", true, Optional.empty()).qualifiedUntil()).isEmpty();
        assertThatThrownBy(() -> member("a", true, Optional.of(FROM.minusDays(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("HH-1 two members with one id are refused even with one representative")
    void duplicateIds() {
        assertThatThrownBy(() -> Household.of(SymbolNumber.of("1999999"),
                List.of(member("1999999-01", true, Optional.empty()), member("1999999-01", false, Optional.empty()))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Household.of(SymbolNumber.of("1999999"), List.of(member("1999999-01", true, Optional.empty()),
                member("1999999-02", false, Optional.empty()))).members()).hasSize(2);
    }

    @Test
    @DisplayName("AUTH-2 a kana name of spaces only is blank and refused")
    void blankKana() {
        assertThatThrownBy(() -> KanaName.of(" \u3000 ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KanaName.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(KanaName.of(" ｱ ").matchKey()).isEqualTo("ア");
    }
}
