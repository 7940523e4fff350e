package io.github.kenshinbooking.memory;

import static io.github.kenshinbooking.Fixtures.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The in-memory member records (HH-1): households by symbol number, members by id. */
class InMemoryHouseholdDirectoryTest {
    private static final SymbolNumber TARO_HH = SymbolNumber.of("1999999");
    private static final SymbolNumber UME_HH = SymbolNumber.of("1888888");
    private static final Member TARO = member(MemberId.of("1999999-01"), "ｹﾝｾﾂ ﾀﾛｳ", "建設 太郎",
            LocalDate.of(1960, 2, 10), Sex.M, true, LocalDate.of(1990, 3, 1));
    private static final Member HANAKO = member(MemberId.of("1999999-02"), "ｹﾝｾﾂ ﾊﾅｺ", "建設 花子",
            LocalDate.of(1964, 8, 3), Sex.F, false, LocalDate.of(1999, 6, 2));
    private static final Member UME = member(MemberId.of("1888888-01"), "ｳﾒﾀﾞ ｳﾒ", "梅田 うめ",
            LocalDate.of(1950, 5, 5), Sex.F, true, LocalDate.of(1980, 4, 1));

    private final InMemoryHouseholdDirectory directory = new InMemoryHouseholdDirectory();

    @Test
    @DisplayName("HH-1 a household is found by its symbol number and by each of its members")
    void put() {
        Household taro = Household.of(TARO_HH, List.of(TARO, HANAKO));

        assertThat(directory.put(taro)).isSameAs(directory);

        assertThat(directory.find(TARO_HH)).contains(taro);
        assertThat(directory.findByMember(HANAKO.id())).contains(taro);
        assertThat(directory.findByMember(UME.id())).isEmpty();
        assertThat(directory.find(UME_HH)).isEmpty();
    }

    @Test
    @DisplayName("HH-1 a replacement without a member drops it; the dropped member may join another household")
    void replace() {
        directory.put(Household.of(TARO_HH, List.of(TARO, HANAKO)));
        Household smaller = Household.of(TARO_HH, List.of(TARO));

        directory.put(smaller);

        assertThat(directory.find(TARO_HH)).contains(smaller);
        assertThat(directory.findByMember(TARO.id())).contains(smaller);
        assertThat(directory.findByMember(HANAKO.id())).isEmpty();
        Household moved = Household.of(UME_HH, List.of(UME, HANAKO));
        directory.put(moved);
        assertThat(directory.findByMember(HANAKO.id())).contains(moved);
    }

    @Test
    @DisplayName("HH-1 a member of another household is refused and nothing changes")
    void memberOfAnother() {
        Household taro = Household.of(TARO_HH, List.of(TARO, HANAKO));
        directory.put(taro);

        assertThatThrownBy(() -> directory.put(Household.of(UME_HH, List.of(UME, HANAKO))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(directory.find(UME_HH)).isEmpty();
        assertThat(directory.findByMember(UME.id())).isEmpty();
        assertThat(directory.findByMember(HANAKO.id())).contains(taro);
    }
}
