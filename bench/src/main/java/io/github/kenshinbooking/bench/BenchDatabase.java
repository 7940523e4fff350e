package io.github.kenshinbooking.bench;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.kenshinbooking.jdbc.Dialect;
import io.github.kenshinbooking.jdbc.KenshinMigrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;

/**
 * A schema of its own on the server behind a JDBC URL ({@code kb_<purpose>_<random>}; on MariaDB a
 * database), migrated by Flyway from the adapter's migrations, behind a HikariCP pool whose
 * connections carry application name {@value #APPLICATION_NAME} on PostgreSQL (so a sampler can
 * find them in {@code pg_stat_activity}). {@link #close()} drops the schema.
 */
final class BenchDatabase implements AutoCloseable {
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final String APPLICATION_NAME = "kb-bench";

    private final String adminUrl;
    private final String user;
    private final String password;
    private final Dialect dialect;
    private final String schema;
    private final HikariDataSource dataSource;
    private final boolean keep;

    private BenchDatabase(String url, String user, String password, String purpose, int poolSize, boolean keep) {
        requireNonNull(url, "url");
        this.user = user;
        this.password = password;
        this.keep = keep;
        this.dialect = Dialect.of(productOf(url));
        String name = "kb_" + purpose + "_" + Long.toString(ThreadLocalRandom.current().nextLong() & 0xffffffffL, 36);
        // the name as the database folds an unquoted identifier, which is what setSchema must be given
        this.schema = dialect == Dialect.H2 ? name.toUpperCase(Locale.ROOT) : name;
        // an H2 in-memory database lives while a connection is open; the admin URL must keep it alive
        this.adminUrl = dialect == Dialect.H2 && url.startsWith("jdbc:h2:mem:") && !url.contains("DB_CLOSE_DELAY")
                ? url + ";DB_CLOSE_DELAY=-1" : url;
        admin(dialect == Dialect.MARIADB
                ? "CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin"
                : "CREATE SCHEMA " + schema);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(poolUrl(adminUrl));
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.setPoolName("kb-" + purpose);
        config.setConnectionTimeout(60_000);
        if (dialect == Dialect.MARIADB) {
            config.setCatalog(schema);
            // the adapter's isolation, for the raw loops too (the adapter then leaves it as it is)
            config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        } else {
            config.setSchema(schema);
        }
        if (dialect == Dialect.POSTGRESQL) {
            config.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
        }
        this.dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(false)
                    .locations(KenshinMigrations.location(dialect)).table(KenshinMigrations.HISTORY_TABLE)
                    .load().migrate();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Creates the schema on the server at {@code url} and opens a pool of {@code poolSize} on it. */
    static BenchDatabase open(String url, String user, String password, String purpose, int poolSize,
            boolean keep) {
        return new BenchDatabase(url, user, password, purpose, poolSize, keep);
    }

    private static String productOf(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (!u.startsWith("jdbc:")) {
            throw new IllegalArgumentException("not a JDBC URL: " + url);
        }
        return u.substring(5, u.indexOf(':', 5));
    }

    private String poolUrl(String url) {
        if (dialect == Dialect.H2 && !url.toUpperCase(Locale.ROOT).contains("LOCK_TIMEOUT")) {
            // a hot slot queues many writers on one row: wait for it rather than fail after H2's default
            return url + ";LOCK_TIMEOUT=60000";
        }
        return url;
    }

    Dialect dialect() {
        return dialect;
    }

    String schema() {
        return schema;
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    /** A connection outside the pool, on the bench schema (for samplers and maintenance). */
    Connection unpooled() throws SQLException {
        Connection c = user == null ? DriverManager.getConnection(poolUrl(adminUrl))
                : DriverManager.getConnection(poolUrl(adminUrl), user, password);
        if (dialect == Dialect.MARIADB) {
            c.setCatalog(schema);
        } else {
            c.setSchema(schema);
        }
        return c;
    }

    /** The server's product name and version. */
    String serverVersion() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private void admin(String sql) {
        try (Connection c = user == null ? DriverManager.getConnection(adminUrl)
                : DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (dataSource != null) {
            dataSource.close();
        }
        if (keep) {
            System.out.println("kept schema " + schema);
            return;
        }
        admin(dialect == Dialect.MARIADB ? "DROP DATABASE " + schema : "DROP SCHEMA " + schema + " CASCADE");
    }
}
