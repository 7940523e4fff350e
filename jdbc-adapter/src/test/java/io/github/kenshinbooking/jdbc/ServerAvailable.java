package io.github.kenshinbooking.jdbc;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.opentest4j.TestAbortedException;

/**
 * jqwik hooks that skip a property, with the reason, when its database server is not configured
 * (the JUnit equivalent is {@link DatabaseExtension}); with env {@code CI} set they do not skip,
 * and opening the database fails.
 */
final class ServerAvailable {
    private ServerAvailable() {
    }

    private static SkipExecutionHook.SkipResult check(LifecycleContext context, String env, String example, String product) {
        if (!(context instanceof PropertyLifecycleContext)) {
            return SkipExecutionHook.SkipResult.doNotSkip(); // judged per property, so the report counts each as skipped
        }
        try {
            TestDatabase.serverUrl(env, example, product);
            return SkipExecutionHook.SkipResult.doNotSkip();
        } catch (TestAbortedException e) {
            System.err.println("[SKIPPED] " + context.label() + ": " + e.getMessage());
            return SkipExecutionHook.SkipResult.skip(e.getMessage());
        } catch (IllegalStateException e) {
            return SkipExecutionHook.SkipResult.doNotSkip();
        }
    }

    /** PostgreSQL from env {@code KENSHIN_PG_URL}. */
    static final class Postgres implements SkipExecutionHook {
        @Override
        public SkipExecutionHook.SkipResult shouldBeSkipped(LifecycleContext context) {
            return check(context, TestDatabase.PG_ENV, "jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
                    "PostgreSQL");
        }
    }

    /** MariaDB from env {@code KENSHIN_MARIADB_URL}. */
    static final class MariaDb implements SkipExecutionHook {
        @Override
        public SkipExecutionHook.SkipResult shouldBeSkipped(LifecycleContext context) {
            return check(context, TestDatabase.MARIADB_ENV, "jdbc:mariadb://127.0.0.1:3306/test?user=root", "MariaDB");
        }
    }
}
