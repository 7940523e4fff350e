package io.github.kenshinbooking.jdbc;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Opens a {@link TestDatabase} before the test class (and its nested classes) and drops it after.
 * Register it as a static field with {@code @RegisterExtension}. A server that is not configured
 * skips every test one by one with the reason (a class-level skip of nested tests would show up
 * in the build output as no tests at all).
 */
final class DatabaseExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final TestDatabase.Kind kind;
    private final int poolSize;
    private TestDatabase database;
    private String skipReason;
    private Class<?> owner;

    DatabaseExtension(TestDatabase.Kind kind, int poolSize) {
        this.kind = kind;
        this.poolSize = poolSize;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (owner != null) {
            return; // a nested class of the owner
        }
        owner = context.getRequiredTestClass();
        try {
            database = TestDatabase.open(kind, poolSize);
        } catch (TestAbortedException e) {
            skipReason = e.getMessage();
            System.err.println("[SKIPPED] " + owner.getSimpleName() + ": " + skipReason);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (skipReason != null) {
            Assumptions.abort(skipReason);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getRequiredTestClass() != owner) {
            return;
        }
        owner = null;
        skipReason = null;
        if (database != null) {
            database.close();
            database = null;
        }
    }

    TestDatabase get() {
        if (database == null) {
            throw new IllegalStateException(skipReason != null ? skipReason : "database not open");
        }
        return database;
    }
}
