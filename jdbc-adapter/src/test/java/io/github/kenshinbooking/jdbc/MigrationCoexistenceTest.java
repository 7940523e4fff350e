package io.github.kenshinbooking.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentest4j.TestAbortedException;

/**
 * The library's migrations drop into an existing application: the application's own Flyway at the
 * default {@code classpath:db/migration} (test resource {@code db/migration/V1__application.sql}: its own
 * tables {@code member} and {@code account}, with rows) and the library's Flyway at
 * {@link KenshinMigrations#location(Dialect)} with {@link KenshinMigrations#HISTORY_TABLE}, on H2 always
 * and on PostgreSQL and MariaDB from env {@code KENSHIN_PG_URL} / {@code KENSHIN_MARIADB_URL} (skipped
 * with the reason otherwise, failing with env {@code CI}).
 */
class MigrationCoexistenceTest {
    @Test
    @DisplayName("the adapter jar ships its migrations under db/kenshin-booking/<dialect> only, nothing under db/migration")
    void resourcesOutsideTheDefaultLocation() {
        ClassLoader loader = getClass().getClassLoader();
        for (Dialect d : Dialect.values()) {
            assertThat(KenshinMigrations.location(d)).isEqualTo("classpath:db/kenshin-booking/" + d.migrationFolder());
            assertThat(loader.getResource(d.migrationLocation() + "/V1__kenshin_booking.sql")).isNotNull();
            assertThat(loader.getResource(d.migrationLocation() + "/V2__capacity_stripes.sql")).isNotNull();
            assertThat(loader.getResource("db/migration/" + d.migrationFolder())).isNull();
        }
        assertThat(KenshinMigrations.HISTORY_TABLE).isEqualTo("kb_flyway_schema_history");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("the application's Flyway at classpath:db/migration sees only its own migration, the library's Flyway"
            + " adds the kb_ tables beside member and account (rows untouched), the engine books, migrating again is a no-op")
    void dropsIntoExistingApplication(TestDatabase.Kind kind) throws Exception {
        try (Sandbox box = Sandbox.open(kind)) {
            DataSource app = box.pool(box.appUrl);
            // the original bug: the adapter's resources are on this class path, yet the default location holds one V1
            assertThat(Arrays.stream(applicationFlyway(app).info().all()).map(MigrationInfo::getDescription))
                    .containsExactly("application");
            assertThat(applicationFlyway(app).migrate().migrationsExecuted).isEqualTo(1);
            var library = libraryFlyway(app, null).migrate();
            assertThat(library.migrationsExecuted).isEqualTo(10);
            assertThat(library.targetSchemaVersion).isEqualTo("10");
            assertApplicationUntouched(app);
            assertThat(versions(applicationFlyway(app))).containsExactly("1");
            // the application's schema is not empty: the library's history starts with a baseline below V1
            assertThat(versions(libraryFlyway(app, null))).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
            assertThat(tables(app)).containsExactlyInAnyOrder("member", "account", "flyway_schema_history",
                    "kb_flyway_schema_history", "kb_slot", "kb_slot_stripe", "kb_reservation", "kb_idempotency_key",
                    "kb_outbox", "kb_account", "kb_login_attempt", "kb_reset_token", "kb_session", "kb_household", "kb_member",
                    "kb_audit", "kb_staff_account", "kb_slot_option", "kb_waiting_entry");

            Reservation booked = bookOnTop(app);
            assertThat(rows(app, "SELECT member_id, status FROM kb_reservation"))
                    .containsExactly(booked.member().value() + "|CONFIRMED");
            assertThat(rows(app, "SELECT COUNT(*) FROM kb_member")).containsExactly("1");
            assertApplicationUntouched(app);

            assertThat(applicationFlyway(app).migrate().migrationsExecuted).isZero();
            assertThat(libraryFlyway(app, null).migrate().migrationsExecuted).isZero();
            assertThat(applicationFlyway(app).validateWithResult().validationSuccessful).isTrue();
            assertThat(libraryFlyway(app, null).validateWithResult().validationSuccessful).isTrue();
            assertApplicationUntouched(app);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("the library in a schema of its own (.schemas(...)): its tables and history there, none in the"
            + " application's schema; the engine over a DataSource on that schema books; migrating again is a no-op")
    void librarySchemaOfItsOwn(TestDatabase.Kind kind) throws Exception {
        try (Sandbox box = Sandbox.open(kind)) {
            DataSource app = box.pool(box.appUrl);
            assertThat(applicationFlyway(app).migrate().migrationsExecuted).isEqualTo(1);
            assertThat(libraryFlyway(app, box.librarySchema).migrate().migrationsExecuted).isEqualTo(10);

            DataSource library = box.pool(box.libraryUrl);
            Reservation booked = bookOnTop(library);
            assertThat(rows(library, "SELECT member_id FROM kb_reservation")).containsExactly(booked.member().value());
            assertThat(versions(libraryFlyway(app, box.librarySchema))).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
            assertThat(tables(library)).contains("kb_flyway_schema_history", "kb_slot", "kb_reservation", "kb_member")
                    .allMatch(t -> t.startsWith(KenshinMigrations.TABLE_PREFIX));
            assertThat(tables(app)).containsExactlyInAnyOrder("member", "account", "flyway_schema_history");
            assertThatThrownBy(() -> rows(app, "SELECT COUNT(*) FROM kb_reservation")).isInstanceOf(SQLException.class);
            assertApplicationUntouched(app);

            assertThat(applicationFlyway(app).migrate().migrationsExecuted).isZero();
            assertThat(libraryFlyway(app, box.librarySchema).migrate().migrationsExecuted).isZero();
            assertApplicationUntouched(app);
        }
    }

    /** The application's Flyway as Spring Boot configures it by default: classpath:db/migration, flyway_schema_history. */
    private static Flyway applicationFlyway(DataSource ds) {
        return Flyway.configure().dataSource(ds).load();
    }

    /** The library's Flyway as its documentation recommends; {@code schema} null for the application's schema. */
    private static Flyway libraryFlyway(DataSource ds, String schema) throws SQLException {
        Dialect dialect;
        try (Connection c = ds.getConnection()) {
            dialect = Dialect.detect(c.getMetaData());
        }
        FluentConfiguration config = Flyway.configure().dataSource(ds).locations(KenshinMigrations.location(dialect))
                .table(KenshinMigrations.HISTORY_TABLE)
                .baselineOnMigrate(true).baselineVersion(KenshinMigrations.BASELINE_VERSION);
        return (schema == null ? config : config.schemas(schema)).load();
    }

    /** The versions Flyway has applied (or baselined), in order. */
    private static List<String> versions(Flyway flyway) {
        return Arrays.stream(flyway.info().applied()).filter(i -> i.getVersion() != null)
                .map(i -> i.getVersion().getVersion()).toList();
    }

    /** The tables of the connection's current schema (database on MariaDB), in lower case. */
    private static List<String> tables(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
                ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
            return out;
        }
    }

    private static void assertApplicationUntouched(DataSource ds) throws SQLException {
        assertThat(rows(ds, "SELECT member_no, display_name, joined FROM member ORDER BY member_no"))
                .containsExactly("1|Sato|2020-04-01", "2|Suzuki|2021-10-15");
        assertThat(rows(ds, "SELECT account_no, member_no, balance FROM account ORDER BY account_no"))
                .containsExactly("10|1|1200.50", "20|2|0.00");
    }

    /** One household, one slot, one booking through the engine over the data source's kb_ tables. */
    private static Reservation bookOnTop(DataSource ds) throws Refusal {
        JdbcStorage storage = JdbcStorage.create(ds);
        JdbcHouseholdDirectory directory = JdbcHouseholdDirectory.of(storage);
        KenshinBooking engine = Union.engine(storage, directory, Clock.fixed(Union.NOW, Union.TOKYO));
        Household h = Union.household("2000001", LocalDate.of(1970, 5, 5));
        directory.put(h);
        HouseholdSession session = Union.activate(engine, h, Optional.of("h2000001@example.jp"));
        Slot slot = Union.addSlot(engine, Union.MIRIKA, Union.EXAM_DAY, LocalTime.of(9, 0), 10);
        Reservation r = engine.bookings().book(session, BookingRequest.of(Union.member(h, 0), slot.id(), Union.PHONE, true));
        assertThat(r.live()).isTrue();
        assertThat(storage.slots().find(slot.id()).orElseThrow().remaining()).isEqualTo(9);
        return r;
    }

    /** Each row of the query as its columns joined by {@code |}. */
    private static List<String> rows(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i == 1 ? "" : "|").append(rs.getString(i));
                }
                out.add(sb.toString());
            }
            return out;
        }
    }

    /**
     * An empty place for the application: an H2 in-memory database, a fresh PostgreSQL schema or a fresh
     * MariaDB database; and the name (and a URL) of a schema of the library's own beside it. Dropped on close.
     */
    static final class Sandbox implements AutoCloseable {
        private final TestDatabase.Kind kind;
        private final String name;
        private final String adminUrl;
        final String appUrl;
        final String librarySchema;
        final String libraryUrl;
        private final List<HikariDataSource> pools = new ArrayList<>();

        private Sandbox(TestDatabase.Kind kind, String name, String adminUrl, String appUrl, String librarySchema,
                String libraryUrl) {
            this.kind = kind;
            this.name = name;
            this.adminUrl = adminUrl;
            this.appUrl = appUrl;
            this.librarySchema = librarySchema;
            this.libraryUrl = libraryUrl;
        }

        static Sandbox open(TestDatabase.Kind kind) {
            String name = "kb_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
            try {
                switch (kind) {
                    case H2: {
                        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
                        return new Sandbox(kind, name, null, url, "KENSHIN", url + ";SCHEMA=KENSHIN");
                    }
                    case POSTGRESQL: {
                        String url = TestDatabase.serverUrl(TestDatabase.PG_ENV,
                                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres", "PostgreSQL");
                        TestDatabase.admin(url, "CREATE SCHEMA " + name);
                        String sep = url.contains("?") ? "&" : "?";
                        return new Sandbox(kind, name, url, url + sep + "currentSchema=" + name, name + "_kenshin",
                                url + sep + "currentSchema=" + name + "_kenshin");
                    }
                    default: {
                        String url = TestDatabase.serverUrl(TestDatabase.MARIADB_ENV,
                                "jdbc:mariadb://127.0.0.1:3306/test?user=root", "MariaDB");
                        TestDatabase.admin(url, "CREATE DATABASE " + name
                                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
                        return new Sandbox(kind, name, url, TestDatabase.withDatabase(url, name), name + "_kenshin",
                                TestDatabase.withDatabase(url, name + "_kenshin"));
                    }
                }
            } catch (TestAbortedException e) {
                System.err.println("[SKIPPED] " + MigrationCoexistenceTest.class.getSimpleName() + " " + kind + ": "
                        + e.getMessage());
                throw e;
            }
        }

        /** A small pool on the URL, closed with the sandbox. */
        HikariDataSource pool(String url) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setMaximumPoolSize(3);
            config.setPoolName("kb-coexist-" + pools.size() + "-" + name);
            HikariDataSource ds = new HikariDataSource(config);
            pools.add(ds);
            return ds;
        }

        @Override
        public void close() throws SQLException {
            pools.forEach(HikariDataSource::close);
            switch (kind) {
                case H2:
                    try (Connection c = DriverManager.getConnection(appUrl); Statement s = c.createStatement()) {
                        s.execute("SHUTDOWN");
                    }
                    break;
                case POSTGRESQL:
                    TestDatabase.admin(adminUrl, "DROP SCHEMA IF EXISTS " + librarySchema + " CASCADE");
                    TestDatabase.admin(adminUrl, "DROP SCHEMA " + name + " CASCADE");
                    break;
                default:
                    TestDatabase.admin(adminUrl, "DROP DATABASE IF EXISTS " + librarySchema);
                    TestDatabase.admin(adminUrl, "DROP DATABASE " + name);
            }
        }
    }
}
