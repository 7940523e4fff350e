package io.github.kenshinbooking.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RelayPolicyProperties {
    @Property(tries = 300)
    @Label("MAIL-2 backoff is between initial and max, never shrinks, and doubles until it reaches max")
    void backoffShape(@ForAll @LongRange(min = 1, max = 3_600_000) long initialMillis,
            @ForAll @LongRange(min = 0, max = 86_400_000) long extraMillis,
            @ForAll @IntRange(min = 1, max = 200) int failures) {
        Duration initial = Duration.ofMillis(initialMillis);
        Duration max = initial.plusMillis(extraMillis);
        RelayPolicy p = new RelayPolicy(10, Duration.ofMinutes(1), initial, max);
        Duration b = p.backoff(failures);
        Duration next = p.backoff(failures + 1);
        assertThat(b).isBetween(initial, max);
        assertThat(next).isGreaterThanOrEqualTo(b);
        if (b.multipliedBy(2).compareTo(max) <= 0) {
            assertThat(next).isEqualTo(b.multipliedBy(2));
        } else {
            assertThat(next).isEqualTo(max);
        }
    }
}
