package io.github.kenshinbooking.spring;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.jdbc.Dialect;
import io.github.kenshinbooking.jdbc.KenshinMigrations;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the library's Flyway migrations to the application's {@link DataSource} at start-up, beside the
 * application's own: a Flyway of its own at {@link KenshinMigrations#location(Dialect)} with its own history
 * table {@link KenshinMigrations#HISTORY_TABLE} and baseline {@link KenshinMigrations#BASELINE_VERSION}, so
 * neither Flyway sees the other's migrations or history. It reads none of {@code spring.flyway.*}, and it is
 * no {@link Flyway} bean, so Spring Boot's own Flyway auto-configuration for the application stays as it is.
 * Thread-safe; migrating twice is a no-op.
 */
public final class KenshinSchemaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(KenshinSchemaMigration.class);

    private final DataSource dataSource;
    private volatile MigrateResult result;

    /**
     * A migration of the data source's current schema.
     *
     * @param dataSource the application's data source
     */
    public KenshinSchemaMigration(DataSource dataSource) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
    }

    /**
     * Applies the library's pending migrations.
     *
     * @return Flyway's result (how many ran, the schema's version)
     * @throws IllegalStateException if the database's dialect cannot be read
     */
    public synchronized MigrateResult migrate() {
        Dialect dialect;
        try (Connection c = dataSource.getConnection()) {
            dialect = Dialect.detect(c.getMetaData());
        } catch (SQLException e) {
            throw new IllegalStateException("kenshin migrations: cannot read the database's product", e);
        }
        MigrateResult r = Flyway.configure().dataSource(dataSource)
                .locations(KenshinMigrations.location(dialect))
                .table(KenshinMigrations.HISTORY_TABLE)
                .baselineOnMigrate(true).baselineVersion(KenshinMigrations.BASELINE_VERSION)
                .load().migrate();
        LOG.info("kenshin migrations ({}): {} applied, schema at version {}", dialect, r.migrationsExecuted,
                r.targetSchemaVersion);
        result = r;
        return r;
    }

    /**
     * The result of the last {@link #migrate()}.
     *
     * @return the result, or {@code null} before the first run
     */
    public MigrateResult lastResult() {
        return result;
    }
}
