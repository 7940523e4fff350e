package io.github.kenshinbooking.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.InfrastructureException;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.schedule.SlotSpec;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The unit of work's retries and error mapping, and dialect detection (on H2). */
class JdbcStorageTest {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.H2, 4);

    private final AtomicInteger failingCommits = new AtomicInteger();
    private String failingState;

    private static final SlotSpec SPEC = new SlotSpec(Union.MIRIKA, "健診機関", LocalDate.of(2024, 6, 16),
            LocalTime.of(9, 0), Duration.ofMinutes(30), 3, Instant.parse("2024-01-01T00:00:00Z"));

    @BeforeEach
    void reset() {
        DB.get().reset(false);
    }

    private JdbcStorage storageWithFailingCommits(int failures, String sqlState, int maxRetries) {
        failingCommits.set(failures);
        failingState = sqlState;
        DataSource ds = FaultyDataSource.wrap(DB.get().dataSource(), new FaultyDataSource.Faults() {
            @Override
            public void beforeCommit(Connection c) throws SQLException {
                if (failingCommits.getAndDecrement() > 0) {
                    throw new SQLException("could not serialize access (test)", failingState);
                }
            }
        });
        return JdbcStorage.builder(ds).maxRetries(maxRetries).build();
    }

    private long slotCount() {
        return DB.get().count("SELECT COUNT(*) FROM kb_slot");
    }

    @Test
    @DisplayName("a serialization failure runs the whole work again, and only the last run's writes stay")
    void retriesSerializationFailure() throws Refusal {
        JdbcStorage storage = storageWithFailingCommits(2, "40001", 3);
        AtomicInteger runs = new AtomicInteger();
        String result = storage.unitOfWork().execute(() -> {
            runs.incrementAndGet();
            storage.slots().add(SPEC);
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(runs).hasValue(3);
        assertThat(slotCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("deadlocks are retried too (PostgreSQL 40P01)")
    void retriesDeadlock() throws Refusal {
        JdbcStorage storage = storageWithFailingCommits(1, "40P01", 3);
        AtomicInteger runs = new AtomicInteger();
        storage.unitOfWork().execute(() -> {
            runs.incrementAndGet();
            return storage.slots().add(SPEC);
        });
        assertThat(runs).hasValue(2);
        assertThat(slotCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("retries are bounded: after maxRetries the failure surfaces as InfrastructureException and nothing stays")
    void retriesBounded() {
        JdbcStorage storage = storageWithFailingCommits(10, "40001", 2);
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> storage.unitOfWork().execute(() -> {
            runs.incrementAndGet();
            return storage.slots().add(SPEC);
        })).isInstanceOf(InfrastructureException.class).hasCauseInstanceOf(SQLException.class);
        assertThat(runs).hasValue(3);
        assertThat(slotCount()).isZero();
    }

    @Test
    @DisplayName("other SQL errors are not retried and surface as InfrastructureException, never SQLException")
    void otherErrorsNotRetried() {
        JdbcStorage storage = storageWithFailingCommits(1, "XX000", 3);
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> storage.unitOfWork().execute(() -> {
            runs.incrementAndGet();
            return storage.slots().add(SPEC);
        })).isInstanceOf(InfrastructureException.class);
        assertThat(runs).hasValue(1);
        assertThat(slotCount()).isZero();
    }

    @Test
    @DisplayName("a refusal is not retried: it rolls back and is rethrown once")
    void refusalNotRetried() {
        JdbcStorage storage = DB.get().storage();
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> storage.unitOfWork().execute(() -> {
            runs.incrementAndGet();
            storage.slots().add(SPEC);
            throw Refusal.of(ErrorCode.SLOT_FULL);
        })).isInstanceOf(Refusal.class);
        assertThat(runs).hasValue(1);
        assertThat(slotCount()).isZero();
    }

    @Test
    @DisplayName("an unreachable database surfaces as InfrastructureException from create and from every port")
    void unreachable() {
        DataSource down = new DownDataSource();
        assertThatThrownBy(() -> JdbcStorage.create(down)).isInstanceOf(InfrastructureException.class)
                .hasCauseInstanceOf(SQLException.class);
        JdbcStorage storage = JdbcStorage.builder(down).dialect(Dialect.POSTGRESQL).build();
        assertThatThrownBy(() -> storage.slots().find(io.github.kenshinbooking.schedule.SlotId.of(1)))
                .isInstanceOf(InfrastructureException.class);
        assertThatThrownBy(() -> storage.unitOfWork().execute(() -> 1)).isInstanceOf(InfrastructureException.class);
        assertThatThrownBy(() -> storage.outbox().pending()).isInstanceOf(InfrastructureException.class);
    }

    @Test
    @DisplayName("the dialect is detected from the database; product names map to dialects")
    void dialects() {
        assertThat(DB.get().storage().dialect()).isEqualTo(Dialect.H2);
        assertThat(Dialect.of("PostgreSQL")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialect.of("MariaDB")).isEqualTo(Dialect.MARIADB);
        assertThat(Dialect.of("MySQL")).isEqualTo(Dialect.MARIADB);
        assertThat(Dialect.of("H2")).isEqualTo(Dialect.H2);
        assertThat(Dialect.POSTGRESQL.migrationLocation()).isEqualTo("db/kenshin-booking/postgresql");
        assertThatThrownBy(() -> Dialect.of("Oracle")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcStorage.builder(DB.get().dataSource()).maxRetries(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("SQL error classification: unique violations and retryable failures on each database")
    void classification() {
        assertThat(SqlErrors.isUniqueViolation(new SQLException("duplicate key value violates unique constraint"
                + " \"uq_kb_reservation_live\"", "23505"), "uq_kb_reservation_live")).isTrue();
        assertThat(SqlErrors.isUniqueViolation(new SQLException("Duplicate entry 'm-2024' for key 'uq_kb_reservation_live'",
                "23000", 1062), "uq_kb_reservation_live")).isTrue();
        assertThat(SqlErrors.isUniqueViolation(new SQLException("Duplicate entry '7' for key 'PRIMARY'", "23000", 1062),
                "uq_kb_reservation_live")).isFalse();
        assertThat(SqlErrors.isRetryable(new SQLException("Deadlock found", "40001", 1213))).isTrue();
        assertThat(SqlErrors.isRetryable(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(SqlErrors.isRetryable(new SQLException("syntax", "42601"))).isFalse();
        SQLException wrapped = new SQLException("batch failed", "HY000");
        wrapped.setNextException(new SQLException("could not serialize", "40001"));
        assertThat(SqlErrors.isRetryable(wrapped)).isTrue();
        assertThat(SqlErrors.translate("x", new SQLException("s", "40001"))).isInstanceOf(InfrastructureException.class);
    }

    @Test
    @DisplayName("instants are kept to the microsecond")
    void microseconds() {
        JdbcStorage storage = DB.get().storage();
        Instant precise = Instant.parse("2024-01-01T00:00:00.123456789Z");
        SlotSpec spec = new SlotSpec(Union.MIRIKA, "x", LocalDate.of(2024, 6, 16), LocalTime.of(9, 0),
                Duration.ofMinutes(30), 1, precise);
        assertThat(storage.slots().add(spec).receptionOpens()).isEqualTo(Instant.parse("2024-01-01T00:00:00.123456Z"));
    }

    /** A data source whose database is down. */
    private static final class DownDataSource implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("Connection refused (test)", "08001");
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
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
