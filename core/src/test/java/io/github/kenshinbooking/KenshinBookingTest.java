package io.github.kenshinbooking;

import static io.github.kenshinbooking.Fixtures.SYMBOL;
import static io.github.kenshinbooking.Fixtures.TARO_KANA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.memory.InMemoryHouseholdDirectory;
import io.github.kenshinbooking.memory.InMemoryStorage;
import io.github.kenshinbooking.policy.AgePolicy;
import io.github.kenshinbooking.policy.DeadlinePolicy;
import io.github.kenshinbooking.policy.SubsidyPolicy;
import io.github.kenshinbooking.policy.UnionPolicy;
import io.github.kenshinbooking.schedule.DeadlineKind;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The engine's builder: what it requires, its defaults, and that the engine answers with what it was given. */
class KenshinBookingTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    @DisplayName("storage and directory are required; a missing one is an IllegalStateException")
    void required() {
        assertThatThrownBy(() -> KenshinBooking.builder().directory(new InMemoryHouseholdDirectory()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("storage");
        assertThatThrownBy(() -> KenshinBooking.builder().storage(new InMemoryStorage()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("directory");
    }

    @Test
    @DisplayName("the engine answers the policy, clock, storage and directory it was built with")
    void accessors() {
        UnionPolicy policy = UnionPolicy.builder().zone(UTC).build();
        Clock clock = Clock.fixed(Instant.parse("2024-01-10T01:00:00Z"), UTC);
        InMemoryStorage storage = new InMemoryStorage();
        InMemoryHouseholdDirectory directory = new InMemoryHouseholdDirectory();

        KenshinBooking engine = KenshinBooking.builder().policy(policy).clock(clock).storage(storage)
                .directory(directory).passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1_000)).build();

        assertThat(engine.policy()).isSameAs(policy);
        assertThat(engine.clock()).isSameAs(clock);
        assertThat(engine.storage()).isSameAs(storage);
        assertThat(engine.directory()).isSameAs(directory);
    }

    @Test
    @DisplayName("the engine's deadlines, eligibility and subsidy follow the policy's numbers, not the defaults")
    void rulesFollowThePolicy() throws Refusal {
        UnionPolicy policy = UnionPolicy.builder().zone(UTC).deadlines(new DeadlinePolicy(13, 13, 5))
                .ages(new AgePolicy(35, 75, 16)).subsidy(new SubsidyPolicy(10_000, 50, 20_000)).build();
        KenshinBooking engine = KenshinBooking.builder().policy(policy).storage(new InMemoryStorage())
                .directory(new InMemoryHouseholdDirectory()).passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1_000)).build();
        LocalDate exam = LocalDate.of(2024, 6, 16);

        // CNL-1 with 5 days: 2024-06-11 00:00 in UTC
        assertThat(engine.deadlines().deadline(DeadlineKind.CANCEL, exam))
                .isEqualTo(LocalDateTime.of(2024, 6, 11, 0, 0).atZone(UTC).toInstant());
        // ELIG-2 with 35: born 1990-01-01 attains 35 within FY2024, not 40
        assertThat(engine.eligibility().ageEligible(LocalDate.of(1990, 1, 1), exam)).isTrue();
        // SUB-2 with these numbers: max(min(30,000, 10,000), 50 % of 30,000) = 15,000, under the cap
        assertThat(engine.subsidy().subsidy(30_000)).isEqualTo(15_000);
    }

    @Test
    @DisplayName("without a clock the engine reads the system clock in the policy's zone")
    void defaultClock() {
        UnionPolicy policy = UnionPolicy.builder().zone(ZoneId.of("Asia/Tokyo")).build();
        KenshinBooking engine = KenshinBooking.builder().policy(policy).storage(new InMemoryStorage())
                .directory(new InMemoryHouseholdDirectory()).passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1_000)).build();

        assertThat(engine.clock().getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    @DisplayName("SES-1 a given SecureRandom is the source of the session tokens")
    void givenRandom() throws Refusal {
        AtomicInteger draws = new AtomicInteger();
        SecureRandom counting = new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                draws.incrementAndGet();
                super.nextBytes(bytes);
            }
        };
        Fixtures f = new Fixtures();
        KenshinBooking engine = KenshinBooking.builder().policy(f.policy).clock(f.clock).storage(f.storage)
                .directory(f.directory).secureRandom(counting).passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1_000))
                .build();
        int before = draws.get();

        engine.logins().login(SYMBOL.value(), TARO_KANA, "kenren19600210");

        assertThat(draws.get()).isGreaterThan(before);
    }
}
