package io.github.kenshinbooking.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RelayPolicyTest {
    @Test
    @DisplayName("MAIL-2 backoff doubles from the initial wait and stops at the maximum")
    void backoff() {
        RelayPolicy p = RelayPolicy.defaults().withInitialBackoff(Duration.ofSeconds(30))
                .withMaxBackoff(Duration.ofMinutes(5));
        assertThat(p.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.backoff(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(p.backoff(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(p.backoff(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> p.backoff(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("MAIL-2 relay policy values are checked; withers change one value")
    void validation() {
        RelayPolicy d = RelayPolicy.defaults();
        assertThat(d.withBatchSize(3).batchSize()).isEqualTo(3);
        assertThat(d.withLease(Duration.ofMinutes(1)).lease()).isEqualTo(Duration.ofMinutes(1));
        assertThat(d.withBatchSize(3).lease()).isEqualTo(d.lease());
        assertThatThrownBy(() -> d.withBatchSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withLease(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withInitialBackoff(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withMaxBackoff(d.initialBackoff().minusMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withLease(null)).isInstanceOf(NullPointerException.class);
    }
}
