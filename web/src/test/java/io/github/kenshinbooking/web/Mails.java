package io.github.kenshinbooking.web;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/** Waits for the mails the demo's in-process SMTP server received (the outbox relay sends them a little later). */
final class Mails {
    /** A test of one received mail. */
    @FunctionalInterface
    interface Test {
        boolean test(MimeMessage m) throws MessagingException, IOException;
    }

    private Mails() {
    }

    /**
     * The first mail to {@code to} that passes {@code test}, waiting up to 20 s.
     *
     * @throws AssertionError naming {@code what} if none arrives
     */
    static MimeMessage await(GreenMail server, String to, Test test, String what) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            for (MimeMessage m : server.getReceivedMessages()) {
                if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(to)) && test.test(m)) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + to + " " + what);
    }

    /** The first mail to {@code to} whose body contains {@code text}. */
    static MimeMessage awaitContaining(GreenMail server, String to, String text) throws Exception {
        return await(server, to, m -> String.valueOf(m.getContent()).contains(text), "containing " + text);
    }

    /** The first mail to {@code to} with exactly this subject. */
    static MimeMessage awaitSubject(GreenMail server, String to, String subject) throws Exception {
        return await(server, to, m -> subject.equals(m.getSubject()), "with subject " + subject);
    }
}
