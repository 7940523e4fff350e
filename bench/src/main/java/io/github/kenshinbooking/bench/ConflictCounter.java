package io.github.kenshinbooking.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * A {@link DataSource} over another that counts the serialization failures and deadlocks its
 * connections and statements throw (SQLState 40001 or 40P01, MariaDB error 1213; on Galera also a
 * certification failure at commit and a transaction aborted by a replicated write): each is one
 * retry of a unit of work or statement by the adapter, unless its retries are used up. Thread-safe.
 */
final class ConflictCounter {
    private final AtomicLong conflicts = new AtomicLong();
    private final Map<String, AtomicLong> byStatement = new ConcurrentHashMap<>();
    private final DataSource dataSource;

    ConflictCounter(DataSource target) {
        this.dataSource = (DataSource) Proxy.newProxyInstance(ConflictCounter.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, m, args) -> {
                    Object r = invoke(target, m, args, "getConnection");
                    return r instanceof Connection c ? wrap(c, Connection.class, null) : r;
                });
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Conflicts seen so far. */
    long conflicts() {
        return conflicts.get();
    }

    /** Conflicts seen so far by where they were thrown: the statement's first words, or the commit. */
    Map<String, Long> byStatement() {
        Map<String, Long> out = new TreeMap<>();
        byStatement.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** {@code sql}: what a statement runs, for the tally; null for a connection. */
    private <T> T wrap(T target, Class<T> type, String sql) {
        InvocationHandler h = (proxy, m, args) -> {
            String where = sql != null ? sql
                    : m.getName().startsWith("prepare") && args != null && args[0] instanceof String q ? q : m.getName();
            Object r = invoke(target, m, args, where);
            if (r instanceof CallableStatement s) {
                return wrap(s, CallableStatement.class, where);
            }
            if (r instanceof PreparedStatement s) {
                return wrap(s, PreparedStatement.class, where);
            }
            if (r instanceof Statement s && !(target instanceof Statement)) {
                return wrap(s, Statement.class, "(plain statement)");
            }
            return r;
        };
        return type.cast(Proxy.newProxyInstance(ConflictCounter.class.getClassLoader(), new Class<?>[] {type}, h));
    }

    private Object invoke(Object target, Method m, Object[] args, String where) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException s && conflict(s)) {
                conflicts.incrementAndGet();
                String key = where.length() > 48 ? where.substring(0, 48) + "…" : where;
                byStatement.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
            }
            throw e.getCause();
        }
    }

    private static boolean conflict(SQLException e) {
        for (Throwable x = e; x != null; x = x.getCause()) {
            if (x instanceof SQLException s && ("40001".equals(s.getSQLState()) || "40P01".equals(s.getSQLState())
                    || s.getErrorCode() == 1213)) {
                return true;
            }
        }
        return false;
    }
}
