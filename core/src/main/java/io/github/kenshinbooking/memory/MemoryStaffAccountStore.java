package io.github.kenshinbooking.memory;

import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.staff.StaffAccount;
import io.github.kenshinbooking.staff.StaffAccountStore;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link StaffAccountStore} in a map by staff id. Internal. */
final class MemoryStaffAccountStore implements StaffAccountStore {
    private final MemoryTransactions tx;
    private final Map<StaffId, StaffAccount> accounts = new HashMap<>();

    MemoryStaffAccountStore(MemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<StaffAccount> find(StaffId id) {
        Objects.requireNonNull(id, "id");
        return tx.read(() -> Optional.ofNullable(accounts.get(id)));
    }

    @Override
    public boolean add(StaffAccount account) {
        Objects.requireNonNull(account, "account");
        return tx.write(() -> {
            if (accounts.containsKey(account.id())) {
                return false;
            }
            tx.put(accounts, account.id(), account);
            return true;
        });
    }

    @Override
    public boolean update(StaffAccount account) {
        Objects.requireNonNull(account, "account");
        return tx.write(() -> {
            if (!accounts.containsKey(account.id())) {
                return false;
            }
            tx.put(accounts, account.id(), account);
            return true;
        });
    }

    @Override
    public List<StaffAccount> findAll() {
        return tx.read(() -> accounts.values().stream().sorted(Comparator.comparing(a -> a.id().value())).toList());
    }
}
