package io.github.kenshinbooking.examples;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.kenshinbooking.error.InfrastructureException;
import io.github.kenshinbooking.jdbc.Dialect;
import io.github.kenshinbooking.jdbc.JdbcStorage;
import io.github.kenshinbooking.jdbc.KenshinMigrations;
import io.github.kenshinbooking.storage.Storage;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * Scenarios on a database through the JDBC adapter: every {@link #fresh()} migrates a new, empty
 * schema (a new in-memory database for embedded H2) with Flyway and wraps it in the adapter. The
 * previous scenario's schema is dropped then, and the last one on {@link #close()}. Used by one
 * thread at a time.
 */
final class JdbcTarget implements StorageTarget {
    private static final AtomicInteger H2_DATABASES = new AtomicInteger();

    private enum Vendor {
        H2(Dialect.H2), POSTGRESQL(Dialect.POSTGRESQL), MARIADB(Dialect.MARIADB);

        final String migrations;

        Vendor(Dialect dialect) {
            this.migrations = KenshinMigrations.location(dialect);
        }
    }

    private final String url;
    private final String user;
    private final String password;
    private final Vendor vendor;
    private final boolean embedded;
    private HikariDataSource current;
    private String currentSchema;
    /** Keeps a private in-memory H2 database given by URL alive between Flyway and the pool. */
    private Connection h2Anchor;

    private JdbcTarget(String url, String user, String password, boolean embedded) {
        this.url = requireNonNull(url, "url");
        this.user = user;
        this.password = password;
        this.vendor = vendorOf(url);
        this.embedded = embedded;
    }

    /** Embedded H2 in memory: a new database per scenario. */
    static JdbcTarget embeddedH2() {
        return new JdbcTarget("jdbc:h2:mem:", "sa", "", true);
    }

    /**
     * A database given by URL (H2, PostgreSQL or MariaDB): a new schema per scenario.
     *
     * @throws IllegalArgumentException for another kind of URL
     */
    static JdbcTarget of(String url, String user, String password) {
        return new JdbcTarget(url, user, password, false);
    }

    private static Vendor vendorOf(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:h2:")) {
            return Vendor.H2;
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return Vendor.POSTGRESQL;
        }
        if (u.startsWith("jdbc:mariadb:") || u.startsWith("jdbc:mysql:")) {
            return Vendor.MARIADB;
        }
        throw new IllegalArgumentException("unsupported JDBC URL (H2, PostgreSQL or MariaDB expected): " + url);
    }

    @Override
    public String describe() {
        return embedded ? "embedded H2 (in memory)" : url;
    }

    @Override
    public Storage fresh() {
        dropCurrent();
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(4);
        config.setPoolName("kenshin-scenario");
        if (embedded) {
            // the database lives as long as the pool holds a connection
            config.setJdbcUrl("jdbc:h2:mem:kenshin-scenario-" + H2_DATABASES.incrementAndGet());
            config.setUsername(user);
            config.setPassword(password);
            config.setMinimumIdle(1);
        } else {
            String name = "kb_scenario_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            // H2 folds unquoted names to upper case, the others to lower case
            currentSchema = vendor == Vendor.H2 ? name.toUpperCase(Locale.ROOT) : name;
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
            anchorH2();
            Flyway.configure().dataSource(url, user, password).schemas(currentSchema).createSchemas(true)
                    .locations(vendor.migrations).table(KenshinMigrations.HISTORY_TABLE).load().migrate();
            if (vendor == Vendor.MARIADB) {
                config.setCatalog(currentSchema);
            } else {
                config.setSchema(currentSchema);
            }
        }
        current = new HikariDataSource(config);
        if (embedded) {
            Flyway.configure().dataSource(current).locations(vendor.migrations).table(KenshinMigrations.HISTORY_TABLE)
                    .load().migrate();
        }
        return JdbcStorage.create(current);
    }

    private void anchorH2() {
        if (vendor == Vendor.H2 && h2Anchor == null && url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:")) {
            try {
                h2Anchor = java.sql.DriverManager.getConnection(url, user, password);
            } catch (SQLException e) {
                throw new InfrastructureException("cannot open " + url, e);
            }
        }
    }

    /** Drops the previous scenario's schema and closes its pool. */
    private void dropCurrent() {
        String schema = currentSchema;
        currentSchema = null;
        try {
            if (schema != null && current != null) {
                // through the pool: an in-memory H2 database is gone once its last connection closes
                String drop = vendor == Vendor.MARIADB ? "DROP DATABASE IF EXISTS " + schema
                        : "DROP SCHEMA IF EXISTS " + schema + " CASCADE";
                try (Connection c = current.getConnection(); Statement s = c.createStatement()) {
                    s.execute(drop);
                } catch (SQLException e) {
                    throw new InfrastructureException("could not drop scenario schema " + schema, e);
                }
            }
        } finally {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }

    /** Ends the target: the last scenario's schema and, for a private H2 database, the database. */
    @Override
    public void close() {
        dropCurrent();
        if (h2Anchor != null) {
            try {
                h2Anchor.close();
            } catch (SQLException e) {
                throw new InfrastructureException("cannot close " + url, e);
            } finally {
                h2Anchor = null;
            }
        }
    }
}
