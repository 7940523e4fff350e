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

    /**
     * Checks the components.
     *
     * @param host           the SMTP server
     * @param port           its port
     * @param startTls       upgrade the connection with STARTTLS, and refuse to send if the server does not offer it
     * @param ssl            connect with TLS from the start (SMTPS)
     * @param username       the login, if the server requires authentication
     * @param password       the password for {@code username}
     * @param connectTimeout how long to wait for the connection
     * @param readTimeout    how long to wait for each server reply, and for each write
     * @param trustedHosts   hosts (space-separated, or {@code "*"}) whose TLS certificate is trusted without any check
     * @throws NullPointerException     if a component is {@code null}
     * @throws IllegalArgumentException if the host is blank, the port is outside 1..65535, both STARTTLS
     *     and SSL are set, only one of username and password is present, or a timeout is not positive
     */
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

    /**
     * A builder with the defaults of {@link Builder}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether to log in.
     *
     * @return {@code true} if a username is set
     */
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

        /**
         * Sets the SMTP server; required.
         *
         * @param v the host name
         * @return this builder
         */
        public Builder host(String v) {
            host = v;
            return this;
        }

        /**
         * Sets the port, instead of the default of the chosen transport.
         *
         * @param v the port, 1..65535
         * @return this builder
         */
        public Builder port(int v) {
            port = v;
            return this;
        }

        /**
         * Sets whether to upgrade with STARTTLS (required once set).
         *
         * @param v {@code true} for STARTTLS
         * @return this builder
         */
        public Builder startTls(boolean v) {
            startTls = v;
            return this;
        }

        /**
         * Sets whether to connect with TLS from the start (SMTPS).
         *
         * @param v {@code true} for SMTPS
         * @return this builder
         */
        public Builder ssl(boolean v) {
            ssl = v;
            return this;
        }

        /**
         * Log in with these credentials.
         *
         * @param user the login
         * @param pass the password
         * @return this builder
         */
        public Builder credentials(String user, String pass) {
            username = requireNonNull(user, "user");
            password = requireNonNull(pass, "pass");
            return this;
        }

        /**
         * Sets how long to wait for the connection (default 10 s).
         *
         * @param v a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration v) {
            connectTimeout = v;
            return this;
        }

        /**
         * Sets how long to wait for each server reply and each write (default 30 s).
         *
         * @param v a positive duration
         * @return this builder
         */
        public Builder readTimeout(Duration v) {
            readTimeout = v;
            return this;
        }

        /**
         * Sets the hosts whose TLS certificate is trusted without any check; for test servers only.
         *
         * @param v host names separated by spaces, or {@code "*"}
         * @return this builder
         */
        public Builder trustedHosts(String v) {
            trustedHosts = v;
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException if a value is missing or out of range
         */
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
