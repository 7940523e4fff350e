package io.github.kenshinbooking.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kenshin.web.*}: the site's own settings (the engine's are the starter's {@code kenshin.*}).
 *
 * @param demo the demo data and mailbox
 * @param logins the bounded pool that verifies passwords at login
 * @param sessionCookie the name of the cookie that carries the engine's session token (SES-1)
 */
@ConfigurationProperties("kenshin.web")
public record WebProperties(Demo demo, Logins logins, String sessionCookie) {
    /** Fills in the defaults. */
    public WebProperties {
        demo = demo == null ? new Demo(true, 0) : demo;
        logins = logins == null ? new Logins(0, 0, null) : logins;
        sessionCookie = sessionCookie == null || sessionCookie.isBlank() ? "KENSHIN_SESSION" : sessionCookie;
    }

    /**
     * The demo.
     *
     * @param enabled load the demo households and slots and run the in-process SMTP server (default true)
     * @param smtpPort the demo SMTP server's port; 0 picks a free one
     */
    public record Demo(boolean enabled, int smtpPort) {}

    /**
     * Logins verify a password hash, the most expensive thing the site does; at most {@code threads} run
     * at once (default: the processors) and at most {@code queue} more wait for their turn, first come first
     * served (default: 8 per thread); a login beyond that, or waiting longer than {@code maxWait}, gets the
     * busy page with {@code Retry-After} at once instead of holding a server thread.
     *
     * @param threads logins verified at once; 0 means the number of processors
     * @param queue logins waiting at most; 0 means 8 per thread
     * @param maxWait the longest a login waits for its turn (default 10 s)
     */
    public record Logins(int threads, int queue, Duration maxWait) {
        /** Fills in the defaults. */
        public Logins {
            threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
            queue = queue > 0 ? queue : 8 * threads;
            maxWait = maxWait == null ? Duration.ofSeconds(10) : maxWait;
        }
    }
}
