package io.github.kenshinbooking.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.kenshinbooking.storage.Storage;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * testkit's port contracts ({@link JdbcContracts}) on a Galera cluster, from env
 * {@code KENSHIN_GALERA_URLS}, through a data source that hands out each connection from the next
 * node in turn (as a load balancer in front of the cluster would), every connection waiting for
 * causality ({@code wsrep_sync_wait = 7}): what a household sees when its consecutive requests reach
 * different nodes. 7, not 1: MariaDB waits only before a transaction's first statement, and only if
 * its kind (1 read, 2 update or delete, 4 insert) is in the mask; with 1, units of work that begin
 * with an update (a session's resume) or an insert read stale rows now and then.
 */
class GaleraCausalContractsTest extends JdbcContracts {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.GALERA, 4);

    private static final List<HikariDataSource> POOLS = new ArrayList<>();
    private static JdbcStorage storage;

    @Override
    Storage fresh() {
        TestDatabase db = DB.get();
        db.reset(false);
        synchronized (POOLS) {
            if (storage == null) {
                for (int node = 0; node < db.nodeCount(); node++) {
                    HikariConfig config = new HikariConfig();
                    config.setJdbcUrl(db.dataSource(node).getJdbcUrl() + "&sessionVariables=wsrep_sync_wait=7");
                    config.setMaximumPoolSize(8);
                    config.setPoolName("kb-causal-node" + (node + 1));
                    POOLS.add(new HikariDataSource(config));
                }
                storage = JdbcStorage.create(new RoundRobin(List.copyOf(POOLS)));
            }
            return storage;
        }
    }

    /** Consecutive connections come from different nodes, and Galera's row locks are per node. */
    @Override
    boolean rowLocksSpanConnections() {
        return false;
    }

    /** Each node hands out ids from its own sequence (auto-increment offset). */
    @Override
    boolean oneIdSequence() {
        return false;
    }

    @AfterAll
    static void closePools() {
        synchronized (POOLS) {
            POOLS.forEach(HikariDataSource::close);
            POOLS.clear();
            storage = null;
        }
    }

    /** Each connection from the next node's pool. */
    private static final class RoundRobin implements DataSource {
        private final List<HikariDataSource> nodes;
        private final AtomicInteger next = new AtomicInteger();

        RoundRobin(List<HikariDataSource> nodes) {
            this.nodes = nodes;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size())).getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("the pools have their credentials");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
