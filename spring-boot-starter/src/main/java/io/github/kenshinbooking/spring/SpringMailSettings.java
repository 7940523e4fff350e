package io.github.kenshinbooking.spring;

import io.github.kenshinbooking.mail.SmtpSettings;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.mail.autoconfigure.MailProperties;

/**
 * {@link SmtpSettings} from Spring's {@code spring.mail.*}: host, port, username and password; SMTPS for
 * {@code protocol=smtps}, {@code ssl.enabled=true} or {@code properties.mail.smtp.ssl.enable=true};
 * STARTTLS (required) for {@code properties.mail.smtp.starttls.enable} or {@code .required}; the timeouts
 * from {@code properties.mail.smtp.connectiontimeout} and {@code .timeout} (milliseconds, as Jakarta Mail
 * reads them), else the sender's defaults; trusted hosts from {@code properties.mail.smtp.ssl.trust}.
 */
final class SpringMailSettings {
    static final String STARTTLS_ENABLE = "mail.smtp.starttls.enable";
    static final String STARTTLS_REQUIRED = "mail.smtp.starttls.required";
    static final String SSL_ENABLE = "mail.smtp.ssl.enable";
    static final String SSL_TRUST = "mail.smtp.ssl.trust";
    static final String CONNECT_TIMEOUT = "mail.smtp.connectiontimeout";
    static final String READ_TIMEOUT = "mail.smtp.timeout";

    private SpringMailSettings() {
    }

    /**
     * The settings of {@code spring.mail.*}.
     *
     * @throws IllegalStateException naming the property if a value is not usable
     */
    static SmtpSettings from(MailProperties mail) {
        Map<String, String> p = mail.getProperties();
        boolean ssl = "smtps".equalsIgnoreCase(mail.getProtocol()) || mail.getSsl().isEnabled()
                || Boolean.parseBoolean(p.get(SSL_ENABLE));
        boolean startTls = !ssl && (Boolean.parseBoolean(p.get(STARTTLS_ENABLE))
                || Boolean.parseBoolean(p.get(STARTTLS_REQUIRED)));
        SmtpSettings.Builder b = SmtpSettings.builder().host(mail.getHost()).ssl(ssl).startTls(startTls);
        if (mail.getPort() != null) {
            b.port(mail.getPort());
        }
        if (mail.getUsername() != null && !mail.getUsername().isEmpty()) {
            b.credentials(mail.getUsername(), mail.getPassword() == null ? "" : mail.getPassword());
        }
        if (p.containsKey(CONNECT_TIMEOUT)) {
            b.connectTimeout(millis(p, CONNECT_TIMEOUT));
        }
        if (p.containsKey(READ_TIMEOUT)) {
            b.readTimeout(millis(p, READ_TIMEOUT));
        }
        if (p.containsKey(SSL_TRUST)) {
            b.trustedHosts(p.get(SSL_TRUST));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("spring.mail.* is not usable for the kenshin SMTP sender: " + e.getMessage(), e);
        }
    }

    private static Duration millis(Map<String, String> p, String key) {
        try {
            return Duration.ofMillis(Long.parseLong(p.get(key).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("spring.mail.properties." + key + " must be milliseconds: " + p.get(key), e);
        }
    }
}
