/**
 * The JDBC adapter: {@link io.github.kenshinbooking.jdbc.JdbcStorage} implements every persistence
 * port of the engine over a caller-supplied {@link javax.sql.DataSource} on H2, PostgreSQL or
 * MariaDB, with capacity (SLOT-3), ONE-1 and idempotency (BOOK-4) enforced by the database and
 * the notification outbox (MAIL-2) written in the same transaction as the change it announces;
 * {@link io.github.kenshinbooking.jdbc.JdbcHouseholdDirectory} reads member records (HH-1) kept in
 * the same database. The schema is in {@code db/kenshin-booking/{h2,postgresql,mariadb}} (Flyway layout),
 * every table prefixed {@code kb_}; {@link io.github.kenshinbooking.jdbc.KenshinMigrations} shows how to
 * apply it next to an application's own migrations.
 */
package io.github.kenshinbooking.jdbc;
