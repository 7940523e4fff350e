package io.github.kenshinbooking.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.jdbc.JdbcHouseholdDirectory;
import io.github.kenshinbooking.jdbc.JdbcStorage;
import io.github.kenshinbooking.jdbc.KenshinMigrations;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An application with only the starter, a DataSource on PostgreSQL ({@code KENSHIN_PG_URL}, a schema of its
 * own) and {@code kenshin.*} / {@code spring.mail.*} properties: it migrates beside its own Flyway, books
 * through the auto-configured engine, and the scheduled relay delivers the mails to GreenMail; the metrics
 * count the booking and the health indicator is UP.
 */
@ExtendWith(PostgresSchema.class)
@SpringBootTest(classes = PostgresApplicationTest.Application.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"kenshin.outbox.interval=200ms", "kenshin.outbox.status-cache=0s",
            "kenshin.reminders.initial-delay=100ms", "kenshin.mail.sender-address=yoyaku@kenshin.example.jp",
            "kenshin.mail.union-name=テスト健康保険組合"})
@DirtiesContext
class PostgresApplicationTest {
    private static GreenMail greenMail;

    @Autowired
    private KenshinBooking engine;
    @Autowired
    private JdbcHouseholdDirectory directory;
    @Autowired
    private MeterRegistry registry;
    @Autowired
    private KenshinMailHealthIndicator health;
    @Autowired
    private KenshinScheduledJobs jobs;
    @Autowired
    private DataSource dataSource;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        registry.add("spring.datasource.url", PostgresSchema::url);
        registry.add("spring.mail.host", () -> greenMail.getSmtp().getBindTo());
        registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
    }

    @AfterAll
    static void stopMail() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    @Test
    @DisplayName("books on PostgreSQL through the auto-configured engine; the scheduled relay delivers the mails to SMTP")
    void booksAndMailsArriveBySchedule() throws Exception {
        assertThat(engine.storage()).isInstanceOf(JdbcStorage.class);
        assertThat(((JdbcStorage) engine.storage()).dialect().name()).isEqualTo("POSTGRESQL");
        // the library's tables and history beside the application's own migration and history
        assertThat(KenshinAutoConfigurationTest.tables(dataSource)).contains("app_note", "flyway_schema_history",
                KenshinMigrations.HISTORY_TABLE, "kb_reservation", "kb_outbox");
        assertThat(KenshinAutoConfigurationTest.rows(dataSource,
                "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL")).containsExactly("1");
        assertThat(KenshinAutoConfigurationTest.rows(dataSource, "SELECT version FROM " + KenshinMigrations.HISTORY_TABLE
                + " WHERE version IS NOT NULL ORDER BY installed_rank")).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");

        directory.put(TestUnion.household());
        HouseholdSession session = TestUnion.activate(engine);
        Instant now = engine.clock().instant();
        LocalDate examDay = LocalDate.ofInstant(now, engine.policy().zone()).plusDays(30);
        Slot slot = TestUnion.slot(engine, examDay, now);
        Reservation r = TestUnion.book(engine, session, slot);

        // the e-mail change (MAIL-ADDR-1) and the booking (MAIL-1), sent by the schedule, not by the test
        assertThat(greenMail.waitForIncomingEmail(TimeUnit.SECONDS.toMillis(30), 2)).isTrue();
        MimeMessage[] received = greenMail.getReceivedMessages();
        List<String> subjects = Arrays.stream(received).map(PostgresApplicationTest::subject).toList();
        assertThat(subjects).anyMatch(s -> s.contains("ご予約完了") && s.contains(r.id().toString()))
                .anyMatch(s -> s.contains("メールアドレス変更完了"));
        for (MimeMessage m : received) {
            assertThat(m.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                    .containsExactly(TestUnion.EMAIL);
            assertThat(((InternetAddress) m.getFrom()[0]).getAddress()).isEqualTo("yoyaku@kenshin.example.jp");
        }
        assertThat(jobs.relayScheduled()).isTrue();
        assertThat(jobs.relayRuns()).isPositive();

        assertThat(registry.get("kenshin.bookings").counter().count()).isEqualTo(1);
        assertThat(registry.get("kenshin.logins").tag("outcome", "SUCCESS").counter().count()).isEqualTo(1);
        assertThat(registry.get("kenshin.password.hashing").tag("operation", "hash").timer().count()).isPositive();
        // the relay marks an entry sent just after the server took it
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (registry.get("kenshin.outbox.pending").gauge().value() > 0 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(registry.get("kenshin.outbox.pending").gauge().value()).isZero();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The union's application: the starter's auto-configuration and its own Flyway migration, nothing else. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }
}
