package io.github.kenshinbooking.jdbc;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.account.ResetToken;
import io.github.kenshinbooking.account.ResetTokenStore;
import io.github.kenshinbooking.household.SymbolNumber;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@link ResetTokenStore} over {@code kb_reset_token}, by token hash; the raw token is never stored. Internal. */
final class JdbcResetTokenStore implements ResetTokenStore {
    private static final int MAX_HASH = 128;
    private static final String[] COLUMNS =
            {"token_hash", "household", "issued_at", "expires_at", "identity_mismatches", "used"};

    private final Transactions tx;

    JdbcResetTokenStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(ResetToken token) {
        requireNonNull(token, "token");
        Jdbc.fits(token.tokenHash(), MAX_HASH, "token hash");
        tx.write("add reset token", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kb_reset_token (" + String.join(", ", COLUMNS)
                    + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                bind(ps, token);
                return ps.executeUpdate();
            } catch (SQLException e) {
                if (SqlErrors.isUniqueViolation(e, null)) {
                    throw new IllegalStateException("duplicate reset token", e);
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<ResetToken> findForUpdate(String tokenHash) {
        requireNonNull(tokenHash, "tokenHash");
        if (tokenHash.length() > MAX_HASH) {
            return Optional.empty(); // no stored hash is that long
        }
        String lock = tx.inUnitOfWork() ? " FOR UPDATE" : "";
        return tx.read("find reset token", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + String.join(", ", COLUMNS) + " FROM kb_reset_token WHERE token_hash = ?" + lock)) {
                ps.setString(1, tokenHash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new ResetToken(rs.getString("token_hash"),
                            SymbolNumber.of(rs.getString("household")), Jdbc.getInstant(rs, "issued_at"),
                            Jdbc.getInstant(rs, "expires_at"), rs.getInt("identity_mismatches"),
                            rs.getBoolean("used")));
                }
            }
        });
    }

    @Override
    public void update(ResetToken token) {
        requireNonNull(token, "token");
        Jdbc.fits(token.tokenHash(), MAX_HASH, "token hash");
        String sql = tx.dialect().upsert("kb_reset_token", new String[] {"token_hash"}, COLUMNS);
        tx.write("update reset token", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, token);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public int voidAllOf(SymbolNumber household) {
        requireNonNull(household, "household");
        return tx.write("void reset tokens", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE kb_reset_token SET used = ? WHERE household = ? AND used = ?")) {
                ps.setBoolean(1, true);
                ps.setString(2, household.value());
                ps.setBoolean(3, false);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Instant> lastIssuedAt(SymbolNumber household) {
        requireNonNull(household, "household");
        return tx.read("last reset token", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MAX(issued_at) AS last_issued FROM kb_reset_token WHERE household = ?")) {
                ps.setString(1, household.value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Optional.ofNullable(Jdbc.getInstant(rs, "last_issued"));
                }
            }
        });
    }

    private static void bind(PreparedStatement ps, ResetToken t) throws SQLException {
        ps.setString(1, t.tokenHash());
        ps.setString(2, t.household().value());
        Jdbc.setInstant(ps, 3, t.issuedAt());
        Jdbc.setInstant(ps, 4, t.expiresAt());
        ps.setInt(5, t.identityMismatches());
        ps.setBoolean(6, t.used());
    }
}
