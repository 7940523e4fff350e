package io.github.kenshinbooking.bench;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.kenshinbooking.jdbc.Dialect;
import io.github.kenshinbooking.jdbc.KenshinMigrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;

/**
 * A schema of its own on the server behind a JDBC URL ({@code kb_<purpose>_<random>}; on MariaDB a
 * database), migrated by Flyway from the adapter's migrations, behind a HikariCP pool whose
 * connections carry application name {@value #APPLICATION_NAME} on PostgreSQL (so a sampler can
 * find them in {@code pg_stat_activity}). {@link #close()} drops the schema.
 *
 * <p>Several URLs, comma separated (each starting with {@code jdbc:}), are the nodes of one cluster
 * (Galera): the schema is created and migrated through the first, and every node gets a pool of its
 * own on it ({@link #nodes()}).
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
    private final List<HikariDataSource> nodes = new ArrayList<>();
    private final boolean galera;
    private final boolean keep;

    private BenchDatabase(String urls, String user, String password, String purpose, int poolSize, boolean keep) {
        requireNonNull(urls, "url");
        List<String> nodeUrls = List.of(urls.split(",(?=jdbc:)"));
        String url = nodeUrls.get(0);
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
        this.dataSource = pool(poolUrl(adminUrl), poolSize, purpose + (nodeUrls.size() > 1 ? "-node1" : ""));
        nodes.add(dataSource);
        try {
            Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(false)
                    .locations(KenshinMigrations.location(dialect)).table(KenshinMigrations.HISTORY_TABLE)
                    .load().migrate();
            for (int i = 1; i < nodeUrls.size(); i++) {
                nodes.add(pool(poolUrl(nodeUrls.get(i)), poolSize, purpose + "-node" + (i + 1)));
            }
            this.galera = dialect == Dialect.MARIADB && wsrepOn();
            awaitReplication();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private HikariDataSource pool(String url, int poolSize, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.setPoolName("kb-" + name);
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
        return new HikariDataSource(config);
    }

    private boolean wsrepOn() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@wsrep_on")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            return false; // a MariaDB without the wsrep variables
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

    /** The pools of the nodes, the first one {@link #dataSource()}; one for a single server. */
    List<HikariDataSource> nodes() {
        return List.copyOf(nodes);
    }

    /** Whether the server is a Galera node ({@code wsrep_on}). */
    boolean galera() {
        return galera;
    }

    /**
     * On Galera, waits until every node has applied all that the cluster committed before (one
     * causal read, {@code wsrep_sync_wait = 1}, per node); otherwise returns at once.
     */
    void awaitReplication() {
        if (!galera) {
            return;
        }
        for (HikariDataSource node : nodes) {
            try (Connection c = node.getConnection(); Statement s = c.createStatement()) {
                s.execute("SET SESSION wsrep_sync_wait = 1");
                s.executeQuery("SELECT 1").close();
                s.execute("SET SESSION wsrep_sync_wait = DEFAULT");
            } catch (SQLException e) {
                throw new IllegalStateException("causal read on " + node.getPoolName() + " failed", e);
            }
        }
    }

    /**
     * Galera's conflict counters summed over the nodes: local certification failures and local
     * transactions aborted by a replicated write set ({@code wsrep_local_cert_failures},
     * {@code wsrep_local_bf_aborts}); zeros elsewhere.
     */
    long[] galeraConflicts() {
        long[] sum = new long[2];
        if (!galera) {
            return sum;
        }
        for (HikariDataSource node : nodes) {
            try (Connection c = node.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT VARIABLE_NAME, VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                            + " WHERE VARIABLE_NAME IN ('WSREP_LOCAL_CERT_FAILURES', 'WSREP_LOCAL_BF_ABORTS')")) {
                while (rs.next()) {
                    sum[rs.getString(1).endsWith("CERT_FAILURES") ? 0 : 1] += rs.getLong(2);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("wsrep status of " + node.getPoolName() + " failed", e);
            }
        }
        return sum;
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
        nodes.forEach(HikariDataSource::close);
        if (keep) {
            System.out.println("kept schema " + schema);
            return;
        }
        admin(dialect == Dialect.MARIADB ? "DROP DATABASE " + schema : "DROP SCHEMA " + schema + " CASCADE");
    }
}
