package io.github.kenshinbooking.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.memory.InMemoryStorage;
import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.notification.NotificationOutbox;
import io.github.kenshinbooking.notification.OutboxEntry;
import io.github.kenshinbooking.policy.UnionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

class OutboxRelayTest {
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final RelayPolicy POLICY = new RelayPolicy(20, LEASE, Duration.ofSeconds(30),
            Duration.ofMinutes(4));

    private final MutableClock clock = MutableClock.of(Instant.parse("2024-01-10T01:00:00Z"), EngineFixture.TOKYO);
    private final InMemoryStorage storage = new InMemoryStorage();
    private final NotificationOutbox outbox = storage.outbox();
    private final MailRenderer renderer = MailRenderer.withDefaults(UnionPolicy.defaults());
    private final CapturingMailSender mailbox = new CapturingMailSender();

    private OutboxRelay relay(NotificationOutbox o, MailSender sender, RelayPolicy policy) {
        return new OutboxRelay(o, renderer, sender, clock, policy);
    }

    private OutboxRelay relay() {
        return relay(outbox, mailbox, POLICY);
    }

    private static Notification booked(String to) {
        return Notification.of(NotificationKind.BOOKED, to, Samples.reservation());
    }

    /** Records notifications the way a use case does: inside one committed unit of work. */
    private void commit(Notification... notifications) throws Refusal {
        storage.unitOfWork().execute(() -> {
            for (Notification n : notifications) {
                outbox.add(n, clock.instant());
            }
            return null;
        });
    }

    private List<String> recipients(List<MailMessage> messages) {
        return messages.stream().map(MailMessage::to).toList();
    }

    @Test
    @DisplayName("MAIL-2 every committed notification is rendered, sent once and marked sent")
    void sendsAndMarks() throws Refusal {
        commit(booked("a@example.jp"), booked("b@example.jp"));
        commit(Notification.of(NotificationKind.PASSWORD_RESET, "c@example.jp",
                Map.of("resetToken", "tok", "resetExpiresAt", "2024-01-10T11:00")));

        assertThat(relay().drain()).isEqualTo(3);

        assertThat(recipients(mailbox.messages())).containsExactly("a@example.jp", "b@example.jp", "c@example.jp");
        assertThat(mailbox.messages().get(2).kind()).isEqualTo(NotificationKind.PASSWORD_RESET);
        assertThat(mailbox.messages().get(2).resetToken()).contains("tok");
        assertThat(outbox.pending()).isEmpty();
        assertThat(relay().drain()).isZero();
        clock.add(Duration.ofDays(1));
        assertThat(relay().runOnce()).isZero();
        assertThat(mailbox.messages()).hasSize(3);
    }

    @Test
    @DisplayName("MAIL-2 a rolled-back unit of work sends nothing")
    void rolledBackSendsNothing() throws Refusal {
        assertThatThrownBy(() -> storage.unitOfWork().execute(() -> {
            outbox.add(booked("rolled-back@example.jp"), clock.instant());
            throw Refusal.of(ErrorCode.SLOT_FULL);
        })).isInstanceOf(Refusal.class);
        commit(booked("committed@example.jp"));

        relay().drain();
        clock.add(Duration.ofDays(1));
        relay().drain();

        assertThat(recipients(mailbox.messages())).containsExactly("committed@example.jp");
    }

    @Test
    @DisplayName("MAIL-2 server down: notifications wait, retried with doubling backoff, all go out once it is up")
    void serverDown() throws Refusal {
        mailbox.setDown(true);
        for (int i = 0; i < 5; i++) {
            commit(booked("m" + i + "@example.jp"));
        }
        Instant t0 = clock.instant();

        assertThat(relay().drain()).isZero();
        assertThat(mailbox.refusedCount()).isEqualTo(5);
        assertThat(outbox.pending()).hasSize(5).allSatisfy(e -> {
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.nextAttemptAt()).isEqualTo(t0.plusSeconds(30));
            assertThat(e.lastError()).hasValueSatisfying(s -> assertThat(s).contains("unreachable"));
        });

        // not due before the backoff is over
        clock.add(Duration.ofSeconds(29));
        assertThat(relay().drain()).isZero();
        assertThat(mailbox.refusedCount()).isEqualTo(5);

        // second failure: the wait doubles
        clock.add(Duration.ofSeconds(1));
        assertThat(relay().drain()).isZero();
        assertThat(mailbox.refusedCount()).isEqualTo(10);
        assertThat(outbox.pending()).allSatisfy(e -> {
            assertThat(e.attempts()).isEqualTo(2);
            assertThat(e.nextAttemptAt()).isEqualTo(t0.plusSeconds(30 + 60));
        });

        mailbox.setDown(false);
        clock.add(Duration.ofSeconds(59));
        assertThat(relay().drain()).isZero();
        clock.add(Duration.ofSeconds(1));
        assertThat(relay().drain()).isEqualTo(5);

        assertThat(recipients(mailbox.messages())).containsExactlyInAnyOrder(
                "m0@example.jp", "m1@example.jp", "m2@example.jp", "m3@example.jp", "m4@example.jp");
        assertThat(outbox.pending()).isEmpty();
    }

    @Test
    @DisplayName("MAIL-2 the backoff never exceeds its maximum however long the server stays down")
    void backoffCapped() throws Refusal {
        mailbox.setDown(true);
        commit(booked("x@example.jp"));
        for (int i = 0; i < 12; i++) {
            relay().drain();
            Instant next = outbox.pending().get(0).nextAttemptAt();
            assertThat(Duration.between(clock.instant(), next)).isLessThanOrEqualTo(POLICY.maxBackoff());
            clock.setInstant(next);
        }
        assertThat(outbox.pending().get(0).attempts()).isEqualTo(12);
        mailbox.setDown(false);
        assertThat(relay().drain()).isEqualTo(1);
    }

    @Test
    @DisplayName("MAIL-2 a relay that dies after sending and before marking causes one duplicate with the same Message-ID, no loss")
    void diesBeforeMarking() throws Refusal {
        commit(booked("a@example.jp"), booked("b@example.jp"), booked("c@example.jp"));
        OutboxRelay dying = relay(new FlakyOutbox(outbox, 1), mailbox, POLICY);

        // a@ is sent and marked; b@ is sent, then the process dies; c@ was claimed but not touched
        assertThatThrownBy(dying::runOnce).isInstanceOf(FlakyOutbox.Died.class);
        assertThat(recipients(mailbox.messages())).containsExactly("a@example.jp", "b@example.jp");

        // another relay: the dead one's lease still holds the entries
        assertThat(relay().drain()).isZero();
        clock.add(LEASE);
        assertThat(relay().drain()).isEqualTo(2);

        assertThat(recipients(mailbox.messages()))
                .containsExactly("a@example.jp", "b@example.jp", "b@example.jp", "c@example.jp");
        List<MailMessage> toB = mailbox.to("b@example.jp");
        assertThat(toB.get(0).messageId()).isEqualTo(toB.get(1).messageId());
        assertThat(outbox.pending()).isEmpty();
    }

    @Test
    @DisplayName("MAIL-2 runOnce takes one batch; drain takes every batch due now")
    void batches() throws Refusal {
        for (int i = 0; i < 7; i++) {
            commit(booked("m" + i + "@example.jp"));
        }
        RelayPolicy small = POLICY.withBatchSize(3);
        assertThat(relay(outbox, mailbox, small).runOnce()).isEqualTo(3);
        assertThat(outbox.pending()).hasSize(4);
        assertThat(relay(outbox, mailbox, small).drain()).isEqualTo(4);
        assertThat(mailbox.messages()).hasSize(7);
    }

    @Test
    @DisplayName("MAIL-2 drain stops at a failure; the failed entry waits for its backoff, the others go out")
    void drainStopsOnFailure() throws Refusal {
        for (int i = 0; i < 6; i++) {
            commit(booked((i == 1 ? "bad" : "m" + i) + "@example.jp"));
        }
        MailSender picky = m -> {
            if (m.to().startsWith("bad")) {
                throw new MailDeliveryException("550 mailbox unavailable");
            }
            mailbox.send(m);
        };
        OutboxRelay r = relay(outbox, picky, POLICY.withBatchSize(2));

        assertThat(r.drain()).isEqualTo(1); // first batch: m0 sent, bad failed: stop
        assertThat(r.drain()).isEqualTo(4); // the rest are still due now; bad is not
        assertThat(outbox.pending()).extracting(e -> e.notification().recipient()).containsExactly("bad@example.jp");
        assertThat(outbox.pending().get(0).lastError()).hasValueSatisfying(s -> assertThat(s).contains("550"));
    }

    @Test
    @DisplayName("MAIL-2 a sender that throws an unexpected exception does not stop the relay; the entry is retried")
    void unexpectedSenderException() throws Refusal {
        commit(booked("a@example.jp"), booked("b@example.jp"));
        AtomicInteger calls = new AtomicInteger();
        MailSender buggy = m -> {
            if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("bug");
            }
            mailbox.send(m);
        };
        OutboxRelay r = relay(outbox, buggy, POLICY);
        assertThat(r.runOnce()).isEqualTo(1);
        clock.add(POLICY.initialBackoff());
        assertThat(r.runOnce()).isEqualTo(1);
        assertThat(recipients(mailbox.messages())).containsExactly("b@example.jp", "a@example.jp");
    }

    @Test
    @DisplayName("MAIL-2 the Message-ID is the same on every attempt of an entry and differs between entries")
    void stableMessageIds() throws Refusal {
        commit(booked("a@example.jp"), booked("b@example.jp"));
        List<OutboxEntry> entries = outbox.pending();
        AtomicInteger calls = new AtomicInteger();
        List<String> attempted = new ArrayList<>();
        MailSender failingTwice = m -> {
            attempted.add(m.messageId());
            if (calls.incrementAndGet() <= 2) {
                throw new MailDeliveryException("421 try later");
            }
            mailbox.send(m);
        };
        OutboxRelay r = relay(outbox, failingTwice, POLICY);
        r.drain();
        clock.add(POLICY.initialBackoff());
        r.drain();
        assertThat(attempted).hasSize(4);
        assertThat(attempted.get(0)).isEqualTo(attempted.get(2)).isEqualTo(renderer.messageId(entries.get(0)));
        assertThat(attempted.get(1)).isEqualTo(attempted.get(3)).isEqualTo(renderer.messageId(entries.get(1)));
        assertThat(attempted.get(0)).isNotEqualTo(attempted.get(1));
    }

    @Test
    @DisplayName("MAIL-2 relays running at once never send one entry twice")
    void concurrentRelays() throws Exception {
        int n = 300;
        for (int i = 0; i < n; i++) {
            commit(booked("m" + i + "@example.jp"));
        }
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                OutboxRelay r = relay(outbox, mailbox, POLICY.withBatchSize(7));
                results.add(pool.submit(() -> {
                    start.await();
                    return r.drain();
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(n);
        } finally {
            pool.shutdownNow();
        }
        Set<String> ids = mailbox.messages().stream().map(MailMessage::messageId).collect(Collectors.toSet());
        assertThat(mailbox.messages()).hasSize(n);
        assertThat(ids).hasSize(n);
        assertThat(new HashSet<>(recipients(mailbox.messages()))).hasSize(n);
        assertThat(outbox.pending()).isEmpty();
    }
}
