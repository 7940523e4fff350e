package io.github.kenshinbooking.memory;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.HouseholdDirectory;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Member records held in memory, for tests, demos and small unions. Thread-safe. */
public final class InMemoryHouseholdDirectory implements HouseholdDirectory {
    private final ConcurrentHashMap<SymbolNumber, Household> households = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<MemberId, SymbolNumber> byMember = new ConcurrentHashMap<>();

    /**
     * Adds or replaces a household (HH-1); members left out of a replacement are gone. A member id may
     * belong to one household only.
     *
     * @param household the household with all its members
     * @return this directory
     * @throws IllegalArgumentException if a member belongs to another household; nothing is changed
     */
    public synchronized InMemoryHouseholdDirectory put(Household household) {
        requireNonNull(household, "household");
        for (Member m : household.members()) {
            SymbolNumber owner = byMember.get(m.id());
            if (owner != null && !owner.equals(household.symbolNumber())) {
                throw new IllegalArgumentException("member " + m.id() + " belongs to household " + owner);
            }
        }
        Household old = households.put(household.symbolNumber(), household);
        if (old != null) {
            old.members().forEach(m -> byMember.remove(m.id()));
        }
        household.members().forEach(m -> byMember.put(m.id(), household.symbolNumber()));
        return this;
    }

    @Override
    public Optional<Household> find(SymbolNumber symbolNumber) {
        return Optional.ofNullable(households.get(symbolNumber));
    }

    @Override
    public Optional<Household> findByMember(MemberId memberId) {
        return Optional.ofNullable(byMember.get(memberId)).map(households::get);
    }
}
