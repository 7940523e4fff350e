package io.github.kenshinbooking.jdbc;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.InfrastructureException;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.storage.UnitOfWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections and transactions over one {@link DataSource}. A unit of work holds one connection in
 * a thread-local, {@code autoCommit=false}, and every port called on that thread joins it, JDBC
 * ports of other objects over the same data source included (so a {@link JdbcHouseholdDirectory}
 * read inside a booking uses the booking's connection, not a second one from the pool). Outside a
 * unit of work a read borrows a short auto-commit connection and a write runs as its own
 * transaction. Internal.
 */
final class Transactions implements UnitOfWork {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    /** The connections of the units of work running on this thread, by data source (usually one). */
    private static final ThreadLocal<List<Bound>> CURRENT = new ThreadLocal<>();

    private final DataSource dataSource;
    private final Dialect dialect;
    private final int maxRetries;

    Transactions(DataSource dataSource, Dialect dialect, int maxRetries) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.dialect = requireNonNull(dialect, "dialect");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        this.maxRetries = maxRetries;
    }

    Dialect dialect() {
        return dialect;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** SQL work on a connection. */
    @FunctionalInterface
    interface Sql<T> {
        T apply(Connection c) throws SQLException;
    }

    /** SQL work that may answer a rule's refusal. */
    @FunctionalInterface
    interface RefusingSql<T> {
        T apply(Connection c) throws SQLException, Refusal;
    }

    /** Whether a unit of work over this data source runs on this thread. */
    boolean inUnitOfWork() {
        return current() != null;
    }

    @Override
    public <T> T execute(Work<T> work) throws Refusal {
        requireNonNull(work, "work");
        if (current() != null) {
            return work.run(); // nested: joins the outer unit of work
        }
        for (int attempt = 0;; attempt++) {
            Connection c = open();
            int restoreIsolation;
            try {
                restoreIsolation = begin(c);
            } catch (SQLException e) {
                closeQuietly(c);
                throw SqlErrors.translate("begin transaction", e);
            }
            bind(c);
            try {
                T result = work.run();
                c.commit();
                return result;
            } catch (SqlErrors.RetryableSqlException e) {
                rollbackQuietly(c);
                if (attempt >= maxRetries) {
                    throw e;
                }
                retrying(attempt, e);
            } catch (SQLException e) { // from commit
                rollbackQuietly(c);
                InfrastructureException t = SqlErrors.translate("commit", e);
                if (!(t instanceof SqlErrors.RetryableSqlException) || attempt >= maxRetries) {
                    throw t;
                }
                retrying(attempt, t);
            } catch (Refusal | RuntimeException | Error e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                unbind();
                end(c, restoreIsolation);
            }
        }
    }

    /** Reads on the unit of work's connection, or on a short auto-commit connection. */
    <T> T read(String what, Sql<T> sql) {
        Connection cur = current();
        try {
            if (cur != null) {
                return sql.apply(cur);
            }
            try (Connection c = open()) {
                T result = sql.apply(c);
                if (!c.getAutoCommit()) {
                    c.commit();
                }
                return result;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(what, e);
        }
    }

    /** Writes in the current unit of work, or as a transaction of their own (retried like one). */
    <T> T writeRefusing(String what, RefusingSql<T> sql) throws Refusal {
        return execute(() -> {
            try {
                return sql.apply(current());
            } catch (SQLException e) {
                throw SqlErrors.translate(what, e);
            }
        });
    }

    /**
     * One statement that is atomic by itself: on the unit of work's connection if one is bound,
     * else on a connection in auto-commit mode, so the statement commits as it completes (no
     * {@code BEGIN}/{@code COMMIT} round trips, no row lock held across a round trip). Run again
     * after a serialization failure or deadlock, like a unit of work.
     */
    <T> T atomicStatement(String what, RefusingSql<T> sql) throws Refusal {
        Connection cur = current();
        if (cur != null) {
            try {
                return sql.apply(cur);
            } catch (SQLException e) {
                throw SqlErrors.translate(what, e);
            }
        }
        for (int attempt = 0;; attempt++) {
            try (Connection c = open()) {
                boolean manual = !c.getAutoCommit();
                if (manual) {
                    c.setAutoCommit(true);
                }
                try {
                    return sql.apply(c);
                } finally {
                    if (manual && !c.isClosed()) {
                        c.setAutoCommit(false); // hand it back to the pool as it came
                    }
                }
            } catch (SQLException e) {
                InfrastructureException t = SqlErrors.translate(what, e);
                if (!(t instanceof SqlErrors.RetryableSqlException) || attempt >= maxRetries) {
                    throw t;
                }
                retrying(attempt, t);
            }
        }
    }

    /** {@link #writeRefusing} for work that never refuses. */
    <T> T write(String what, Sql<T> sql) {
        try {
            return writeRefusing(what, sql::apply);
        } catch (Refusal r) {
            throw new AssertionError("unexpected refusal", r);
        }
    }

    private Connection open() {
        try {
            return requireNonNull(dataSource.getConnection(), "DataSource.getConnection() returned null");
        } catch (SQLException e) {
            throw SqlErrors.translate("get connection", e);
        }
    }

    /** Starts a transaction; returns the isolation level to restore afterwards, or -1. */
    private int begin(Connection c) throws SQLException {
        int restore = -1;
        // PostgreSQL and H2 run at READ COMMITTED by default; MariaDB's default is REPEATABLE READ
        if (dialect == Dialect.MARIADB) {
            int level = c.getTransactionIsolation();
            if (level != Connection.TRANSACTION_READ_COMMITTED) {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                restore = level;
            }
        }
        if (c.getAutoCommit()) {
            c.setAutoCommit(false);
        }
        return restore;
    }

    private void end(Connection c, int restoreIsolation) {
        try {
            if (!c.isClosed()) {
                c.setAutoCommit(true);
                if (restoreIsolation >= 0) {
                    c.setTransactionIsolation(restoreIsolation);
                }
            }
        } catch (SQLException e) {
            LOG.debug("could not reset connection after transaction", e);
        } finally {
            closeQuietly(c);
        }
    }

    private void retrying(int attempt, InfrastructureException e) {
        LOG.debug("serialization failure or deadlock, running the unit of work again (retry {} of {})",
                attempt + 1, maxRetries, e);
        // a short random pause keeps the transactions that collided from colliding again in step
        long millis = ThreadLocalRandom.current().nextLong(1, 4L << Math.min(attempt, 4));
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted before retrying a unit of work", ie);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("rollback failed", e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("close failed", e);
        }
    }

    // ---- the thread's current connection ---------------------------------------------------------

    private record Bound(DataSource dataSource, Connection connection) {
    }

    private Connection current() {
        List<Bound> bound = CURRENT.get();
        if (bound == null) {
            return null;
        }
        for (Bound b : bound) {
            if (b.dataSource == dataSource) {
                return b.connection;
            }
        }
        return null;
    }

    private void bind(Connection c) {
        List<Bound> bound = CURRENT.get();
        if (bound == null) {
            bound = new ArrayList<>(1);
            CURRENT.set(bound);
        }
        bound.add(new Bound(dataSource, c));
    }

    private void unbind() {
        List<Bound> bound = CURRENT.get();
        if (bound == null) {
            return;
        }
        bound.removeIf(b -> b.dataSource == dataSource);
        if (bound.isEmpty()) {
            CURRENT.remove();
        }
    }
}
