package io.github.kenshinbooking.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.threeten.extra.MutableClock;

/**
 * Faults on a Galera cluster, from env {@code KENSHIN_GALERA_URLS}: the connection faults of
 * {@link FaultTests} on the first node, and a node's process killed in the middle of a booking load
 * (needs env {@code KENSHIN_GALERA_HOME}, the harness that recorded the nodes' pids and restarts them).
 */
class GaleraFaultTest extends FaultTests {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.GALERA, 8);

    /** Node 2 of 3 (index 1) is the one killed. */
    private static final int VICTIM = 1;
    /** The first slot fills early, the second may fill during the outage, the third never. */
    private static final int[] CAPACITIES = {30, 400, 100_000};

    @Override
    TestDatabase database() {
        return DB.get();
    }

    @Override
    boolean sequenceRestarts() {
        return false;
    }

    @Test
    @DisplayName("SLOT-3 ONE-1 BOOK-4 MAIL-2 a node killed in the middle of a booking load: the others keep booking,"
            + " nothing committed is lost, the node rejoins and the three agree")
    void nodeKilledMidLoad() throws Exception {
        GaleraNodes.home(); // skips (or fails with CI) before any work when the harness is not there
        TestDatabase db = database();
        int nodes = db.nodeCount();
        JdbcStorage storage = db.reset(false);
        MutableClock clock = MutableClock.of(Union.NOW, Union.TOKYO);
        List<KenshinBooking> engines = new ArrayList<>();
        List<HikariDataSource> pools = new ArrayList<>();
        for (int node = 0; node < nodes; node++) {
            // the clients' own pools: a client of a dead node learns it in a second, not in 30 s
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(db.dataSource(node).getJdbcUrl());
            config.setMaximumPoolSize(4);
            config.setConnectionTimeout(1_000);
            config.setPoolName("kb-galera-clients-node" + (node + 1));
            pools.add(new HikariDataSource(config));
            JdbcStorage s = JdbcStorage.create(pools.get(node));
            engines.add(Union.engine(s, JdbcHouseholdDirectory.of(s), clock));
        }
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < CAPACITIES.length; i++) {
            slots.add(Union.addSlot(engines.get(0), Union.MIRIKA, Union.EXAM_DAY, LocalTime.of(13 + i, 0),
                    CAPACITIES[i]));
        }
        BookingLoad load = new BookingLoad(engines, JdbcHouseholdDirectory.of(storage), slots, 6, 40, 2_000_000, 40);
        db.awaitReplication();

        String status;
        long killedAt;
        int beforeKill;
        long restartedAt;
        boolean down = false;
        load.start();
        try {
            load.awaitUntil("60 bookings before the kill", () -> load.toldCount() >= 60);
            beforeKill = load.toldCount();
            killedAt = System.nanoTime();
            down = true;
            System.out.println("[galera] " + GaleraNodes.kill(VICTIM + 1) + " after " + beforeKill + " bookings");
            load.awaitUntil("the surviving nodes keep booking: 60 bookings answered by them after the kill",
                    () -> load.toldSince(killedAt, n -> n != VICTIM) >= 60);
            System.out.println("[galera] " + GaleraNodes.start(VICTIM + 1));
            down = false;
            restartedAt = System.nanoTime();
            load.awaitUntil("20 bookings answered by the rejoined node",
                    () -> load.toldSince(restartedAt, n -> n == VICTIM) >= 20);
        } finally {
            load.stop();
            pools.forEach(HikariDataSource::close);
            if (down) { // the test failed before the restart: the next tests need the whole cluster
                System.out.println("[galera] " + GaleraNodes.start(VICTIM + 1));
            }
            status = GaleraNodes.status();
        }
        db.awaitReplication();
        long duringOutage = load.toldBetween(killedAt, restartedAt);
        System.out.printf("[galera] %d before the kill, %d while node %d was down or rejoining (%.1f s); %s; %s%n",
                beforeKill, duringOutage, VICTIM + 1, (restartedAt - killedAt) / 1e9, load.summary(),
                status.replace('\n', ';'));

        assertThat(load.unexpected()).isEmpty();
        assertThat(load.exhausted()).as("clients that ran out of members").isZero();
        assertThat(status).doesNotContain("not running");
        Set<String> told = load.toldKeys();
        assertThat(load.distinctToldIds()).as("one reservation id per booking told").isEqualTo(load.toldCount());
        for (int node = 0; node < nodes; node++) {
            JdbcStorage s = db.storage(node);
            Set<String> live = new HashSet<>();
            for (int i = 0; i < slots.size(); i++) {
                Slot slot = s.slots().find(slots.get(i).id()).orElseThrow();
                List<Reservation> rows = s.reservations().findLiveBySlot(slot.id());
                rows.forEach(r -> live.add(BookingLoad.key(r)));
                assertThat(slot.reserved()).as("node %d slot %d", node + 1, i).isBetween(0, CAPACITIES[i])
                        .isEqualTo(rows.size());
                assertThat(slot.remaining()).as("node %d slot %d remaining", node + 1, i)
                        .isEqualTo(CAPACITIES[i] - rows.size());
            }
            // every booking a client was told is on every node, and nothing else is
            assertThat(live).as("node %d live reservations", node + 1).isEqualTo(told);
            assertThat(db.count(node, "SELECT COUNT(*) FROM (SELECT member_id FROM kb_reservation"
                    + " WHERE status = 'CONFIRMED' GROUP BY member_id, fiscal_year HAVING COUNT(*) > 1) d"))
                    .as("node %d ONE-1 violations", node + 1).isZero();
            assertThat(db.count(node, "SELECT COUNT(*) FROM kb_outbox WHERE kind = 'BOOKED'"))
                    .as("node %d booking mails", node + 1).isEqualTo(told.size());
            assertThat(db.count(node, "SELECT COUNT(*) FROM kb_idempotency_key"))
                    .as("node %d idempotency keys", node + 1).isEqualTo(told.size());
        }
        assertThat(load.slotFull()).as("the first slot filled: SLOT_FULL was answered").isPositive();
        assertThat(load.toldSince(killedAt, n -> n != VICTIM)).isGreaterThanOrEqualTo(60);
    }
}
