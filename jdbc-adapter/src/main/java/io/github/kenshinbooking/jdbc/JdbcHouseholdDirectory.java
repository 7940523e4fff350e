package io.github.kenshinbooking.jdbc;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.HouseholdDirectory;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The union's member records (HH-1) in the tables {@code household} and {@code member} of the
 * same migrations, for unions that keep them in the booking database. Reads inside a
 * {@link JdbcStorage} unit of work over the same data source use its connection. {@link #put}
 * loads master data. Immutable and thread-safe.
 */
public final class JdbcHouseholdDirectory implements HouseholdDirectory {
    private static final String MEMBER_COLUMNS = "id, household, ordinal, kana, name, birth_date, sex,"
            + " qualified_from, qualified_until, representative";

    private final Transactions tx;

    private JdbcHouseholdDirectory(Transactions tx) {
        this.tx = tx;
    }

    /**
     * A directory over the data source, its dialect detected from the database's metadata.
     *
     * @param dataSource the database holding the migrated schema
     * @return a new directory
     * @throws io.github.kenshinbooking.error.InfrastructureException if that fails
     */
    public static JdbcHouseholdDirectory create(DataSource dataSource) {
        return create(dataSource, JdbcStorage.detect(requireNonNull(dataSource, "dataSource")));
    }

    /**
     * A directory over the data source in the given dialect.
     *
     * @param dataSource the database holding the migrated schema
     * @param dialect    the database's dialect
     * @return a new directory
     */
    public static JdbcHouseholdDirectory create(DataSource dataSource, Dialect dialect) {
        return new JdbcHouseholdDirectory(
                new Transactions(requireNonNull(dataSource, "dataSource"), dialect, JdbcStorage.DEFAULT_MAX_RETRIES));
    }

    /**
     * A directory over the storage's data source and dialect.
     *
     * @param storage the storage whose data source and dialect are used
     * @return a new directory
     */
    public static JdbcHouseholdDirectory of(JdbcStorage storage) {
        return create(storage.dataSource(), storage.dialect());
    }

    /**
     * Adds or replaces a household and its members, atomically. A member id may belong to one
     * household only.
     *
     * @param household the household with all its members (HH-1)
     * @return this directory
     * @throws IllegalArgumentException if a member belongs to another household, or a value is
     *     longer than its column
     */
    public JdbcHouseholdDirectory put(Household household) {
        requireNonNull(household, "household");
        household.branchNumber().ifPresent(b -> Jdbc.fits(b, 64, "branch number"));
        household.address().ifPresent(a -> Jdbc.fits(a, 1000, "address"));
        for (Member m : household.members()) {
            Jdbc.fits(m.kana().value(), 200, "kana name");
            Jdbc.fits(m.name(), 200, "name");
        }
        String upsert = tx.dialect().upsert("kb_household", new String[] {"symbol_number"},
                new String[] {"symbol_number", "branch_number", "address"});
        tx.write("put household", c -> {
            String symbol = household.symbolNumber().value();
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM kb_member WHERE household = ?")) {
                ps.setString(1, symbol);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(upsert)) {
                ps.setString(1, symbol);
                Jdbc.setText(ps, 2, household.branchNumber().orElse(null));
                Jdbc.setText(ps, 3, household.address().orElse(null));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kb_member (" + MEMBER_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int ordinal = 0;
                for (Member m : household.members()) {
                    ps.setString(1, m.id().value());
                    ps.setString(2, symbol);
                    ps.setInt(3, ordinal++);
                    ps.setString(4, m.kana().value());
                    ps.setString(5, m.name());
                    Jdbc.setDate(ps, 6, m.birthDate());
                    ps.setString(7, m.sex().name());
                    Jdbc.setDate(ps, 8, m.qualifiedFrom());
                    Jdbc.setDate(ps, 9, m.qualifiedUntil().orElse(null));
                    ps.setBoolean(10, m.representative());
                    try {
                        ps.executeUpdate();
                    } catch (SQLException e) {
                        if (SqlErrors.isUniqueViolation(e, null)) {
                            throw new IllegalArgumentException("member " + m.id() + " belongs to another household", e);
                        }
                        throw e;
                    }
                }
            }
            return null;
        });
        return this;
    }

    @Override
    public Optional<Household> find(SymbolNumber symbolNumber) {
        requireNonNull(symbolNumber, "symbolNumber");
        return tx.read("find household", c -> load(c, symbolNumber.value()));
    }

    @Override
    public Optional<Household> findByMember(MemberId memberId) {
        requireNonNull(memberId, "memberId");
        return tx.read("find household of member", c -> {
            String symbol;
            try (PreparedStatement ps = c.prepareStatement("SELECT household FROM kb_member WHERE id = ?")) {
                ps.setString(1, memberId.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    symbol = rs.getString(1);
                }
            }
            return load(c, symbol);
        });
    }

    private static Optional<Household> load(Connection c, String symbol) throws SQLException {
        Optional<String> branch;
        Optional<String> address;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT branch_number, address FROM kb_household WHERE symbol_number = ?")) {
            ps.setString(1, symbol);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                branch = Optional.ofNullable(rs.getString("branch_number"));
                address = Optional.ofNullable(rs.getString("address"));
            }
        }
        List<Member> members = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + MEMBER_COLUMNS + " FROM kb_member WHERE household = ? ORDER BY ordinal")) {
            ps.setString(1, symbol);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    members.add(new Member(MemberId.of(rs.getString("id")), KanaName.of(rs.getString("kana")),
                            rs.getString("name"), Jdbc.getDate(rs, "birth_date"), Sex.valueOf(rs.getString("sex")),
                            Jdbc.getDate(rs, "qualified_from"),
                            Optional.ofNullable(Jdbc.getDate(rs, "qualified_until")),
                            rs.getBoolean("representative")));
                }
            }
        }
        return Optional.of(new Household(SymbolNumber.of(symbol), branch, address, members));
    }
}
