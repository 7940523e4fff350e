package io.github.kenshinbooking.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OPT-2 on PostgreSQL: the deadlock between two bookings' lock of every stripe of a test, replayed in one
 * given interleaving. Booking A's pick of a free stripe is held inside its scan, after its snapshot, by an
 * advisory lock the test holds (the only change to the adapter's statement: a gate in its condition);
 * meanwhile another booking fills stripe 1 and commits. Released, the pick locks stripe 1's newest version,
 * finds it full and skips it - keeping the lock. Booking B, through {@link OptionPlaces#take}, then finds no
 * free stripe either and locks every stripe in stripe order: it gets stripe 0 and waits for A's stripe 1.
 * If A now locked every stripe without giving its lock up, it would wait for B's stripe 0: a deadlock.
 * The waits are awaited by the server's own view ({@code pg_locks}), not by time. From env
 * {@code KENSHIN_PG_URL}.
 */
class PostgresOptionLockTest {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.POSTGRESQL, 6);

    private static final OptionId SCOPE = OptionId.of("scope");
    private static final long GATE = 0x6b62_6f70_7431L;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Connection> open = new ArrayList<>();
    private long slot;

    @BeforeEach
    void setUp() throws Exception {
        JdbcStorage storage = DB.get().reset(false);
        // 2 places of the test: 2 stripes of 1 (the storage's 8 stripes per slot, at most one per place)
        Slot s = storage.slots().add(new SlotSpec(Union.MIRIKA, "ヘルスポートクリニック", Union.EXAM_DAY,
                LocalTime.of(9, 0), Duration.ofMinutes(30), 100, Instant.parse("2024-01-01T00:00:00Z"))
                .withOption(SCOPE, 2));
        slot = s.id().value();
        try (Connection c = connection(true)) {
            assertThat(stripes(c, "SELECT stripe FROM kb_slot_option WHERE slot_id = ? AND option_id = ? AND capacity = 1"
                    + " ORDER BY stripe")).containsExactly(0, 1);
            fill(c, 0); // stripe 0 full before anyone looks: only stripe 1 is free
        }
    }

    @AfterEach
    void tearDown() throws SQLException {
        threads.shutdownNow();
        for (Connection c : open) {
            if (!c.isClosed()) {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                c.close();
            }
        }
    }

    @Test
    @DisplayName("OPT-2 a locking pick keeps the lock on a stripe filled since its snapshot, which it skips;"
            + " rolling back to the savepoint sent with the pick gives that lock up")
    void pickKeepsLockOnSkippedStripeUntilRollbackToSavepoint() throws Exception {
        Connection a = connection(false);
        assertThat(gatedPick(a)).as("A's pick finds no free stripe").isEqualTo(-1);

        Connection probe = connection(false);
        String unlocked = "SELECT stripe FROM kb_slot_option WHERE slot_id = ? AND option_id = ? ORDER BY stripe"
                + " FOR UPDATE SKIP LOCKED";
        assertThat(stripes(probe, unlocked)).as("stripe 1 stays locked by A though A's pick returned no row")
                .containsExactly(0);
        probe.rollback();

        try (PreparedStatement ps = a.prepareStatement(OptionPlaces.ROLLBACK_TO.trim())) {
            ps.execute();
        }
        assertThat(stripes(probe, unlocked)).as("A holds no stripe after the rollback to its savepoint")
                .containsExactly(0, 1);
        probe.rollback();
    }

    @Test
    @DisplayName("OPT-2 two bookings that found no free stripe lock every stripe in one order and do not deadlock:"
            + " B (OptionPlaces.take) answers the test full, A then gets every stripe")
    void lockOfEveryStripeAfterASkippingPickDoesNotDeadlock() throws Exception {
        Connection a = connection(false);
        assertThat(gatedPick(a)).isEqualTo(-1); // A keeps stripe 1 locked (see the test above)

        Connection b = connection(false);
        int bPid = pid(b);
        Future<Boolean> bTakes = threads.submit(() -> OptionPlaces.take(b, Dialect.POSTGRESQL, slot, SCOPE));
        awaitWaiting(bPid, "transactionid"); // B holds stripe 0 and waits for A's stripe 1

        Future<List<int[]>> aLocks = threads.submit(() -> {
            try (PreparedStatement ps = a.prepareStatement(OptionPlaces.ROLLBACK_TO + OptionPlaces.LOCK_ALL)) {
                ps.setLong(1, slot);
                ps.setString(2, SCOPE.value());
                List<int[]> out = new ArrayList<>();
                try (ResultSet rs = OptionPlaces.query(ps)) {
                    while (rs.next()) {
                        out.add(new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)});
                    }
                }
                return out;
            }
        });
        // A gave stripe 1 up: B gets it, finds both stripes full and answers OPTION_FULL
        assertThat(bTakes.get(60, TimeUnit.SECONDS)).as("B takes a place of the full test").isFalse();
        b.rollback(); // B's booking is refused: its transaction ends
        List<int[]> all = aLocks.get(60, TimeUnit.SECONDS);
        assertThat(all).extracting(s -> s[0]).containsExactly(0, 1);
        assertThat(all).extracting(s -> s[2]).as("reserved").containsExactly(1, 1);
        a.rollback();
    }

    /**
     * A's pick as the adapter sends it ({@link OptionPlaces#SAVEPOINT} and {@link OptionPlaces#PICK_FREE}),
     * held inside its scan by the test's advisory lock while stripe 1 is filled and committed. Leaves A's
     * transaction open; answers the stripe it picked, -1 for none.
     */
    private int gatedPick(Connection a) throws Exception {
        Connection gate = connection(true);
        try (PreparedStatement ps = gate.prepareStatement("SELECT pg_advisory_lock(?)")) {
            ps.setLong(1, GATE);
            ps.execute();
        }
        int aPid = pid(a);
        String gated = OptionPlaces.PICK_FREE.replace(" ORDER BY",
                " AND pg_advisory_xact_lock_shared(" + GATE + ") IS NOT NULL ORDER BY");
        assertThat(gated).isNotEqualTo(OptionPlaces.PICK_FREE);
        Future<Integer> pick = threads.submit(() -> {
            try (PreparedStatement ps = a.prepareStatement(OptionPlaces.SAVEPOINT + gated)) {
                ps.setLong(1, slot);
                ps.setString(2, SCOPE.value());
                try (ResultSet rs = OptionPlaces.query(ps)) {
                    return rs.next() ? rs.getInt(1) : -1;
                }
            }
        });
        awaitWaiting(aPid, "advisory"); // A's snapshot still sees stripe 1 free
        try (Connection other = connection(true)) {
            fill(other, 1); // another booking takes stripe 1 and commits
        }
        try (PreparedStatement ps = gate.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, GATE);
            ps.execute();
        }
        return pick.get(60, TimeUnit.SECONDS);
    }

    private void fill(Connection c, int stripe) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE kb_slot_option SET reserved = capacity WHERE slot_id = ? AND option_id = ? AND stripe = ?")) {
            ps.setLong(1, slot);
            ps.setString(2, SCOPE.value());
            ps.setInt(3, stripe);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private List<Integer> stripes(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, slot);
            ps.setString(2, SCOPE.value());
            List<Integer> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
            return out;
        }
    }

    /** Waits until the server shows the backend waiting for a lock of that type. */
    private void awaitWaiting(int pid, String lockType) throws Exception {
        try (Connection c = connection(true); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM pg_locks WHERE pid = ? AND locktype = ? AND NOT granted")) {
            ps.setInt(1, pid);
            ps.setString(2, lockType);
            for (int i = 0; i < 6_000; i++) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError("backend " + pid + " never waited for a " + lockType + " lock");
    }

    private static int pid(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_backend_pid()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private Connection connection(boolean autoCommit) throws SQLException {
        Connection c = DB.get().dataSource().getConnection();
        c.setAutoCommit(autoCommit);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        open.add(c);
        return c;
    }
}
