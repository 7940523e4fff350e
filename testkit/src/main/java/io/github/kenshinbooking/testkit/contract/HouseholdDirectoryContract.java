package io.github.kenshinbooking.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.HouseholdDirectory;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of a writable {@link HouseholdDirectory} (HH-1): extend it with the adapter's factory
 * for a fresh, empty directory and its way to load a household.
 *
 * <p>It checks that a household (世帯) reads back by symbol number (記号番号) and by any member with
 * every member field, members in the order given; that unknown symbol numbers and members find
 * nothing; that putting a household again replaces it, members left out included; and that putting
 * a member into a second household throws {@link IllegalArgumentException} and changes nothing.
 */
public abstract class HouseholdDirectoryContract {
    /** The symbol number (記号番号) of the household the contract loads. */
    protected static final SymbolNumber SYMBOL = SymbolNumber.of("1999999");

    /** The directory under test, fresh for each test. */
    protected HouseholdDirectory directory;

    /**
     * A new, empty directory of the adapter under test; called before each test.
     *
     * @return a directory holding no household, not shared with any directory returned before
     */
    protected abstract HouseholdDirectory createDirectory();

    /**
     * Adds or replaces the household in the directory, the adapter's way; atomically.
     *
     * @param directory the directory from {@link #createDirectory()}
     * @param household the household with all its members
     * @throws IllegalArgumentException if a member belongs to another household; nothing is changed
     */
    protected abstract void put(HouseholdDirectory directory, Household household);

    @BeforeEach
    void freshDirectory() {
        directory = createDirectory();
    }

    /**
     * A member born 1975-04-01, male, qualified since 2000-04-01 without end.
     *
     * @param id             the member id
     * @param kana           the kana name
     * @param name           the kanji name
     * @param representative whether the member is the representative (代表者)
     * @return the member
     */
    protected static Member member(String id, String kana, String name, boolean representative) {
        return new Member(MemberId.of(id), KanaName.of(kana), name, LocalDate.of(1975, 4, 1), Sex.M,
                LocalDate.of(2000, 4, 1), Optional.empty(), representative);
    }

    private static Household kensetsu() {
        Member taro = member("1999999-00", "ｹﾝｾﾂ ﾀﾛｳ", "建設 太郎", true);
        Member hanako = new Member(MemberId.of("1999999-01"), KanaName.of("ケンセツ　ハナコ"), "建設 花子",
                LocalDate.of(1980, 2, 29), Sex.F, LocalDate.of(2005, 6, 1), Optional.of(LocalDate.of(2025, 3, 31)),
                false);
        return new Household(SYMBOL, Optional.of("012"), Optional.of("福岡県那珂川市 1-2-3 'A'棟"),
                List.of(hanako, taro));
    }

    @Test
    @DisplayName("HH-1 a household reads back with every member field, in the order given")
    void putFind() {
        Household h = kensetsu();
        put(directory, h);
        assertThat(directory.find(SYMBOL)).contains(h);
        assertThat(directory.find(SYMBOL).orElseThrow().representative().name()).isEqualTo("建設 太郎");
    }

    @Test
    @DisplayName("HH-1 a household is found by any of its members")
    void findByMember() {
        Household h = kensetsu();
        put(directory, h);
        assertThat(directory.findByMember(MemberId.of("1999999-01"))).contains(h);
        assertThat(directory.findByMember(MemberId.of("1999999-00"))).contains(h);
        assertThat(directory.findByMember(MemberId.of("1999999-02"))).isEmpty();
    }

    @Test
    @DisplayName("HH-1 unknown symbol numbers and members find nothing")
    void unknown() {
        put(directory, kensetsu());
        assertThat(directory.find(SymbolNumber.of("2888888"))).isEmpty();
        assertThat(directory.findByMember(MemberId.of("' OR 1=1 --"))).isEmpty();
    }

    @Test
    @DisplayName("HH-1 putting a household again replaces it; members left out are gone")
    void replace() {
        put(directory, kensetsu());
        Household smaller = Household.of(SYMBOL, List.of(member("1999999-00", "ｹﾝｾﾂ ﾀﾛｳ", "建設 太郎", true)));
        put(directory, smaller);

        assertThat(directory.find(SYMBOL)).contains(smaller);
        assertThat(directory.findByMember(MemberId.of("1999999-01"))).isEmpty();
    }

    @Test
    @DisplayName("HH-1 a member belongs to one household: putting them into another is refused and changes nothing")
    void memberInOneHousehold() {
        Household h = kensetsu();
        put(directory, h);
        Household other = Household.of(SymbolNumber.of("2888888"),
                List.of(member("2888888-00", "ﾀﾅｶ ｼﾞﾛｳ", "田中 次郎", true), member("1999999-01", "ｹﾝｾﾂ ﾊﾅｺ", "建設 花子", false)));

        assertThatThrownBy(() -> put(directory, other)).isInstanceOf(IllegalArgumentException.class);
        assertThat(directory.find(SymbolNumber.of("2888888"))).isEmpty();
        assertThat(directory.findByMember(MemberId.of("2888888-00"))).isEmpty();
        assertThat(directory.findByMember(MemberId.of("1999999-01"))).contains(h);
    }
}
