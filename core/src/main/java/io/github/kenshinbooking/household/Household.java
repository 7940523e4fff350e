package io.github.kenshinbooking.household;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A household (世帯): one card symbol number, exactly one representative and zero or more family
 * members (HH-1). Branch number (支部番号) and address belong to the household.
 * Immutable and thread-safe.
 *
 * @param symbolNumber the card symbol number (記号番号)
 * @param branchNumber the branch number (支部番号), if on record
 * @param address      the address, if on record
 * @param members      the members, representative included, in the order given; copied
 */
public record Household(SymbolNumber symbolNumber, Optional<String> branchNumber, Optional<String> address,
        List<Member> members) {

    /**
     * Checks the components and copies the members.
     *
     * @param symbolNumber the card symbol number (記号番号)
     * @param branchNumber the branch number (支部番号), if on record
     * @param address the address, if on record
     * @param members the members, representative included, in the order given; copied
     * @throws NullPointerException if a component or a member is {@code null}
     * @throws IllegalArgumentException unless exactly one member is the representative, or if two
     *     members share an id
     */
    public Household {
        requireNonNull(symbolNumber, "symbolNumber");
        requireNonNull(branchNumber, "branchNumber");
        requireNonNull(address, "address");
        members = List.copyOf(requireNonNull(members, "members"));
        long reps = members.stream().filter(Member::representative).count();
        if (reps != 1) {
            throw new IllegalArgumentException("a household has exactly one representative, found " + reps);
        }
        Set<MemberId> ids = new HashSet<>();
        for (Member m : members) {
            if (!ids.add(m.id())) {
                throw new IllegalArgumentException("duplicate member id " + m.id());
            }
        }
    }

    /**
     * A household with no branch number or address on record.
     *
     * @param symbolNumber the card symbol number
     * @param members the members, exactly one of them the representative
     * @return the household
     */
    public static Household of(SymbolNumber symbolNumber, List<Member> members) {
        return new Household(symbolNumber, Optional.empty(), Optional.empty(), members);
    }

    /**
     * The representative (組合員/代表者).
     *
     * @return the one representative member
     */
    public Member representative() {
        return members.stream().filter(Member::representative).findFirst().orElseThrow();
    }

    /**
     * The member with that id, if they belong to this household.
     *
     * @param id the member's id
     * @return the member, or empty
     */
    public Optional<Member> member(MemberId id) {
        return members.stream().filter(m -> m.id().equals(id)).findFirst();
    }
}
