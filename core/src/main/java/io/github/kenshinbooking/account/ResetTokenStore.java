package io.github.kenshinbooking.account;

import java.util.Optional;

/** Port: password-reset tokens, by hash. Writes join the current unit of work. Thread-safe. */
public interface ResetTokenStore {
    void add(ResetToken token);

    /** The token with that hash; inside a unit of work the JDBC adapter locks its row. */
    Optional<ResetToken> findForUpdate(String tokenHash);

    void update(ResetToken token);
}
