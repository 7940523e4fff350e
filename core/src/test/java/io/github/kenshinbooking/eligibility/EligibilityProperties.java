package io.github.kenshinbooking.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.policy.UnionPolicy;
import java.time.LocalDate;
import java.time.Month;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * ELIG-2 and SUB-1 against an independent statement of the legal age rule: a person attains age N
 * when the day before their N-th birthday ends (年齢計算ニ関スル法律, 民法143条); someone born on
 * 29 February has, in common years, their birthday on 1 March. So "attains N within the fiscal
 * year" is "the N-th birthday is on or before 1 April after the year", and "under 75 on the exam
 * date" is "the 75th birthday is after the exam date".
 */
class EligibilityProperties {
    private final Eligibility eligibility = new Eligibility(UnionPolicy.defaults());

    static LocalDate birthday(LocalDate birth, int age) {
        int year = birth.getYear() + age;
        if (birth.getMonth() == Month.FEBRUARY && birth.getDayOfMonth() == 29 && !java.time.Year.isLeap(year)) {
            return LocalDate.of(year, 3, 1);
        }
        return LocalDate.of(year, birth.getMonth(), birth.getDayOfMonth());
    }

    @Provide
    Arbitrary<LocalDate> births() {
        Arbitrary<LocalDate> any = Arbitraries.integers().between(0, 365 * 90)
                .map(d -> LocalDate.of(1930, 1, 1).plusDays(d));
        Arbitrary<LocalDate> edges = Arbitraries.integers().between(1930, 2020).flatMap(y -> Arbitraries.of(
                LocalDate.of(y, 4, 1), LocalDate.of(y, 4, 2), LocalDate.of(y, 3, 31), LocalDate.of(y, 2, 28),
                LocalDate.of(y, 3, 1)));
        Arbitrary<LocalDate> leap = Arbitraries.integers().between(1932, 2020).filter(java.time.Year::isLeap)
                .map(y -> LocalDate.of(y, 2, 29));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, any), net.jqwik.api.Tuple.of(3, edges),
                net.jqwik.api.Tuple.of(2, leap));
    }

    @Provide
    Arbitrary<LocalDate> exams() {
        Arbitrary<LocalDate> any = Arbitraries.integers().between(0, 365 * 40).map(d -> LocalDate.of(2000, 1, 1).plusDays(d));
        Arbitrary<LocalDate> edges = Arbitraries.integers().between(2000, 2040).flatMap(y -> Arbitraries.of(
                LocalDate.of(y, 3, 31), LocalDate.of(y, 4, 1), LocalDate.of(y, 2, 28), LocalDate.of(y, 3, 1)));
        return Arbitraries.oneOf(any, edges);
    }

    @Property(tries = 3000)
    @Label("ELIG-2 eligibility agrees with the legal age rule, 29 February and 1 April included")
    void age(@ForAll("births") LocalDate birth, @ForAll("exams") LocalDate exam) {
        FiscalYear fy = FiscalYear.containing(exam);
        boolean attains40 = !birthday(birth, 40).isAfter(fy.endExclusive());
        boolean under75 = birthday(birth, 75).isAfter(exam);
        assertThat(eligibility.ageEligible(birth, exam)).isEqualTo(attains40 && under75);
    }

    @Property(tries = 2000)
    @Label("SUB-1 subsidy age agrees with the legal age rule")
    void subsidyAge(@ForAll("births") LocalDate birth, @ForAll("exams") LocalDate exam) {
        FiscalYear fy = FiscalYear.containing(exam);
        assertThat(eligibility.subsidyEligible(birth, fy)).isEqualTo(!birthday(birth, 16).isAfter(fy.endExclusive()));
    }

    @Property(tries = 2000)
    @Label("ELIG-1 every date is in exactly the fiscal year containing it")
    void fiscalYear(@ForAll("exams") LocalDate date) {
        FiscalYear fy = FiscalYear.containing(date);
        assertThat(fy.contains(date)).isTrue();
        assertThat(new FiscalYear(fy.startYear() + 1).contains(date)).isFalse();
        assertThat(new FiscalYear(fy.startYear() - 1).contains(date)).isFalse();
    }
}
