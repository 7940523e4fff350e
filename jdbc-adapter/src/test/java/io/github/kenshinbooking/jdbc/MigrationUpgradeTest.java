package io.github.kenshinbooking.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.NewBooking;
import io.github.kenshinbooking.reservation.PhoneNumber;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.DisplayName;

/**
 * The rename script of {@code docs/upgrade-0.1.md}, read from the document itself, on a database
 * migrated by 0.1's own migrations (test resources {@code kenshin-0.1/<dialect>}, the files as 0.1
 * shipped them) with reservations in it: afterwards the library's Flyway at its new location and
 * history table repairs, validates and has nothing to migrate, and the adapter reads and books on the
 * data. H2 always; PostgreSQL and MariaDB from env as the other database tests.
 */
class MigrationUpgradeTest {
    private static final Instant NOW = Union.NOW;
    private static final Path DOC = Path.of("..", "docs", "upgrade-0.1.md");

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("SLOT-3 ONE-1 CHG-1 a 0.1 database renamed by docs/upgrade-0.1.md keeps its counts and reservations,"
            + " validates at db/kenshin-booking with kb_flyway_schema_history, and the adapter books on it")
    void upgradesA01Database(TestDatabase.Kind kind) throws Exception {
        try (MigrationCoexistenceTest.Sandbox box = MigrationCoexistenceTest.Sandbox.open(kind)) {
            DataSource ds = box.pool(box.appUrl);
            Dialect dialect = dialect(ds);
            // 0.1: its own migrations at the default history table
            Flyway old = Flyway.configure().dataSource(ds).locations("classpath:kenshin-0.1/" + dialect.migrationFolder())
                    .load();
            assertThat(old.migrate().migrationsExecuted).isEqualTo(2);
            long slot;
            try (Connection c = ds.getConnection()) {
                slot = insert01(c);
            }

            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                for (String sql : script(dialect)) {
                    s.execute(sql);
                }
            }

            Flyway now = Flyway.configure().dataSource(ds).locations(KenshinMigrations.location(dialect))
                    .table(KenshinMigrations.HISTORY_TABLE).baselineOnMigrate(true)
                    .baselineVersion(KenshinMigrations.BASELINE_VERSION).load();
            now.repair();
            // V1 and V2 as applied by 0.1 and renamed validate; migrations newer than 0.1 are pending
            assertThat(Flyway.configure().configuration(now.getConfiguration()).ignoreMigrationPatterns("*:pending")
                    .load().validateWithResult().validationSuccessful).isTrue();
            // only migrations newer than 0.1's two run (V3 sessions, V4 promised deadlines, and any later)
            assertThat(now.migrate().migrations).allSatisfy(m -> assertThat(Integer.parseInt(m.version)).isGreaterThan(2));
            assertThat(now.validateWithResult().validationSuccessful).isTrue();

            JdbcStorage storage = JdbcStorage.create(ds);
            Slot s = storage.slots().find(SlotId.of(slot)).orElseThrow();
            assertThat(s.capacity()).isEqualTo(5);
            assertThat(s.reserved()).isEqualTo(3);
            assertThat(book(storage, slot, "2000001-0", 4)).isNull();
            // ONE-1 still refused on the renamed unique constraint, SLOT-3 still counted on the renamed stripes
            assertThat(book(storage, slot, "1000001-0", 5)).isEqualTo(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
            assertThat(book(storage, slot, "2000002-0", 6)).isNull();
            assertThat(book(storage, slot, "2000003-0", 7)).isEqualTo(ErrorCode.SLOT_FULL);
            assertThat(storage.reservations().findLiveBySlot(SlotId.of(slot))).hasSize(5);
            // CHG-1 CNL-1: rows of 0.1 are not backfilled (no policy is known to a migration): not promised
            assertThat(storage.reservations().findLiveBySlot(SlotId.of(slot)))
                    .filteredOn(r -> r.termsVersion().equals("v1")).hasSize(3)
                    .allSatisfy(r -> assertThat(r.changeDeadline()).isEmpty())
                    .allSatisfy(r -> assertThat(r.cancelDeadline()).isEmpty());
            // the renamed sequence continues after the ids 0.1 handed out
            assertThat(storage.reservationIds().next().value()).isGreaterThan(3);
        }
    }

    private static Dialect dialect(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return Dialect.detect(c.getMetaData());
        }
    }

    /** A slot of 5 places with 3 reservations (ids 1..3, from the 0.1 sequence), stored under 0.1's names. */
    private static long insert01(Connection c) throws SQLException {
        long slot;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO slot (venue, institution, exam_date, start_time,"
                + " duration_seconds, capacity, reception_opens, cancelled) VALUES (?, '那珂川健診センター',"
                + " DATE '2024-06-16', TIME '09:00:00', 1800, 5, TIMESTAMP '2024-01-01 00:00:00', FALSE)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, Union.MIRIKA.name());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                slot = keys.getLong(1);
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO slot_stripe (slot_id, stripe, capacity, reserved, bookable)"
                    + " VALUES (" + slot + ", 0, 5, 3, TRUE)");
            String next = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")
                    ? "SELECT nextval('reservation_id_seq')" : "SELECT NEXT VALUE FOR reservation_id_seq";
            for (int i = 1; i <= 3; i++) {
                long id;
                try (ResultSet rs = s.executeQuery(next)) {
                    rs.next();
                    id = rs.getLong(1);
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO reservation (id, household, member_id,"
                        + " slot_id, fiscal_year, status, live_fiscal_year, phone, terms_version, booked_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, 2024, 'CONFIRMED', 2024, '0921234567', 'v1',"
                        + " TIMESTAMP '2024-05-01 00:00:00', TIMESTAMP '2024-05-01 00:00:00')")) {
                    ps.setLong(1, id);
                    ps.setString(2, "100000" + i);
                    ps.setString(3, "100000" + i + "-0");
                    ps.setLong(4, slot);
                    ps.executeUpdate();
                }
            }
        }
        return slot;
    }

    private static ErrorCode book(JdbcStorage storage, long slot, String member, int n) throws Refusal {
        Reservation r = Reservation.booked(ReservationId.of(1000 + n), SymbolNumber.of(member.substring(0, 7)),
                MemberId.of(member), SlotId.of(slot), FiscalYear.of(2024), PhoneNumber.parse(Union.PHONE), "v2", NOW,
                NOW.plusSeconds(86_400), NOW.plusSeconds(2 * 86_400));
        try {
            assertThat(storage.book(new NewBooking(r, Optional.empty(), NOW, Optional.empty()))).isTrue();
            return null;
        } catch (Refusal e) {
            return e.code();
        }
    }

    /** The statements of the first {@code sql} block under the dialect's heading of the upgrade document. */
    static List<String> script(Dialect dialect) throws IOException {
        String heading = switch (dialect) {
            case H2 -> "### H2";
            case POSTGRESQL -> "### PostgreSQL";
            case MARIADB -> "### MariaDB";
        };
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int at = doc.indexOf("```sql\n", doc.indexOf(heading + "\n"));
        String block = doc.substring(at + "```sql\n".length(), doc.indexOf("```", at + 6));
        StringBuilder sql = new StringBuilder();
        for (String line : block.split("\n")) {
            if (!line.strip().startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        List<String> out = new ArrayList<>();
        for (String statement : sql.toString().split(";\\s*\n")) {
            if (!statement.isBlank()) {
                out.add(statement.strip().replaceAll(";$", ""));
            }
        }
        return out;
    }
}
