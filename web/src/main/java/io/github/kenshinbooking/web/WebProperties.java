package io.github.kenshinbooking.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
        demo = demo == null ? new Demo(true, 0, null) : demo;
        logins = logins == null ? new Logins(0, 0, null) : logins;
        sessionCookie = sessionCookie == null || sessionCookie.isBlank() ? "KENSHIN_SESSION" : sessionCookie;
    }

    /**
     * The demo.
     *
     * @param enabled load the demo households and slots and run the in-process SMTP server (default true)
     * @param smtpPort the demo SMTP server's port; 0 picks a free one
     * @param rush extra households and one venue's slots for the rush bench (none by default)
     */
    public record Demo(boolean enabled, int smtpPort, Rush rush) {
        /** Fills in the defaults. */
        public Demo {
            rush = rush == null ? new Rush(0, 0, 0, null, null) : rush;
        }
    }

    /**
     * What the rush bench ({@code bench/rush.sh}) books: {@code households} households with their own password
     * (symbol numbers from {@value Rush#FIRST_SYMBOL_NUMBER}, each one member), and {@code places} places in
     * {@code slots} slots of one venue on {@code date} whose reception opens at {@code opensAt}.
     *
     * @param households households to add; 0 adds none
     * @param places places over all the rush slots (default: two thirds of the households, so the slots fill)
     * @param slots slots to spread the places over (default 10)
     * @param date the exam day (default: four weeks from today)
     * @param opensAt when reception opens (default: one minute after start-up)
     */
    public record Rush(int households, int places, int slots, LocalDate date, Instant opensAt) {
        /** The first rush household's 記号番号; the others follow it. */
        public static final int FIRST_SYMBOL_NUMBER = 3_000_001;
        /** Every rush household's password. */
        public static final String PASSWORD = "rush2024pass";
        /** Every rush household's representative, in 半角カナ as typed at login. */
        public static final String KANA = "ﾗｯｼｭ ﾀﾛｳ";

        /** Fills in the defaults. */
        public Rush {
            slots = slots > 0 ? slots : 10;
            places = places > 0 ? places : households * 2 / 3;
        }
    }

    /**
     * Logins verify a password hash, the most expensive thing the site does; at most {@code threads} run
     * at once (default: the processors) and the others wait for their turn, first come first served, while
     * their expected wait is within {@code maxWait} and at most {@code queue} wait (default: 64 per thread);
     * a login beyond that gets the busy page at once, with a {@code Retry-After} for when there will be room,
     * instead of holding a server thread.
     *
     * @param threads logins verified at once; 0 means the number of processors
     * @param queue logins waiting at most; 0 means 64 per thread
     * @param maxWait the longest a login waits for its turn (default 10 s)
     */
    public record Logins(int threads, int queue, Duration maxWait) {
        /** Fills in the defaults. */
        public Logins {
            threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
            queue = queue > 0 ? queue : 64 * threads;
            maxWait = maxWait == null ? Duration.ofSeconds(10) : maxWait;
        }
    }
}
