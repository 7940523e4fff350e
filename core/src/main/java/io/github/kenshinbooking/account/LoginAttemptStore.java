package io.github.kenshinbooking.account;

/**
 * Port: lock state per login key (the symbol number as typed, known or not: AUTH-4), shared by every
 * application instance. Writes join the current unit of work. Thread-safe. The engine also keeps two
 * other kinds of key here, each at most 64 characters and never a symbol number (digits only): a login
 * source's hash ({@code src:...}, the source throttle) and a reset address's hash ({@code reset:...},
 * HARD-2's mail interval).
 */
public interface LoginAttemptStore {
    /**
     * The key's state; {@link LoginAttempts#none()} if none is stored.
     *
     * @param key the symbol number as typed
     * @return the stored state, never {@code null}
     */
    LoginAttempts find(String key);

    /**
     * Like {@link #find} but, inside a unit of work, keeps others from changing the key's state
     * until it ends (the JDBC adapter locks the row), so concurrent failures all count, also for a
     * key not stored yet.
     *
     * @param key the symbol number as typed
     * @return the stored state, never {@code null}
     */
    LoginAttempts findForUpdate(String key);

    /**
     * Inserts or replaces the key's state.
     *
     * @param key the symbol number as typed
     * @param attempts the new state
     */
    void save(String key, LoginAttempts attempts);
}
