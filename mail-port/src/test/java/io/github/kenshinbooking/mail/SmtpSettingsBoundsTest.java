package io.github.kenshinbooking.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SmtpSettingsBoundsTest {
    private static final Duration T = Duration.ofSeconds(1);

    private static SmtpSettings settings(int port, Optional<String> user, Optional<String> pass, Duration connect,
            Duration read) {
        return new SmtpSettings("smtp.example.jp", port, false, false, user, pass, connect, read, Optional.empty());
    }

    private static SmtpSettings port(int port) {
        return settings(port, Optional.empty(), Optional.empty(), T, T);
    }

    @Test
    @DisplayName("the port is 1..65535: both ends accepted, 0 and 65536 refused")
    void portBounds() {
        assertThat(port(1).port()).isEqualTo(1);
        assertThat(port(65535).port()).isEqualTo(65535);
        assertThatThrownBy(() -> port(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> port(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> port(-25)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("username and password go together")
    void credentialsTogether() {
        assertThatThrownBy(() -> settings(25, Optional.of("relay"), Optional.empty(), T, T))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(25, Optional.empty(), Optional.of("secret"), T, T))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(settings(25, Optional.of("relay"), Optional.of("secret"), T, T).authenticates()).isTrue();
    }

    @Test
    @DisplayName("both timeouts must be positive; 1 ns is accepted")
    void timeouts() {
        Optional<String> none = Optional.empty();
        assertThatThrownBy(() -> settings(25, none, none, Duration.ZERO, T)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(25, none, none, T.negated(), T)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(25, none, none, T, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(25, none, none, T, T.negated())).isInstanceOf(IllegalArgumentException.class);
        assertThat(settings(25, none, none, Duration.ofNanos(1), Duration.ofNanos(1)).readTimeout())
                .isEqualTo(Duration.ofNanos(1));
    }

    @Test
    @DisplayName("toString masks the password and shows whether one is set")
    void toStringMasksPassword() {
        String with = settings(25, Optional.of("relay"), Optional.of("relay-secret"), T, T).toString();
        assertThat(with).contains("smtp.example.jp", "relay", "***").doesNotContain("relay-secret");
        assertThat(port(25).toString()).doesNotContain("***");
    }
}
