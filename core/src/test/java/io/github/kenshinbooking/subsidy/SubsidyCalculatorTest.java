package io.github.kenshinbooking.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.policy.UnionPolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubsidyCalculatorTest {
    private final SubsidyCalculator calc = new SubsidyCalculator(UnionPolicy.defaults());

    @ParameterizedTest(name = "cost {0} -> {1}")
    @CsvSource({"0,0", "12999,12999", "13000,13000", "13001,13000", "18572,13000", "18573,13001", "30000,21000",
            "42857,29999", "42858,30000", "42859,30000", "100000,30000"})
    @DisplayName("SUB-2 the bracket table")
    void brackets(long cost, long expected) throws Refusal {
        assertThat(calc.subsidy(cost)).isEqualTo(expected);
    }

    @Test
    @DisplayName("SUB-2 a negative cost is INVALID_AMOUNT")
    void negative() {
        assertThatThrownBy(() -> calc.subsidy(-1)).isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).code()).isEqualTo(ErrorCode.INVALID_AMOUNT);
    }

    @Test
    @DisplayName("SUB-2 huge costs do not overflow")
    void huge() throws Refusal {
        assertThat(calc.subsidy(Long.MAX_VALUE)).isEqualTo(30_000);
    }
}
