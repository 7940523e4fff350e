package io.github.kenshinbooking.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.jdbc.JdbcHouseholdDirectory;
import io.github.kenshinbooking.mail.CapturingMailSender;
import io.github.kenshinbooking.mail.MailSender;
import io.github.kenshinbooking.mail.OutboxRelay;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The metrics and the {@code kenshinMail} health indicator, over a booking on H2 and a mail sender that fails. */
class KenshinMetricsAndHealthTest {
    private static ApplicationContextRunner withRegistry(TestUnion.MovableClock clock, CapturingMailSender sender) {
        return KenshinAutoConfigurationTest.fastRunner()
                .withPropertyValues("kenshin.outbox.enabled=false", "kenshin.outbox.status-cache=0s",
                        "kenshin.outbox.failing-alert-after=30m")
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(Clock.class, () -> clock)
                .withBean(MailSender.class, () -> sender);
    }

    @Test
    @DisplayName("counters of logins by outcome, bookings, changes, cancels and refusals by code; the hasher timed;"
            + " the outbox's pending count and oldest age")
    void metrics() {
        TestUnion.MovableClock clock = new TestUnion.MovableClock(TestUnion.january10());
        withRegistry(clock, new CapturingMailSender()).run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            KenshinBooking engine = context.getBean(KenshinBooking.class);
            context.getBean(JdbcHouseholdDirectory.class).put(TestUnion.household());
            catchThrowableOfType(Refusal.class, () -> engine.logins().login(TestUnion.SYMBOL, TestUnion.KANA, "wrong-one"));
            HouseholdSession s = TestUnion.activate(engine);
            Slot feb18 = TestUnion.slot(engine, LocalDate.of(2024, 2, 18), clock.instant());
            Slot feb25 = TestUnion.slot(engine, LocalDate.of(2024, 2, 25), clock.instant());
            Reservation r = TestUnion.book(engine, s, feb18);
            catchThrowableOfType(Refusal.class, () -> TestUnion.book(engine, s, feb25));
            engine.bookings().change(s, r.id(), feb25.id(), null);
            engine.bookings().cancel(s, r.id());

            assertThat(count(registry, "kenshin.logins", "outcome", "SUCCESS")).isEqualTo(1);
            assertThat(count(registry, "kenshin.logins", "outcome", "INVALID_CREDENTIALS")).isEqualTo(1);
            assertThat(registry.get("kenshin.bookings").counter().count()).isEqualTo(1);
            assertThat(count(registry, "kenshin.changes", "by", "household")).isEqualTo(1);
            assertThat(count(registry, "kenshin.cancels", "by", "household")).isEqualTo(1);
            assertThat(registry.get("kenshin.refusals").tag("operation", "book")
                    .tag("code", "ALREADY_RESERVED_THIS_FISCAL_YEAR").counter().count()).isEqualTo(1);
            assertThat(registry.get("kenshin.refusals").tag("operation", "login").tag("code", "INVALID_CREDENTIALS")
                    .counter().count()).isEqualTo(1);
            // hashes: the dummy hash at start-up and the new password; verifies: one per login, the failed one
            // too (AUTH-4: every attempt costs the same work); the initial password is compared, not hashed
            assertThat(registry.get("kenshin.password.hashing").tag("operation", "hash").timer().count()).isEqualTo(2);
            assertThat(registry.get("kenshin.password.hashing").tag("operation", "verify").timer().count()).isEqualTo(2);
            // e-mail set, booked, changed, cancelled: four mails wait (no relay on this instance), all of the same instant
            clock.advance(Duration.ofMinutes(7));
            assertThat(registry.get("kenshin.outbox.pending").gauge().value()).isEqualTo(4);
            assertThat(registry.get("kenshin.outbox.failing").gauge().value()).isZero();
            assertThat(registry.get("kenshin.outbox.oldest.age").timeGauge().value(TimeUnit.MINUTES)).isEqualTo(7);
        });
    }

    private static double count(MeterRegistry registry, String name, String tag, String value) {
        return registry.get(name).tag(tag, value).counter().count();
    }

    @Test
    @DisplayName("health: UP while mails wait or fail for less than failing-alert-after, DOWN after it, UP again once sent")
    void health() {
        TestUnion.MovableClock clock = new TestUnion.MovableClock(TestUnion.january10());
        CapturingMailSender sender = new CapturingMailSender();
        withRegistry(clock, sender).run(context -> {
            KenshinMailHealthIndicator health = context.getBean("kenshinMailHealthIndicator", KenshinMailHealthIndicator.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            KenshinBooking engine = context.getBean(KenshinBooking.class);
            context.getBean(JdbcHouseholdDirectory.class).put(TestUnion.household());
            HouseholdSession s = TestUnion.activate(engine);
            TestUnion.book(engine, s, TestUnion.slot(engine, LocalDate.of(2024, 2, 18), clock.instant()));
            clock.advance(Duration.ofHours(2)); // waiting, never tried: not failing
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            OutboxRelay relay = context.getBean(OutboxRelay.class);
            sender.setDown(true);
            assertThat(relay.drain()).isZero();
            clock.advance(Duration.ofMinutes(1)); // failing for 2 h 1 min since the mail was recorded
            Health down = health.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            // the e-mail-set mail (MAIL-ADDR-1) and the booking's
            assertThat(down.getDetails()).containsEntry("pending", 2).containsEntry("failing", 2)
                    .containsEntry("failingFor", "PT2H1M").containsEntry("failingAlertAfter", "PT30M");
            assertThat(context.getBean(MeterRegistry.class).get("kenshin.outbox.failing.duration").timeGauge()
                    .value(TimeUnit.MINUTES)).isEqualTo(121);

            sender.setDown(false);
            clock.advance(Duration.ofHours(1)); // past the backoff
            assertThat(relay.drain()).isEqualTo(2);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(sender.messages()).hasSize(2);
        });
    }

    @Test
    @DisplayName("health: a mail failing for less than failing-alert-after keeps it UP")
    void healthBelowThreshold() {
        TestUnion.MovableClock clock = new TestUnion.MovableClock(TestUnion.january10());
        CapturingMailSender sender = new CapturingMailSender();
        withRegistry(clock, sender).run(context -> {
            KenshinBooking engine = context.getBean(KenshinBooking.class);
            context.getBean(JdbcHouseholdDirectory.class).put(TestUnion.household());
            HouseholdSession s = TestUnion.activate(engine);
            TestUnion.book(engine, s, TestUnion.slot(engine, LocalDate.of(2024, 2, 18), clock.instant()));
            sender.setDown(true);
            context.getBean(OutboxRelay.class).drain();
            clock.advance(Duration.ofMinutes(29));
            Health h = context.getBean(KenshinMailHealthIndicator.class).health();
            assertThat(h.getStatus()).isEqualTo(Status.UP);
            assertThat(h.getDetails()).containsEntry("failing", 2);
        });
    }

    @Test
    @DisplayName("management.health.kenshin-mail.enabled=false: no indicator; no MeterRegistry: no metrics beans, the engine as usual")
    void switches() {
        KenshinAutoConfigurationTest.fastRunner().withPropertyValues("management.health.kenshin-mail.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(KenshinMailHealthIndicator.class));
        KenshinAutoConfigurationTest.fastRunner().run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerEngineObserver.class)
                    .doesNotHaveBean(OutboxMetrics.class).hasSingleBean(KenshinMailHealthIndicator.class);
            assertThat(context.getBean(KenshinBooking.class)).isNotNull();
        });
    }
}
