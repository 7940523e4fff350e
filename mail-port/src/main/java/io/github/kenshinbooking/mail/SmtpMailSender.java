package io.github.kenshinbooking.mail;

import static java.util.Objects.requireNonNull;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;

/**
 * Sends mails over SMTP with Jakarta Mail (Angus): one connection per mail, STARTTLS or SMTPS and
 * login as configured. The mail is plain text in UTF-8 ({@code text/plain; charset=UTF-8}) with a
 * MIME-encoded subject and sender name, its {@code Message-ID} set to
 * {@link MailMessage#messageId()} so a resend carries the same id, and
 * {@code Auto-Submitted: auto-generated} (RFC 3834). Thread-safe.
 */
public final class SmtpMailSender implements MailSender {
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final SmtpSettings settings;
    private final Clock clock;
    private final Session session;
    private final String protocol;

    /**
     * A sender whose {@code Date} header comes from the system clock.
     *
     * @param settings where and how to connect
     */
    public SmtpMailSender(SmtpSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /**
     * A sender whose {@code Date} header comes from {@code clock}.
     *
     * @param settings where and how to connect
     * @param clock    the source of the {@code Date} header
     */
    public SmtpMailSender(SmtpSettings settings, Clock clock) {
        this.settings = requireNonNull(settings, "settings");
        this.clock = requireNonNull(clock, "clock");
        this.protocol = settings.ssl() ? "smtps" : "smtp";
        this.session = Session.getInstance(properties(settings, protocol));
    }

    /**
     * The settings this sender connects with.
     *
     * @return the settings
     */
    public SmtpSettings settings() {
        return settings;
    }

    @Override
    public void send(MailMessage message) throws MailDeliveryException {
        requireNonNull(message, "message");
        MimeMessage mime;
        try {
            mime = mime(message);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailDeliveryException("cannot build " + message.messageId() + ": " + e.getMessage(), e);
        }
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect(settings.host(), settings.port(), settings.username().orElse(null),
                    settings.password().orElse(null));
            transport.sendMessage(mime, mime.getAllRecipients());
        } catch (MessagingException e) {
            throw new MailDeliveryException("SMTP " + settings.host() + ":" + settings.port() + " did not take "
                    + message.messageId() + ": " + e.getMessage(), e);
        }
    }

    private MimeMessage mime(MailMessage m) throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = new FixedIdMessage(session, m.messageId());
        mime.setFrom(new InternetAddress(m.from(), m.fromName(), UTF_8));
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(m.to(), true));
        mime.setSubject(m.subject(), UTF_8);
        // text/plain in canonical form: CRLF line ends
        mime.setText(m.body().replace("\r\n", "\n").replace("\n", "\r\n"), UTF_8);
        mime.setSentDate(Date.from(clock.instant()));
        mime.setHeader("Auto-Submitted", "auto-generated");
        mime.setHeader("X-Kenshin-Kind", m.kind().name());
        mime.saveChanges();
        return mime;
    }

    private static Properties properties(SmtpSettings s, String protocol) {
        Properties p = new Properties();
        String k = "mail." + protocol + ".";
        p.setProperty(k + "host", s.host());
        p.setProperty(k + "port", Integer.toString(s.port()));
        p.setProperty(k + "connectiontimeout", Long.toString(s.connectTimeout().toMillis()));
        p.setProperty(k + "timeout", Long.toString(s.readTimeout().toMillis()));
        p.setProperty(k + "writetimeout", Long.toString(s.readTimeout().toMillis()));
        p.setProperty(k + "auth", Boolean.toString(s.authenticates()));
        if (s.startTls()) {
            p.setProperty(k + "starttls.enable", "true");
            p.setProperty(k + "starttls.required", "true");
        }
        if (s.ssl() || s.startTls()) {
            s.trustedHosts().ifPresent(h -> p.setProperty(k + "ssl.trust", h));
            // a host trusted by configuration skips every certificate check, its name included
            p.setProperty(k + "ssl.checkserveridentity", Boolean.toString(!trusted(s)));
        }
        return p;
    }

    private static boolean trusted(SmtpSettings s) {
        if (s.trustedHosts().isEmpty()) {
            return false;
        }
        for (String h : s.trustedHosts().get().trim().split("\\s+")) {
            if (h.equals("*") || h.equalsIgnoreCase(s.host())) {
                return true;
            }
        }
        return false;
    }

    /** Keeps the Message-ID the relay chose instead of the random one Jakarta Mail would set. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
