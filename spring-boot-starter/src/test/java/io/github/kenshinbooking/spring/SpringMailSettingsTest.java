package io.github.kenshinbooking.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.kenshinbooking.mail.SmtpSettings;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.mail.autoconfigure.MailProperties;

/** {@code spring.mail.*} as the library's {@link SmtpSettings}. */
class SpringMailSettingsTest {
    private static MailProperties mail(String host) {
        MailProperties p = new MailProperties();
        p.setHost(host);
        return p;
    }

    @Test
    @DisplayName("host alone: plain SMTP on port 25, no login, the sender's default timeouts, no trusted host")
    void hostAlone() {
        SmtpSettings s = SpringMailSettings.from(mail("smtp.example.jp"));
        assertThat(s.host()).isEqualTo("smtp.example.jp");
        assertThat(s.port()).isEqualTo(25);
        assertThat(s.ssl()).isFalse();
        assertThat(s.startTls()).isFalse();
        assertThat(s.authenticates()).isFalse();
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.trustedHosts()).isEmpty();
    }

    @Test
    @DisplayName("protocol smtps, or ssl.enabled, or mail.smtp.ssl.enable: SMTPS on 465 by default")
    void smtps() {
        MailProperties byProtocol = mail("smtp.example.jp");
        byProtocol.setProtocol("smtps");
        MailProperties bySsl = mail("smtp.example.jp");
        bySsl.getSsl().setEnabled(true);
        MailProperties byProperty = mail("smtp.example.jp");
        byProperty.getProperties().put("mail.smtp.ssl.enable", "true");
        for (MailProperties p : new MailProperties[] {byProtocol, bySsl, byProperty}) {
            SmtpSettings s = SpringMailSettings.from(p);
            assertThat(s.ssl()).isTrue();
            assertThat(s.startTls()).isFalse();
            assertThat(s.port()).isEqualTo(465);
        }
    }

    @Test
    @DisplayName("STARTTLS (enable or required) on 587 by default; login, timeouts in milliseconds and trusted hosts from the properties")
    void startTlsAndTheRest() {
        MailProperties p = mail("smtp.example.jp");
        p.getProperties().put("mail.smtp.starttls.required", "true");
        p.getProperties().put("mail.smtp.connectiontimeout", "2500");
        p.getProperties().put("mail.smtp.timeout", "7000");
        p.getProperties().put("mail.smtp.ssl.trust", "smtp.example.jp");
        p.setUsername("relay");
        p.setPassword("secret");
        SmtpSettings s = SpringMailSettings.from(p);
        assertThat(s.startTls()).isTrue();
        assertThat(s.port()).isEqualTo(587);
        assertThat(s.username()).contains("relay");
        assertThat(s.password()).contains("secret");
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(s.trustedHosts()).contains("smtp.example.jp");
        p.setPort(2525);
        assertThat(SpringMailSettings.from(p).port()).isEqualTo(2525);
    }

    @Test
    @DisplayName("an unusable value stops the start naming spring.mail")
    void unusable() {
        MailProperties p = mail("smtp.example.jp");
        p.getProperties().put("mail.smtp.timeout", "30s");
        assertThat(catchThrowableOfType(IllegalStateException.class, () -> SpringMailSettings.from(p)))
                .hasMessageContaining("spring.mail.properties.mail.smtp.timeout");
        MailProperties port = mail("smtp.example.jp");
        port.setPort(70000);
        assertThat(catchThrowableOfType(IllegalStateException.class, () -> SpringMailSettings.from(port)))
                .hasMessageContaining("spring.mail.");
    }
}
