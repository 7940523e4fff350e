package io.github.kenshinbooking.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.memory.InMemoryStorage;
import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.policy.UnionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.threeten.extra.MutableClock;

/**
 * MAIL-2 as a property: whatever happens between commits (rollbacks, the server going down and
 * up, relays dying before they mark, time passing by any amount), once the server stays up every
 * committed notification has been delivered at least once, nothing rolled back ever was, and a
 * duplicate only follows a relay's death.
 */
class OutboxRelayProperties {
    private static final RelayPolicy POLICY = new RelayPolicy(3, Duration.ofSeconds(60), Duration.ofSeconds(10),
            Duration.ofSeconds(80));

    sealed interface Op permits Commit, Rollback, Server, Advance, Run, Drain, Die {
    }

    record Commit(int count) implements Op {
    }

    record Rollback(int count) implements Op {
    }

    record Server(boolean up) implements Op {
    }

    record Advance(int seconds) implements Op {
    }

    record Run() implements Op {
    }

    record Drain() implements Op {
    }

    /** A relay that dies after marking {@code marks} entries (and after sending one more). */
    record Die(int marks) implements Op {
    }

    @Provide
    Arbitrary<Op> op() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(1, 4).map(Commit::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(1, 3).map(Rollback::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(true, false).map(Server::new)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 150).map(Advance::new)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(new Run())),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new Drain())),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 2).map(Die::new)));
    }

    @Property(tries = 150)
    @Label("MAIL-2 committed notifications are all delivered, rolled-back ones never, duplicates only after a relay died")
    void atLeastOnceNeverPhantom(@ForAll @Size(max = 40) List<@net.jqwik.api.From("op") Op> ops) throws Refusal {
        MutableClock clock = MutableClock.of(Instant.parse("2024-01-10T01:00:00Z"), EngineFixture.TOKYO);
        InMemoryStorage storage = new InMemoryStorage();
        MailRenderer renderer = MailRenderer.withDefaults(UnionPolicy.defaults());
        CapturingMailSender mailbox = new CapturingMailSender();
        OutboxRelay relay = new OutboxRelay(storage.outbox(), renderer, mailbox, clock, POLICY);
        Set<String> committed = new HashSet<>();
        Set<String> rolledBack = new HashSet<>();
        int deaths = 0;
        int seq = 0;

        for (Op op : ops) {
            if (op instanceof Commit c) {
                List<String> to = new java.util.ArrayList<>();
                for (int i = 0; i < c.count(); i++) {
                    to.add("c" + seq++ + "@example.jp");
                }
                storage.unitOfWork().execute(() -> {
                    to.forEach(a -> storage.outbox().add(notification(a), clock.instant()));
                    return null;
                });
                committed.addAll(to);
            } else if (op instanceof Rollback r) {
                List<String> to = new java.util.ArrayList<>();
                for (int i = 0; i < r.count(); i++) {
                    to.add("r" + seq++ + "@example.jp");
                }
                try {
                    storage.unitOfWork().execute(() -> {
                        to.forEach(a -> storage.outbox().add(notification(a), clock.instant()));
                        throw Refusal.of(ErrorCode.SLOT_FULL);
                    });
                } catch (Refusal expected) {
                    rolledBack.addAll(to);
                }
            } else if (op instanceof Server s) {
                mailbox.setDown(!s.up());
            } else if (op instanceof Advance a) {
                clock.add(Duration.ofSeconds(a.seconds()));
            } else if (op instanceof Run) {
                relay.runOnce();
            } else if (op instanceof Drain) {
                relay.drain();
            } else if (op instanceof Die d) {
                OutboxRelay dying = new OutboxRelay(new FlakyOutbox(storage.outbox(), d.marks()), renderer, mailbox,
                        clock, POLICY);
                try {
                    dying.drain();
                } catch (FlakyOutbox.Died e) {
                    deaths++;
                }
            }
        }

        mailbox.setDown(false);
        for (int i = 0; i < 20 && !storage.outbox().pending().isEmpty(); i++) {
            clock.add(POLICY.lease().plus(POLICY.maxBackoff()));
            relay.drain();
        }

        assertThat(storage.outbox().pending()).isEmpty();
        Map<String, Integer> received = new HashMap<>();
        for (MailMessage m : mailbox.messages()) {
            received.merge(m.to(), 1, Integer::sum);
        }
        assertThat(received.keySet()).isEqualTo(committed);
        assertThat(received.keySet()).allSatisfy(to -> assertThat(rolledBack).doesNotContain(to));
        int duplicates = mailbox.messages().size() - committed.size();
        assertThat(duplicates).isLessThanOrEqualTo(deaths);
        // a duplicate is the same mail again
        Map<String, String> idByRecipient = new HashMap<>();
        for (MailMessage m : mailbox.messages()) {
            String previous = idByRecipient.putIfAbsent(m.to(), m.messageId());
            assertThat(previous == null || previous.equals(m.messageId())).isTrue();
        }
    }

    private static Notification notification(String to) {
        return Notification.of(NotificationKind.BOOKED, to, Samples.reservation());
    }
}
