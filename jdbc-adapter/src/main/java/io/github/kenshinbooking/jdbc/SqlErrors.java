package io.github.kenshinbooking.jdbc;

import io.github.kenshinbooking.error.InfrastructureException;
import java.sql.SQLException;
import java.util.Locale;

/** Classifies {@link SQLException}s the same way on every dialect. Internal. */
final class SqlErrors {
    private static final int MARIADB_DUPLICATE_KEY = 1062;
    private static final int MARIADB_DEADLOCK = 1213;

    private SqlErrors() {
    }

    /** A unique or primary-key violation; with a constraint name, only of that constraint. */
    static boolean isUniqueViolation(SQLException e, String constraint) {
        for (SQLException x = e; x != null; x = next(x)) {
            boolean unique = "23505".equals(x.getSQLState()) || x.getErrorCode() == MARIADB_DUPLICATE_KEY;
            if (unique && (constraint == null || mentions(x, constraint))) {
                return true;
            }
        }
        return false;
    }

    /** Serialization failure or deadlock: the whole transaction may run again. */
    static boolean isRetryable(SQLException e) {
        for (SQLException x = e; x != null; x = next(x)) {
            String state = x.getSQLState();
            if ("40001".equals(state) || "40P01".equals(state) || x.getErrorCode() == MARIADB_DEADLOCK
                    // H2: a row changed under a concurrent update
                    || "90131".equals(state)) {
                return true;
            }
        }
        return false;
    }

    /** The library's unchecked failure for an SQL error; retryable ones are marked so. */
    static InfrastructureException translate(String what, SQLException e) {
        String message = what + " failed: SQLState " + e.getSQLState() + ", error " + e.getErrorCode();
        return isRetryable(e) ? new RetryableSqlException(message, e) : new InfrastructureException(message, e);
    }

    private static boolean mentions(SQLException x, String constraint) {
        String m = x.getMessage();
        return m != null && m.toLowerCase(Locale.ROOT).contains(constraint.toLowerCase(Locale.ROOT));
    }

    private static SQLException next(SQLException x) {
        SQLException n = x.getNextException();
        if (n != null && n != x) {
            return n;
        }
        return x.getCause() instanceof SQLException && x.getCause() != x ? (SQLException) x.getCause() : null;
    }

    /** A serialization failure or deadlock: the unit of work rolls back and runs the work again. */
    static final class RetryableSqlException extends InfrastructureException {
        private static final long serialVersionUID = 1L;

        RetryableSqlException(String message, SQLException cause) {
            super(message, cause);
        }
    }
}
