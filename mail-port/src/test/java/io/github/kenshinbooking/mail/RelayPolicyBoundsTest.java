package io.github.kenshinbooking.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RelayPolicyBoundsTest {
    private static final Duration S = Duration.ofSeconds(1);

    @Test
    @DisplayName("MAIL-2 batch size, lease and initial backoff must be positive; the smallest positive values are accepted")
    void positive() {
        assertThatThrownBy(() -> new RelayPolicy(0, S, S, S)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelayPolicy(1, Duration.ZERO, S, S)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelayPolicy(1, S.negated(), S, S)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelayPolicy(1, S, Duration.ZERO, S)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelayPolicy(1, S, S.negated(), S)).isInstanceOf(IllegalArgumentException.class);
        RelayPolicy smallest = new RelayPolicy(1, Duration.ofNanos(1), Duration.ofNanos(1), Duration.ofNanos(1));
        assertThat(smallest.backoff(1)).isEqualTo(Duration.ofNanos(1));
    }

    @Test
    @DisplayName("MAIL-2 the maximum backoff may equal the initial one, not be shorter")
    void maxNotShorter() {
        assertThatThrownBy(() -> new RelayPolicy(1, S, S, S.minusNanos(1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RelayPolicy(1, S, S, S).backoff(5)).isEqualTo(S);
    }

    @Test
    @DisplayName("MAIL-2 backoff = initial × 2^(failures − 1), capped at the maximum, exactly at the boundaries")
    void growthAndCap() {
        // 3 s doubling to 6 s: a maximum 1 ns above 6 s does not cap it
        RelayPolicy p = new RelayPolicy(1, S, Duration.ofSeconds(3), Duration.ofSeconds(6).plusNanos(1));
        assertThat(p.backoff(1)).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.backoff(2)).isEqualTo(Duration.ofSeconds(6));
        assertThat(p.backoff(3)).isEqualTo(Duration.ofSeconds(6).plusNanos(1));
        // a maximum exactly 2 × initial is reached at the second failure
        RelayPolicy q = new RelayPolicy(1, S, Duration.ofSeconds(3), Duration.ofSeconds(6));
        assertThat(q.backoff(2)).isEqualTo(Duration.ofSeconds(6));
        assertThat(q.backoff(3)).isEqualTo(Duration.ofSeconds(6));
        // a maximum 1 ns below 2 × initial caps the second failure
        RelayPolicy r = new RelayPolicy(1, S, Duration.ofSeconds(3), Duration.ofSeconds(6).minusNanos(1));
        assertThat(r.backoff(2)).isEqualTo(Duration.ofSeconds(6).minusNanos(1));
        assertThat(r.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(6).minusNanos(1));
        assertThatThrownBy(() -> q.backoff(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
