package io.github.kenshinbooking.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.schedule.Slot;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * MAIL-2 against a real SMTP server that is down, comes up, goes down and comes back: committed
 * notifications wait in the outbox and every one arrives once the server is reachable again.
 */
class SmtpOutageTest {
    private static final RelayPolicy POLICY = RelayPolicy.defaults().withInitialBackoff(Duration.ofSeconds(30))
            .withMaxBackoff(Duration.ofMinutes(10));

    private final EngineFixture fx = new EngineFixture(LocalDateTime.of(2024, 1, 10, 10, 0));
    private final int port = freePort();
    private GreenMail server;
    private final List<MimeMessage> received = new ArrayList<>();

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serverUp() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    private void serverDown() {
        received.addAll(List.of(server.getReceivedMessages()));
        server.stop();
        server = null;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @DisplayName("MAIL-2 with the SMTP server down, notifications wait and all go out once it is up; none lost")
    void downUpDownUp() throws Exception {
        SmtpSettings smtp = SmtpSettings.builder().host("127.0.0.1").port(port)
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5)).build();
        OutboxRelay relay = new OutboxRelay(fx.storage.outbox(), MailRenderer.withDefaults(fx.engine.policy()),
                new SmtpMailSender(smtp, fx.clock), fx.clock, POLICY);
        Slot slot = fx.slot("ミリカローデン那珂川", "ヘルスポートクリニック", LocalDate.of(2024, 2, 18), LocalTime.of(9, 0));
        Set<String> expected = new HashSet<>();

        // down from the start: three bookings commit, their mails wait
        for (int i = 0; i < 3; i++) {
            book(i, slot);
            expected.add("h" + i + "@example.jp");
        }
        assertThat(relay.drain()).isZero();
        assertThat(fx.storage.outbox().pending()).hasSize(3).allSatisfy(e -> assertThat(e.attempts()).isEqualTo(1));
        fx.clock.add(Duration.ofSeconds(30));
        assertThat(relay.drain()).isZero();
        assertThat(fx.storage.outbox().pending()).allSatisfy(e -> assertThat(e.attempts()).isEqualTo(2));

        // up: once the backoff is over, all three go out
        serverUp();
        fx.clock.add(Duration.ofSeconds(59));
        assertThat(relay.drain()).isZero();
        fx.clock.add(Duration.ofSeconds(1));
        assertThat(relay.drain()).isEqualTo(3);
        assertThat(server.waitForIncomingEmail(5_000, 3)).isTrue();

        // down again: two more wait
        serverDown();
        for (int i = 3; i < 5; i++) {
            book(i, slot);
            expected.add("h" + i + "@example.jp");
        }
        assertThat(relay.drain()).isZero();
        assertThat(fx.storage.outbox().pending()).hasSize(2);

        // back up: they go out, nothing is sent twice
        serverUp();
        fx.clock.add(POLICY.initialBackoff());
        assertThat(relay.drain()).isEqualTo(2);
        assertThat(server.waitForIncomingEmail(5_000, 2)).isTrue();
        fx.clock.add(Duration.ofHours(1));
        assertThat(relay.drain()).isZero();
        serverDown();

        assertThat(fx.storage.outbox().pending()).isEmpty();
        Set<String> recipients = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (MimeMessage m : received) {
            recipients.add(m.getAllRecipients()[0].toString());
            ids.add(m.getHeader("Message-ID")[0]);
        }
        assertThat(received).hasSize(5);
        assertThat(recipients).isEqualTo(expected);
        assertThat(ids).hasSize(5);
    }

    private void book(int i, Slot slot) throws Exception {
        String symbol = Integer.toString(3_000_000 + i);
        Member m = EngineFixture.member(symbol + "-00", "ｹﾝｾﾂ ﾀﾛｳ", "建設 太郎", LocalDate.of(1960, 2, 10), true);
        HouseholdSession s = fx.household(symbol, "h" + i + "@example.jp", m);
        fx.book(s, m, slot);
    }
}
