package io.github.kenshinbooking.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Runs a {@link Dialect#insertIgnore} statement; answers whether it inserted the row. Internal. */
final class InsertIgnore {
    private InsertIgnore() {
    }

    static boolean run(Dialect dialect, Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            // H2 has no insert-or-ignore that waits for a concurrent holder; its unique violation
            // leaves the transaction usable
            if (dialect == Dialect.H2 && SqlErrors.isUniqueViolation(e, null)) {
                return false;
            }
            throw e;
        }
    }
}
