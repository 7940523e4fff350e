package io.github.kenshinbooking.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SmtpSettingsTest {
    @Test
    @DisplayName("SMTP settings: port defaults follow the TLS mode; timeouts default")
    void defaults() {
        assertThat(SmtpSettings.builder().host("mx").build().port()).isEqualTo(25);
        assertThat(SmtpSettings.builder().host("mx").startTls(true).build().port()).isEqualTo(587);
        assertThat(SmtpSettings.builder().host("mx").ssl(true).build().port()).isEqualTo(465);
        SmtpSettings s = SmtpSettings.builder().host("mx").port(2525).build();
        assertThat(s.port()).isEqualTo(2525);
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.authenticates()).isFalse();
    }

    @Test
    @DisplayName("SMTP settings: invalid combinations are refused; the password never shows in toString")
    void validation() {
        assertThatThrownBy(() -> SmtpSettings.builder().build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpSettings.builder().host(" ").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpSettings.builder().host("mx").port(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpSettings.builder().host("mx").ssl(true).startTls(true).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpSettings.builder().host("mx").connectTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
        SmtpSettings s = SmtpSettings.builder().host("mx").credentials("relay", "s3cret!").build();
        assertThat(s.authenticates()).isTrue();
        assertThat(s.toString()).contains("relay").doesNotContain("s3cret!");
    }
}
