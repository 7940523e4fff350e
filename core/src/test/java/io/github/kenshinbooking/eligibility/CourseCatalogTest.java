package io.github.kenshinbooking.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CourseCatalogTest {
    private static final OptionId MAMMO = OptionId.of("mammo");
    private static final OptionId XRAY = OptionId.of("stomach-xray");
    private static final OptionId SCOPE = OptionId.of("stomach-scope");
    private static final LocalDate EXAM = LocalDate.of(2024, 6, 16);
    private static final Member HANAKO = new Member(MemberId.of("h"), KanaName.of("ﾊﾅｺ"), "花子",
            LocalDate.of(1964, 8, 3), Sex.F, LocalDate.of(1990, 1, 1), Optional.empty(), false);
    private final CourseCatalog catalog = CourseCatalog.builder()
            .option(ExamOption.of(MAMMO, "マンモグラフィ").forSex(Sex.F).withInterval(1))
            .option(ExamOption.of(XRAY, "胃部X線").inGroup(ExclusiveGroup.of("stomach")))
            .option(ExamOption.of(SCOPE, "胃内視鏡").inGroup(ExclusiveGroup.of("stomach"))).build();

    @Test
    @DisplayName("CRS-1 none() is the manual's setting: the default course 特定健診 only, no optional test")
    void none() {
        assertThat(CourseCatalog.none().courses()).containsExactly(Course.DEFAULT);
        assertThat(Course.DEFAULT.family()).isEqualTo(CourseFamily.DEFAULT);
        assertThat(CourseCatalog.none().options()).isEmpty();
    }

    @Test
    @DisplayName("OPT-1 隔年: taken in the previous fiscal year refuses it; two years before does not")
    void interval() {
        assertThat(catalog.firstIneligible(HANAKO, CourseId.DEFAULT, List.of(MAMMO), EXAM,
                Map.of(FiscalYear.of(2023), Set.of(MAMMO)))).contains(MAMMO);
        assertThat(catalog.firstIneligible(HANAKO, CourseId.DEFAULT, List.of(MAMMO), EXAM,
                Map.of(FiscalYear.of(2022), Set.of(MAMMO)))).isEmpty();
    }

    @Test
    @DisplayName("OPT-1 one test of an exclusive group: the second in code order is named; an unknown test is refused")
    void groupAndUnknown() {
        assertThat(catalog.firstIneligible(HANAKO, CourseId.DEFAULT, List.of(XRAY, SCOPE), EXAM, Map.of()))
                .contains(XRAY);
        assertThat(catalog.firstIneligible(HANAKO, CourseId.DEFAULT, List.of(OptionId.of("nope")), EXAM, Map.of()))
                .contains(OptionId.of("nope"));
    }

    @Test
    @DisplayName("OPT-1 a test requiring a course the catalog does not define is a configuration error")
    void unknownRequiredCourse() {
        assertThatThrownBy(() -> CourseCatalog.builder()
                .option(ExamOption.of(MAMMO, "マンモグラフィ").requiringCourse(Set.of(CourseId.of("x")))).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CourseId.of("has space")).isInstanceOf(IllegalArgumentException.class);
    }
}
