package io.github.kenshinbooking.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.LoginResult;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.memory.InMemoryHouseholdDirectory;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.threeten.extra.MutableClock;

/**
 * SES-1..SES-3 through two engine instances over one database, as two nodes of a web tier without
 * sticky sessions. H2 always; PostgreSQL and MariaDB from env as the other database tests.
 */
class SessionAcrossInstancesTest {
    private static final Household HOUSEHOLD = Union.household("1999999", LocalDate.of(1960, 2, 10));

    /** Two engines, each with its own JdbcStorage over the same data source, and one clock. */
    private record Nodes(KenshinBooking a, KenshinBooking b, MutableClock clock) {
        static Nodes over(TestDatabase db) {
            InMemoryHouseholdDirectory directory = new InMemoryHouseholdDirectory();
            directory.put(HOUSEHOLD);
            MutableClock clock = MutableClock.of(Union.NOW, Union.TOKYO);
            return new Nodes(Union.engine(JdbcStorage.create(db.dataSource()), directory, clock),
                    Union.engine(JdbcStorage.create(db.dataSource()), directory, clock), clock);
        }

        LoginResult login() throws Refusal {
            return a.logins().login(HOUSEHOLD.symbolNumber().value(), HOUSEHOLD.representative().kana().value(),
                    Union.PASSWORD);
        }
    }

    private static void expired(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).code())
                .isEqualTo(ErrorCode.SESSION_EXPIRED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("SES-1 SES-2 login on A, resume and book on B, logout on A: B's next resume is SESSION_EXPIRED;"
            + " the database holds only the token's hash")
    void resumeOnAnotherInstance(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind, 4)) {
            Nodes n = Nodes.over(db);
            Union.activate(n.a(), HOUSEHOLD, Optional.empty());
            Slot slot = Union.addSlot(n.a(), Union.MIRIKA, Union.EXAM_DAY, LocalTime.of(9, 0), 5);
            LoginResult login = n.login();
            String token = login.token().value();

            HouseholdSession onB = n.b().sessions().resume(token);
            assertThat(onB.household()).isEqualTo(HOUSEHOLD.symbolNumber());
            Reservation r = n.b().bookings().book(onB, BookingRequest.of(Union.member(HOUSEHOLD, 0), slot.id(),
                    Union.PHONE, true));
            assertThat(n.a().bookings().details(n.a().sessions().resume(token), r.id()).reservation().id())
                    .isEqualTo(r.id());
            assertThat(rows(db)).noneMatch(row -> row.contains(token)).anyMatch(row -> row.contains(
                    io.github.kenshinbooking.account.TokenHash.of(token)));

            n.a().sessions().logout(token);
            expired(() -> n.b().sessions().resume(token));
            expired(() -> n.a().sessions().resume(token));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("SES-2 a use on B slides the idle expiry seen by A; 30 minutes without use ends it on both")
    void idleAcrossInstances(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind, 4)) {
            Nodes n = Nodes.over(db);
            Union.activate(n.a(), HOUSEHOLD, Optional.empty());
            String token = n.login().token().value();
            n.clock().add(Duration.ofMinutes(29));
            n.b().sessions().resume(token);
            n.clock().add(Duration.ofMinutes(29));
            assertThat(n.a().sessions().resume(token).household()).isEqualTo(HOUSEHOLD.symbolNumber());
            n.clock().add(Duration.ofMinutes(30));
            expired(() -> n.b().sessions().resume(token));
            expired(() -> n.a().sessions().resume(token));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("SES-3 a password change on A ends the household's session on B and keeps A's")
    void passwordChangeAcrossInstances(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind, 4)) {
            Nodes n = Nodes.over(db);
            Union.activate(n.a(), HOUSEHOLD, Optional.empty());
            LoginResult onA = n.login();
            String other = n.login().token().value();
            n.b().sessions().resume(other);
            n.a().passwords().changePassword(n.a().sessions().resume(onA.token().value()),
                    Union.member(HOUSEHOLD, 0), Union.PASSWORD, "changed2024", "changed2024");
            expired(() -> n.b().sessions().resume(other));
            assertThat(n.b().sessions().resume(onA.token().value()).household()).isEqualTo(HOUSEHOLD.symbolNumber());
        }
    }

    /** Every row of kb_session as its columns joined. */
    private static List<String> rows(TestDatabase db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT token_hash, household, created_at, last_used_at FROM kb_session")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
            }
        }
        return rows;
    }
}
