package io.github.kenshinbooking.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the notification outbox (MAIL-2). Use cases add notifications inside their unit of work,
 * so a notification exists if and only if its action committed; a relay claims due entries,
 * sends them and marks them sent. Implementations must be thread-safe.
 */
public interface NotificationOutbox {
    /**
     * Records a notification, due at once, with no attempt yet. Joins the current unit of work: if it
     * fails, nothing is recorded and the dedupe key stays free.
     *
     * @param notification the notification
     * @param at when it is recorded, and due
     * @return {@code false} (and records nothing) if one with the same dedupe key exists already
     */
    boolean add(Notification notification, Instant at);

    /**
     * Withdraws the unsent entry with that dedupe key, if there is one, so it is never sent and the key
     * is free again: a reminder whose reservation was cancelled or moved before the relay sent it
     * (MAIL-3). Joins the current unit of work. An entry already sent stays, and so does its key. An
     * entry a relay is sending at that moment may still go out (at-least-once, MAIL-2).
     *
     * @param dedupeKey the dedupe key of the entry
     * @return whether an entry was withdrawn
     */
    boolean withdrawUnsent(String dedupeKey);

    /**
     * Claims up to {@code max} unsent entries due at {@code now}, oldest first, and leases them:
     * they are not due again before {@code now + lease}, so two relays do not take the same entry
     * and a relay that dies leaves them due again after the lease (at-least-once). Relays claiming at
     * once take disjoint entries.
     *
     * @param now the current instant
     * @param max the most entries to claim
     * @param lease how long the claimed entries stay not due
     * @return the claimed entries, oldest first
     */
    List<OutboxEntry> claimDue(Instant now, int max, Duration lease);

    /**
     * Marks an entry sent; it is never pending or claimed again, and its secrets
     * ({@link NotificationData#SECRETS}: the raw reset token) are removed from what is stored (HARD-2).
     *
     * @param id the entry's id
     * @param at when it was sent
     */
    void markSent(long id, Instant at);

    /**
     * Records a failed attempt: the attempt counts, the error is kept and the entry is due again at
     * {@code retryAt}.
     *
     * @param id the entry's id
     * @param retryAt when it is due again
     * @param error what failed, for operators
     */
    void markFailed(long id, Instant retryAt, String error);

    /**
     * Makes an unsent entry due at {@code now} (an operator's retry, after the mail server or the address
     * was put right, instead of waiting out the relay's backoff): its attempts and last error stay. A sent
     * or unknown entry is left alone. Joins the current unit of work. An entry a relay holds leased may
     * be claimed again and so sent twice (at-least-once, MAIL-2).
     *
     * @param id the entry's id
     * @param now the instant it becomes due
     * @return whether an unsent entry was made due
     */
    boolean retryNow(long id, Instant now);

    /**
     * Every entry not yet sent, oldest first.
     *
     * @return the unsent entries
     */
    List<OutboxEntry> pending();

    /**
     * One entry, sent or not, as stored (for operators and audits: a sent entry holds no secret).
     *
     * @param id the entry's id
     * @return the entry, or empty if none has that id
     */
    Optional<OutboxEntry> find(long id);
}
