package io.github.kenshinbooking.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.policy.UnionContact;
import io.github.kenshinbooking.policy.UnionPolicy;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.threeten.extra.MutableClock;

class SmtpMailSenderTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay", "relay-secret"));

    private static final String LINK_BASE = "https://kenren-jigyo.jp/password/reset?token=";

    private final MutableClock clock = MutableClock.of(Instant.parse("2024-01-10T01:23:45Z"), EngineFixture.TOKYO);
    private final MailRenderer renderer = MailRenderer.withDefaults(UnionPolicy.defaults()).withResetLinkBase(LINK_BASE);

    private static SmtpSettings.Builder settings() {
        return SmtpSettings.builder().host(GREEN_MAIL.getSmtp().getBindTo()).port(GREEN_MAIL.getSmtp().getPort())
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(5));
    }

    private static MimeMessage onlyReceived() {
        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static String body(MimeMessage m) throws Exception {
        return ((String) m.getContent()).replace("\r\n", "\n");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(NotificationKind.class)
    @DisplayName("MAIL-1 each kind arrives over SMTP with MIME-encoded Japanese subject, UTF-8 plain text and the stable Message-ID")
    void eachKindArrives(NotificationKind kind) throws Exception {
        MailMessage mail = renderer.render(Samples.entry(kind));
        new SmtpMailSender(settings().build(), clock).send(mail);

        MimeMessage got = onlyReceived();
        assertThat(got.getHeader("Message-ID")).containsExactly(mail.messageId());
        assertThat(got.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(got.getSubject()).isEqualTo(mail.subject());
        InternetAddress from = (InternetAddress) got.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo(UnionContact.manualExample().senderAddress());
        assertThat(from.getPersonal()).isEqualTo(UnionContact.manualExample().senderName());
        assertThat(got.getHeader("From")[0]).contains("=?UTF-8?");
        assertThat(((InternetAddress) got.getAllRecipients()[0]).getAddress()).isEqualTo(Samples.TO);
        ContentType type = new ContentType(got.getContentType());
        assertThat(type.getBaseType()).isEqualToIgnoringCase("text/plain");
        assertThat(type.getParameter("charset")).isEqualToIgnoringCase("UTF-8");
        assertThat(got.getHeader("Content-Transfer-Encoding")[0]).isIn("base64", "quoted-printable");
        assertThat(got.getSentDate().toInstant()).isEqualTo(Instant.parse("2024-01-10T01:23:45Z"));
        assertThat(got.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(got.getHeader("X-Kenshin-Kind")).containsExactly(kind.name());
        assertThat(body(got)).isEqualTo(mail.body());
        // on the wire the mail is 7-bit: every Japanese character is MIME-encoded
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        got.writeTo(raw);
        assertThat(ascii(raw.toByteArray())).matches("[\\x00-\\x7F]*");
    }

    @Test
    @DisplayName("RESET-1 the reset mail arrives with its working link")
    void resetLinkArrives() throws Exception {
        MailMessage mail = renderer.render(Samples.entry(NotificationKind.PASSWORD_RESET));
        new SmtpMailSender(settings().build(), clock).send(mail);
        assertThat(body(onlyReceived())).contains("パスワード変更 URL : " + LINK_BASE + Samples.TOKEN + "\n");
    }

    @Test
    @DisplayName("SMTP login with the configured credentials")
    void authenticates() throws Exception {
        MailMessage mail = renderer.render(Samples.entry(NotificationKind.BOOKED));
        new SmtpMailSender(settings().credentials("relay", "relay-secret").build(), clock).send(mail);
        assertThat(onlyReceived().getHeader("Message-ID")).containsExactly(mail.messageId());
    }

    @Test
    @DisplayName("MAIL-2 wrong credentials are a delivery failure, not a crash")
    void wrongCredentials() {
        MailMessage mail = renderer.render(Samples.entry(NotificationKind.BOOKED));
        SmtpMailSender sender = new SmtpMailSender(settings().credentials("relay", "wrong").build(), clock);
        assertThatThrownBy(() -> sender.send(mail)).isInstanceOf(MailDeliveryException.class);
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    @DisplayName("MAIL-2 an unreachable server is a delivery failure whose message holds no token or body")
    void serverDown() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        MailMessage reset = renderer.render(Samples.entry(NotificationKind.PASSWORD_RESET));
        SmtpMailSender sender = new SmtpMailSender(settings().port(closedPort).build(), clock);
        assertThatThrownBy(() -> sender.send(reset)).isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining(reset.messageId())
                .hasMessageNotContaining(Samples.TOKEN)
                .hasMessageNotContaining("パスワード");
    }

    @Test
    @DisplayName("STARTTLS required: a server without it is refused rather than sent to in clear text")
    void startTlsRequired() {
        MailMessage mail = renderer.render(Samples.entry(NotificationKind.PASSWORD_RESET));
        SmtpMailSender sender = new SmtpMailSender(settings().startTls(true).build(), clock);
        assertThatThrownBy(() -> sender.send(mail)).isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining("STARTTLS");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    @DisplayName("SMTPS: an unknown certificate is refused by default; trusted by configuration, the mail goes over TLS")
    void smtps() throws Exception {
        ServerSetup setup = ServerSetupTest.SMTPS.dynamicPort();
        setup.setServerStartupTimeout(30_000); // loading the test keystore is slow on a busy machine
        GreenMail smtps = new GreenMail(setup);
        smtps.start();
        try {
            MailMessage mail = renderer.render(Samples.entry(NotificationKind.BOOKED));
            SmtpSettings.Builder b = SmtpSettings.builder().host(smtps.getSmtps().getBindTo())
                    .port(smtps.getSmtps().getPort()).ssl(true)
                    .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(5));
            SmtpMailSender checking = new SmtpMailSender(b.build(), clock);
            assertThatThrownBy(() -> checking.send(mail)).isInstanceOf(MailDeliveryException.class);
            assertThat(smtps.getReceivedMessages()).isEmpty();

            new SmtpMailSender(b.trustedHosts("*").build(), clock).send(mail);
            assertThat(smtps.waitForIncomingEmail(5_000, 1)).isTrue();
            assertThat(smtps.getReceivedMessages()[0].getSubject()).isEqualTo(mail.subject());
        } finally {
            smtps.stop();
        }
    }

    static String ascii(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
