package io.github.kenshinbooking.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.mail.RelayPolicy;
import io.github.kenshinbooking.policy.AgePolicy;
import io.github.kenshinbooking.policy.DeadlinePolicy;
import io.github.kenshinbooking.policy.LockoutPolicy;
import io.github.kenshinbooking.policy.MailPolicy;
import io.github.kenshinbooking.policy.PasswordPolicy;
import io.github.kenshinbooking.policy.ResetPolicy;
import io.github.kenshinbooking.policy.SessionPolicy;
import io.github.kenshinbooking.policy.SlotPolicy;
import io.github.kenshinbooking.policy.SourceThrottle;
import io.github.kenshinbooking.policy.SubsidyPolicy;
import io.github.kenshinbooking.policy.UnionContact;
import io.github.kenshinbooking.policy.UnionPolicy;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code kenshin.*}: each property reaches the engine's policy or the relay; a bad value stops the start naming it. */
class KenshinPropertiesTest {
    @Test
    @DisplayName("every policy property set to a value of its own: the engine's policy is the one written out here")
    void everyPolicyProperty() {
        KenshinAutoConfigurationTest.fastRunner().withPropertyValues(
                "kenshin.zone=Asia/Seoul", "kenshin.terms-version=2025-04",
                "kenshin.deadlines.booking-days=10", "kenshin.deadlines.change-days=9", "kenshin.deadlines.cancel-days=3",
                "kenshin.slots.default-duration=45m", "kenshin.slots.few-left-threshold=5",
                "kenshin.lockout.after-failures=5", "kenshin.lockout.duration=15m",
                "kenshin.lockout.source-throttle.enabled=true", "kenshin.lockout.source-throttle.after-failures=20",
                "kenshin.lockout.source-throttle.duration=1h",
                "kenshin.passwords.initial-prefix=kumiai", "kenshin.passwords.min-length=10",
                "kenshin.passwords.max-length=40", "kenshin.passwords.pbkdf2-iterations=700000",
                "kenshin.reset.link-validity=30m", "kenshin.reset.max-identity-mismatches=4", "kenshin.reset.token-bytes=24",
                "kenshin.reset.mail-interval=10m",
                "kenshin.ages.eligible-from=35", "kenshin.ages.eligible-under=70", "kenshin.ages.subsidy-from=18",
                "kenshin.subsidy.full-up-to=10000", "kenshin.subsidy.rate-percent=50", "kenshin.subsidy.cap=25000",
                "kenshin.mail.reminder-days-before=2", "kenshin.mail.union-name=テスト健保",
                "kenshin.mail.sender-address=yoyaku@test-kenpo.example.jp", "kenshin.mail.sender-name=テスト健保 予約",
                "kenshin.mail.footer-lines[0]=TEL 0120-000-000", "kenshin.mail.footer-lines[1]=平日 9:00-17:00",
                "kenshin.sessions.idle=20m", "kenshin.sessions.absolute=8h", "kenshin.sessions.token-bytes=48")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    UnionPolicy expected = UnionPolicy.builder().zone(ZoneId.of("Asia/Seoul")).termsVersion("2025-04")
                            .deadlines(new DeadlinePolicy(10, 9, 3))
                            .slots(new SlotPolicy(Duration.ofMinutes(45), 5))
                            .lockout(new LockoutPolicy(5, Duration.ofMinutes(15))
                                    .withSourceThrottle(new SourceThrottle(20, Duration.ofHours(1))))
                            .passwords(new PasswordPolicy("kumiai", 10, 40, 700_000))
                            .reset(new ResetPolicy(Duration.ofMinutes(30), 4, 24, Duration.ofMinutes(10)))
                            .ages(new AgePolicy(35, 70, 18))
                            .subsidy(new SubsidyPolicy(10_000, 50, 25_000))
                            .mail(new MailPolicy(2, new UnionContact("テスト健保", "yoyaku@test-kenpo.example.jp",
                                    "テスト健保 予約", List.of("TEL 0120-000-000", "平日 9:00-17:00"))))
                            .sessions(new SessionPolicy(Duration.ofMinutes(20), Duration.ofHours(8), 48))
                            .build();
                    assertThat(context.getBean(UnionPolicy.class)).isEqualTo(expected);
                    assertThat(context.getBean(KenshinBooking.class).policy()).isEqualTo(expected);
                    assertThat(context.getBean(KenshinBooking.class).clock().getZone()).isEqualTo(ZoneId.of("Asia/Seoul"));
                });
    }

    @Test
    @DisplayName("no kenshin.* property: the manual's policy; the relay's batch, lease and backoff from kenshin.outbox.*")
    void relayProperties() {
        KenshinAutoConfigurationTest.fastRunner().run(context -> {
            assertThat(context.getBean(UnionPolicy.class)).isEqualTo(UnionPolicy.defaults());
            assertThat(context.getBean(KenshinProperties.class).toRelayPolicy()).isEqualTo(RelayPolicy.defaults());
        });
        KenshinAutoConfigurationTest.fastRunner().withPropertyValues("kenshin.outbox.batch-size=25",
                "kenshin.outbox.lease=5m", "kenshin.outbox.initial-backoff=10s", "kenshin.outbox.max-backoff=1h",
                "kenshin.outbox.interval=2s", "kenshin.outbox.failing-alert-after=2h", "kenshin.outbox.status-cache=0s",
                "kenshin.reminders.interval=30m", "kenshin.reminders.initial-delay=5s").run(context -> {
                    KenshinProperties p = context.getBean(KenshinProperties.class);
                    assertThat(p.toRelayPolicy()).isEqualTo(new RelayPolicy(25, Duration.ofMinutes(5),
                            Duration.ofSeconds(10), Duration.ofHours(1)));
                    assertThat(p.getOutbox().getInterval()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(p.getOutbox().getFailingAlertAfter()).isEqualTo(Duration.ofHours(2));
                    assertThat(p.getOutbox().getStatusCache()).isZero();
                    assertThat(p.getReminders().getInterval()).isEqualTo(Duration.ofMinutes(30));
                    assertThat(p.getReminders().getInitialDelay()).isEqualTo(Duration.ofSeconds(5));
                });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "kenshin.deadlines.booking-days|-1|kenshin.deadlines.booking-days",
        "kenshin.deadlines.cancel-days|-2|kenshin.deadlines.cancel-days",
        "kenshin.slots.default-duration|0s|kenshin.slots.default-duration",
        "kenshin.slots.few-left-threshold|-1|kenshin.slots.few-left-threshold",
        "kenshin.lockout.after-failures|0|kenshin.lockout.after-failures",
        "kenshin.lockout.duration|-5m|kenshin.lockout.duration",
        "kenshin.lockout.source-throttle.after-failures|0|kenshin.lockout.source-throttle.after-failures",
        "kenshin.passwords.min-length|0|kenshin.passwords.min-length",
        "kenshin.passwords.max-length|6|kenshin.passwords.max-length",
        "kenshin.passwords.pbkdf2-iterations|0|kenshin.passwords.pbkdf2-iterations",
        "kenshin.passwords.pbkdf2-iterations|599999|kenshin.passwords.pbkdf2-iterations",
        "kenshin.reset.token-bytes|8|kenshin.reset.token-bytes",
        "kenshin.reset.link-validity|0m|kenshin.reset.link-validity",
        "kenshin.ages.eligible-under|40|kenshin.ages.eligible-under",
        "kenshin.subsidy.rate-percent|101|kenshin.subsidy.rate-percent",
        "kenshin.subsidy.cap|100|kenshin.subsidy.cap",
        "kenshin.mail.sender-address|not an address|kenshin.mail.sender-address",
        "kenshin.mail.union-name|' '|kenshin.mail.union-name",
        "kenshin.sessions.token-bytes|15|kenshin.sessions.token-bytes",
        "kenshin.sessions.idle|0s|kenshin.sessions.idle",
        "kenshin.outbox.batch-size|0|kenshin.outbox.batch-size",
        "kenshin.outbox.max-backoff|1s|kenshin.outbox.max-backoff",
        "kenshin.outbox.interval|0s|kenshin.outbox.interval",
        "kenshin.reminders.initial-delay|-1s|kenshin.reminders.initial-delay",
        "kenshin.zone|Mars/Olympus|kenshin.zone",
        "kenshin.deadlines.change-days|soon|kenshin.deadlines.change-days",
    })
    @DisplayName("a bad value stops the application with a message naming the property")
    void badValue(String property, String value, String named) {
        KenshinAutoConfigurationTest.fastRunner().withPropertyValues(property + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            String message = KenshinAutoConfigurationTest.messages(context.getStartupFailure());
            // the property by its name, or the binder's field error on it (object kenshin, its Java path);
            // a started application prints it as "Property: kenshin.deadlines.bookingDays" (startupMessageNamesTheProperty)
            assertThat(message.contains(named) || message.contains("object 'kenshin' on field '" + javaPath(named) + "'"))
                    .as(message).isTrue();
        });
    }

    /** {@code kenshin.deadlines.booking-days} -> {@code deadlines.bookingDays}. */
    private static String javaPath(String property) {
        StringBuilder sb = new StringBuilder();
        String rest = property.substring("kenshin.".length());
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '-') {
                sb.append(Character.toUpperCase(rest.charAt(++i)));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    @DisplayName("a started application with a bad value stops, and its start-up report names the property, value and reason")
    void startupMessageNamesTheProperty(CapturedOutput output) {
        SpringApplication app = new SpringApplication(KenshinPropertiesTest.Application.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        Throwable failure = catchThrowable(() -> app.run("--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
                "--kenshin.deadlines.booking-days=-1", "--spring.main.banner-mode=off"));
        assertThat(failure).isNotNull();
        // Boot names the property by its Java path (relaxed binding reads it in either form)
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "Property: kenshin.deadlines.bookingDays",
                "Value: \"-1\"",
                "must be greater than or equal to 0");
    }

    /** An application with the starter and nothing else. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }
}
