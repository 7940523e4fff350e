package io.github.kenshinbooking.storage;

import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.HouseholdDirectory;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Port: member records the library may write, for the union's eligibility list import (DATA-3). A
 * {@link HouseholdDirectory} with batch reads and writes and its own unit of work, so that a whole
 * file is written or none of it. Implementations must be thread-safe.
 */
public interface HouseholdRegistry extends HouseholdDirectory {
    /**
     * The unit of work that makes writes of this registry atomic together; reads and writes called
     * inside it join it.
     *
     * @return the unit of work
     */
    UnitOfWork unitOfWork();

    /**
     * The households with those symbol numbers that exist, with every member, in one read.
     *
     * @param symbolNumbers the symbol numbers; unknown and repeated ones are harmless
     * @return the households found, by symbol number
     */
    Map<SymbolNumber, Household> findAll(Collection<SymbolNumber> symbolNumbers);

    /**
     * The households of those members that exist, in one read.
     *
     * @param members the member ids; unknown and repeated ones are harmless
     * @return each known member's household's symbol number, by member id
     */
    Map<MemberId, SymbolNumber> householdsOf(Collection<MemberId> members);

    /**
     * The households with a member whose kana name (カナ氏名) begins with the given kana, compared as
     * AUTH-2 compares names ({@link KanaName#matchKey}: NFKC, spaces dropped, so half-width, full-width
     * and unspaced forms match), for the union staff's search by name. Ordered by symbol number.
     *
     * @param kanaPrefix the beginning of a kana name as typed; its key must not be empty
     * @param limit the most households answered, at least 1
     * @return the households found, each with all its members
     * @throws IllegalArgumentException if the prefix's key is empty or the limit below 1
     */
    List<Household> findByKana(String kanaPrefix, int limit);

    /**
     * The comparison key of a {@link #findByKana} search, checked, for implementations.
     *
     * @param kanaPrefix the beginning of a kana name as typed
     * @param limit the most households answered
     * @return the key ({@link KanaName#matchKey})
     * @throws IllegalArgumentException if the key is empty or the limit below 1
     */
    static String kanaSearchKey(String kanaPrefix, int limit) {
        java.util.Objects.requireNonNull(kanaPrefix, "kanaPrefix");
        String key = KanaName.matchKey(kanaPrefix);
        if (key.isEmpty() || limit < 1) {
            throw new IllegalArgumentException("a kana search needs a kana and a limit of at least 1");
        }
        return key;
    }

    /**
     * Adds or replaces the households, each with all its members (members left out of a replacement are
     * gone), in the order given. Joins the current unit of work.
     *
     * @param households the households; no two with the same symbol number
     * @throws IllegalArgumentException if a member belongs to another household on record that is not
     *     replaced before it, or two of them share a symbol number; the unit of work must then roll back
     */
    void putAll(Collection<Household> households);
}
