package io.github.kenshinbooking.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Galera cluster of {@code .ci/galera.sh} as the tests see it: the nodes' URLs from env
 * {@value #URLS_ENV} (comma separated; {@code eval "$(.ci/galera.sh env)"} sets it), and, for the
 * tests that crash and restart a node, the harness's state directory from env {@value #HOME_ENV}
 * (it holds each node's recorded pid and the script). Unset or unreachable, the tests are skipped
 * with the reason; with env {@code CI} set they fail.
 */
final class GaleraNodes {
    static final String URLS_ENV = "KENSHIN_GALERA_URLS";
    static final String HOME_ENV = "KENSHIN_GALERA_HOME";

    private GaleraNodes() {
    }

    /** The nodes' URLs, each checked to be a reachable node of one cluster of at least that size. */
    static List<String> urls() {
        String env = System.getenv(URLS_ENV);
        if (env == null || env.isBlank()) {
            TestDatabase.unavailable("set " + URLS_ENV + " (the nodes' JDBC URLs, comma separated: .ci/galera.sh start"
                    + " starts a 3-node cluster, needs Debian's galera-4, and prints them) to run these tests against a"
                    + " Galera cluster", null);
        }
        List<String> urls = Arrays.stream(env.split(",")).map(String::trim).filter(u -> !u.isEmpty()).toList();
        for (String url : urls) {
            TestDatabase.requireReachable(url, "Galera node " + url + " of " + URLS_ENV);
            try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT @@wsrep_on, (SELECT VARIABLE_VALUE FROM"
                            + " information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'WSREP_CLUSTER_SIZE')")) {
                rs.next();
                if (!rs.getBoolean(1) || rs.getInt(2) < urls.size()) {
                    TestDatabase.unavailable(url + " of " + URLS_ENV + " is not a node of a Galera cluster of "
                            + urls.size() + " (wsrep_on " + rs.getString(1) + ", cluster size " + rs.getString(2) + ")",
                            null);
                }
            } catch (SQLException e) {
                TestDatabase.unavailable("Galera node " + url + " could not be checked: " + e.getMessage(), e);
            }
        }
        return urls;
    }

    /**
     * One causal read ({@code wsrep_sync_wait = 1} for one {@code SELECT}): returns once the node
     * has applied every write set the cluster committed before it; the session's setting is restored.
     */
    static void causalRead(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET @kb_sync_wait = @@SESSION.wsrep_sync_wait, SESSION wsrep_sync_wait = 1");
            try {
                s.executeQuery("SELECT 1").close();
            } finally {
                s.execute("SET SESSION wsrep_sync_wait = @kb_sync_wait");
            }
        }
    }

    /** The harness's state directory; unset, the caller's tests are skipped (or fail with env CI). */
    static Path home() {
        String env = System.getenv(HOME_ENV);
        if (env == null || env.isBlank() || !Files.isExecutable(Path.of(env, "galera.sh"))) {
            TestDatabase.unavailable("set " + HOME_ENV + " to the state directory of .ci/galera.sh (it kills and"
                    + " restarts nodes by their recorded pids) to run the node-crash tests", null);
        }
        return Path.of(env);
    }

    /** Node {@code node}'s (1-based) mariadbd pid as the harness recorded it. */
    static long pid(int node) {
        try {
            return Long.parseLong(Files.readString(home().resolve("node" + node).resolve("pid")).trim());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("no recorded pid of node " + node, e);
        }
    }

    /** Crashes node {@code node} (1-based): SIGKILL to its recorded pid, through the harness. */
    static String kill(int node) {
        return harness("kill-node", Integer.toString(node));
    }

    /** Restarts node {@code node} (1-based) into the running cluster and waits until it is Synced. */
    static String start(int node) {
        return harness("start-node", Integer.toString(node));
    }

    /** Every node's pid, port and wsrep state, for the test's output. */
    static String status() {
        return harness("status");
    }

    private static String harness(String... args) {
        Path script = home().resolve("galera.sh");
        String[] command = new String[args.length + 1];
        command[0] = script.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out;
            try (var in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end in 300 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + out);
            }
            return out.trim();
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
