package io.github.kenshinbooking.memory;

import io.github.kenshinbooking.account.LoginAttemptStore;
import io.github.kenshinbooking.account.LoginAttempts;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@link LoginAttemptStore} in a map by key. {@link #findForUpdate} is a plain read: inside a unit
 * of work the lock already keeps other writers out until it ends. Internal.
 */
final class MemoryLoginAttemptStore implements LoginAttemptStore {
    private final MemoryTransactions tx;
    private final Map<String, LoginAttempts> attempts = new HashMap<>();

    MemoryLoginAttemptStore(MemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public LoginAttempts find(String key) {
        return tx.read(() -> attempts.getOrDefault(key, LoginAttempts.none()));
    }

    @Override
    public LoginAttempts findForUpdate(String key) {
        return find(key);
    }

    @Override
    public void save(String key, LoginAttempts a) {
        Objects.requireNonNull(a, "attempts");
        tx.write(() -> tx.put(attempts, key, a));
    }
}
