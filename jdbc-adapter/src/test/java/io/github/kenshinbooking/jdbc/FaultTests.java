package io.github.kenshinbooking.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditEntry;
import io.github.kenshinbooking.audit.AuditQuery;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.InfrastructureException;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.IdempotencyKey;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.Venue;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * Faults through the real engine: a connection that dies in the middle of a booking, a reservation id
 * handed out again, and hostile input. One subclass per database.
 */
abstract class FaultTests {
    /** Reservation ids per sequence round trip of the second instance in {@link #reissuedId}. */
    private static final int ID_BLOCK = 20;

    abstract TestDatabase database();

    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicBoolean loseAnswer = new AtomicBoolean();
    private final AtomicInteger kills = new AtomicInteger();
    private JdbcStorage storage;
    private KenshinBooking engine;
    private HouseholdSession session;
    private MemberId member;
    private Slot slot;

    @BeforeEach
    void setUp() throws Refusal {
        database().reset(false);
        storage = JdbcStorage.create(FaultyDataSource.wrap(database().dataSource(), new FaultyDataSource.Faults() {
            @Override
            public void beforeExecute(Connection c, String sql) throws SQLException {
                // the reservation insert is the booking's last statement: the outbox row is written by then
                if (sql.contains("INSERT INTO kb_reservation") && armed.compareAndSet(true, false)) {
                    kill(c);
                }
            }

            @Override
            public void afterExecute(Connection c, String sql) throws SQLException {
                // the statement ran (on PostgreSQL the booking's one auto-commit statement: committed),
                // but its answer never reaches the application
                if (sql.contains("INSERT INTO kb_reservation") && loseAnswer.compareAndSet(true, false)) {
                    throw new SQLException("answer lost (test)", "08006");
                }
            }
        }));
        JdbcHouseholdDirectory directory = JdbcHouseholdDirectory.of(storage);
        engine = Union.engine(storage, directory, MutableClock.of(Union.NOW, Union.TOKYO));
        Household h = Union.household("1999999", LocalDate.of(1970, 5, 5));
        directory.put(h);
        session = Union.activate(engine, h, Optional.of("taro@example.jp"));
        member = Union.member(h, 0);
        slot = Union.addSlot(engine, Union.MIRIKA, Union.EXAM_DAY, LocalTime.of(9, 0), 1);
    }

    /** Kills the connection's session from another one, as an operator or a failover would. */
    private void kill(Connection victim) throws SQLException {
        kills.incrementAndGet();
        switch (database().kind()) {
            case POSTGRESQL -> {
                long pid = single(victim, "SELECT pg_backend_pid()");
                try (Connection admin = DriverManager.getConnection(database().adminUrl());
                        PreparedStatement ps = admin.prepareStatement("SELECT pg_terminate_backend(?, 10000)")) {
                    ps.setInt(1, (int) pid);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertThat(rs.getBoolean(1)).as("backend terminated").isTrue();
                    }
                }
            }
            case MARIADB, GALERA -> {
                long id = single(victim, "SELECT CONNECTION_ID()");
                try (Connection admin = DriverManager.getConnection(database().adminUrl());
                        Statement s = admin.createStatement()) {
                    s.execute("KILL CONNECTION " + id);
                }
            }
            case H2 -> {
                // an embedded database has no other session to kill it from: close the session
                // (H2 rolls its transaction back) and fail as a driver does on a dropped connection;
                // the pool does not see this error, so it is told to drop the connection
                database().dataSource().evictConnection(victim);
                victim.unwrap(org.h2.jdbc.JdbcConnection.class).close();
                throw new SQLException("connection lost (test)", "08006");
            }
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    @DisplayName("MAIL-2 SLOT-3 a connection killed in the middle of a booking leaves nothing; the next attempt succeeds")
    void killedMidBooking() throws Exception {
        BookingRequest request = BookingRequest.of(member, slot.id(), Union.PHONE, true).withIdempotencyKey("k-1");
        armed.set(true);

        assertThatThrownBy(() -> engine.bookings().book(session, request))
                .isInstanceOf(InfrastructureException.class).hasCauseInstanceOf(SQLException.class);
        assertThat(kills).hasValue(1);

        JdbcStorage clean = database().storage();
        assertThat(clean.reservations().findByMember(member)).isEmpty();
        assertThat(clean.slots().find(slot.id()).orElseThrow().reserved()).isZero();
        assertThat(clean.outbox().pending()).noneMatch(e -> e.notification().kind() == NotificationKind.BOOKED);
        assertThat(clean.idempotency().find(session.household(), new IdempotencyKey("k-1"))).isEmpty();

        Reservation r = engine.bookings().book(session, request);
        assertThat(clean.reservations().findByMember(member)).containsExactly(r);
        assertThat(clean.slots().find(slot.id()).orElseThrow().reserved()).isEqualTo(1);
        assertThat(clean.outbox().pending()).filteredOn(e -> e.notification().kind() == NotificationKind.BOOKED)
                .hasSize(1);
        assertThat(clean.idempotency().find(session.household(), new IdempotencyKey("k-1"))).contains(r.id());
    }

    @Test
    @DisplayName("BOOK-4 MAIL-2 a booking whose answer is lost: the repeat with its key answers the one reservation, one mail")
    void lostAnswer() throws Exception {
        BookingRequest request = BookingRequest.of(member, slot.id(), Union.PHONE, true).withIdempotencyKey("k-2");
        loseAnswer.set(true);

        assertThatThrownBy(() -> engine.bookings().book(session, request))
                .isInstanceOf(InfrastructureException.class).hasCauseInstanceOf(SQLException.class);
        assertThat(loseAnswer).isFalse();
        if (database().kind() == TestDatabase.Kind.POSTGRESQL) {
            // one auto-commit statement: it had committed when its answer was lost
            assertThat(database().storage().reservations().findByMember(member)).hasSize(1);
        } else {
            // statements in a transaction: the failure rolled it back
            assertThat(database().storage().reservations().findByMember(member)).isEmpty();
        }

        // either way the repeat with the same key settles it
        Reservation r = engine.bookings().book(session, request);
        assertThat(engine.bookings().book(session, request)).isEqualTo(r);
        JdbcStorage clean = database().storage();
        assertThat(clean.reservations().findByMember(member)).containsExactly(r);
        assertThat(clean.slots().find(slot.id()).orElseThrow().reserved()).isEqualTo(1);
        assertThat(clean.outbox().pending()).filteredOn(e -> e.notification().kind() == NotificationKind.BOOKED)
                .hasSize(1);
        assertThat(clean.idempotency().find(session.household(), new IdempotencyKey("k-2"))).contains(r.id());
    }

    /** Whether the reservation id sequence can be set back with {@code ALTER SEQUENCE … RESTART} here. */
    boolean sequenceRestarts() {
        return true;
    }

    @Test
    @DisplayName("BOOK-3 MAIL-2 AUDIT-1 an id handed out again (the sequence set back, as by a fail-over) is written once with a new id: one reservation, place, key, mail and audit record")
    void reissuedId() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(sequenceRestarts(), "a Galera sequence (INCREMENT BY 0, one id per"
                + " nextval on its node) cannot be set back, and no block of ids is cached there to hand out again");
        Household h = Union.household("1888888", LocalDate.of(1970, 5, 5), LocalDate.of(1972, 7, 7));
        JdbcHouseholdDirectory.of(storage).put(h);
        HouseholdSession hs = Union.activate(engine, h, Optional.of("ume@example.jp"));
        Slot roomy = Union.addSlot(engine, Union.MIRIKA, Union.EXAM_DAY, LocalTime.of(10, 0), 5);
        Reservation first = engine.bookings().book(hs, BookingRequest.of(Union.member(h, 0), roomy.id(),
                Union.PHONE, true));
        // the promoted standby's sequence behind the ids already used: the next value is first's id
        try (Connection c = database().dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("ALTER SEQUENCE kb_reservation_id_seq RESTART WITH " + first.id().value());
        }

        // another instance, holding no ids yet: its first block starts at first's id
        AtomicInteger attempts = new AtomicInteger();
        JdbcStorage other = JdbcStorage.builder(FaultyDataSource.wrap(database().dataSource(),
                new FaultyDataSource.Faults() {
                    @Override
                    public void beforeExecute(Connection c, String sql) {
                        if (sql.contains("INSERT INTO kb_reservation")) {
                            attempts.incrementAndGet();
                        }
                    }
                })).reservationIdBlock(ID_BLOCK).build();
        KenshinBooking second = Union.engine(other, JdbcHouseholdDirectory.of(other),
                MutableClock.of(Union.NOW, Union.TOKYO));
        MemberId hanako = Union.member(h, 1);
        Reservation r = second.bookings().book(hs,
                BookingRequest.of(hanako, roomy.id(), Union.PHONE, true).withIdempotencyKey("k-3"));

        assertThat(attempts).as("writes of the booking").hasValue(2);
        assertThat(r.id()).isNotEqualTo(first.id());
        if (database().kind() != TestDatabase.Kind.MARIADB) {
            // a dialect that fetches blocks: the rest of the refused block was dropped, not handed out
            assertThat(r.id().value()).isGreaterThanOrEqualTo(first.id().value() + ID_BLOCK);
        }
        JdbcStorage clean = database().storage();
        assertThat(clean.reservations().find(first.id())).contains(first);
        assertThat(clean.reservations().findByMember(hanako)).containsExactly(r);
        assertThat(database().count("SELECT COUNT(*) FROM kb_reservation")).isEqualTo(2);
        assertThat(clean.slots().find(roomy.id()).orElseThrow().reserved()).isEqualTo(2);
        assertThat(clean.idempotency().find(hs.household(), new IdempotencyKey("k-3"))).contains(r.id());
        assertThat(clean.outbox().pending()).map(e -> e.notification())
                .filteredOn(n -> n.kind() == NotificationKind.BOOKED)
                .map(n -> n.get(NotificationData.RESERVATION_ID).orElseThrow())
                .containsExactlyInAnyOrder(first.id().toString(), r.id().toString());
        List<AuditEntry> audit = new ArrayList<>();
        clean.audit().forEach(AuditQuery.period(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")), audit::add);
        assertThat(audit).map(AuditEntry::record).filteredOn(a -> a.action() == AuditAction.BOOKED)
                .map(a -> a.target().id()).containsExactlyInAnyOrder(first.id().toString(), r.id().toString());
    }

    @Test
    @DisplayName("BOOK-1 AUTH-1 RESET-2 hostile input is data: it never reaches SQL as text")
    void hostileInput() throws Exception {
        String key = "x');DELETE/**/FROM/**/reservation;--";
        Reservation r = engine.bookings().book(session,
                BookingRequest.of(member, slot.id(), Union.PHONE, true).withIdempotencyKey(key));
        assertThat(storage.idempotency().find(session.household(), new IdempotencyKey(key))).contains(r.id());
        assertThat(engine.bookings().book(session,
                BookingRequest.of(member, slot.id(), Union.PHONE, true).withIdempotencyKey(key))).isEqualTo(r);

        assertThat(codeOf(() -> engine.logins().login("1999999' OR '1'='1", "ｹﾝｾﾂ ﾀﾛｳ", "x")))
                .isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(codeOf(() -> engine.logins().login("1999999", "' OR ''='", "' OR ''='")))
                .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(codeOf(() -> {
            engine.resets().resetPassword("'; DROP TABLE kb_reset_token; --", "1999999", "ｹﾝｾﾂ ﾀﾛｳ", "abc12345",
                    "abc12345");
            return null;
        })).isEqualTo(ErrorCode.RESET_TOKEN_INVALID);
        assertThat(codeOf(() -> engine.staff().cancelEventDay(Venue.of("' OR 1=1 --"), Union.EXAM_DAY)))
                .isEqualTo(ErrorCode.NOT_FOUND);

        assertThat(storage.reservations().findByMember(member)).containsExactly(r);
        assertThat(storage.slots().find(slot.id()).orElseThrow().eventCancelled()).isFalse();
        assertThat(database().count("SELECT COUNT(*) FROM kb_reset_token")).isZero();
        assertThat(database().count("SELECT COUNT(*) FROM kb_reservation")).isEqualTo(1);
    }

    private interface Call {
        Object run() throws Refusal;
    }

    private static ErrorCode codeOf(Call call) {
        try {
            call.run();
            return null;
        } catch (Refusal r) {
            return r.code();
        }
    }
}
