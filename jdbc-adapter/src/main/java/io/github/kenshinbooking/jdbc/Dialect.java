package io.github.kenshinbooking.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The databases the JDBC adapter speaks, each with the migrations under
 * {@code db/kenshin-booking/<}{@link #migrationFolder()}{@code >} ({@link KenshinMigrations}).
 */
public enum Dialect {
    /** H2 2.x: tests, demos, embedded use. */
    H2("h2"),
    /** PostgreSQL 13 or later. */
    POSTGRESQL("postgresql"),
    /** MariaDB 10.6 or later (sequences, {@code SKIP LOCKED}). */
    MARIADB("mariadb");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /**
     * The folder of this dialect's Flyway-layout migrations: {@code db/kenshin-booking/<folder>}.
     *
     * @return the folder name, e.g. {@code postgresql}
     */
    public String migrationFolder() {
        return folder;
    }

    /**
     * The class-path resource folder of the migrations, e.g. {@code db/kenshin-booking/postgresql};
     * Flyway's location is {@link KenshinMigrations#location(Dialect)}.
     *
     * @return the resource folder, without a {@code classpath:} prefix
     */
    public String migrationLocation() {
        return KenshinMigrations.RESOURCE_ROOT + "/" + folder;
    }

    /**
     * The dialect of a database, from its product name: H2, PostgreSQL, MariaDB; MySQL is taken
     * for MariaDB (a MariaDB server reached through MySQL's driver reports "MySQL").
     *
     * @param productName the JDBC product name, compared ignoring case; {@code null} is unsupported
     * @return the dialect
     * @throws IllegalArgumentException for any other product
     */
    public static Dialect of(String productName) {
        String p = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (p.contains("h2")) {
            return H2;
        }
        if (p.contains("postgres")) {
            return POSTGRESQL;
        }
        if (p.contains("mariadb") || p.contains("mysql")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("unsupported database: " + productName);
    }

    /**
     * The dialect of the database behind the metadata.
     *
     * @param metaData the connection's metadata
     * @return the dialect, as {@link #of(String)} of the product name
     * @throws SQLException             if the metadata cannot be read
     * @throws IllegalArgumentException if the database is not supported
     */
    public static Dialect detect(DatabaseMetaData metaData) throws SQLException {
        return of(metaData.getDatabaseProductName());
    }

    // ---- SQL that differs per database -----------------------------------------------------------

    /** The next value of a sequence, as a query answering one row. */
    String nextValue(String sequence) {
        return this == POSTGRESQL ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
    }

    String nextReservationId() {
        return this == POSTGRESQL ? "SELECT nextval('kb_reservation_id_seq')" : "SELECT NEXT VALUE FOR kb_reservation_id_seq";
    }

    /** {@code n} values of the reservation sequence in one statement, or {@code null} where not supported. */
    String nextReservationIds(int n) {
        switch (this) {
            case POSTGRESQL:
                return "SELECT nextval('kb_reservation_id_seq') FROM generate_series(1, " + n + ")";
            case H2:
                return "SELECT NEXT VALUE FOR kb_reservation_id_seq FROM SYSTEM_RANGE(1, " + n + ")";
            default:
                return null;
        }
    }

    /** Appended to a query that claims rows another transaction may hold. */
    String forUpdateSkipLocked() {
        return this == H2 ? " FOR UPDATE" : " FOR UPDATE SKIP LOCKED";
    }

    String limit() {
        return this == H2 ? " FETCH FIRST ? ROWS ONLY" : " LIMIT ?";
    }

    /**
     * An insert that does nothing when a unique key already holds the row, without an error that
     * would abort a PostgreSQL transaction: {@code ON CONFLICT DO NOTHING}, {@code INSERT IGNORE};
     * on H2 a plain insert whose unique violation the caller catches (H2 keeps the transaction).
     */
    String insertIgnore(String table, String columns, int params) {
        String values = " (" + columns + ") VALUES (" + placeholders(params) + ")";
        switch (this) {
            case POSTGRESQL:
                return "INSERT INTO " + table + values + " ON CONFLICT DO NOTHING";
            case MARIADB:
                return "INSERT IGNORE INTO " + table + values;
            default:
                return "INSERT INTO " + table + values;
        }
    }

    /** Inserts or replaces the row with the key's value; the key columns come first in {@code columns}. */
    String upsert(String table, String[] keys, String[] columns) {
        String cols = String.join(", ", columns);
        String values = " (" + cols + ") VALUES (" + placeholders(columns.length) + ")";
        StringBuilder set = new StringBuilder();
        for (String c : columns) {
            if (java.util.Arrays.asList(keys).contains(c)) {
                continue;
            }
            if (set.length() > 0) {
                set.append(", ");
            }
            set.append(c).append(this == POSTGRESQL ? " = EXCLUDED." + c : " = VALUES(" + c + ")");
        }
        switch (this) {
            case POSTGRESQL:
                return "INSERT INTO " + table + values + " ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET "
                        + set;
            case MARIADB:
                return "INSERT INTO " + table + values + " ON DUPLICATE KEY UPDATE " + set;
            default:
                return "MERGE INTO " + table + " (" + cols + ") KEY (" + String.join(", ", keys) + ") VALUES ("
                        + placeholders(columns.length) + ")";
        }
    }

    private static String placeholders(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "?" : ", ?");
        }
        return sb.toString();
    }
}
