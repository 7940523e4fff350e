package io.github.kenshinbooking.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.lang.reflect.Field;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Jakarta Mail properties {@link SmtpMailSender} builds from {@link SmtpSettings}: per its
 * Javadoc, trusted hosts go to {@code ssl.trust} and skip every check, the host name included;
 * without them the certificate and the server's name are checked.
 */
class SmtpTrustPropertiesTest {
    private static final String HOST = "smtp.kenren.example.jp";

    private static Properties properties(SmtpSettings s) throws ReflectiveOperationException {
        SmtpMailSender sender = new SmtpMailSender(s);
        assertThat(sender.settings()).isSameAs(s);
        Field f = SmtpMailSender.class.getDeclaredField("session");
        f.setAccessible(true);
        return ((Session) f.get(sender)).getProperties();
    }

    private static SmtpSettings.Builder builder() {
        return SmtpSettings.builder().host(HOST);
    }

    @Test
    @DisplayName("plain SMTP sets no STARTTLS or TLS trust properties")
    void plain() throws ReflectiveOperationException {
        Properties p = properties(builder().trustedHosts("*").build());
        assertThat(p.getProperty("mail.smtp.host")).isEqualTo(HOST);
        assertThat(p.getProperty("mail.smtp.port")).isEqualTo("25");
        assertThat(p.getProperty("mail.smtp.starttls.enable")).isNull();
        assertThat(p.getProperty("mail.smtp.ssl.trust")).isNull();
        assertThat(p.getProperty("mail.smtp.ssl.checkserveridentity")).isNull();
    }

    @Test
    @DisplayName("STARTTLS is required and, without trusted hosts, the server's name is checked")
    void startTlsChecked() throws ReflectiveOperationException {
        Properties p = properties(builder().startTls(true).build());
        assertThat(p.getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
        assertThat(p.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
        assertThat(p.getProperty("mail.smtp.ssl.trust")).isNull();
        assertThat(p.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("true");
    }

    @Test
    @DisplayName("SMTPS without trusted hosts checks the server's name")
    void smtpsChecked() throws ReflectiveOperationException {
        Properties p = properties(builder().ssl(true).build());
        assertThat(p.getProperty("mail.smtps.port")).isEqualTo("465");
        assertThat(p.getProperty("mail.smtps.ssl.trust")).isNull();
        assertThat(p.getProperty("mail.smtps.ssl.checkserveridentity")).isEqualTo("true");
    }

    @Test
    @DisplayName("trusting \"*\" skips the name check (STARTTLS and SMTPS)")
    void star() throws ReflectiveOperationException {
        Properties tls = properties(builder().startTls(true).trustedHosts("*").build());
        assertThat(tls.getProperty("mail.smtp.ssl.trust")).isEqualTo("*");
        assertThat(tls.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("false");
        Properties ssl = properties(builder().ssl(true).trustedHosts("*").build());
        assertThat(ssl.getProperty("mail.smtps.ssl.trust")).isEqualTo("*");
        assertThat(ssl.getProperty("mail.smtps.ssl.checkserveridentity")).isEqualTo("false");
    }

    @Test
    @DisplayName("a trust list naming the host (any case, among others) skips the name check")
    void listWithHost() throws ReflectiveOperationException {
        String list = " mail.test  SMTP.Kenren.Example.JP ";
        Properties p = properties(builder().startTls(true).trustedHosts(list).build());
        assertThat(p.getProperty("mail.smtp.ssl.trust")).isEqualTo(list);
        assertThat(p.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("false");
    }

    @Test
    @DisplayName("a trust list without the host keeps the name check for the host")
    void listWithoutHost() throws ReflectiveOperationException {
        Properties p = properties(builder().ssl(true).trustedHosts("mail.test other.test").build());
        assertThat(p.getProperty("mail.smtps.ssl.trust")).isEqualTo("mail.test other.test");
        assertThat(p.getProperty("mail.smtps.ssl.checkserveridentity")).isEqualTo("true");
    }
}
