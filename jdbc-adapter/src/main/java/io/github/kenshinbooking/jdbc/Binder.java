package io.github.kenshinbooking.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Sets a statement's parameters before it runs. Internal. */
@FunctionalInterface
interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
}
