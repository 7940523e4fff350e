package io.github.kenshinbooking.household;

import java.util.Optional;

/**
 * Port: the union's member records, implemented by the integrator over their own system.
 * Read only for the library. Implementations must be thread-safe.
 */
public interface HouseholdDirectory {
    /**
     * The household with that symbol number, if it exists.
     *
     * @param symbolNumber the card symbol number
     * @return the household with every member, or empty for an unknown number
     */
    Optional<Household> find(SymbolNumber symbolNumber);

    /**
     * The household a member belongs to, if the member exists; a member belongs to one household.
     *
     * @param memberId the member's id
     * @return the member's household, or empty for an unknown member
     */
    Optional<Household> findByMember(MemberId memberId);
}
