package io.github.kenshinbooking.spring;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.PasswordHasher;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.eligibility.CourseCatalog;
import io.github.kenshinbooking.error.RefusalMessages;
import io.github.kenshinbooking.household.HouseholdDirectory;
import io.github.kenshinbooking.jdbc.JdbcHouseholdDirectory;
import io.github.kenshinbooking.jdbc.JdbcStorage;
import io.github.kenshinbooking.mail.MailRenderer;
import io.github.kenshinbooking.observation.EngineObserver;
import io.github.kenshinbooking.policy.UnionPolicy;
import io.github.kenshinbooking.storage.Storage;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The engine over the application's {@link DataSource}: the library's migrations, {@link JdbcStorage}, the
 * member records ({@link JdbcHouseholdDirectory} unless the application has a {@link HouseholdDirectory}
 * bean), the password hasher (PBKDF2 at {@code kenshin.passwords.pbkdf2-iterations}), the clock (the
 * application's {@link Clock} bean if it has one), the {@link UnionPolicy} from {@code kenshin.*}, the
 * {@link KenshinBooking} engine with every {@link EngineObserver} bean and the application's
 * {@link CourseCatalog} bean if it has one, the {@link RefusalMessages} and the {@link MailRenderer}. Every bean backs off when the application defines one of its type.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass({KenshinBooking.class, JdbcStorage.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(KenshinProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class KenshinBookingAutoConfiguration {
    /** Created by Spring. */
    public KenshinBookingAutoConfiguration() {
    }

    /**
     * The union's policy.
     *
     * @param properties {@code kenshin.*}
     * @return the policy of the properties
     */
    @Bean
    @ConditionalOnMissingBean
    public UnionPolicy kenshinUnionPolicy(KenshinProperties properties) {
        return properties.toPolicy();
    }

    /**
     * The library's migrations, applied when the bean is created (before the storage), after the
     * application's own database initialization (its Flyway or Liquibase, its SQL scripts): an application's
     * Flyway refuses to start in a schema that already holds tables without its history, so the library's
     * migrations never run first; the library's own Flyway starts beside existing tables with its baseline.
     *
     * @param dataSource the application's data source
     * @return the migration, already applied
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "kenshin.migrations.enabled", matchIfMissing = true)
    @DependsOnDatabaseInitialization
    public KenshinSchemaMigration kenshinSchemaMigration(DataSource dataSource) {
        KenshinSchemaMigration m = new KenshinSchemaMigration(dataSource);
        m.migrate();
        return m;
    }

    /**
     * The engine's storage over the data source, after the migrations.
     *
     * @param dataSource the application's data source
     * @param migration  the migrations, if on
     * @return the storage
     */
    @Bean
    @ConditionalOnMissingBean(Storage.class)
    public JdbcStorage kenshinStorage(DataSource dataSource, ObjectProvider<KenshinSchemaMigration> migration) {
        migration.ifAvailable(m -> { }); // the schema first
        return JdbcStorage.create(dataSource);
    }

    /**
     * The union's member records in the same database (tables {@code kb_household}, {@code kb_member}).
     *
     * @param storage    the engine's storage
     * @param dataSource the application's data source
     * @return the directory
     */
    @Bean
    @ConditionalOnMissingBean(HouseholdDirectory.class)
    public JdbcHouseholdDirectory kenshinHouseholdDirectory(Storage storage, DataSource dataSource) {
        return storage instanceof JdbcStorage jdbc ? JdbcHouseholdDirectory.of(jdbc)
                : JdbcHouseholdDirectory.create(dataSource);
    }

    /**
     * PBKDF2 at the policy's iterations.
     *
     * @param policy the union's policy
     * @return the hasher
     * @throws IllegalStateException naming {@code kenshin.passwords.pbkdf2-iterations} if the hasher refuses it
     */
    @Bean
    @ConditionalOnMissingBean(PasswordHasher.class)
    public PasswordHasher kenshinPasswordHasher(UnionPolicy policy) {
        try {
            return new Pbkdf2PasswordHasher(policy.passwords().pbkdf2Iterations(), new SecureRandom());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("kenshin.passwords.pbkdf2-iterations=" + policy.passwords().pbkdf2Iterations()
                    + " is refused by the password hasher: " + e.getMessage(), e);
        }
    }

    /**
     * The system clock in the union's zone.
     *
     * @param policy the union's policy
     * @return the clock
     */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    public Clock kenshinClock(UnionPolicy policy) {
        return Clock.system(policy.zone());
    }

    /**
     * The engine.
     *
     * @param policy      the union's policy
     * @param clock       the clock
     * @param storage     the storage
     * @param directory   the member records
     * @param hasher      the password hasher
     * @param observers   every observer bean, in order
     * @param courses     the union's courses and optional tests (CRS-1, OPT-1), if the application defines
     *     them; else {@link CourseCatalog#none()}
     * @param customizers every customizer bean, in order, applied last
     * @return the engine
     */
    @Bean
    @ConditionalOnMissingBean
    public KenshinBooking kenshinBooking(UnionPolicy policy, Clock clock, Storage storage, HouseholdDirectory directory,
            PasswordHasher hasher, ObjectProvider<EngineObserver> observers, ObjectProvider<CourseCatalog> courses,
            ObjectProvider<KenshinBookingCustomizer> customizers) {
        List<EngineObserver> all = observers.orderedStream().toList();
        KenshinBooking.Builder b = KenshinBooking.builder().policy(policy).clock(clock).storage(storage)
                .directory(directory).passwordHasher(hasher).courses(courses.getIfAvailable(CourseCatalog::none))
                .observer(all.isEmpty() ? EngineObserver.NONE : all.size() == 1 ? all.get(0)
                        : new CompositeEngineObserver(all));
        customizers.orderedStream().forEach(c -> c.customize(b));
        return b.build();
    }

    /**
     * The refusal messages for screens and {@code @ControllerAdvice}, with the union's bundle over the
     * library's if {@code kenshin.messages.bundle} names one.
     *
     * @param policy     the union's policy
     * @param properties {@code kenshin.*}
     * @return the messages
     * @throws IllegalStateException naming {@code kenshin.messages.bundle} if the bundle is missing
     */
    @Bean
    @ConditionalOnMissingBean
    public RefusalMessages kenshinRefusalMessages(UnionPolicy policy, KenshinProperties properties) {
        RefusalMessages messages = RefusalMessages.defaults(policy);
        String bundle = properties.getMessages().getBundle();
        if (bundle == null || bundle.isBlank()) {
            return messages;
        }
        try {
            return messages.withOverrides(ResourceBundle.getBundle(bundle, java.util.Locale.ROOT,
                    Thread.currentThread().getContextClassLoader()));
        } catch (MissingResourceException | IllegalArgumentException e) {
            throw new IllegalStateException("kenshin.messages.bundle=" + bundle + ": " + e.getMessage(), e);
        }
    }

    /**
     * The mail renderer: built-in templates (or {@code kenshin.mail.templates-dir}), the policy's sender and
     * footer, and {@code kenshin.mail.reset-link-base}.
     *
     * @param policy     the union's policy
     * @param properties {@code kenshin.*}
     * @return the renderer
     * @throws IllegalStateException naming the property if the templates or the link base are refused
     */
    @Bean
    @ConditionalOnMissingBean
    public MailRenderer kenshinMailRenderer(UnionPolicy policy, KenshinProperties properties) {
        MailRenderer r = MailRenderer.withDefaults(policy);
        KenshinProperties.Mail mail = properties.getMail();
        if (mail.getTemplatesDir() != null) {
            try {
                r = r.withTemplatesFrom(mail.getTemplatesDir());
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                throw new IllegalStateException("kenshin.mail.templates-dir=" + mail.getTemplatesDir() + ": "
                        + e.getMessage(), e);
            }
        }
        if (mail.getResetLinkBase() != null) {
            try {
                r = r.withResetLinkBase(mail.getResetLinkBase());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("kenshin.mail.reset-link-base: " + e.getMessage(), e);
            }
        }
        return r;
    }

    /**
     * Reads the outbox for metrics and health.
     *
     * @param engine     the engine
     * @param properties {@code kenshin.*}
     * @return the monitor
     */
    @Bean
    @ConditionalOnMissingBean
    public OutboxMonitor kenshinOutboxMonitor(KenshinBooking engine, KenshinProperties properties) {
        return new OutboxMonitor(engine.storage().outbox(), engine.clock(), properties.getOutbox().getStatusCache());
    }
}
