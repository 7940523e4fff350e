package io.github.kenshinbooking.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Column conversions shared by the stores. Instants are stored as UTC date-times to the
 * microsecond (the precision all three databases keep), so they are truncated before writing.
 * Internal.
 */
final class Jdbc {
    private Jdbc() {
    }

    /** What an instant reads back as after a round trip through the database. */
    static Instant stored(Instant i) {
        return i.truncatedTo(ChronoUnit.MICROS);
    }

    static void setInstant(PreparedStatement ps, int index, Instant i) throws SQLException {
        if (i == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setObject(index, LocalDateTime.ofInstant(stored(i), ZoneOffset.UTC));
        }
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    static Optional<Instant> getOptionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(getInstant(rs, column));
    }

    static void setDate(PreparedStatement ps, int index, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setObject(index, d);
        }
    }

    static LocalDate getDate(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static void setTime(PreparedStatement ps, int index, LocalTime t) throws SQLException {
        ps.setObject(index, t.truncatedTo(ChronoUnit.MICROS));
    }

    static LocalTime getTime(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalTime.class);
    }

    static void setText(PreparedStatement ps, int index, String s) throws SQLException {
        if (s == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, s);
        }
    }

    /** Rejects text longer than its column before it reaches SQL (where it would be an SQL error). */
    static String fits(String value, int max, String what) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(what + " longer than " + max + " characters");
        }
        return value;
    }
}
