package io.github.kenshinbooking.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A poor man's server profile on PostgreSQL: every {@value #PERIOD_MILLIS} ms, what each backend of
 * the bench's pool is doing, from {@code pg_stat_activity}: running (on CPU or runnable), waiting
 * on a lock, on WAL I/O, or idle in a transaction waiting for the driver's next statement. Runs on
 * a connection of its own, outside the pool.
 */
final class WaitSampler implements AutoCloseable {
    static final int PERIOD_MILLIS = 10;
    private static final String SQL = "SELECT state, wait_event_type, wait_event FROM pg_stat_activity"
            + " WHERE application_name = '" + BenchDatabase.APPLICATION_NAME + "' AND pid <> pg_backend_pid()";

    private final Connection connection;
    private final Map<String, Long> counts = new TreeMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private long samples;

    private WaitSampler(Connection connection) {
        this.connection = connection;
        this.thread = new Thread(this::loop, "kb-wait-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts sampling on the given connection (closed by {@link #close()}). */
    static WaitSampler start(Connection c) {
        return new WaitSampler(c);
    }

    /** The server process ids of the bench's pool. */
    static Set<Integer> benchPids(Connection c) throws SQLException {
        Set<Integer> pids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT pid FROM pg_stat_activity WHERE application_name = '"
                + BenchDatabase.APPLICATION_NAME + "'"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                pids.add(rs.getInt(1));
            }
        }
        return pids;
    }

    private void loop() {
        try (PreparedStatement ps = connection.prepareStatement(SQL)) {
            while (running.get()) {
                try (ResultSet rs = ps.executeQuery()) {
                    synchronized (counts) {
                        samples++;
                        while (rs.next()) {
                            counts.merge(label(rs.getString(1), rs.getString(2), rs.getString(3)), 1L, Long::sum);
                        }
                    }
                }
                TimeUnit.MILLISECONDS.sleep(PERIOD_MILLIS);
            }
        } catch (SQLException e) {
            synchronized (counts) {
                counts.merge("sampler failed: " + e.getMessage(), 1L, Long::sum);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final String IDLE = "idle";

    private static String label(String state, String type, String event) {
        if ("idle in transaction".equals(state)) {
            return "waiting for the driver (idle in transaction)";
        }
        if ("idle".equals(state)) {
            return IDLE;
        }
        if ("active".equals(state)) {
            return type == null ? "running (CPU or runnable)" : type + ":" + event;
        }
        return String.valueOf(state);
    }

    /**
     * What the backends were doing while in a transaction: each activity's share of the samples of
     * backends not idle, largest first.
     */
    Map<String, Double> shares() {
        synchronized (counts) {
            long busy = counts.entrySet().stream().filter(e -> !e.getKey().equals(IDLE))
                    .mapToLong(Map.Entry::getValue).sum();
            Map<String, Double> out = new LinkedHashMap<>();
            counts.entrySet().stream().filter(e -> !e.getKey().equals(IDLE))
                    .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                    .forEach(e -> out.put(e.getKey(), busy == 0 ? 0 : e.getValue() / (double) busy));
            return out;
        }
    }

    /** How many of the pool's backends were in a transaction (not idle), on average. */
    double busyBackends() {
        synchronized (counts) {
            long busy = counts.entrySet().stream().filter(e -> !e.getKey().equals(IDLE))
                    .mapToLong(Map.Entry::getValue).sum();
            return samples == 0 ? 0 : busy / (double) samples;
        }
    }

    long samples() {
        synchronized (counts) {
            return samples;
        }
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing to do: the sampler's connection only read
        }
    }
}
