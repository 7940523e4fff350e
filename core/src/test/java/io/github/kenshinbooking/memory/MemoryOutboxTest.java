package io.github.kenshinbooking.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.notification.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The in-memory outbox against the {@code NotificationOutbox} port (MAIL-2, MAIL-3). */
class MemoryOutboxTest {
    private static final Instant T0 = Instant.parse("2024-06-15T00:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final String KEY = "REMINDER:1:2024-06-16";

    private final MemoryTransactions tx = new MemoryTransactions();
    private final MemoryOutbox outbox = new MemoryOutbox(tx);

    private static Notification booked(String reservationId) {
        return Notification.of(NotificationKind.BOOKED, "taro@example.jp",
                Map.of(NotificationData.RESERVATION_ID, reservationId));
    }

    private static Notification reminder(String key) {
        return new Notification(NotificationKind.REMINDER, "taro@example.jp", Optional.of(key),
                Map.of(NotificationData.RESERVATION_ID, "1"));
    }

    private static List<String> reservationIds(List<OutboxEntry> entries) {
        return entries.stream().map(e -> e.notification().get(NotificationData.RESERVATION_ID).orElseThrow()).toList();
    }

    @Test
    @DisplayName("MAIL-2 an added notification is pending and due at once, with no attempt, no error, not sent")
    void add() {
        Notification n = booked("7");
        assertThat(outbox.add(n, T0)).isTrue();

        OutboxEntry e = outbox.pending().get(0);
        assertThat(e.notification()).isEqualTo(n);
        assertThat(e.createdAt()).isEqualTo(T0);
        assertThat(e.nextAttemptAt()).isEqualTo(T0);
        assertThat(e.attempts()).isZero();
        assertThat(e.sentAt()).isEmpty();
        assertThat(e.lastError()).isEmpty();
    }

    @Test
    @DisplayName("MAIL-3 a dedupe key records one notification; notifications without key are never deduplicated")
    void dedupe() {
        assertThat(outbox.add(reminder(KEY), T0)).isTrue();
        assertThat(outbox.add(reminder(KEY), T0.plusSeconds(1))).isFalse();
        assertThat(outbox.add(reminder("REMINDER:2:2024-06-16"), T0)).isTrue();
        assertThat(outbox.add(booked("1"), T0)).isTrue();
        assertThat(outbox.add(booked("1"), T0)).isTrue();

        assertThat(outbox.pending()).hasSize(4);
    }

    @Test
    @DisplayName("MAIL-3 withdrawUnsent removes the unsent entry of the key, frees the key and leaves the others")
    void withdrawUnsent() {
        outbox.add(reminder(KEY), T0);
        outbox.add(booked("2"), T0);

        assertThat(outbox.withdrawUnsent(KEY)).isTrue();

        assertThat(reservationIds(outbox.pending())).containsExactly("2");
        assertThat(outbox.withdrawUnsent(KEY)).isFalse();
        assertThat(outbox.add(reminder(KEY), T0.plusSeconds(1))).isTrue();
        assertThat(outbox.pending()).hasSize(2);
    }

    @Test
    @DisplayName("MAIL-3 withdrawUnsent of a key never recorded withdraws nothing")
    void withdrawUnknown() {
        outbox.add(booked("1"), T0);

        assertThat(outbox.withdrawUnsent("REMINDER:9:2024-06-16")).isFalse();
        assertThat(outbox.pending()).hasSize(1);
    }

    @Test
    @DisplayName("MAIL-3 withdrawUnsent leaves a sent entry and its key alone")
    void withdrawSent() {
        outbox.add(reminder(KEY), T0);
        long id = outbox.claimDue(T0, 10, LEASE).get(0).id();
        outbox.markSent(id, T0.plusSeconds(1));

        assertThat(outbox.withdrawUnsent(KEY)).isFalse();
        assertThat(outbox.add(reminder(KEY), T0.plusSeconds(2))).isFalse();
    }

    @Test
    @DisplayName("MAIL-2 a withdrawal and an add in a unit of work that fails are undone")
    void rollback() {
        outbox.add(reminder(KEY), T0);

        assertThatThrownBy(() -> tx.execute(() -> {
            assertThat(outbox.withdrawUnsent(KEY)).isTrue();
            assertThat(outbox.add(reminder("REMINDER:2:2024-06-16"), T0)).isTrue();
            throw Refusal.of(ErrorCode.SLOT_FULL);
        })).isInstanceOf(Refusal.class);

        assertThat(outbox.pending()).extracting(e -> e.notification().dedupeKey()).containsExactly(Optional.of(KEY));
        assertThat(outbox.add(reminder(KEY), T0)).isFalse();
        assertThat(outbox.add(reminder("REMINDER:2:2024-06-16"), T0)).isTrue();
    }

    @Test
    @DisplayName("MAIL-2 claimDue takes unsent due entries, oldest first, at most max, and leases them")
    void claimDue() {
        for (int i = 0; i < 4; i++) {
            outbox.add(booked(Integer.toString(i)), T0.plusSeconds(i));
        }
        outbox.add(booked("later"), T0.plusSeconds(100));
        Instant now = T0.plusSeconds(10);

        List<OutboxEntry> first = outbox.claimDue(now, 3, LEASE);

        assertThat(reservationIds(first)).containsExactly("0", "1", "2");
        assertThat(first).allSatisfy(e -> {
            assertThat(e.nextAttemptAt()).isEqualTo(now.plus(LEASE));
            assertThat(e.attempts()).isZero();
            assertThat(e.sent()).isFalse();
        });
        // the leased entries are stored as leased: not due again, but still pending
        assertThat(reservationIds(outbox.claimDue(now, 10, LEASE))).containsExactly("3");
        assertThat(outbox.claimDue(now, 10, LEASE)).isEmpty();
        assertThat(outbox.pending()).extracting(OutboxEntry::nextAttemptAt)
                .containsExactly(now.plus(LEASE), now.plus(LEASE), now.plus(LEASE), now.plus(LEASE),
                        T0.plusSeconds(100));
        // due exactly at the end of the lease, again oldest first
        assertThat(reservationIds(outbox.claimDue(now.plus(LEASE), 10, LEASE)))
                .containsExactly("0", "1", "2", "3", "later");
    }

    @Test
    @DisplayName("MAIL-2 an entry is due at the instant it was added, not before")
    void dueAtItsInstant() {
        outbox.add(booked("1"), T0);

        assertThat(outbox.claimDue(T0.minusSeconds(1), 10, LEASE)).isEmpty();
        assertThat(reservationIds(outbox.claimDue(T0, 10, LEASE))).containsExactly("1");
    }

    @Test
    @DisplayName("MAIL-2 a sent entry counts its attempt and is never pending or claimed again")
    void markSent() {
        outbox.add(booked("1"), T0);
        outbox.add(booked("2"), T0);
        List<OutboxEntry> claimed = outbox.claimDue(T0, 10, LEASE);

        outbox.markSent(claimed.get(0).id(), T0.plusSeconds(2));

        assertThat(reservationIds(outbox.pending())).containsExactly("2");
        assertThat(reservationIds(outbox.claimDue(T0.plus(Duration.ofDays(1)), 10, LEASE))).containsExactly("2");
    }

    @Test
    @DisplayName("MAIL-2 a failed attempt counts, keeps its error and is due again at the retry instant, not before")
    void markFailed() {
        outbox.add(booked("1"), T0);
        long id = outbox.claimDue(T0, 1, LEASE).get(0).id();
        Instant retryAt = T0.plusSeconds(90);

        outbox.markFailed(id, retryAt, "421 service not available");
        outbox.markFailed(id, retryAt, "421 service not available");

        OutboxEntry failed = outbox.pending().get(0);
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.lastError()).contains("421 service not available");
        assertThat(failed.nextAttemptAt()).isEqualTo(retryAt);
        assertThat(failed.createdAt()).isEqualTo(T0);
        assertThat(outbox.claimDue(retryAt.minusSeconds(1), 10, LEASE)).isEmpty();
        assertThat(outbox.claimDue(retryAt, 10, LEASE)).extracting(OutboxEntry::id).containsExactly(id);
    }

    @Test
    @DisplayName("MAIL-2 a late failure of a second relay leaves an entry sent by another relay sent")
    void failureAfterSent() {
        outbox.add(booked("1"), T0);
        long id = outbox.claimDue(T0, 1, LEASE).get(0).id();
        outbox.markSent(id, T0.plusSeconds(1));

        outbox.markFailed(id, T0.plusSeconds(90), "timeout");

        assertThat(outbox.pending()).isEmpty();
        assertThat(outbox.claimDue(T0.plus(Duration.ofDays(1)), 10, LEASE)).isEmpty();
    }

    @Test
    @DisplayName("MAIL-3 a relay marking an entry withdrawn while it was being sent changes nothing")
    void markWithdrawn() {
        outbox.add(reminder(KEY), T0);
        long id = outbox.claimDue(T0, 1, LEASE).get(0).id();
        outbox.withdrawUnsent(KEY);

        outbox.markSent(id, T0.plusSeconds(1));
        outbox.markFailed(id, T0.plusSeconds(90), "timeout");

        assertThat(outbox.pending()).isEmpty();
        assertThat(outbox.add(reminder(KEY), T0.plusSeconds(2))).isTrue();
    }
}
