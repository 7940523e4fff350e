package io.github.kenshinbooking.memory;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.account.SessionStore;
import io.github.kenshinbooking.account.StoredSession;
import io.github.kenshinbooking.household.SymbolNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@link SessionStore} in a map by token hash. The one lock of {@link MemoryTransactions} makes
 * {@link #resume} atomic: check and update see no other writer in between. Internal.
 */
final class MemorySessionStore implements SessionStore {
    private final MemoryTransactions tx;
    private final Map<String, StoredSession> sessions = new HashMap<>();

    MemorySessionStore(MemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(StoredSession session) {
        requireNonNull(session, "session");
        tx.write(() -> {
            if (sessions.containsKey(session.tokenHash())) {
                throw new IllegalStateException("duplicate session token");
            }
            tx.put(sessions, session.tokenHash(), session);
        });
    }

    @Override
    public Optional<StoredSession> find(String tokenHash) {
        requireNonNull(tokenHash, "tokenHash");
        return tx.read(() -> Optional.ofNullable(sessions.get(tokenHash)));
    }

    @Override
    public Optional<StoredSession> resume(String tokenHash, Instant now, Duration idle, Duration absolute) {
        requireNonNull(tokenHash, "tokenHash");
        requireNonNull(now, "now");
        requireNonNull(idle, "idle");
        requireNonNull(absolute, "absolute");
        return tx.write(() -> {
            StoredSession s = sessions.get(tokenHash);
            if (s == null || !s.aliveAt(now, idle, absolute)) {
                return Optional.<StoredSession>empty();
            }
            StoredSession used = s.usedAt(now);
            tx.put(sessions, tokenHash, used);
            return Optional.of(used);
        });
    }

    @Override
    public boolean end(String tokenHash) {
        requireNonNull(tokenHash, "tokenHash");
        return removeAll(s -> s.tokenHash().equals(tokenHash)) > 0;
    }

    @Override
    public int endAllOf(SymbolNumber household) {
        requireNonNull(household, "household");
        return removeAll(s -> s.household().equals(household));
    }

    @Override
    public int endAllOfExcept(SymbolNumber household, String keptTokenHash) {
        requireNonNull(household, "household");
        requireNonNull(keptTokenHash, "keptTokenHash");
        return removeAll(s -> s.household().equals(household) && !s.tokenHash().equals(keptTokenHash));
    }

    @Override
    public int purgeExpired(Instant now, Duration idle, Duration absolute) {
        requireNonNull(now, "now");
        requireNonNull(idle, "idle");
        requireNonNull(absolute, "absolute");
        return removeAll(s -> !s.aliveAt(now, idle, absolute));
    }

    private int removeAll(Predicate<StoredSession> which) {
        return tx.write(() -> {
            List<String> gone = new ArrayList<>();
            for (StoredSession s : sessions.values()) {
                if (which.test(s)) {
                    gone.add(s.tokenHash());
                }
            }
            for (String hash : gone) {
                tx.remove(sessions, hash);
            }
            return gone.size();
        });
    }
}
