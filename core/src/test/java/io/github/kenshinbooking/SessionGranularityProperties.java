package io.github.kenshinbooking;

import static io.github.kenshinbooking.Fixtures.PASSWORD;
import static io.github.kenshinbooking.Fixtures.SYMBOL;
import static io.github.kenshinbooking.Fixtures.TARO_KANA;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.policy.SessionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * SES-2 with {@link SessionPolicy#lastUseGranularity()}: for any granularity shorter than the idle time and any
 * sequence of uses, a session is alive exactly while it would be under SES-2 counted from the last recorded use
 * (a use is recorded when at least the granularity has passed since the one before); so it never outlives the
 * exact rule, and it lives at least until the exact idle time less the granularity.
 */
class SessionGranularityProperties {
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration ABSOLUTE = Duration.ofHours(2);

    @Property(tries = 150)
    void aliveAsCountedFromTheLastRecordedUse(@ForAll @IntRange(min = 0, max = 1_799) int granularitySeconds,
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 2_400) Integer> gapsSeconds) throws Refusal {
        Duration g = Duration.ofSeconds(granularitySeconds);
        Fixtures f = new Fixtures(new Fixtures().policy.toBuilder()
                .sessions(new SessionPolicy(IDLE, ABSOLUTE, 32, g)).build());
        f.activeSession();
        String token = f.engine.logins().login(SYMBOL.value(), TARO_KANA, PASSWORD).token().value();
        Instant created = f.clock.instant();
        Instant recorded = created; // the model: the last use the store was told of
        Instant exact = created; // SES-2 read exactly: the last use
        boolean ended = false;
        for (int gap : gapsSeconds) {
            f.clock.add(Duration.ofSeconds(gap));
            Instant now = f.clock.instant();
            boolean aliveModel = !ended && now.isBefore(recorded.plus(IDLE)) && now.isBefore(created.plus(ABSOLUTE));
            boolean aliveExact = !ended && now.isBefore(exact.plus(IDLE)) && now.isBefore(created.plus(ABSOLUTE));
            boolean alive;
            try {
                f.engine.sessions().resume(token);
                alive = true;
            } catch (Refusal expired) {
                alive = false;
            }
            assertThat(alive).as("alive at +%s s", Duration.between(created, now).toSeconds()).isEqualTo(aliveModel);
            if (alive) {
                assertThat(aliveExact).as("never outlives SES-2 read exactly").isTrue();
            }
            if (aliveExact && now.isBefore(exact.plus(IDLE).minus(g)) && now.isBefore(created.plus(ABSOLUTE))) {
                assertThat(alive).as("lives until the exact idle time less the granularity").isTrue();
            }
            if (alive) {
                exact = now;
                if (!now.isBefore(recorded.plus(g))) {
                    recorded = now;
                }
            } else {
                ended = true;
            }
        }
    }
}
