package io.github.kenshinbooking.jdbc;

import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.HouseholdDirectory;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A directory as an integrator writes one over the union's member table: every call borrows a
 * connection of its own from the pool (it cannot join the library's transaction), checks the
 * kb_household table on it, returns it, then answers from the records.
 */
final class OwnConnectionDirectory implements HouseholdDirectory {
    private final DataSource dataSource;
    private final HouseholdDirectory records;

    OwnConnectionDirectory(DataSource dataSource, HouseholdDirectory records) {
        this.dataSource = dataSource;
        this.records = records;
    }

    @Override
    public Optional<Household> find(SymbolNumber symbolNumber) {
        return ownConnection(symbolNumber.value(), () -> records.find(symbolNumber));
    }

    @Override
    public Optional<Household> findByMember(MemberId memberId) {
        return ownConnection(memberId.value(), () -> records.findByMember(memberId));
    }

    private Optional<Household> ownConnection(String key, Supplier<Optional<Household>> answer) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM kb_household WHERE symbol_number = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("directory could not get its own connection", e);
        }
        return answer.get();
    }
}
