package io.github.kenshinbooking.jdbc;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.storage.HouseholdRegistry;
import io.github.kenshinbooking.storage.UnitOfWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The union's member records (HH-1) in the tables {@code household} and {@code member} of the
 * same migrations, for unions that keep them in the booking database. Reads inside a
 * {@link JdbcStorage} unit of work over the same data source use its connection. {@link #put}
 * loads master data; as a {@link HouseholdRegistry} it takes the member import (DATA-3) in batches,
 * its unit of work one transaction. Immutable and thread-safe.
 */
public final class JdbcHouseholdDirectory implements HouseholdRegistry {
    /** The width of {@code kb_member.kana_key}; a longer key is left out and checked in Java. */
    private static final int KANA_KEY_LENGTH = 200;
    private static final String MEMBER_COLUMNS = "id, household, ordinal, kana, name, birth_date, sex,"
            + " qualified_from, qualified_until, representative";

    /** The most values in one IN list. */
    private static final int MAX_IN = 500;

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
        putAll(List.of(household));
        return this;
    }

    @Override
    public UnitOfWork unitOfWork() {
        return tx;
    }

    /**
     * {@inheritDoc} Three batched statements per call: the old members deleted, the households
     * upserted, the new members inserted.
     *
     * @throws IllegalArgumentException also if a value is longer than its column
     */
    @Override
    public void putAll(Collection<Household> households) {
        requireNonNull(households, "households");
        Set<String> symbols = new LinkedHashSet<>();
        for (Household household : households) {
            requireNonNull(household, "household");
            if (!symbols.add(household.symbolNumber().value())) {
                throw new IllegalArgumentException("household " + household.symbolNumber() + " given twice");
            }
            household.branchNumber().ifPresent(b -> Jdbc.fits(b, 64, "branch number"));
            household.address().ifPresent(a -> Jdbc.fits(a, 1000, "address"));
            for (Member m : household.members()) {
                Jdbc.fits(m.kana().value(), 200, "kana name");
                Jdbc.fits(m.name(), 200, "name");
            }
        }
        if (households.isEmpty()) {
            return;
        }
        String upsert = tx.dialect().upsert("kb_household", new String[] {"symbol_number"},
                new String[] {"symbol_number", "branch_number", "address"});
        tx.write("put households", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM kb_member WHERE household = ?")) {
                for (String symbol : symbols) {
                    ps.setString(1, symbol);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(upsert)) {
                for (Household household : households) {
                    ps.setString(1, household.symbolNumber().value());
                    Jdbc.setText(ps, 2, household.branchNumber().orElse(null));
                    Jdbc.setText(ps, 3, household.address().orElse(null));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kb_member (" + MEMBER_COLUMNS
                    + ", kana_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Household household : households) {
                    int ordinal = 0;
                    for (Member m : household.members()) {
                        ps.setString(1, m.id().value());
                        ps.setString(2, household.symbolNumber().value());
                        ps.setInt(3, ordinal++);
                        ps.setString(4, m.kana().value());
                        ps.setString(5, m.name());
                        Jdbc.setDate(ps, 6, m.birthDate());
                        ps.setString(7, m.sex().name());
                        Jdbc.setDate(ps, 8, m.qualifiedFrom());
                        Jdbc.setDate(ps, 9, m.qualifiedUntil().orElse(null));
                        ps.setBoolean(10, m.representative());
                        String key = m.kana().matchKey();
                        Jdbc.setText(ps, 11, key.length() <= KANA_KEY_LENGTH ? key : null);
                        ps.addBatch();
                    }
                }
                try {
                    ps.executeBatch();
                } catch (SQLException e) {
                    if (SqlErrors.isUniqueViolation(e, null)) {
                        throw new IllegalArgumentException("a member belongs to another household", e);
                    }
                    throw e;
                }
            }
            return null;
        });
    }

    /** {@inheritDoc} One statement per 500 ids. */
    @Override
    public Map<MemberId, Member> findMembers(Collection<MemberId> memberIds) {
        List<String> ids = distinct(memberIds.stream().map(MemberId::value).toList());
        return tx.read("find members", c -> {
            Map<MemberId, Member> out = new HashMap<>();
            for (List<String> chunk : chunks(ids)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + MEMBER_COLUMNS
                        + " FROM kb_member WHERE id IN (" + in(chunk.size()) + ")")) {
                    bind(ps, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Member m = member(rs);
                            out.put(m.id(), m);
                        }
                    }
                }
            }
            return out;
        });
    }

    /** {@inheritDoc} Two statements per 500 symbol numbers. */
    /**
     * {@inheritDoc} Narrowed by the indexed {@code kana_key} column (V9) with a prefix {@code LIKE}; members
     * written before V9 (no key yet) and a collation that matches more than the key does are checked
     * against the key in Java, so every store answers alike.
     */
    @Override
    public List<Household> findByKana(String kanaPrefix, int limit) {
        String key = HouseholdRegistry.kanaSearchKey(kanaPrefix, limit);
        String like = key.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        Set<SymbolNumber> found = new LinkedHashSet<>();
        tx.read("find households by kana", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT household, kana FROM kb_member"
                    + " WHERE kana_key LIKE ? ESCAPE '!' OR kana_key IS NULL ORDER BY household")) {
                ps.setString(1, like);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && found.size() < limit) {
                        if (KanaName.matchKey(rs.getString("kana")).startsWith(key)) {
                            found.add(SymbolNumber.of(rs.getString("household")));
                        }
                    }
                }
            }
            return null;
        });
        Map<SymbolNumber, Household> households = findAll(found);
        return found.stream().map(households::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public Map<SymbolNumber, Household> findAll(Collection<SymbolNumber> symbolNumbers) {
        List<String> symbols = distinct(symbolNumbers.stream().map(SymbolNumber::value).toList());
        return tx.read("find households", c -> {
            Map<SymbolNumber, Household> out = new HashMap<>();
            for (List<String> chunk : chunks(symbols)) {
                Map<String, String[]> heads = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT symbol_number, branch_number, address"
                        + " FROM kb_household WHERE symbol_number IN (" + in(chunk.size()) + ")")) {
                    bind(ps, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            heads.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                        }
                    }
                }
                Map<String, List<Member>> members = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT " + MEMBER_COLUMNS
                        + " FROM kb_member WHERE household IN (" + in(chunk.size()) + ") ORDER BY household, ordinal")) {
                    bind(ps, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            members.computeIfAbsent(rs.getString("household"), k -> new ArrayList<>()).add(member(rs));
                        }
                    }
                }
                for (Map.Entry<String, String[]> h : heads.entrySet()) {
                    SymbolNumber s = SymbolNumber.of(h.getKey());
                    out.put(s, new Household(s, Optional.ofNullable(h.getValue()[0]), Optional.ofNullable(h.getValue()[1]),
                            members.getOrDefault(h.getKey(), List.of())));
                }
            }
            return out;
        });
    }

    /** {@inheritDoc} One statement per 500 ids. */
    @Override
    public Map<MemberId, SymbolNumber> householdsOf(Collection<MemberId> members) {
        List<String> ids = distinct(members.stream().map(MemberId::value).toList());
        return tx.read("find households of members", c -> {
            Map<MemberId, SymbolNumber> out = new HashMap<>();
            for (List<String> chunk : chunks(ids)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id, household FROM kb_member WHERE id IN ("
                        + in(chunk.size()) + ")")) {
                    bind(ps, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(MemberId.of(rs.getString(1)), SymbolNumber.of(rs.getString(2)));
                        }
                    }
                }
            }
            return out;
        });
    }

    private static List<String> distinct(List<String> values) {
        return new ArrayList<>(new LinkedHashSet<>(values));
    }

    private static List<List<String>> chunks(List<String> values) {
        List<List<String>> out = new ArrayList<>();
        for (int from = 0; from < values.size(); from += MAX_IN) {
            out.add(values.subList(from, Math.min(values.size(), from + MAX_IN)));
        }
        return out;
    }

    private static String in(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement ps, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setString(i + 1, values.get(i));
        }
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
                    members.add(member(rs));
                }
            }
        }
        return Optional.of(new Household(SymbolNumber.of(symbol), branch, address, members));
    }

    private static Member member(ResultSet rs) throws SQLException {
        return new Member(MemberId.of(rs.getString("id")), KanaName.of(rs.getString("kana")), rs.getString("name"),
                Jdbc.getDate(rs, "birth_date"), Sex.valueOf(rs.getString("sex")), Jdbc.getDate(rs, "qualified_from"),
                Optional.ofNullable(Jdbc.getDate(rs, "qualified_until")), rs.getBoolean("representative"));
    }
}
