package io.github.kenshinbooking.memory;

import io.github.kenshinbooking.account.ResetToken;
import io.github.kenshinbooking.account.ResetTokenStore;
import io.github.kenshinbooking.household.SymbolNumber;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ResetTokenStore} in a map by token hash. {@link #findForUpdate} is a plain read: inside a
 * unit of work the lock already keeps other writers out until it ends. Internal.
 */
final class MemoryResetTokenStore implements ResetTokenStore {
    private final MemoryTransactions tx;
    private final Map<String, ResetToken> tokens = new HashMap<>();

    MemoryResetTokenStore(MemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(ResetToken token) {
        tx.write(() -> {
            if (tokens.containsKey(token.tokenHash())) {
                throw new IllegalStateException("duplicate reset token");
            }
            tx.put(tokens, token.tokenHash(), token);
        });
    }

    @Override
    public Optional<ResetToken> findForUpdate(String tokenHash) {
        return tx.read(() -> Optional.ofNullable(tokens.get(tokenHash)));
    }

    @Override
    public void update(ResetToken token) {
        tx.write(() -> tx.put(tokens, token.tokenHash(), token));
    }

    @Override
    public int voidAllOf(SymbolNumber household) {
        return tx.write(() -> {
            List<ResetToken> open = tokens.values().stream()
                    .filter(t -> t.household().equals(household) && !t.used()).toList();
            open.forEach(t -> tx.put(tokens, t.tokenHash(), t.spent()));
            return open.size();
        });
    }

    @Override
    public Optional<Instant> lastIssuedAt(SymbolNumber household) {
        return tx.read(() -> tokens.values().stream().filter(t -> t.household().equals(household))
                .map(ResetToken::issuedAt).max(Comparator.naturalOrder()));
    }
}
