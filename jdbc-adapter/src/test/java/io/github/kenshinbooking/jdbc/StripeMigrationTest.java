package io.github.kenshinbooking.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.PhoneNumber;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.reservation.NewBooking;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The V2 migration (kb_slot_stripe) over data stored under V1, on H2: a slot keeps its count in one
 * stripe, an event-day cancelled slot's stripe is not bookable, a slot without places has none.
 */
class StripeMigrationTest {
    private static final Instant NOW = Union.NOW;

    private JdbcDataSource dataSource;
    private long open;
    private long cancelled;
    private long empty;

    @BeforeEach
    void migrateToV1AndStore() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:kb_migration_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE)
                + ";DB_CLOSE_DELAY=-1");
        var v1 = flyway().target("1").load().migrate();
        assertThat(v1.targetSchemaVersion).isEqualTo("1");

        try (Connection c = dataSource.getConnection()) {
            open = insertSlot(c, LocalTime.of(9, 0), 5, 3, false);
            cancelled = insertSlot(c, LocalTime.of(10, 0), 4, 0, true);
            empty = insertSlot(c, LocalTime.of(11, 0), 0, 0, false);
            for (int i = 1; i <= 3; i++) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO kb_reservation (id, household, member_id,"
                        + " slot_id, fiscal_year, status, live_fiscal_year, phone, terms_version, booked_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, 2024, 'CONFIRMED', 2024, '0921234567', 'v1',"
                        + " TIMESTAMP '2024-05-01 00:00:00', TIMESTAMP '2024-05-01 00:00:00')")) {
                    ps.setLong(1, i);
                    ps.setString(2, "100000" + i);
                    ps.setString(3, "100000" + i + "-0");
                    ps.setLong(4, open);
                    ps.executeUpdate();
                }
            }
        }
    }

    @AfterEach
    void shutdown() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return Flyway.configure().dataSource(dataSource).locations(KenshinMigrations.location(Dialect.H2))
                .table(KenshinMigrations.HISTORY_TABLE);
    }

    private static long insertSlot(Connection c, LocalTime start, int capacity, int reserved, boolean isCancelled)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kb_slot (venue, institution, exam_date, start_time,"
                + " duration_seconds, capacity, reserved, reception_opens, cancelled)"
                + " VALUES (?, '那珂川健診センター', DATE '2024-06-16', ?, 1800, ?, ?, TIMESTAMP '2024-01-01 00:00:00', ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, Union.MIRIKA.name());
            ps.setString(2, start.toString() + ":00");
            ps.setInt(3, capacity);
            ps.setInt(4, reserved);
            ps.setBoolean(5, isCancelled);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private List<JdbcStripe> stripes(long slot) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT stripe, capacity, reserved, bookable FROM kb_slot_stripe WHERE slot_id = ? ORDER BY stripe")) {
            ps.setLong(1, slot);
            List<JdbcStripe> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new JdbcStripe(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4)));
                }
            }
            return out;
        }
    }

    record JdbcStripe(int stripe, int capacity, int reserved, boolean bookable) {
    }

    private static ErrorCode book(JdbcStorage storage, long slot, int n) throws Refusal {
        Reservation r = Reservation.booked(ReservationId.of(1000 + n), SymbolNumber.of("2000000"),
                MemberId.of("2000000-" + n), SlotId.of(slot), FiscalYear.of(2024), PhoneNumber.parse(Union.PHONE),
                "v2", NOW, NOW.plusSeconds(86_400), NOW.plusSeconds(2 * 86_400));
        try {
            assertThat(storage.book(new NewBooking(r, Optional.empty(), NOW, Optional.empty()))).isTrue();
            return null;
        } catch (Refusal e) {
            return e.code();
        }
    }

    @Test
    @DisplayName("SLOT-3 SLOT-6 V2 moves each V1 slot's count into one stripe: capacity 5 reserved 3 -> stripe 0 (5, 3, bookable);"
            + " a cancelled slot's stripe not bookable; capacity 0 none")
    void migratesCounts() throws SQLException {
        var v2 = flyway().target("2").load().migrate();
        assertThat(v2.targetSchemaVersion).isEqualTo("2");

        assertThat(stripes(open)).containsExactly(new JdbcStripe(0, 5, 3, true));
        assertThat(stripes(cancelled)).containsExactly(new JdbcStripe(0, 4, 0, false));
        assertThat(stripes(empty)).isEmpty();
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.getMetaData().getColumns(null, null, "KB_SLOT", "RESERVED")) {
            assertThat(rs.next()).as("kb_slot.reserved is dropped").isFalse();
        }
    }

    @Test
    @DisplayName("SLOT-3 SLOT-6 after V2 the adapter reads the migrated counts and keeps capacity: remaining 2, two more bookings, then SLOT_FULL")
    void adapterOverMigratedData() throws Refusal, SQLException {
        flyway().load().migrate();
        JdbcStorage storage = JdbcStorage.create(dataSource);

        Slot slot = storage.slots().find(SlotId.of(open)).orElseThrow();
        assertThat(slot.capacity()).isEqualTo(5);
        assertThat(slot.reserved()).isEqualTo(3);
        assertThat(slot.remaining()).isEqualTo(2);
        assertThat(slot.eventCancelled()).isFalse();
        assertThat(storage.slots().find(SlotId.of(cancelled)).orElseThrow().eventCancelled()).isTrue();
        assertThat(storage.slots().find(SlotId.of(empty)).orElseThrow().remaining()).isZero();

        assertThat(book(storage, open, 1)).isNull();
        assertThat(book(storage, open, 2)).isNull();
        assertThat(book(storage, open, 3)).isEqualTo(ErrorCode.SLOT_FULL);
        assertThat(storage.slots().find(SlotId.of(open)).orElseThrow().remaining()).isZero();
        assertThat(stripes(open)).containsExactly(new JdbcStripe(0, 5, 5, true));
        assertThat(storage.reservations().findLiveBySlot(SlotId.of(open))).hasSize(5);

        // a V1 reservation's cancel gives its place back to the migrated stripe
        Reservation old = storage.reservations().find(ReservationId.of(2)).orElseThrow();
        storage.reservations().cancel(old, old.cancelled(NOW, Optional.empty()));
        assertThat(stripes(open)).containsExactly(new JdbcStripe(0, 5, 4, true));
        assertThat(storage.slots().find(SlotId.of(open)).orElseThrow().remaining()).isEqualTo(1);

        assertThat(book(storage, cancelled, 4)).isEqualTo(ErrorCode.EVENT_CANCELLED);
        assertThat(book(storage, empty, 5)).isEqualTo(ErrorCode.SLOT_FULL);
        assertThat(stripes(cancelled)).containsExactly(new JdbcStripe(0, 4, 0, false));

        // slots stored after the migration get the adapter's stripes
        Slot fresh = storage.slots().add(new SlotSpec(Union.MIRIKA, "那珂川健診センター", Union.EXAM_DAY.plusDays(1),
                LocalTime.of(9, 0), Duration.ofMinutes(30), 10, Instant.parse("2024-01-01T00:00:00Z")));
        assertThat(stripes(fresh.id().value())).extracting(JdbcStripe::capacity).containsExactly(2, 2, 1, 1, 1, 1, 1, 1);
    }
}
