package io.github.kenshinbooking.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V9's {@code kana_key}: written with each member, and a member written before V9 (no key) is still found by
 * the kana search, until a put of its household writes the key.
 */
class KanaSearchMigrationTest {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.H2, 4);

    @Test
    @DisplayName("STAFF-1 a member without a kana key (written before V9) is found by the kana search; a put writes its key")
    void membersBeforeV9() throws Exception {
        JdbcStorage storage = DB.get().reset(false);
        JdbcHouseholdDirectory directory = JdbcHouseholdDirectory.of(storage);
        Household h = Household.of(SymbolNumber.of("1999999"), List.of(new Member(MemberId.of("1999999-00"),
                KanaName.of("ｹﾝｾﾂ ﾀﾛｳ"), "建設 太郎", LocalDate.of(1960, 2, 10), Sex.M, LocalDate.of(1990, 3, 1),
                Optional.empty(), true)));
        directory.put(h);
        assertThat(key()).isEqualTo("ケンセツタロウ");

        try (Connection c = storage.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE kb_member SET kana_key = NULL");
        }
        assertThat(directory.findByKana("ケンセツ", 10)).containsExactly(h);
        directory.put(h);
        assertThat(key()).isEqualTo("ケンセツタロウ");
    }

    private static String key() throws Exception {
        try (Connection c = DB.get().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT kana_key FROM kb_member")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
