package io.github.kenshinbooking.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.error.AgeLimit;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.policy.UnionPolicy;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EligibilityTest {
    private final Eligibility eligibility = new Eligibility(UnionPolicy.defaults());

    private static Member born(LocalDate birth, LocalDate from, LocalDate until) {
        return new Member(MemberId.of("m"), KanaName.of("ｶﾅ"), "名", birth, Sex.F, from, Optional.ofNullable(until), false);
    }

    @Test
    @DisplayName("ELIG-1 the fiscal year runs 1 April to 31 March; the exam date decides")
    void fiscalYear() {
        assertThat(FiscalYear.containing(LocalDate.of(2024, 4, 1))).isEqualTo(FiscalYear.of(2024));
        assertThat(FiscalYear.containing(LocalDate.of(2025, 3, 31))).isEqualTo(FiscalYear.of(2024));
        assertThat(FiscalYear.containing(LocalDate.of(2024, 3, 31))).isEqualTo(FiscalYear.of(2023));
        assertThat(FiscalYear.of(2024).firstDay()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(FiscalYear.of(2024).lastDay()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(FiscalYear.of(2024).toString()).isEqualTo("FY2024");
    }

    @Test
    @DisplayName("ELIG-2 eligible if attaining 40 within the fiscal year, e.g. born 1985-03-31 for FY2024")
    void attains40() {
        LocalDate exam = LocalDate.of(2024, 6, 1);
        LocalDate from = LocalDate.of(2000, 1, 1);
        // FY2024 ends 2025-03-31: born on or before 1985-04-01 attains 40 within it
        assertThat(eligibility.isEligible(born(LocalDate.of(1985, 3, 31), from, null), exam)).isTrue();
        assertThat(eligibility.isEligible(born(LocalDate.of(1985, 4, 1), from, null), exam)).isTrue();
        assertThat(eligibility.ageEligible(born(LocalDate.of(1985, 4, 2), from, null).birthDate(), exam)).isFalse();
    }

    @Test
    @DisplayName("ELIG-2 the age limit at the bounds: attaining 40 within the fiscal year is not too young; 75 on the exam date is too old")
    void ageLimitAtTheBounds() {
        LocalDate exam = LocalDate.of(2024, 6, 1);
        // FY2024 ends 2025-03-31: born 1985-04-01 attains 40 on it (the day before the birthday), 1985-04-02 does not
        assertThat(eligibility.ageLimit(LocalDate.of(1985, 4, 1), exam)).isEmpty();
        assertThat(eligibility.ageLimit(LocalDate.of(1985, 4, 2), exam)).contains(AgeLimit.TOO_YOUNG);
        // 74 the day before the 75th birthday, 75 on it
        assertThat(eligibility.ageLimit(LocalDate.of(1949, 6, 2), exam)).isEmpty();
        assertThat(eligibility.ageLimit(LocalDate.of(1949, 6, 1), exam)).contains(AgeLimit.TOO_OLD);
        assertThat(eligibility.ageEligible(LocalDate.of(1949, 6, 1), exam)).isFalse();
        assertThat(eligibility.ageEligible(LocalDate.of(1985, 4, 1), exam)).isTrue();
    }

    @Test
    @DisplayName("ELIG-2 born 1 April counts in the earlier fiscal year under Japanese law")
    void bornFirstApril() {
        // born 1985-04-01 attains 40 at the end of 2025-03-31: inside FY2024
        assertThat(JapaneseAge.attainedWithin(FiscalYear.of(2024), LocalDate.of(1985, 4, 1))).isEqualTo(40);
        assertThat(JapaneseAge.attainedWithin(FiscalYear.of(2024), LocalDate.of(1985, 4, 2))).isEqualTo(39);
    }

    @Test
    @DisplayName("ELIG-2 under 75 on the exam date: taro (1960-02-10) until 2035-02-09 only")
    void under75() {
        Member taro = born(LocalDate.of(1960, 2, 10), LocalDate.of(1990, 3, 1), null);
        assertThat(eligibility.isEligible(taro, LocalDate.of(2035, 2, 9))).isTrue();
        assertThat(eligibility.ageEligible(taro.birthDate(), LocalDate.of(2035, 2, 10))).isFalse();
    }

    @Test
    @DisplayName("ELIG-2 born 29 February is handled by the same formula")
    void leapDay() {
        LocalDate birth = LocalDate.of(1984, 2, 29);
        // turns 40 on 2024-02-29 (leap): FY2023 (ends 2024-03-31) is the first eligible year
        assertThat(eligibility.ageEligible(birth, LocalDate.of(2024, 3, 1))).isTrue();
        assertThat(eligibility.ageEligible(birth, LocalDate.of(2023, 3, 31))).isFalse();
        // 75 on 2059-03-01 in ordinary counting (2059 is not a leap year)
        assertThat(eligibility.ageEligible(birth, LocalDate.of(2059, 2, 28))).isTrue();
        assertThat(eligibility.ageEligible(birth, LocalDate.of(2059, 3, 1))).isFalse();
    }

    @Test
    @DisplayName("ELIG-3 qualified on the exam date: from <= exam < until")
    void qualification() {
        Member ume = born(LocalDate.of(1950, 5, 5), LocalDate.of(1980, 4, 1), LocalDate.of(2024, 1, 1));
        assertThat(eligibility.isEligible(ume, LocalDate.of(2023, 12, 31))).isTrue();
        assertThat(Eligibility.qualifiedOn(ume, LocalDate.of(2024, 1, 1))).isFalse();
        Member fresh = born(LocalDate.of(1960, 1, 1), LocalDate.of(2024, 2, 18), null);
        assertThat(eligibility.isEligible(fresh, LocalDate.of(2024, 2, 18))).isTrue();
        assertThat(Eligibility.qualifiedOn(fresh, LocalDate.of(2024, 2, 17))).isFalse();
        Member youngAndUnqualified = born(LocalDate.of(2000, 1, 1), LocalDate.of(2030, 1, 1), null);
        assertThat(eligibility.ageEligible(youngAndUnqualified.birthDate(), LocalDate.of(2024, 2, 18))).isFalse();
    }

    @Test
    @DisplayName("SUB-1 the subsidy needs attaining 16 within the fiscal year")
    void subsidyAge() {
        assertThat(eligibility.subsidyEligible(LocalDate.of(2009, 4, 1), FiscalYear.of(2024))).isTrue();
        assertThat(eligibility.subsidyEligible(LocalDate.of(2009, 4, 2), FiscalYear.of(2024))).isFalse();
    }

    @Test
    @DisplayName("ELIG-2 ELIG-3 a member too young, too old or not qualified on the exam date is not eligible")
    void notEligible() {
        LocalDate exam = LocalDate.of(2024, 6, 1);
        LocalDate from = LocalDate.of(2000, 1, 1);
        assertThat(eligibility.isEligible(born(LocalDate.of(1985, 4, 2), from, null), exam)).isFalse();
        assertThat(eligibility.isEligible(born(LocalDate.of(1949, 6, 1), from, null), exam)).isFalse();
        assertThat(eligibility.isEligible(born(LocalDate.of(1960, 2, 10), from, exam), exam)).isFalse();
        assertThat(eligibility.isEligible(born(LocalDate.of(1960, 2, 10), exam.plusDays(1), null), exam)).isFalse();
    }

    @Test
    @DisplayName("the ordinary age counts full years since birth; before the birth date it is -1")
    void ageOn() {
        LocalDate taro = LocalDate.of(1960, 2, 10);
        assertThat(JapaneseAge.ageOn(taro, LocalDate.of(2024, 2, 9))).isEqualTo(63);
        assertThat(JapaneseAge.ageOn(taro, LocalDate.of(2024, 2, 10))).isEqualTo(64);
        assertThat(JapaneseAge.ageOn(taro, taro)).isZero();
        assertThat(JapaneseAge.ageOn(taro, taro.minusDays(1))).isEqualTo(-1);
    }

    @Test
    @DisplayName("ELIG-1 fiscal years 1900 to 9998 exist and are ordered by their start year")
    void fiscalYearRange() {
        assertThat(FiscalYear.of(1900).firstDay()).isEqualTo(LocalDate.of(1900, 4, 1));
        assertThat(FiscalYear.of(9998).lastDay()).isEqualTo(LocalDate.of(9999, 3, 31));
        assertThatThrownBy(() -> FiscalYear.of(1899)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FiscalYear.of(9999)).isInstanceOf(IllegalArgumentException.class);
        assertThat(FiscalYear.of(2023)).isLessThan(FiscalYear.of(2024));
        assertThat(FiscalYear.of(2025)).isGreaterThan(FiscalYear.of(2024));
        assertThat(FiscalYear.of(2024).compareTo(FiscalYear.of(2024))).isZero();
        assertThat(FiscalYear.of(2024).contains(LocalDate.of(2025, 3, 31))).isTrue();
        assertThat(FiscalYear.of(2024).contains(LocalDate.of(2025, 4, 1))).isFalse();
        assertThat(FiscalYear.of(2024).contains(LocalDate.of(2024, 3, 31))).isFalse();
    }
}
