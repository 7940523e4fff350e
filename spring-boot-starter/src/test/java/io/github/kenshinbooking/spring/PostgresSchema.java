package io.github.kenshinbooking.spring;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh PostgreSQL schema for one test class, on the server of env {@code KENSHIN_PG_URL} (as the
 * jdbc-adapter's PostgreSQL tests): unset or unreachable, the class is skipped with the reason printed,
 * unless env {@code CI} is set, when it fails. Register it before {@code @SpringBootTest} so the schema
 * exists when the context starts; the schema is dropped after the class (after Spring closed a dirtied context).
 */
final class PostgresSchema implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {
    static final String PG_ENV = "KENSHIN_PG_URL";
    private static final String EXAMPLE = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private static volatile String serverUrl;
    private static volatile String schema;

    /** The URL of this class's schema, for {@code spring.datasource.url}. */
    static String url() {
        if (schema == null) {
            throw new IllegalStateException("no PostgreSQL schema: " + PostgresSchema.class.getSimpleName() + " not registered");
        }
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static boolean ci() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank();
    }

    /** Why the server cannot be used, or {@code null} if it can. */
    private static String unavailable() {
        String url = System.getenv(PG_ENV);
        if (url == null || url.isBlank()) {
            return "set " + PG_ENV + " (e.g. " + EXAMPLE + ") to run this test against PostgreSQL";
        }
        try (Connection c = DriverManager.getConnection(url)) {
            c.isValid(5);
            return null;
        } catch (SQLException e) {
            return "PostgreSQL at " + PG_ENV + " is unreachable: " + e.getMessage();
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = unavailable();
        if (reason == null || ci()) {
            return ConditionEvaluationResult.enabled(reason == null ? "PostgreSQL at " + PG_ENV : "env CI is set");
        }
        System.err.println("[SKIPPED] " + context.getDisplayName() + ": " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        String reason = unavailable();
        if (reason != null) {
            throw new IllegalStateException("env CI is set: " + reason);
        }
        serverUrl = System.getenv(PG_ENV);
        String name = "kb_boot_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        admin("CREATE SCHEMA " + name);
        schema = name;
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (schema != null) {
            admin("DROP SCHEMA " + schema + " CASCADE");
            schema = null;
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
