package io.github.kenshinbooking.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentest4j.TestAbortedException;
import org.threeten.extra.MutableClock;

/**
 * PostgreSQL fail-over under a booking load: a primary and a streaming standby of their own
 * ({@code .ci/pg-standby.sh}, whose path env {@value #SCRIPT_ENV} gives; unset, the cases are
 * skipped with the reason, or fail with env {@code CI}). Each case starts a fresh pair (the primary
 * dies in it), books through the pgJDBC multi-host URL with {@code targetServerType=primary},
 * kills the primary (immediate shutdown), promotes the standby, and books on; the application only
 * reconnects. Optionally the link stalls first (the primary's WAL sender stopped for a while under
 * load), the case where a synchronous and an asynchronous standby differ most.
 */
class PostgresFailoverTest {
    static final String SCRIPT_ENV = "KENSHIN_PG_STANDBY";
    private static final int[] CAPACITIES = {40, 300, 100_000};

    @ParameterizedTest(name = "{0} standby, link stalled before the crash: {1}")
    // "sync, true" showed a reservation id handed out twice (ids a client fetched from the old primary while the
    // link stalled, then booked on the promoted server, collided with the ids its sequence handed out later): the
    // store now refuses such an id writing nothing, and the engine books again with a new one
    @CsvSource({"sync, false", "sync, true", "async, false", "async, true"})
    void primaryDiesStandbyPromoted(String mode, boolean stall) throws Exception {
        Path script = script();
        String url = lastLine(run(script, "start", mode));
        assertThat(url).startsWith("url jdbc:postgresql://");
        url = url.substring("url ".length()) + "&hostRecheckSeconds=1&connectTimeout=2";
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(6);
        config.setConnectionTimeout(2_000);
        config.setPoolName("kb-failover-" + mode);
        BookingLoad load = null;
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Flyway.configure().dataSource(pool).locations(KenshinMigrations.location(Dialect.POSTGRESQL))
                    .table(KenshinMigrations.HISTORY_TABLE).load().migrate();
            JdbcStorage storage = JdbcStorage.create(pool);
            JdbcHouseholdDirectory directory = JdbcHouseholdDirectory.of(storage);
            KenshinBooking engine = Union.engine(storage, directory, MutableClock.of(Union.NOW, Union.TOKYO));
            List<Slot> slots = new java.util.ArrayList<>();
            for (int i = 0; i < CAPACITIES.length; i++) {
                slots.add(Union.addSlot(engine, Union.MIRIKA, Union.EXAM_DAY, LocalTime.of(9 + i, 0), CAPACITIES[i]));
            }
            BookingLoad started = new BookingLoad(List.of(engine), directory, slots, 6, 40, 3_000_000, 20);
            load = started;
            started.start();
            started.awaitUntil("100 bookings before the crash", () -> started.toldCount() >= 100);
            if (stall) {
                run(script, "freeze-sender");
            }
            long stalledAt = System.nanoTime();
            if (stall) {
                TimeUnit.MILLISECONDS.sleep(1_500);
            }
            long stoppedAt = System.nanoTime();
            int beforeStop = started.toldCount();
            run(script, "stop-primary");
            run(script, "promote");
            long promotedAt = System.nanoTime();
            started.awaitUntil("50 bookings on the promoted standby", () -> started.toldSince(promotedAt, e -> true) >= 50);
            long firstAfter = System.nanoTime();
            started.stop();

            Set<String> told = started.toldKeys();
            Set<String> present = new HashSet<>();
            for (int i = 0; i < slots.size(); i++) {
                Slot slot = storage.slots().find(slots.get(i).id()).orElseThrow();
                List<Reservation> rows = storage.reservations().findLiveBySlot(slot.id());
                rows.forEach(r -> present.add(BookingLoad.key(r)));
                assertThat(slot.reserved()).as("slot %d", i).isBetween(0, CAPACITIES[i]).isEqualTo(rows.size());
                assertThat(slot.remaining()).as("slot %d remaining", i).isEqualTo(CAPACITIES[i] - rows.size());
            }
            Set<String> lost = new HashSet<>(told);
            lost.removeAll(present);
            System.out.printf("[failover] %s standby, stall %s: %d bookings told before the primary died (%d of them"
                    + " during the stall), %d after the promotion; lost %d of the %d told; reservation ids told twice"
                    + " %d; %s%n", mode, stall, beforeStop, started.toldBetween(stalledAt, stoppedAt),
                    started.toldSince(promotedAt, e -> true), lost.size(), told.size(),
                    started.toldCount() - started.distinctToldIds(), started.summary());

            assertThat(started.unexpected()).isEmpty();
            assertThat(started.exhausted()).as("clients that ran out of members").isZero();
            assertThat(present).as("only bookings a client was told about").isSubsetOf(told);
            assertThat(count(pool, "SELECT COUNT(*) FROM (SELECT member_id FROM kb_reservation WHERE status = 'CONFIRMED'"
                    + " GROUP BY member_id, fiscal_year HAVING COUNT(*) > 1) d")).as("ONE-1 violations").isZero();
            assertThat(count(pool, "SELECT COUNT(*) FROM kb_outbox WHERE kind = 'BOOKED'")).as("booking mails")
                    .isEqualTo(present.size());
            assertThat(count(pool, "SELECT COUNT(*) FROM kb_idempotency_key")).isEqualTo(present.size());
            assertThat(started.toldSince(promotedAt, e -> true)).isGreaterThanOrEqualTo(50);
            if (mode.equals("sync")) {
                // every commit was on the standby's disk before the client heard of it
                assertThat(lost).as("acknowledged bookings lost").isEmpty();
                assertThat(started.distinctToldIds()).as("reservation ids told twice").isEqualTo(started.toldCount());
                if (stall) {
                    // (answers to commits acknowledged before the stall may still be arriving for a moment)
                    assertThat(started.toldBetween(stalledAt + TimeUnit.MILLISECONDS.toNanos(200), stoppedAt))
                            .as("commits acknowledged while the link stalled").isZero();
                }
            }
            assertThat(firstAfter).isGreaterThan(promotedAt);
        } finally {
            if (load != null) {
                load.stop();
            }
            run(script, "stop");
        }
    }

    /** The harness script from env; without it the case is skipped (fails with env CI). */
    private static Path script() {
        String env = System.getenv(SCRIPT_ENV);
        if (env == null || env.isBlank() || !Files.isExecutable(Path.of(env))) {
            String message = "set " + SCRIPT_ENV + " to the path of .ci/pg-standby.sh (it starts a PostgreSQL primary and"
                    + " standby of its own on ports 5433/5434, as the postgres user) to run the fail-over tests";
            try {
                TestDatabase.unavailable(message, null);
            } catch (TestAbortedException e) {
                System.err.println("[SKIPPED] PostgresFailoverTest: " + message);
                throw e;
            }
        }
        return Path.of(env);
    }

    private static long count(HikariDataSource pool, String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String lastLine(String out) {
        String[] lines = out.split("\n");
        return lines[lines.length - 1].trim();
    }

    private static String run(Path script, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = script.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out;
            try (var in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            System.out.println("[failover] " + String.join(" ", args) + ": " + out.trim().replace('\n', ';'));
            return out.trim();
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
