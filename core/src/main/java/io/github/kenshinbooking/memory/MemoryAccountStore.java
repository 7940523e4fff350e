package io.github.kenshinbooking.memory;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.AccountStore;
import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.household.SymbolNumber;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link AccountStore} in a map by household. Internal. */
final class MemoryAccountStore implements AccountStore {
    private final MemoryTransactions tx;
    final Map<SymbolNumber, Account> accounts = new HashMap<>();

    MemoryAccountStore(MemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<Account> find(SymbolNumber household) {
        return tx.read(() -> Optional.ofNullable(accounts.get(household)));
    }

    @Override
    public void save(Account account) {
        Objects.requireNonNull(account, "account");
        tx.write(() -> tx.put(accounts, account.household(), account));
    }

    @Override
    public List<Account> findByEmail(EmailAddress email) {
        return tx.read(() -> accounts.values().stream()
                .filter(a -> a.email().map(e -> e.sameMailbox(email)).orElse(false))
                .sorted(Comparator.comparing(a -> a.household().value())).toList());
    }
}
