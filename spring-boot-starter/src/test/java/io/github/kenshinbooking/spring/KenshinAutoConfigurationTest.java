package io.github.kenshinbooking.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.PasswordHasher;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.eligibility.Course;
import io.github.kenshinbooking.eligibility.CourseCatalog;
import io.github.kenshinbooking.eligibility.CourseId;
import io.github.kenshinbooking.eligibility.ExamOption;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.error.RefusalMessages;
import io.github.kenshinbooking.household.HouseholdDirectory;
import io.github.kenshinbooking.jdbc.JdbcHouseholdDirectory;
import io.github.kenshinbooking.jdbc.JdbcStorage;
import io.github.kenshinbooking.jdbc.KenshinMigrations;
import io.github.kenshinbooking.mail.CapturingMailSender;
import io.github.kenshinbooking.mail.MailRenderer;
import io.github.kenshinbooking.mail.MailSender;
import io.github.kenshinbooking.mail.OutboxRelay;
import io.github.kenshinbooking.memory.InMemoryHouseholdDirectory;
import io.github.kenshinbooking.memory.InMemoryStorage;
import io.github.kenshinbooking.observation.EngineObserver;
import io.github.kenshinbooking.observation.Operation;
import io.github.kenshinbooking.policy.UnionPolicy;
import io.github.kenshinbooking.storage.Storage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The conditions of the auto-configuration, each with {@link ApplicationContextRunner} over an H2 database of
 * its own: what the starter creates alone, and that each bean backs off when the application has its own.
 */
class KenshinAutoConfigurationTest {
    static final AutoConfigurations STARTER = AutoConfigurations.of(DataSourceAutoConfiguration.class,
            KenshinBookingAutoConfiguration.class, KenshinMailAutoConfiguration.class, KenshinJobsAutoConfiguration.class,
            KenshinMetricsAutoConfiguration.class, KenshinHealthAutoConfiguration.class);

    /** The starter over a fresh H2 database, with the fast test hasher unless a test says otherwise. */
    static ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withConfiguration(STARTER)
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
                        "kenshin.reminders.enabled=false");
    }

    static ApplicationContextRunner fastRunner() {
        return runner().withBean(PasswordHasher.class, TestUnion.FastHasher::new);
    }

    @Test
    @DisplayName("alone: the engine over JdbcStorage and JdbcHouseholdDirectory, PBKDF2 at the policy's 600,000 iterations,"
            + " the system clock in Tokyo, the default policy, messages, renderer; the library's tables migrated")
    void defaults() {
        runner().run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(KenshinBooking.class);
            KenshinBooking engine = context.getBean(KenshinBooking.class);
            assertThat(engine.storage()).isInstanceOf(JdbcStorage.class).isSameAs(context.getBean(Storage.class));
            assertThat(engine.directory()).isInstanceOf(JdbcHouseholdDirectory.class);
            assertThat(engine.policy()).isEqualTo(UnionPolicy.defaults());
            assertThat(context.getBean(PasswordHasher.class)).isInstanceOf(Pbkdf2PasswordHasher.class);
            PasswordHasher hasher = context.getBean(PasswordHasher.class);
            assertThat(hasher.hash("sakura2024").encoded()).startsWith("pbkdf2-sha256$600000$");
            assertThat(engine.clock().getZone()).isEqualTo(TestUnion.TOKYO);
            assertThat(context.getBean(Clock.class)).isSameAs(engine.clock());
            assertThat(context).hasSingleBean(RefusalMessages.class).hasSingleBean(MailRenderer.class)
                    .hasSingleBean(KenshinSchemaMigration.class).hasSingleBean(KenshinScheduledJobs.class)
                    .hasSingleBean(OutboxMonitor.class);
            // no spring.mail.host and no sender of its own: no relay, mails wait
            assertThat(context).doesNotHaveBean(MailSender.class).doesNotHaveBean(OutboxRelay.class);
            assertThat(context.getBean(KenshinScheduledJobs.class).relayScheduled()).isFalse();
            DataSource ds = context.getBean(DataSource.class);
            assertThat(tables(ds)).contains("kb_reservation", "kb_outbox", "kb_household",
                    KenshinMigrations.HISTORY_TABLE).doesNotContain("flyway_schema_history");
            assertThat(rows(ds, "SELECT \"version\" FROM \"" + KenshinMigrations.HISTORY_TABLE
                    + "\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\""))
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        });
    }

    @Test
    @DisplayName("no DataSource: nothing of the starter")
    void noDataSource() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KenshinBookingAutoConfiguration.class,
                KenshinJobsAutoConfiguration.class, KenshinMetricsAutoConfiguration.class,
                KenshinHealthAutoConfiguration.class)).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(KenshinBooking.class)
                            .doesNotHaveBean(KenshinScheduledJobs.class).doesNotHaveBean(KenshinProperties.class);
                });
    }

    @Test
    @DisplayName("the application's Storage, HouseholdDirectory, PasswordHasher, Clock and UnionPolicy beans replace the starter's")
    void applicationBeansWin() {
        InMemoryStorage storage = new InMemoryStorage();
        InMemoryHouseholdDirectory directory = new InMemoryHouseholdDirectory();
        PasswordHasher hasher = new TestUnion.FastHasher();
        Clock clock = new TestUnion.MovableClock(TestUnion.january10());
        UnionPolicy policy = UnionPolicy.builder().termsVersion("2025-04").build();
        runner().withBean(Storage.class, () -> storage).withBean(HouseholdDirectory.class, () -> directory)
                .withBean(PasswordHasher.class, () -> hasher).withBean(Clock.class, () -> clock)
                .withBean(UnionPolicy.class, () -> policy).run(context -> {
                    KenshinBooking engine = context.getBean(KenshinBooking.class);
                    assertThat(engine.storage()).isSameAs(storage);
                    assertThat(engine.directory()).isSameAs(directory);
                    assertThat(engine.clock()).isSameAs(clock);
                    assertThat(engine.policy()).isSameAs(policy);
                    assertThat(context).doesNotHaveBean(JdbcStorage.class).doesNotHaveBean(JdbcHouseholdDirectory.class);
                    assertThat(context.getBean(PasswordHasher.class)).isSameAs(hasher);
                    // the engine hashes with the application's hasher
                    directory.put(TestUnion.household());
                    HouseholdSession s = TestUnion.activate(engine);
                    assertThat(storage.accounts().find(s.household()).orElseThrow().passwordHash().orElseThrow()
                            .encoded()).startsWith("test-sha256$");
                });
    }

    @Test
    @DisplayName("the application's KenshinBooking, RefusalMessages, MailRenderer and MailSender beans replace the starter's")
    void applicationEngineAndMailBeansWin() {
        CapturingMailSender sender = new CapturingMailSender();
        RefusalMessages messages = RefusalMessages.defaults(UnionPolicy.defaults());
        MailRenderer renderer = MailRenderer.withDefaults(UnionPolicy.defaults()).withResetLinkBase("https://own.example.jp/r?t=");
        fastRunner().withPropertyValues("spring.mail.host=smtp.example.jp")
                .withBean(MailSender.class, () -> sender).withBean(RefusalMessages.class, () -> messages)
                .withBean(MailRenderer.class, () -> renderer).run(context -> {
                    assertThat(context.getBean(MailSender.class)).isSameAs(sender);
                    assertThat(context.getBean(RefusalMessages.class)).isSameAs(messages);
                    assertThat(context.getBean(MailRenderer.class)).isSameAs(renderer);
                    assertThat(context).hasSingleBean(OutboxRelay.class);
                    assertThat(context.getBean(KenshinScheduledJobs.class).relayScheduled()).isTrue();
                });
        KenshinBooking own = KenshinBooking.builder().storage(new InMemoryStorage())
                .directory(new InMemoryHouseholdDirectory()).passwordHasher(new TestUnion.FastHasher()).build();
        fastRunner().withBean(KenshinBooking.class, () -> own).run(context -> {
            assertThat(context.getBean(KenshinBooking.class)).isSameAs(own);
            assertThat(context.getBean(OutboxMonitor.class).status().pending()).isZero();
        });
    }

    @Test
    @DisplayName("spring.mail.host: the SMTP sender from spring.mail.*, the relay and its schedule; kenshin.outbox.enabled=false"
            + " keeps the relay bean but does not schedule it")
    void smtpFromSpringMail() {
        fastRunner().withPropertyValues("spring.mail.host=smtp.example.jp", "spring.mail.port=2525",
                "spring.mail.username=kenshin", "spring.mail.password=secret",
                "spring.mail.properties.mail.smtp.starttls.enable=true",
                "spring.mail.properties.mail.smtp.connectiontimeout=4000").run(context -> {
                    assertThat(context).hasSingleBean(io.github.kenshinbooking.mail.SmtpMailSender.class)
                            .hasSingleBean(OutboxRelay.class);
                    var settings = context.getBean(io.github.kenshinbooking.mail.SmtpMailSender.class).settings();
                    assertThat(settings.host()).isEqualTo("smtp.example.jp");
                    assertThat(settings.port()).isEqualTo(2525);
                    assertThat(settings.startTls()).isTrue();
                    assertThat(settings.ssl()).isFalse();
                    assertThat(settings.username()).contains("kenshin");
                    assertThat(settings.connectTimeout()).hasMillis(4000);
                    assertThat(context.getBean(KenshinScheduledJobs.class).relayScheduled()).isTrue();
                });
        fastRunner().withPropertyValues("spring.mail.host=smtp.example.jp", "kenshin.outbox.enabled=false",
                "kenshin.reminders.enabled=true").run(context -> {
                    KenshinScheduledJobs jobs = context.getBean(KenshinScheduledJobs.class);
                    assertThat(jobs.relayScheduled()).isFalse();
                    assertThat(jobs.remindersScheduled()).isTrue();
                    assertThat(jobs.isRunning()).isTrue();
                });
    }

    @Test
    @DisplayName("kenshin.reminders.enabled (default true) schedules the reminder job; false does not")
    void remindersSwitch() {
        new ApplicationContextRunner().withConfiguration(STARTER)
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID())
                .withBean(PasswordHasher.class, TestUnion.FastHasher::new)
                .run(context -> assertThat(context.getBean(KenshinScheduledJobs.class).remindersScheduled()).isTrue());
        fastRunner().run(context -> assertThat(context.getBean(KenshinScheduledJobs.class).remindersScheduled()).isFalse());
    }

    @Test
    @DisplayName("kenshin.waiting-list.enabled (default true) schedules the waiting-list job; false does not")
    void waitingListSwitch() {
        fastRunner().run(context -> assertThat(context.getBean(KenshinScheduledJobs.class).waitingListScheduled())
                .isTrue());
        fastRunner().withPropertyValues("kenshin.waiting-list.enabled=false", "kenshin.waiting-list.interval=30s")
                .run(context -> assertThat(context.getBean(KenshinScheduledJobs.class).waitingListScheduled())
                        .isFalse());
    }

    @Test
    @DisplayName("the application's CourseCatalog bean is the engine's courses; without one, CourseCatalog.none()")
    void courseCatalogBean() {
        CourseCatalog catalog = CourseCatalog.builder().course(Course.of(CourseId.of("cancer"), "特定健診＋がん検診セット"))
                .option(ExamOption.of(OptionId.of("colon"), "大腸がん")).build();
        fastRunner().withBean(CourseCatalog.class, () -> catalog).run(context -> {
            KenshinBooking engine = context.getBean(KenshinBooking.class);
            assertThat(engine.courses()).isSameAs(catalog);
            assertThat(engine.courses().course(CourseId.of("cancer")).map(Course::name)).contains("特定健診＋がん検診セット");
        });
        fastRunner().run(context -> assertThat(context.getBean(KenshinBooking.class).courses())
                .isSameAs(CourseCatalog.none()));
    }

    @Test
    @DisplayName("kenshin.migrations.enabled=false: no migration bean, no kb_ table, the engine still built")
    void migrationsOff() {
        fastRunner().withPropertyValues("kenshin.migrations.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(KenshinSchemaMigration.class)
                    .hasSingleBean(KenshinBooking.class);
            assertThat(tables(context.getBean(DataSource.class))).noneMatch(t -> t.startsWith("kb_"));
        });
    }

    @Test
    @DisplayName("every EngineObserver bean hears the engine, and one that throws keeps neither the others nor the booking from happening")
    void observers() {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        fastRunner().withBean("broken", EngineObserver.class, () -> new EngineObserver() {
            @Override
            public void succeeded(Operation operation) {
                throw new IllegalStateException("broken observer");
            }
        }).withBean("first", EngineObserver.class, () -> recorder(first))
                .withBean("second", EngineObserver.class, () -> recorder(second))
                .withBean(Clock.class, () -> new TestUnion.MovableClock(TestUnion.january10())).run(context -> {
                    KenshinBooking engine = context.getBean(KenshinBooking.class);
                    context.getBean(JdbcHouseholdDirectory.class).put(TestUnion.household());
                    HouseholdSession s = TestUnion.activate(engine);
                    var slot = TestUnion.slot(engine, LocalDate.of(2024, 2, 18), TestUnion.january10());
                    TestUnion.book(engine, s, slot);
                    Refusal again = org.assertj.core.api.Assertions.catchThrowableOfType(Refusal.class,
                            () -> TestUnion.book(engine, s, slot));
                    assertThat(again.code()).isEqualTo(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
                    assertThat(first).containsExactly("LOGIN", "BOOK", "BOOK:ALREADY_RESERVED_THIS_FISCAL_YEAR");
                    assertThat(second).isEqualTo(first);
                });
    }

    private static EngineObserver recorder(List<String> heard) {
        return new EngineObserver() {
            @Override
            public void succeeded(Operation operation) {
                heard.add(operation.name());
            }

            @Override
            public void refused(Operation operation, ErrorCode code) {
                heard.add(operation + ":" + code);
            }
        };
    }

    @Test
    @DisplayName("kenshin.messages.bundle: the union's keys over the library's messages; a missing bundle stops the start naming the property")
    void messagesBundle() {
        fastRunner().withPropertyValues("kenshin.messages.bundle=union-messages").run(context -> {
            RefusalMessages m = context.getBean(RefusalMessages.class);
            assertThat(m.message(Refusal.of(ErrorCode.SLOT_FULL))).isEqualTo("組合テスト: 満員です。");
            assertThat(m.message(Refusal.of(ErrorCode.NOT_FOUND)))
                    .isEqualTo(RefusalMessages.defaults(UnionPolicy.defaults()).message(Refusal.of(ErrorCode.NOT_FOUND)));
        });
        fastRunner().withPropertyValues("kenshin.messages.bundle=no-such-bundle").run(context ->
                assertThat(messages(context.getStartupFailure())).contains("kenshin.messages.bundle"));
    }

    @Test
    @DisplayName("kenshin.mail.reset-link-base reaches the renderer; a relative one stops the start naming the property")
    void resetLinkBase() {
        fastRunner().withPropertyValues("kenshin.mail.reset-link-base=/reset?token=").run(context ->
                assertThat(messages(context.getStartupFailure())).contains("kenshin.mail.reset-link-base"));
    }

    /** The messages of a failure and its causes, joined. */
    static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append('\n');
        }
        return sb.toString();
    }

    /** The tables of the data source's schema, lower case. */
    static List<String> tables(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
                ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
            return out;
        }
    }

    static List<String> rows(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
