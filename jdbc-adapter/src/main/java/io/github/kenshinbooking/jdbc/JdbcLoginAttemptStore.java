package io.github.kenshinbooking.jdbc;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.account.LoginAttemptStore;
import io.github.kenshinbooking.account.LoginAttempts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * {@link LoginAttemptStore} over {@code kb_login_attempt}. {@link #findForUpdate} inside a unit of
 * work first makes sure the key's row exists, then locks it, so even a key never seen before
 * serializes concurrent attempts. Internal.
 */
final class JdbcLoginAttemptStore implements LoginAttemptStore {
    private static final int MAX_KEY = 64;

    private final Transactions tx;

    JdbcLoginAttemptStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public LoginAttempts find(String key) {
        requireNonNull(key, "key");
        if (key.length() > MAX_KEY) {
            return LoginAttempts.none(); // no stored key is that long
        }
        return tx.read("find login attempts", c -> select(c, key, false));
    }

    @Override
    public LoginAttempts findForUpdate(String key) {
        requireNonNull(key, "key");
        if (!tx.inUnitOfWork() || key.length() > MAX_KEY) {
            return find(key);
        }
        // on MariaDB INSERT IGNORE of an existing key takes a shared lock, and the FOR UPDATE after
        // it would then deadlock with every other waiter: a no-op update takes the row lock at once
        String insert = tx.dialect() == Dialect.MARIADB
                ? "INSERT INTO kb_login_attempt (login_key, failures) VALUES (?, ?) ON DUPLICATE KEY UPDATE login_key = login_key"
                : tx.dialect().insertIgnore("kb_login_attempt", "login_key, failures", 2);
        return tx.write("lock login attempts", c -> {
            InsertIgnore.run(tx.dialect(), c, insert, ps -> {
                ps.setString(1, key);
                ps.setInt(2, 0);
            });
            return select(c, key, true);
        });
    }

    @Override
    public void save(String key, LoginAttempts attempts) {
        checkKey(key);
        requireNonNull(attempts, "attempts");
        String sql = tx.dialect().upsert("kb_login_attempt", new String[] {"login_key"},
                new String[] {"login_key", "failures", "locked_until"});
        tx.write("save login attempts", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, key);
                ps.setInt(2, attempts.consecutiveFailures());
                Jdbc.setInstant(ps, 3, attempts.lockedUntil().orElse(null));
                return ps.executeUpdate();
            }
        });
    }

    private static void checkKey(String key) {
        requireNonNull(key, "key");
        Jdbc.fits(key, MAX_KEY, "login key");
    }

    private static LoginAttempts select(Connection c, String key, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT failures, locked_until FROM kb_login_attempt"
                + " WHERE login_key = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return LoginAttempts.none();
                }
                return new LoginAttempts(rs.getInt("failures"), Optional.ofNullable(Jdbc.getInstant(rs, "locked_until")));
            }
        }
    }
}
