package io.github.kenshinbooking.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own for one test class: an H2 in-memory database, a fresh PostgreSQL schema or
 * a fresh MariaDB database, migrated by Flyway from the adapter's migrations, behind a HikariCP
 * pool; dropped on {@link #close()}. Servers come from env {@code KENSHIN_PG_URL} and
 * {@code KENSHIN_MARIADB_URL}: unset (or unreachable) without env {@code CI}, the tests are skipped
 * with a message naming the variable; with {@code CI} set they fail.
 *
 * <p>A Galera cluster ({@link Kind#GALERA}, env {@code KENSHIN_GALERA_URLS}: the nodes' URLs, comma
 * separated, as {@code .ci/galera.sh env} prints them) gets one database, created and migrated
 * through the first node, and one pool per node on it: {@link #storage(int)} is the storage of a
 * node, {@link #storage()} the first node's.
 */
final class TestDatabase implements AutoCloseable {
    static final String PG_ENV = "KENSHIN_PG_URL";
    static final String MARIADB_ENV = "KENSHIN_MARIADB_URL";

    /** The three databases the adapter supports, and MariaDB as a Galera cluster of several nodes. */
    enum Kind {
        H2, POSTGRESQL, MARIADB, GALERA
    }

    private static final List<String> TABLES = List.of("kb_member", "kb_household", "kb_reservation", "kb_waiting_entry", "kb_slot_stripe", "kb_slot_option", "kb_slot",
            "kb_idempotency_key", "kb_outbox", "kb_account", "kb_login_attempt", "kb_reset_token",
            "kb_session", "kb_audit", "kb_staff_account");

    private final Kind kind;
    private final String name;
    private final String adminUrl;
    private final HikariDataSource dataSource;
    /** The pools of a cluster's nodes, the first one {@link #dataSource}; for a single server only it. */
    private final List<HikariDataSource> nodes = new ArrayList<>();
    private final List<JdbcStorage> nodeStorages = new ArrayList<>();
    private volatile JdbcStorage storage;

    private TestDatabase(Kind kind, String name, String adminUrl, List<String> urls, int poolSize) {
        this.kind = kind;
        this.name = name;
        this.adminUrl = adminUrl;
        try {
            for (int i = 0; i < urls.size(); i++) {
                nodes.add(pool(urls.get(i), poolSize, "kb-test-" + name + (urls.size() > 1 ? "-node" + (i + 1) : "")));
            }
            this.dataSource = nodes.get(0);
            Flyway.configure().dataSource(dataSource).locations(KenshinMigrations.location(dialect()))
                    .table(KenshinMigrations.HISTORY_TABLE).load().migrate();
            awaitReplication();
            for (HikariDataSource node : nodes) {
                nodeStorages.add(JdbcStorage.create(node));
            }
        } catch (RuntimeException e) {
            nodes.forEach(HikariDataSource::close);
            throw e;
        }
        this.storage = nodeStorages.get(0);
    }

    private static HikariDataSource pool(String url, int poolSize, String poolName) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName(poolName);
        config.setConnectionTimeout(30_000);
        return new HikariDataSource(config);
    }

    /** Opens a fresh database of that kind with a pool of {@code poolSize} connections. */
    static TestDatabase open(Kind kind, int poolSize) {
        String name = "kb_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        switch (kind) {
            case H2:
                return new TestDatabase(kind, name, null,
                        List.of("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000"), poolSize);
            case POSTGRESQL: {
                String url = serverUrl(PG_ENV, "jdbc:postgresql://127.0.0.1:5432/test?user=postgres", "PostgreSQL");
                admin(url, "CREATE SCHEMA " + name);
                String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name;
                return openOrDrop(kind, name, url, List.of(schemaUrl), poolSize, "DROP SCHEMA " + name + " CASCADE");
            }
            case GALERA: {
                List<String> urls = GaleraNodes.urls();
                // DDL replicates to every node before the statement returns (total order isolation)
                admin(urls.get(0), "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
                return openOrDrop(kind, name, urls.get(0), urls.stream().map(u -> withDatabase(u, name)).toList(),
                        poolSize, "DROP DATABASE " + name);
            }
            default: {
                String url = serverUrl(MARIADB_ENV, "jdbc:mariadb://127.0.0.1:3306/test?user=root", "MariaDB");
                admin(url, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
                return openOrDrop(kind, name, url, List.of(withDatabase(url, name)), poolSize, "DROP DATABASE " + name);
            }
        }
    }

    /** Opens the database just created on the server, or drops it again if that fails. */
    private static TestDatabase openOrDrop(Kind kind, String name, String adminUrl, List<String> urls, int poolSize,
            String drop) {
        try {
            return new TestDatabase(kind, name, adminUrl, urls, poolSize);
        } catch (RuntimeException e) {
            try {
                admin(adminUrl, drop);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * The server URL from the environment; without it (or without the server) the caller's tests
     * are skipped, unless env {@code CI} is set, when they fail.
     */
    static String serverUrl(String env, String example, String product) {
        String url = System.getenv(env);
        if (url == null || url.isBlank()) {
            unavailable("set " + env + " (e.g. " + example + ") to run these tests against " + product, null);
        }
        requireReachable(url, product + " at " + env);
        return url;
    }

    /** Connects once to the URL; unreachable, the caller's tests are skipped (or fail with env CI). */
    static void requireReachable(String url, String what) {
        try (Connection c = DriverManager.getConnection(url)) {
            c.isValid(5);
        } catch (SQLException e) {
            unavailable(what + " is unreachable: " + e.getMessage(), e);
        }
    }

    /** Skips the caller's tests with the reason, or, with env {@code CI} set, fails them. */
    static void unavailable(String message, Exception cause) {
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
        if (ci) {
            throw new IllegalStateException("env CI is set: " + message, cause);
        }
        Assumptions.abort(message);
    }

    /** The server URL with the database (MariaDB) in its path instead of the one given. */
    static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//") + 2;
        int pathStart = url.indexOf('/', hostStart);
        int query = url.indexOf('?', hostStart);
        String base = pathStart < 0 || (query >= 0 && query < pathStart)
                ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, pathStart);
        String params = query < 0 ? "" : url.substring(query);
        return base + "/" + database + params;
    }

    /** Runs one administrative statement on a connection of its own. */
    static void admin(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    Kind kind() {
        return kind;
    }

    /** The server's own URL (not this database's), for a second, administrative session; null for H2. */
    String adminUrl() {
        return adminUrl;
    }

    Dialect dialect() {
        return switch (kind) {
            case H2 -> Dialect.H2;
            case POSTGRESQL -> Dialect.POSTGRESQL;
            case MARIADB, GALERA -> Dialect.MARIADB;
        };
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    /** The storage over this database's pool (a cluster's first node). */
    JdbcStorage storage() {
        return storage;
    }

    /** How many nodes serve this database: a cluster's size, else 1. */
    int nodeCount() {
        return nodes.size();
    }

    /** The pool of node {@code node} (0-based); node 0 is {@link #dataSource()}. */
    HikariDataSource dataSource(int node) {
        return nodes.get(node);
    }

    /** The storage over node {@code node}'s pool (0-based); node 0's is {@link #storage()}. */
    JdbcStorage storage(int node) {
        return node == 0 ? storage : nodeStorages.get(node);
    }

    /**
     * On a Galera cluster, waits until every node has applied every write set committed anywhere
     * before this call (one causal read per node, {@code wsrep_sync_wait = 1}), so that plain reads
     * on any node see all of it; a single server needs no waiting.
     */
    void awaitReplication() {
        if (kind != Kind.GALERA) {
            return;
        }
        for (HikariDataSource node : nodes) {
            try (Connection c = node.getConnection()) {
                GaleraNodes.causalRead(c);
            } catch (SQLException e) {
                throw new IllegalStateException("causal read failed on " + node.getPoolName(), e);
            }
        }
    }

    /**
     * Empties every table; with {@code restartIds}, ids start at 1 again (slots, reservations,
     * outbox) and the storage is a new one (the old one may hold reservation ids of the old sequence).
     */
    JdbcStorage reset(boolean restartIds) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String t : TABLES) {
                s.executeUpdate("DELETE FROM " + t);
            }
            if (restartIds) {
                switch (kind) {
                    case MARIADB:
                    case GALERA:
                        // Galera refuses a sequence change that would leave it caching with an increment other than 0
                        s.execute("ALTER SEQUENCE kb_reservation_id_seq INCREMENT BY 0 RESTART WITH 1");
                        s.execute("ALTER SEQUENCE kb_waiting_entry_id_seq INCREMENT BY 0 RESTART WITH 1");
                        s.execute("ALTER TABLE kb_slot AUTO_INCREMENT = 1");
                        s.execute("ALTER TABLE kb_outbox AUTO_INCREMENT = 1");
                        break;
                    default:
                        s.execute("ALTER SEQUENCE kb_reservation_id_seq RESTART WITH 1");
                        s.execute("ALTER SEQUENCE kb_waiting_entry_id_seq RESTART WITH 1");
                        s.execute("ALTER TABLE kb_slot ALTER COLUMN id RESTART WITH 1");
                        s.execute("ALTER TABLE kb_outbox ALTER COLUMN id RESTART WITH 1");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reset failed", e);
        }
        if (restartIds) {
            for (int i = 0; i < nodeStorages.size(); i++) {
                nodeStorages.set(i, JdbcStorage.builder(nodes.get(i)).dialect(storage.dialect()).build());
            }
            storage = nodeStorages.get(0);
        }
        awaitReplication();
        return storage;
    }

    /** Runs one statement on its own connection (for test set-up and inspection); causal on a cluster. */
    long count(String sql) {
        return count(0, sql);
    }

    /** {@link #count(String)} on node {@code node}. */
    long count(int node, String sql) {
        try (Connection c = nodes.get(node).getConnection()) {
            if (kind == Kind.GALERA) {
                GaleraNodes.causalRead(c);
            }
            try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    @Override
    public void close() {
        nodes.forEach(HikariDataSource::close);
        switch (kind) {
            case H2:
                try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + name);
                        Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                } catch (SQLException e) {
                    throw new IllegalStateException("H2 shutdown failed", e);
                }
                break;
            case POSTGRESQL:
                admin(adminUrl, "DROP SCHEMA " + name + " CASCADE");
                break;
            default:
                admin(adminUrl, "DROP DATABASE " + name);
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + name;
    }
}
