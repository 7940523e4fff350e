package io.github.kenshinbooking.mail;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * Where and how {@link SmtpMailSender} connects. Immutable and thread-safe.
 *
 * @param host           the SMTP server
 * @param port           its port
 * @param startTls       upgrade the connection with STARTTLS, and refuse to send if the server does not offer it
 * @param ssl            connect with TLS from the start (SMTPS, usually port 465)
 * @param username       the login, if the server requires authentication
 * @param password       the password for {@code username}
 * @param connectTimeout how long to wait for the connection
 * @param readTimeout    how long to wait for each server reply, and for each write
 * @param trustedHosts   hosts (space-separated, or {@code "*"}) whose TLS certificate is trusted
 *                       without any check, its host name included (Angus {@code mail.smtp.ssl.trust});
 *                       for test servers only. Empty: the certificate is checked against the JDK's
 *                       trust store and the server's name
 */
public record SmtpSettings(String host, int port, boolean startTls, boolean ssl, Optional<String> username,
        Optional<String> password, Duration connectTimeout, Duration readTimeout, Optional<String> trustedHosts) {

    public SmtpSettings {
        requireNonNull(host, "host");
        requireNonNull(username, "username");
        requireNonNull(password, "password");
        requireNonNull(connectTimeout, "connectTimeout");
        requireNonNull(readTimeout, "readTimeout");
        requireNonNull(trustedHosts, "trustedHosts");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535");
        }
        if (startTls && ssl) {
            throw new IllegalArgumentException("choose STARTTLS or SSL, not both");
        }
        if (username.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("username and password go together");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether to log in. */
    public boolean authenticates() {
        return username.isPresent();
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", startTls=" + startTls + ", ssl=" + ssl
                + ", username=" + username.orElse("-") + ", password=" + (password.isPresent() ? "***" : "-")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", trustedHosts="
                + trustedHosts.orElse("-") + "]";
    }

    /**
     * Builds {@link SmtpSettings}. Host is required; the port defaults to 465 with SSL, 587 with
     * STARTTLS, else 25; timeouts to 10 s (connect) and 30 s (read). Not thread-safe.
     */
    public static final class Builder {
        private String host;
        private Integer port;
        private boolean startTls;
        private boolean ssl;
        private String username;
        private String password;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private String trustedHosts;

        private Builder() {
        }

        public Builder host(String v) {
            host = v;
            return this;
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder startTls(boolean v) {
            startTls = v;
            return this;
        }

        public Builder ssl(boolean v) {
            ssl = v;
            return this;
        }

        /** Log in with these credentials. */
        public Builder credentials(String user, String pass) {
            username = requireNonNull(user, "user");
            password = requireNonNull(pass, "pass");
            return this;
        }

        public Builder connectTimeout(Duration v) {
            connectTimeout = v;
            return this;
        }

        public Builder readTimeout(Duration v) {
            readTimeout = v;
            return this;
        }

        public Builder trustedHosts(String v) {
            trustedHosts = v;
            return this;
        }

        /** @throws IllegalArgumentException if a value is missing or out of range */
        public SmtpSettings build() {
            if (host == null) {
                throw new IllegalArgumentException("host is required");
            }
            int p = port != null ? port : ssl ? 465 : startTls ? 587 : 25;
            return new SmtpSettings(host, p, startTls, ssl, Optional.ofNullable(username),
                    Optional.ofNullable(password), connectTimeout, readTimeout, Optional.ofNullable(trustedHosts));
        }
    }
}
