package io.github.kenshinbooking.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.notification.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link io.github.kenshinbooking.notification.NotificationOutbox} (MAIL-2, MAIL-3).
 *
 * <p>Extend it and implement {@link StorageContractSupport#createStorage()} to return a fresh, empty
 * storage of the adapter. It checks: an added notification is pending and due at once with no
 * attempt; a dedupe key records a notification at most once; {@code withdrawUnsent} removes the
 * unsent entry of a key and frees the key, leaves sent entries alone and is undone by a failing unit
 * of work; {@code claimDue} takes due entries oldest first, up to the maximum, and leases them; a sent
 * entry is never pending or claimed again; a failed attempt counts, keeps its error and is due again
 * at the retry instant; a notification added in a unit of work that fails is never recorded; relays
 * claiming at once take disjoint entries.
 */
public abstract class NotificationOutboxContract extends StorageContractSupport {
    private static final Duration LEASE = Duration.ofMinutes(5);

    private static Notification booked(String reservationId) {
        return Notification.of(NotificationKind.BOOKED, "taro@example.jp",
                Map.of(NotificationData.RESERVATION_ID, reservationId, NotificationData.VENUE, "ミリカローデン那珂川"));
    }

    private static Notification reminder(String key) {
        return new Notification(NotificationKind.REMINDER, "taro@example.jp", Optional.of(key),
                Map.of(NotificationData.RESERVATION_ID, "5247"));
    }

    @Test
    @DisplayName("MAIL-2 an added notification is pending, due at once, with no attempt yet")
    void addPending() throws Exception {
        Notification n = new Notification(NotificationKind.CHANGED, "hanako@example.co.jp", Optional.empty(),
                Map.of(NotificationData.MEMBER_NAME, "建設 花子", "odd key=%", "line1\nline2\r=100%",
                        NotificationData.EXAM_DATE, "2024-06-16"));
        assertThat(inUnitOfWork(() -> storage.outbox().add(n, T0))).isTrue();

        List<OutboxEntry> pending = storage.outbox().pending();
        assertThat(pending).hasSize(1);
        OutboxEntry e = pending.get(0);
        assertThat(e.notification()).isEqualTo(n);
        assertThat(e.createdAt()).isEqualTo(T0);
        assertThat(e.nextAttemptAt()).isEqualTo(T0);
        assertThat(e.attempts()).isZero();
        assertThat(e.sentAt()).isEmpty();
        assertThat(e.lastError()).isEmpty();
    }

    @Test
    @DisplayName("MAIL-3 a dedupe key records a notification at most once")
    void dedupe() throws Exception {
        assertThat(inUnitOfWork(() -> storage.outbox().add(reminder("REMINDER:1:2024-06-16"), T0))).isTrue();
        assertThat(inUnitOfWork(() -> storage.outbox().add(reminder("REMINDER:1:2024-06-16"), T0.plusSeconds(1))))
                .isFalse();
        assertThat(storage.outbox().add(reminder("REMINDER:1:2024-06-16"), T0)).isFalse();
        assertThat(storage.outbox().add(reminder("REMINDER:2:2024-06-16"), T0)).isTrue();
        assertThat(storage.outbox().add(booked("1"), T0)).isTrue();
        assertThat(storage.outbox().add(booked("1"), T0)).isTrue();

        assertThat(storage.outbox().pending()).hasSize(4);
    }

    @Test
    @DisplayName("MAIL-3 withdrawUnsent removes the unsent entry of a key and frees the key; other entries stay")
    void withdrawUnsent() throws Exception {
        storage.outbox().add(reminder("REMINDER:1:2024-06-16"), T0);
        storage.outbox().add(reminder("REMINDER:2:2024-06-16"), T0);
        storage.outbox().add(booked("1"), T0);

        assertThat(inUnitOfWork(() -> storage.outbox().withdrawUnsent("REMINDER:1:2024-06-16"))).isTrue();

        assertThat(storage.outbox().pending()).extracting(e -> e.notification().dedupeKey())
                .containsExactlyInAnyOrder(Optional.of("REMINDER:2:2024-06-16"), Optional.empty());
        assertThat(storage.outbox().withdrawUnsent("REMINDER:1:2024-06-16")).isFalse();
        assertThat(storage.outbox().withdrawUnsent("REMINDER:9:2024-06-16")).isFalse();
        assertThat(storage.outbox().add(reminder("REMINDER:1:2024-06-16"), T0.plusSeconds(5))).isTrue();
        assertThat(storage.outbox().claimDue(T0.plusSeconds(5), 10, LEASE)).hasSize(3);
    }

    @Test
    @DisplayName("MAIL-3 withdrawUnsent leaves a sent entry and its key alone")
    void withdrawSent() {
        storage.outbox().add(reminder("REMINDER:1:2024-06-16"), T0);
        OutboxEntry e = storage.outbox().claimDue(T0, 10, LEASE).get(0);
        storage.outbox().markSent(e.id(), T0.plusSeconds(1));

        assertThat(storage.outbox().withdrawUnsent("REMINDER:1:2024-06-16")).isFalse();
        assertThat(storage.outbox().add(reminder("REMINDER:1:2024-06-16"), T0.plusSeconds(2))).isFalse();
        assertThat(storage.outbox().pending()).isEmpty();
    }

    @Test
    @DisplayName("MAIL-3 a withdrawal in a unit of work that fails is undone")
    void withdrawRolledBack() {
        storage.outbox().add(reminder("REMINDER:1:2024-06-16"), T0);

        inFailedUnitOfWork(() -> storage.outbox().withdrawUnsent("REMINDER:1:2024-06-16"));

        assertThat(storage.outbox().pending()).extracting(x -> x.notification().dedupeKey())
                .containsExactly(Optional.of("REMINDER:1:2024-06-16"));
        assertThat(storage.outbox().add(reminder("REMINDER:1:2024-06-16"), T0)).isFalse();
    }

    @Test
    @DisplayName("MAIL-2 claimDue takes due entries oldest first, up to max, and leases them")
    void claimLeases() {
        for (int i = 0; i < 5; i++) {
            storage.outbox().add(booked(Integer.toString(i)), T0.plusSeconds(i));
        }
        Instant now = T0.plusSeconds(3);
        List<OutboxEntry> first = storage.outbox().claimDue(now, 3, LEASE);

        assertThat(first).extracting(e -> e.notification().get(NotificationData.RESERVATION_ID).orElseThrow())
                .containsExactly("0", "1", "2");
        assertThat(first).allMatch(e -> e.nextAttemptAt().equals(now.plus(LEASE)));
        // leased ones are not due again; the entry added at T0+3 is due, the one at T0+4 not yet
        List<OutboxEntry> second = storage.outbox().claimDue(now, 10, LEASE);
        assertThat(second).extracting(e -> e.notification().get(NotificationData.RESERVATION_ID).orElseThrow())
                .containsExactly("3");
        assertThat(storage.outbox().claimDue(now.plus(LEASE).minusSeconds(1), 10, LEASE))
                .extracting(e -> e.notification().get(NotificationData.RESERVATION_ID).orElseThrow())
                .containsExactly("4");
        // a relay that died: its entries are due again once the lease ends ("4" was leased later)
        List<Long> again = new ArrayList<>(first.stream().map(OutboxEntry::id).toList());
        again.add(second.get(0).id());
        assertThat(storage.outbox().claimDue(now.plus(LEASE), 10, LEASE)).extracting(OutboxEntry::id)
                .containsExactlyElementsOf(again);
    }

    @Test
    @DisplayName("MAIL-2 a sent entry is never pending or claimed again")
    void markSent() {
        storage.outbox().add(booked("1"), T0);
        storage.outbox().add(booked("2"), T0);
        List<OutboxEntry> claimed = storage.outbox().claimDue(T0, 10, LEASE);
        storage.outbox().markSent(claimed.get(0).id(), T0.plusSeconds(2));

        assertThat(storage.outbox().pending()).extracting(OutboxEntry::id).containsExactly(claimed.get(1).id());
        assertThat(storage.outbox().claimDue(T0.plus(Duration.ofDays(1)), 10, LEASE)).extracting(OutboxEntry::id)
                .containsExactly(claimed.get(1).id());
    }

    @Test
    @DisplayName("MAIL-2 an operator's retry makes a failed entry due now, keeping attempts and error; a sent or unknown entry is left alone")
    void retryNow() throws Exception {
        storage.outbox().add(booked("1"), T0);
        storage.outbox().add(booked("2"), T0);
        List<OutboxEntry> claimed = storage.outbox().claimDue(T0, 2, LEASE);
        storage.outbox().markFailed(claimed.get(0).id(), T0.plus(Duration.ofHours(6)), "550 mailbox unavailable");
        storage.outbox().markSent(claimed.get(1).id(), T0);
        Instant now = T0.plusSeconds(60);

        assertThat(inUnitOfWork(() -> storage.outbox().retryNow(claimed.get(0).id(), now))).isTrue();
        OutboxEntry retried = storage.outbox().find(claimed.get(0).id()).orElseThrow();
        assertThat(retried.nextAttemptAt()).isEqualTo(now);
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(retried.lastError()).contains("550 mailbox unavailable");
        assertThat(storage.outbox().claimDue(now, 10, LEASE)).extracting(OutboxEntry::id)
                .containsExactly(claimed.get(0).id());
        assertThat(storage.outbox().retryNow(claimed.get(1).id(), now)).isFalse();
        assertThat(storage.outbox().find(claimed.get(1).id()).orElseThrow().sent()).isTrue();
        assertThat(storage.outbox().retryNow(987_654L, now)).isFalse();
    }

    @Test
    @DisplayName("MAIL-2 a failed attempt counts, keeps its error and is due again at the retry instant")
    void markFailed() {
        storage.outbox().add(booked("1"), T0);
        OutboxEntry e = storage.outbox().claimDue(T0, 1, LEASE).get(0);
        Instant retryAt = T0.plusSeconds(90);
        storage.outbox().markFailed(e.id(), retryAt, "421 service not available");

        OutboxEntry failed = storage.outbox().pending().get(0);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("421 service not available");
        assertThat(failed.nextAttemptAt()).isEqualTo(retryAt);
        assertThat(storage.outbox().claimDue(retryAt.minusSeconds(1), 10, LEASE)).isEmpty();
        assertThat(storage.outbox().claimDue(retryAt, 10, LEASE)).extracting(OutboxEntry::id).containsExactly(e.id());
    }

    @Test
    @DisplayName("MAIL-2 a notification added in a unit of work that fails is never recorded, its dedupe key stays free")
    void rollback() throws Exception {
        inFailedUnitOfWork(() -> {
            storage.outbox().add(booked("9"), T0);
            return storage.outbox().add(reminder("REMINDER:9:2024-06-16"), T0);
        });
        assertThat(storage.outbox().pending()).isEmpty();
        assertThat(storage.outbox().claimDue(T0, 10, LEASE)).isEmpty();
        assertThat(storage.outbox().add(reminder("REMINDER:9:2024-06-16"), T0)).isTrue();
    }

    @Test
    @DisplayName("MAIL-2 relays claiming at once take disjoint entries")
    void concurrentClaims() throws Exception {
        for (int i = 0; i < 40; i++) {
            storage.outbox().add(booked(Integer.toString(i)), T0);
        }
        List<Callable<List<OutboxEntry>>> relays = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            relays.add(() -> {
                List<OutboxEntry> mine = new ArrayList<>();
                for (int round = 0; round < 5; round++) {
                    mine.addAll(storage.outbox().claimDue(T0, 3, LEASE));
                }
                return mine;
            });
        }
        Set<Long> seen = new HashSet<>();
        int total = 0;
        for (List<OutboxEntry> claimed : concurrently(relays)) {
            for (OutboxEntry e : claimed) {
                assertThat(seen.add(e.id())).as("entry %s claimed twice", e.id()).isTrue();
                total++;
            }
        }
        assertThat(total).isLessThanOrEqualTo(40);
        assertThat(storage.outbox().claimDue(T0, 100, LEASE)).hasSize(40 - total);
    }

    @Test
    @DisplayName("HARD-2 a sent entry keeps no secret: the raw reset token is gone, the rest of its data stays")
    void sentKeepsNoSecret() {
        Notification reset = Notification.of(NotificationKind.PASSWORD_RESET, "taro@example.jp",
                Map.of(NotificationData.RESET_TOKEN, "raw-token-0123456789", NotificationData.RESET_EXPIRES_AT,
                        "2024-01-10T11:02:03"));
        storage.outbox().add(reset, T0);
        storage.outbox().add(booked("1"), T0);
        List<OutboxEntry> claimed = storage.outbox().claimDue(T0, 10, LEASE);
        assertThat(storage.outbox().find(claimed.get(0).id()).orElseThrow().notification()).isEqualTo(reset);
        storage.outbox().markSent(claimed.get(0).id(), T0.plusSeconds(1));
        storage.outbox().markSent(claimed.get(1).id(), T0.plusSeconds(1));

        OutboxEntry sent = storage.outbox().find(claimed.get(0).id()).orElseThrow();
        assertThat(sent.sent()).isTrue();
        assertThat(sent.notification().data())
                .isEqualTo(Map.of(NotificationData.RESET_EXPIRES_AT, "2024-01-10T11:02:03"));
        assertThat(storage.outbox().find(claimed.get(1).id()).orElseThrow().notification()).isEqualTo(booked("1"));
        assertThat(storage.outbox().find(-1)).isEmpty();
    }
}
