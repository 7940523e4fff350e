package io.github.kenshinbooking.household;

import java.util.Optional;

/**
 * Port: the union's member records, implemented by the integrator over their own system.
 * Read only for the library. Implementations must be thread-safe.
 */
public interface HouseholdDirectory {
    /** The household with that symbol number, if it exists. */
    Optional<Household> find(SymbolNumber symbolNumber);

    /** The household a member belongs to, if the member exists. */
    Optional<Household> findByMember(MemberId memberId);
}
