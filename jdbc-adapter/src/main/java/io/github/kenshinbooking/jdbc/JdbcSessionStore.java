package io.github.kenshinbooking.jdbc;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.account.SessionStore;
import io.github.kenshinbooking.account.StoredSession;
import io.github.kenshinbooking.household.SymbolNumber;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link SessionStore} over {@code kb_session}, by token hash; the raw token is never stored. An
 * ended session is a deleted row. {@link #resume} is one conditional {@code UPDATE} (alive and
 * not yet used later) followed by a read in the same transaction: the update's row lock orders it
 * against a concurrent logout or second resume, so neither can revive or extend an ended session.
 * Internal.
 */
final class JdbcSessionStore implements SessionStore {
    private static final int MAX_HASH = 128;
    private static final String COLUMNS = "token_hash, household, created_at, last_used_at";

    private final Transactions tx;

    JdbcSessionStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(StoredSession session) {
        requireNonNull(session, "session");
        Jdbc.fits(session.tokenHash(), MAX_HASH, "token hash");
        tx.write("add session", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO kb_session (" + COLUMNS + ") VALUES (?, ?, ?, ?)")) {
                ps.setString(1, session.tokenHash());
                ps.setString(2, session.household().value());
                Jdbc.setInstant(ps, 3, session.createdAt());
                Jdbc.setInstant(ps, 4, session.lastUsedAt());
                return ps.executeUpdate();
            } catch (SQLException e) {
                if (SqlErrors.isUniqueViolation(e, null)) {
                    throw new IllegalStateException("duplicate session token", e);
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<StoredSession> find(String tokenHash) {
        requireNonNull(tokenHash, "tokenHash");
        if (tokenHash.length() > MAX_HASH) {
            return Optional.empty(); // no stored hash is that long
        }
        return tx.read("find session", c -> select(c, tokenHash));
    }

    @Override
    public Optional<StoredSession> resume(String tokenHash, Instant now, Duration idle, Duration absolute) {
        requireNonNull(tokenHash, "tokenHash");
        requireNonNull(now, "now");
        requireNonNull(idle, "idle");
        requireNonNull(absolute, "absolute");
        if (tokenHash.length() > MAX_HASH) {
            return Optional.empty();
        }
        // alive (StoredSession.aliveAt): now < last_used_at + idle  <=>  last_used_at > now - idle; same for created_at.
        // The last use never moves back, in case the instances' clocks differ.
        return tx.write("resume session", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE kb_session SET last_used_at = CASE WHEN last_used_at < ?"
                    + " THEN ? ELSE last_used_at END WHERE token_hash = ? AND last_used_at > ? AND created_at > ?")) {
                Jdbc.setInstant(ps, 1, now);
                Jdbc.setInstant(ps, 2, now);
                ps.setString(3, tokenHash);
                Jdbc.setInstant(ps, 4, now.minus(idle));
                Jdbc.setInstant(ps, 5, now.minus(absolute));
                if (ps.executeUpdate() == 0) {
                    return Optional.<StoredSession>empty();
                }
            }
            return select(c, tokenHash);
        });
    }

    @Override
    public boolean end(String tokenHash) {
        requireNonNull(tokenHash, "tokenHash");
        return delete("end session", "token_hash = ?", ps -> ps.setString(1, tokenHash)) > 0;
    }

    @Override
    public int endAllOf(SymbolNumber household) {
        requireNonNull(household, "household");
        return delete("end sessions of household", "household = ?", ps -> ps.setString(1, household.value()));
    }

    @Override
    public int endAllOfExcept(SymbolNumber household, String keptTokenHash) {
        requireNonNull(household, "household");
        requireNonNull(keptTokenHash, "keptTokenHash");
        return delete("end other sessions of household", "household = ? AND token_hash <> ?", ps -> {
            ps.setString(1, household.value());
            ps.setString(2, keptTokenHash);
        });
    }

    @Override
    public int purgeExpired(Instant now, Duration idle, Duration absolute) {
        requireNonNull(now, "now");
        requireNonNull(idle, "idle");
        requireNonNull(absolute, "absolute");
        return delete("purge sessions", "last_used_at <= ? OR created_at <= ?", ps -> {
            Jdbc.setInstant(ps, 1, now.minus(idle));
            Jdbc.setInstant(ps, 2, now.minus(absolute));
        });
    }

    /** Binds a statement's parameters. */
    @FunctionalInterface
    private interface Params {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private int delete(String what, String where, Params params) {
        return tx.write(what, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM kb_session WHERE " + where)) {
                params.bind(ps);
                return ps.executeUpdate();
            }
        });
    }

    private static Optional<StoredSession> select(Connection c, String tokenHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM kb_session WHERE token_hash = ?")) {
            ps.setString(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredSession(rs.getString("token_hash"), SymbolNumber.of(rs.getString("household")),
                        Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "last_used_at")));
            }
        }
    }
}
