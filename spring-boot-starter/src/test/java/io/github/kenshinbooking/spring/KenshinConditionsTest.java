package io.github.kenshinbooking.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.jdbc.JdbcHouseholdDirectory;
import io.github.kenshinbooking.jdbc.JdbcStorage;
import io.github.kenshinbooking.mail.CapturingMailSender;
import io.github.kenshinbooking.mail.MailMessage;
import io.github.kenshinbooking.mail.MailSender;
import io.github.kenshinbooking.mail.OutboxRelay;
import io.github.kenshinbooking.mail.SmtpMailSender;
import io.github.kenshinbooking.memory.InMemoryStorage;
import io.github.kenshinbooking.notification.NotificationKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;

/**
 * The remaining conditions: missing classes, more than one DataSource, the application's own relay, schedule,
 * migration and monitor; and the schedule itself delivering and reminding without the test calling the jobs.
 */
class KenshinConditionsTest {
    @Test
    @DisplayName("without the JDBC adapter on the class path the starter backs off; without Micrometer or the health"
            + " module only the metrics or the indicator are missing")
    void missingClasses() {
        KenshinAutoConfigurationTest.fastRunner().withClassLoader(new FilteredClassLoader(JdbcStorage.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(KenshinBooking.class));
        KenshinAutoConfigurationTest.fastRunner().withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> assertThat(context)
                        .hasNotFailed().hasSingleBean(KenshinBooking.class).doesNotHaveBean(MicrometerEngineObserver.class));
        KenshinAutoConfigurationTest.fastRunner().withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(KenshinBooking.class)
                        .doesNotHaveBean(KenshinMailHealthIndicator.class));
        KenshinAutoConfigurationTest.fastRunner().withPropertyValues("spring.mail.host=smtp.example.jp")
                .withClassLoader(new FilteredClassLoader(SmtpMailSender.class)).run(context -> assertThat(context)
                        .hasNotFailed().doesNotHaveBean(MailSender.class).doesNotHaveBean(OutboxRelay.class));
    }

    @Test
    @DisplayName("two DataSources and none primary: the starter backs off (which one would the engine use?)")
    void twoDataSources() {
        KenshinAutoConfigurationTest.fastRunner().withBean("one", DataSource.class, () -> h2())
                .withBean("two", DataSource.class, () -> h2())
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(KenshinBooking.class));
    }

    private static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID());
        return ds;
    }

    @Test
    @DisplayName("the application's OutboxRelay, KenshinScheduledJobs, KenshinSchemaMigration and OutboxMonitor replace the starter's")
    void applicationJobsWin() {
        KenshinScheduledJobs jobs = new KenshinScheduledJobs(Optional.empty(), Duration.ofSeconds(1), Optional.empty(),
                Duration.ZERO, Duration.ofSeconds(1));
        InMemoryStorage memory = new InMemoryStorage();
        OutboxMonitor monitor = new OutboxMonitor(memory.outbox(), Clock.systemUTC(), Duration.ZERO);
        KenshinAutoConfigurationTest.fastRunner().withBean(KenshinScheduledJobs.class, () -> jobs)
                .withBean(OutboxMonitor.class, () -> monitor)
                .withBean(KenshinSchemaMigration.class, () -> new KenshinSchemaMigration(h2()))
                .run(context -> {
                    assertThat(context.getBean(KenshinScheduledJobs.class)).isSameAs(jobs);
                    assertThat(context.getBean(OutboxMonitor.class)).isSameAs(monitor);
                    // the application's migration bean is not run by the starter
                    assertThat(context.getBean(KenshinSchemaMigration.class).lastResult()).isNull();
                });
        CapturingMailSender sender = new CapturingMailSender();
        KenshinAutoConfigurationTest.fastRunner().withBean(MailSender.class, () -> sender)
                .withBean(OutboxRelay.class, () -> new OutboxRelay(memory.outbox(),
                        io.github.kenshinbooking.mail.MailRenderer.withDefaults(io.github.kenshinbooking.policy.UnionPolicy.defaults()),
                        sender, Clock.systemUTC(), io.github.kenshinbooking.mail.RelayPolicy.defaults()))
                .run(context -> assertThat(context).hasSingleBean(OutboxRelay.class)
                        .getBean(OutboxRelay.class).isNotNull());
    }

    @Test
    @DisplayName("the schedule: the relay delivers what a booking recorded, and the reminder job runs, with no call from the test")
    void scheduleRuns() {
        CapturingMailSender sender = new CapturingMailSender();
        TestUnion.MovableClock clock = new TestUnion.MovableClock(TestUnion.january10());
        KenshinAutoConfigurationTest.fastRunner().withBean(MailSender.class, () -> sender)
                .withBean(Clock.class, () -> clock)
                .withPropertyValues("kenshin.outbox.interval=50ms", "kenshin.reminders.enabled=true",
                        "kenshin.reminders.initial-delay=0s", "kenshin.reminders.interval=50ms")
                .run(context -> {
                    KenshinBooking engine = context.getBean(KenshinBooking.class);
                    context.getBean(JdbcHouseholdDirectory.class).put(TestUnion.household());
                    HouseholdSession s = TestUnion.activate(engine);
                    // an exam the day after tomorrow... the clock moves to the day before it: the job reminds
                    LocalDate exam = LocalDate.of(2024, 1, 25);
                    TestUnion.book(engine, s, TestUnion.slot(engine, exam, clock.instant()));
                    clock.advance(Duration.ofDays(14));
                    assertThat(waitFor(() -> sender.ofKind(NotificationKind.REMINDER).size() == 1
                            && sender.ofKind(NotificationKind.BOOKED).size() == 1)).isTrue();
                    MailMessage reminder = sender.ofKind(NotificationKind.REMINDER).get(0);
                    assertThat(reminder.to()).isEqualTo(TestUnion.EMAIL);
                    KenshinScheduledJobs jobs = context.getBean(KenshinScheduledJobs.class);
                    long runs = jobs.reminderRuns();
                    assertThat(waitFor(() -> jobs.reminderRuns() > runs + 2)).isTrue();
                    // many runs, one reminder (dedupe key)
                    assertThat(sender.ofKind(NotificationKind.REMINDER)).hasSize(1);
                });
    }

    @Test
    @DisplayName("kenshin.mail.templates-dir: the union's template for a kind replaces the built-in one; a missing directory stops the start naming the property")
    void templatesDir(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("BOOKED.txt"), "Subject: 予約を受け付けました ${reservationId}\n\n${memberName} 様\n",
                StandardCharsets.UTF_8);
        CapturingMailSender sender = new CapturingMailSender();
        TestUnion.MovableClock clock = new TestUnion.MovableClock(TestUnion.january10());
        KenshinAutoConfigurationTest.fastRunner().withBean(MailSender.class, () -> sender).withBean(Clock.class, () -> clock)
                .withPropertyValues("kenshin.mail.templates-dir=" + dir, "kenshin.outbox.enabled=false").run(context -> {
                    KenshinBooking engine = context.getBean(KenshinBooking.class);
                    context.getBean(JdbcHouseholdDirectory.class).put(TestUnion.household());
                    HouseholdSession s = TestUnion.activate(engine);
                    var r = TestUnion.book(engine, s, TestUnion.slot(engine, LocalDate.of(2024, 2, 18), clock.instant()));
                    context.getBean(OutboxRelay.class).drain();
                    assertThat(sender.ofKind(NotificationKind.BOOKED)).singleElement()
                            .satisfies(m -> assertThat(m.subject()).isEqualTo("予約を受け付けました " + r.id()));
                });
        KenshinAutoConfigurationTest.fastRunner().withPropertyValues("kenshin.mail.templates-dir=" + dir.resolve("none"))
                .run(context -> assertThat(KenshinAutoConfigurationTest.messages(context.getStartupFailure()))
                        .contains("kenshin.mail.templates-dir"));
    }

    /** Waits up to ten seconds for the condition. */
    private static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
