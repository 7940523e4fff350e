package io.github.kenshinbooking.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * A {@link DataSource} over another that records the SQL its connections prepare or execute, and
 * their commits and rollbacks, in order: what one booking sends, shown to the reader and compared
 * between the library and the raw loop. Thread-safe; meant for one booking at a time.
 */
final class SqlCapture {
    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());
    private final DataSource dataSource;

    SqlCapture(DataSource target) {
        this.dataSource = (DataSource) Proxy.newProxyInstance(SqlCapture.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, m, args) -> {
                    Object r = invoke(target, m, args);
                    return r instanceof Connection ? connection((Connection) r) : r;
                });
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** The statements recorded since the last call, and forgets them. */
    List<String> take() {
        synchronized (statements) {
            List<String> out = List.copyOf(statements);
            statements.clear();
            return out;
        }
    }

    private Connection connection(Connection c) {
        InvocationHandler h = (proxy, m, args) -> {
            switch (m.getName()) {
                case "prepareStatement":
                case "prepareCall":
                    statements.add((String) args[0]);
                    break;
                case "commit":
                    statements.add("COMMIT");
                    break;
                case "rollback":
                    if (args == null) {
                        statements.add("ROLLBACK");
                    }
                    break;
                case "createStatement":
                    statements.add("(plain statement)");
                    break;
                default:
                    break;
            }
            return invoke(c, m, args);
        };
        return (Connection) Proxy.newProxyInstance(SqlCapture.class.getClassLoader(),
                new Class<?>[] {Connection.class}, h);
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
