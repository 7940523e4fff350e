package io.github.kenshinbooking.memory;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.storage.HouseholdRegistry;
import io.github.kenshinbooking.storage.UnitOfWork;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Member records held in memory, for tests, demos and small unions; writable as a
 * {@link HouseholdRegistry} (DATA-3) with a unit of work of its own (one lock, undone on failure).
 * Thread-safe.
 */
public final class InMemoryHouseholdDirectory implements HouseholdRegistry {
    private final MemoryTransactions tx = new MemoryTransactions();
    private final Map<SymbolNumber, Household> households = new HashMap<>();
    private final Map<MemberId, SymbolNumber> byMember = new HashMap<>();

    /** An empty directory. */
    public InMemoryHouseholdDirectory() {
    }

    /**
     * Adds or replaces a household (HH-1); members left out of a replacement are gone. A member id may
     * belong to one household only.
     *
     * @param household the household with all its members
     * @return this directory
     * @throws IllegalArgumentException if a member belongs to another household; nothing is changed
     */
    public InMemoryHouseholdDirectory put(Household household) {
        requireNonNull(household, "household");
        putAll(List.of(household));
        return this;
    }

    @Override
    public UnitOfWork unitOfWork() {
        return tx;
    }

    @Override
    public Optional<Household> find(SymbolNumber symbolNumber) {
        return tx.read(() -> Optional.ofNullable(households.get(symbolNumber)));
    }

    @Override
    public Optional<Household> findByMember(MemberId memberId) {
        return tx.read(() -> Optional.ofNullable(byMember.get(memberId)).map(households::get));
    }

    @Override
    public Map<MemberId, Member> findMembers(Collection<MemberId> memberIds) {
        return tx.read(() -> {
            Map<MemberId, Member> out = new HashMap<>();
            for (MemberId id : memberIds) {
                SymbolNumber s = byMember.get(id);
                if (s != null) {
                    households.get(s).member(id).ifPresent(m -> out.put(id, m));
                }
            }
            return out;
        });
    }

    @Override
    public List<Household> findByKana(String kanaPrefix, int limit) {
        String key = HouseholdRegistry.kanaSearchKey(kanaPrefix, limit);
        return tx.read(() -> households.values().stream()
                .filter(h -> h.members().stream().anyMatch(m -> m.kana().matchKey().startsWith(key)))
                .sorted(Comparator.comparing(h -> h.symbolNumber().value())).limit(limit).toList());
    }

    @Override
    public Map<SymbolNumber, Household> findAll(Collection<SymbolNumber> symbolNumbers) {
        return tx.read(() -> {
            Map<SymbolNumber, Household> out = new HashMap<>();
            for (SymbolNumber s : symbolNumbers) {
                Household h = households.get(s);
                if (h != null) {
                    out.put(s, h);
                }
            }
            return out;
        });
    }

    @Override
    public Map<MemberId, SymbolNumber> householdsOf(Collection<MemberId> members) {
        return tx.read(() -> {
            Map<MemberId, SymbolNumber> out = new HashMap<>();
            for (MemberId id : members) {
                SymbolNumber s = byMember.get(id);
                if (s != null) {
                    out.put(id, s);
                }
            }
            return out;
        });
    }

    @Override
    public void putAll(Collection<Household> batch) {
        requireNonNull(batch, "households");
        tx.write(() -> {
            Set<SymbolNumber> symbols = new HashSet<>();
            for (Household household : batch) {
                requireNonNull(household, "household");
                if (!symbols.add(household.symbolNumber())) {
                    throw new IllegalArgumentException("household " + household.symbolNumber() + " given twice");
                }
                for (Member m : household.members()) {
                    SymbolNumber owner = byMember.get(m.id());
                    if (owner != null && !owner.equals(household.symbolNumber())) {
                        throw new IllegalArgumentException("member " + m.id() + " belongs to household " + owner);
                    }
                }
                Household old = households.get(household.symbolNumber());
                tx.put(households, household.symbolNumber(), household);
                if (old != null) {
                    old.members().forEach(m -> tx.remove(byMember, m.id()));
                }
                household.members().forEach(m -> tx.put(byMember, m.id(), household.symbolNumber()));
            }
        });
    }
}
