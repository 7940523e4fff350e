package io.github.kenshinbooking.household;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the union's member records, implemented by the integrator over their own system.
 * Read only for the library. Implementations must be thread-safe.
 *
 * <p>The engine calls the directory <em>before</em> its units of work, never inside one: the library
 * never writes these records, so reading them first and deciding on them inside the write
 * transaction is as sound as reading them there. An implementation may therefore take a connection
 * of its own from the same pool as the storage, and a pool of one connection still serves every use
 * case (SES-4). A household changed in the directory meanwhile is seen by the next call.
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

    /**
     * The members with those ids that exist, for a page of the roster (DATA-1). The default asks
     * {@link #findByMember} once per id; an adapter may read them all at once.
     *
     * @param memberIds the member ids; unknown and repeated ones are harmless
     * @return each known member, by id
     */
    default Map<MemberId, Member> findMembers(Collection<MemberId> memberIds) {
        Map<MemberId, Member> out = new HashMap<>();
        for (MemberId id : memberIds) {
            if (!out.containsKey(id)) {
                findByMember(id).flatMap(h -> h.member(id)).ifPresent(m -> out.put(id, m));
            }
        }
        return out;
    }
}
