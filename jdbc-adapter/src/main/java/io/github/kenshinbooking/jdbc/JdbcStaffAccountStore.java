package io.github.kenshinbooking.jdbc;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.staff.StaffAccount;
import io.github.kenshinbooking.staff.StaffAccountStore;
import io.github.kenshinbooking.staff.StaffRole;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link StaffAccountStore} over the {@code kb_staff_account} table. Internal. */
final class JdbcStaffAccountStore implements StaffAccountStore {
    private static final String COLUMNS = "staff_id, display_name, role, password_hash, enabled";

    private final Transactions tx;

    JdbcStaffAccountStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<StaffAccount> find(StaffId id) {
        requireNonNull(id, "id");
        return tx.read("find staff account", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM kb_staff_account WHERE staff_id = ?")) {
                ps.setString(1, id.value());
                List<StaffAccount> l = list(ps);
                return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
            }
        });
    }

    @Override
    public boolean add(StaffAccount account) {
        requireNonNull(account, "account");
        Jdbc.fits(account.passwordHash().encoded(), 512, "password hash");
        String sql = tx.dialect().insertIgnore("kb_staff_account", COLUMNS, 5);
        return tx.write("add staff account", c -> InsertIgnore.run(tx.dialect(), c, sql, ps -> bind(ps, account)));
    }

    @Override
    public boolean update(StaffAccount account) {
        requireNonNull(account, "account");
        Jdbc.fits(account.passwordHash().encoded(), 512, "password hash");
        return tx.write("update staff account", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE kb_staff_account SET display_name = ?, role = ?,"
                    + " password_hash = ?, enabled = ? WHERE staff_id = ?")) {
                ps.setString(1, account.displayName());
                ps.setString(2, account.role().name());
                ps.setString(3, account.passwordHash().encoded());
                ps.setBoolean(4, account.enabled());
                ps.setString(5, account.id().value());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<StaffAccount> findAll() {
        List<StaffAccount> out = tx.read("find staff accounts", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM kb_staff_account")) {
                return list(ps);
            }
        });
        // sorted here: the database's collation need not order ids as Java does
        out.sort(Comparator.comparing(a -> a.id().value()));
        return out;
    }

    private static void bind(PreparedStatement ps, StaffAccount a) throws SQLException {
        ps.setString(1, a.id().value());
        ps.setString(2, a.displayName());
        ps.setString(3, a.role().name());
        ps.setString(4, a.passwordHash().encoded());
        ps.setBoolean(5, a.enabled());
    }

    private static List<StaffAccount> list(PreparedStatement ps) throws SQLException {
        List<StaffAccount> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StaffAccount(new StaffId(rs.getString("staff_id")), rs.getString("display_name"),
                        StaffRole.valueOf(rs.getString("role")), new PasswordHash(rs.getString("password_hash")),
                        rs.getBoolean("enabled")));
            }
        }
        return out;
    }
}
