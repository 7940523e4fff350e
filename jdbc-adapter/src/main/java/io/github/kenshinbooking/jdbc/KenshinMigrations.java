package io.github.kenshinbooking.jdbc;

import static java.util.Objects.requireNonNull;

/**
 * Where the adapter's schema lives and how to apply it next to an application's own migrations.
 * The migrations are in the jar under {@code db/kenshin-booking/{h2,postgresql,mariadb}} (Flyway layout,
 * {@code V1__…}, {@code V2__…}), outside Flyway's default {@code classpath:db/migration}, so an application's
 * own Flyway never picks them up; every table, index, constraint and sequence they create starts with
 * {@code kb_} (or {@code <kind>_kb_}), so they do not collide with the application's tables. Give the library
 * its own Flyway with its own history table, optionally in a schema of its own:
 *
 * <pre>{@code
 * Flyway.configure().dataSource(ds)
 *         .locations(KenshinMigrations.location(Dialect.POSTGRESQL))   // "classpath:db/kenshin-booking/postgresql"
 *         .table(KenshinMigrations.HISTORY_TABLE)                     // "kb_flyway_schema_history"
 *         .baselineOnMigrate(true).baselineVersion(KenshinMigrations.BASELINE_VERSION) // "0"
 *         .schemas("kenshin")                                         // optional; then point the engine's
 *         .load().migrate();                                          // DataSource at that schema
 * }</pre>
 *
 * <p>The baseline is what lets the library's Flyway start in a schema that already holds the application's
 * tables (Flyway refuses a non-empty schema without its history table otherwise); at version {@code 0} it
 * skips none of the library's migrations. In an empty schema of its own it is never used.
 *
 * <p>Flyway needs its database module besides {@code flyway-core}: {@code flyway-database-postgresql}
 * on PostgreSQL, {@code flyway-mysql} on MariaDB (H2 needs none).
 */
public final class KenshinMigrations {
    /** The class-path folder holding one folder of migrations per dialect. */
    public static final String RESOURCE_ROOT = "db/kenshin-booking";
    /** The recommended Flyway history table of the library's migrations, apart from the application's. */
    public static final String HISTORY_TABLE = "kb_flyway_schema_history";
    /**
     * The baseline version for the library's Flyway in a schema that already holds other tables: below
     * {@code V1}, so every migration of the library still runs.
     */
    public static final String BASELINE_VERSION = "0";
    /** The prefix of every table the migrations create. */
    public static final String TABLE_PREFIX = "kb_";

    private KenshinMigrations() {
    }

    /**
     * The Flyway location of the dialect's migrations.
     *
     * @param dialect the database
     * @return e.g. {@code classpath:db/kenshin-booking/postgresql}
     */
    public static String location(Dialect dialect) {
        return "classpath:" + requireNonNull(dialect, "dialect").migrationLocation();
    }
}
