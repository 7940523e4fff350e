package io.github.kenshinbooking.storage;

import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.WaitingEntryId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Port: finds and purges personal data past its retention period (DATA-4), page by page so that a
 * run holds one page at a time. Purging keeps every record and its counts (a reservation keeps its
 * slot, fiscal year, status and times; a notification its kind and times) and overwrites only what
 * identifies a person, with the values of {@link io.github.kenshinbooking.exchange.Anonymised}: of
 * reservations, accounts' e-mail, sent notifications, waiting-list entries and audit records. A
 * purged record is never found again, so a run can be repeated or resumed. Writes join the current
 * unit of work. Implementations must be thread-safe.
 */
public interface RetentionStore {
    /**
     * Reservations of the fiscal year {@code lastPurged} or an earlier one, live or cancelled, not yet
     * anonymised, with an id above {@code after}.
     *
     * @param lastPurged the last fiscal year whose reservations are past the period
     * @param after the id to continue after, 0 for the first page
     * @param limit the most ids to return, positive
     * @return their ids, ascending
     */
    List<ReservationId> expiredReservations(FiscalYear lastPurged, long after, int limit);

    /**
     * Anonymises the reservations: household, member and phone become the
     * {@link io.github.kenshinbooking.exchange.Anonymised} values, the staff reason is removed (the staff id
     * and time stay), and the idempotency keys that name them are dropped. Unknown ids are ignored.
     *
     * @param ids the reservations
     * @return how many were anonymised now
     */
    int anonymise(Collection<ReservationId> ids);

    /**
     * Accounts holding an e-mail address whose household has no reservation of a fiscal year after
     * {@code lastPurged} (none at all included), with a symbol number above {@code after} in the
     * order of their digits as text.
     *
     * @param lastPurged the last fiscal year past the period
     * @param after the symbol number to continue after (as text), {@code ""} for the first page
     * @param limit the most households to return, positive
     * @return their symbol numbers, ascending as text
     */
    List<SymbolNumber> dormantContacts(FiscalYear lastPurged, String after, int limit);

    /**
     * Removes the accounts' e-mail addresses; their passwords stay, so the household can still log in.
     *
     * @param households the households
     * @return how many addresses were removed
     */
    int eraseContacts(Collection<SymbolNumber> households);

    /**
     * Sent notifications recorded before {@code before} whose recipient and body are still stored,
     * with an id above {@code after}.
     *
     * @param before the first instant not past the period
     * @param after the id to continue after, 0 for the first page
     * @param limit the most ids to return, positive
     * @return their ids, ascending
     */
    List<Long> expiredNotifications(Instant before, long after, int limit);

    /**
     * Removes the notifications' recipients, bodies and errors; kind, dedupe key, times and attempts stay.
     *
     * @param ids the outbox entries
     * @return how many were emptied now
     */
    int eraseNotifications(Collection<Long> ids);

    /**
     * Waiting-list entries (WAIT-1) of the fiscal year {@code lastPurged} or an earlier one, in any state,
     * not yet anonymised, with an id above {@code after}.
     *
     * @param lastPurged the last fiscal year whose entries are past the period
     * @param after the id to continue after, 0 for the first page
     * @param limit the most ids to return, positive
     * @return their ids, ascending
     */
    List<WaitingEntryId> expiredWaitingEntries(FiscalYear lastPurged, long after, int limit);

    /**
     * Anonymises the waiting-list entries: household, member and phone become the
     * {@link io.github.kenshinbooking.exchange.Anonymised} values (the member
     * {@link io.github.kenshinbooking.exchange.Anonymised#waitingMember}); slot, fiscal year, state and times
     * stay. Unknown ids are ignored.
     *
     * @param ids the entries
     * @return how many were anonymised now
     */
    int anonymiseWaitingEntries(Collection<WaitingEntryId> ids);

    /**
     * Audit records (AUDIT-1) appended before {@code before} that still hold details: a summary, a reason,
     * or a household as actor or target other than {@link io.github.kenshinbooking.exchange.Anonymised#HOUSEHOLD};
     * with a sequence number above {@code after}.
     *
     * @param before the first instant not past the period
     * @param after the sequence number to continue after, 0 for the first page
     * @param limit the most sequence numbers to return, positive
     * @return their sequence numbers, ascending
     */
    List<Long> expiredAuditRecords(Instant before, long after, int limit);

    /**
     * Removes the audit records' details (DATA-4, the one change an audit record ever takes; AUDIT-2 allows no
     * other): both summaries become empty, the reason is removed, a household actor becomes
     * {@link io.github.kenshinbooking.exchange.Anonymised#HOUSEHOLD} without member, and so does a household
     * target. Time, channel, action, a staff or job actor and any other target stay. Unknown sequence numbers
     * are ignored.
     *
     * @param sequences the records' sequence numbers
     * @return how many were changed now
     */
    int eraseAuditDetails(Collection<Long> sequences);
}
