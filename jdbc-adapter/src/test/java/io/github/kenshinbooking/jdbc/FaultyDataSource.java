package io.github.kenshinbooking.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A data source that lets a test break connections at chosen points: before a statement runs, after
 * it ran (its answer lost), at commit.
 */
final class FaultyDataSource {
    /** What to do at the hooks; the default does nothing. */
    interface Faults {
        default void beforeExecute(Connection connection, String sql) throws SQLException {
        }

        default void afterExecute(Connection connection, String sql) throws SQLException {
        }

        default void beforeCommit(Connection connection) throws SQLException {
        }
    }

    private FaultyDataSource() {
    }

    static DataSource wrap(DataSource target, Faults faults) {
        return proxy(DataSource.class, target, (method, args) -> {
            Object result = method.invoke(target, args);
            return method.getName().equals("getConnection") ? connection((Connection) result, faults) : result;
        });
    }

    private static Connection connection(Connection target, Faults faults) {
        return proxy(Connection.class, target, (method, args) -> {
            if (method.getName().equals("commit")) {
                faults.beforeCommit(target);
            }
            Object result = method.invoke(target, args);
            if (method.getName().equals("prepareStatement")) {
                String sql = (String) args[0];
                PreparedStatement ps = (PreparedStatement) result;
                return proxy(PreparedStatement.class, ps, (m, a) -> {
                    boolean execute = m.getName().startsWith("execute");
                    if (execute) {
                        faults.beforeExecute(target, sql);
                    }
                    Object r = m.invoke(ps, a);
                    if (execute) {
                        faults.afterExecute(target, sql);
                    }
                    return r;
                });
            }
            return result;
        });
    }

    @FunctionalInterface
    private interface Call {
        Object call(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler h = (p, method, args) -> {
            try {
                return call.call(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(FaultyDataSource.class.getClassLoader(), new Class<?>[] {type}, h));
    }
}
