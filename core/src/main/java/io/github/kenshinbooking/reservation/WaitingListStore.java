package io.github.kenshinbooking.reservation;

import io.github.kenshinbooking.eligibility.ExamChoice;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.schedule.SlotId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the waiting lists (キャンセル待ち, WAIT-1..WAIT-4) and the places they hold. The store itself
 * enforces one live entry per member and slot and at most {@code maxLive} live entries per member
 * and fiscal year (the JDBC adapter by unique constraints), and every step of an entry is a
 * conditional update on its state, so two writers can never both move the same entry.
 *
 * <p>Places: a place freed while a slot has a waiting list is taken from the slot's capacity exactly
 * as a booking takes one ({@link #holdPlace}) and kept in the slot's pool of places held for the list;
 * an offer moves one place from the pool to the offered entry ({@link #claimPlace}); an ended offer
 * puts it back ({@link #returnPlace}); a place nobody can be offered goes back to the slot's capacity
 * ({@link #releasePlace}). So the places a slot has taken are its live reservations, its offered
 * entries and its pool, and a held place is never offered twice.
 *
 * <p>The places of a slot's optional tests (OPT-2) have pools of their own, one per test, moved the same
 * way ({@link #holdOptionPlace}, {@link #claimOptionPlace}, {@link #returnOptionPlace},
 * {@link #releaseOptionPlace}): a test's places taken are its live reservations' places, the offered
 * entries that chose it and its pool. Writes join the current unit of work. Implementations must be
 * thread-safe.
 */
public interface WaitingListStore {
    /**
     * Puts the member on the slot's waiting list unless the member is on it already (one live entry
     * per member and slot). Decided against the entries as they are when the entry is written.
     *
     * @param household the member's household
     * @param member the member
     * @param slot the slot
     * @param fiscalYear the slot's fiscal year
     * @param phone the daytime phone for the booking an offer makes
     * @param at when the member joins
     * @param maxLive the most live entries a member may have per fiscal year
     * @return the new entry, waiting; empty, having written nothing, if the member has a live entry of the slot
     * @throws Refusal {@code WAITLIST_LIMIT} if the member has {@code maxLive} live entries in the fiscal year
     */
    default Optional<WaitingEntry> join(SymbolNumber household, MemberId member, SlotId slot, FiscalYear fiscalYear,
            PhoneNumber phone, Instant at, int maxLive) throws Refusal {
        return join(household, member, slot, fiscalYear, phone, at, ExamChoice.DEFAULT, maxLive);
    }

    /**
     * Puts the member on the slot's waiting list for a course and optional tests, unless the member is on
     * it already (one live entry per member and slot, whatever its tests). Decided against the entries as
     * they are when the entry is written.
     *
     * @param household the member's household
     * @param member the member
     * @param slot the slot
     * @param fiscalYear the slot's fiscal year
     * @param phone the daytime phone for the booking an offer makes
     * @param at when the member joins
     * @param choice the course and optional tests an offer is to hold and book
     * @param maxLive the most live entries a member may have per fiscal year
     * @return the new entry, waiting; empty, having written nothing, if the member has a live entry of the slot
     * @throws Refusal {@code WAITLIST_LIMIT} if the member has {@code maxLive} live entries in the fiscal year
     */
    Optional<WaitingEntry> join(SymbolNumber household, MemberId member, SlotId slot, FiscalYear fiscalYear,
            PhoneNumber phone, Instant at, ExamChoice choice, int maxLive) throws Refusal;

    /**
     * Reads one entry.
     *
     * @param id the entry's id
     * @return the entry, or empty
     */
    Optional<WaitingEntry> find(WaitingEntryId id);

    /**
     * Every entry of the member, live and ended, by id (WAIT-4's history).
     *
     * @param member the member
     * @return the entries
     */
    List<WaitingEntry> findByMember(MemberId member);

    /**
     * The member's live entries of a fiscal year, by id.
     *
     * @param member the member
     * @param fiscalYear the fiscal year
     * @return the live entries
     */
    List<WaitingEntry> findLive(MemberId member, FiscalYear fiscalYear);

    /**
     * The slot's entries still waiting (not offered), in joining order (WAIT-2).
     *
     * @param slot the slot
     * @return the waiting entries, by the time they joined, then by id
     */
    List<WaitingEntry> findWaiting(SlotId slot);

    /**
     * Offered entries whose hold ended at or before {@code now}, by id, at most {@code limit} (WAIT-3).
     *
     * @param now the current instant
     * @param limit the most entries to answer
     * @return the entries
     */
    List<WaitingEntry> findEndedOffers(Instant now, int limit);

    /**
     * Slots whose pool, or the pool of one of whose optional tests, holds at least one place not offered
     * yet, by id.
     *
     * @return the slots
     */
    List<SlotId> slotsWithPooledPlaces();

    /**
     * The places held for the slot's waiting list and not offered yet.
     *
     * @param slot the slot
     * @return the pooled places, 0 for an unknown slot
     */
    int pooledPlaces(SlotId slot);

    /**
     * Moves an entry to its next step if it is still in {@code current}'s state (a conditional update).
     *
     * @param current the entry as the caller read it
     * @param next the same entry after the step
     * @return {@code false}, having written nothing, if the stored entry is no longer in that state
     */
    boolean update(WaitingEntry current, WaitingEntry next);

    /**
     * Takes one place of the slot's capacity, as a booking takes one, into the slot's pool.
     *
     * @param slot the slot
     * @return {@code false}, having written nothing, if the slot has no free place or takes no bookings
     *     (event day cancelled, closed)
     */
    boolean holdPlace(SlotId slot);

    /**
     * Takes one place out of the slot's pool for an offer.
     *
     * @param slot the slot
     * @return {@code false}, having written nothing, if the pool is empty
     */
    boolean claimPlace(SlotId slot);

    /**
     * Puts an ended offer's place back into the slot's pool; it stays taken.
     *
     * @param slot the slot
     */
    void returnPlace(SlotId slot);

    /**
     * Takes one place out of the slot's pool and gives it back to the slot's capacity.
     *
     * @param slot the slot
     * @return {@code false}, having written nothing, if the pool is empty
     */
    boolean releasePlace(SlotId slot);

    /**
     * The places of the slot's optional tests held for its waiting list and not offered yet.
     *
     * @param slot the slot
     * @return the pooled places by test, only tests with at least one; empty for an unknown slot
     */
    Map<OptionId, Integer> pooledOptionPlaces(SlotId slot);

    /**
     * Takes one place of the slot's optional test, as a booking takes one (OPT-2), into the test's pool.
     *
     * @param slot the slot
     * @param option the test
     * @return {@code false}, having written nothing, if the test has no free place or the slot does not offer it
     */
    boolean holdOptionPlace(SlotId slot, OptionId option);

    /**
     * Takes one place out of the test's pool for an offer.
     *
     * @param slot the slot
     * @param option the test
     * @return {@code false}, having written nothing, if the pool is empty
     */
    boolean claimOptionPlace(SlotId slot, OptionId option);

    /**
     * Puts an ended offer's place of the test back into the test's pool; it stays taken.
     *
     * @param slot the slot
     * @param option the test
     */
    void returnOptionPlace(SlotId slot, OptionId option);

    /**
     * Takes one place out of the test's pool and gives it back to the test's capacity.
     *
     * @param slot the slot
     * @param option the test
     * @return {@code false}, having written nothing, if the pool is empty
     */
    boolean releaseOptionPlace(SlotId slot, OptionId option);
}
