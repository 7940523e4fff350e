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
 */
public record Household(SymbolNumber symbolNumber, Optional<String> branchNumber, Optional<String> address,
        List<Member> members) {

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

    /** A household with no branch number or address on record. */
    public static Household of(SymbolNumber symbolNumber, List<Member> members) {
        return new Household(symbolNumber, Optional.empty(), Optional.empty(), members);
    }

    /** The representative (組合員/代表者). */
    public Member representative() {
        return members.stream().filter(Member::representative).findFirst().orElseThrow();
    }

    /** The member with that id, if they belong to this household. */
    public Optional<Member> member(MemberId id) {
        return members.stream().filter(m -> m.id().equals(id)).findFirst();
    }
}
