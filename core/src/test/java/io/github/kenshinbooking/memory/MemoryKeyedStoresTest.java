package io.github.kenshinbooking.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.account.ResetToken;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.IdempotencyKey;
import io.github.kenshinbooking.reservation.ReservationId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The in-memory stores keyed by a value: accounts, idempotency keys (BOOK-4) and reset tokens (RESET-1). */
class MemoryKeyedStoresTest {
    private static final SymbolNumber TARO = SymbolNumber.of("1999999");
    private static final SymbolNumber UME = SymbolNumber.of("1888888");
    private static final SymbolNumber KEN = SymbolNumber.of("1777777");
    private static final Instant T0 = Instant.parse("2024-01-10T01:00:00Z");

    private final MemoryTransactions tx = new MemoryTransactions();

    @Test
    @DisplayName("RESET-1 findByEmail finds every household sharing the address, ordered by symbol number")
    void accountsByEmail() throws Refusal {
        MemoryAccountStore accounts = new MemoryAccountStore(tx);
        EmailAddress shared = EmailAddress.parse("family@example.jp");
        accounts.save(Account.initial(TARO).withEmail(Optional.of(shared)));
        accounts.save(Account.initial(UME).withEmail(Optional.of(EmailAddress.parse("family@EXAMPLE.jp"))));
        accounts.save(Account.initial(KEN).withEmail(Optional.of(shared)));
        accounts.save(Account.initial(SymbolNumber.of("1666666")).withEmail(
                Optional.of(EmailAddress.parse("Family@example.jp")))); // the local part compares exactly
        accounts.save(Account.initial(SymbolNumber.of("1555555")));

        assertThat(accounts.findByEmail(shared)).extracting(Account::household).containsExactly(KEN, UME, TARO);
    }

    @Test
    @DisplayName("BOOK-4 a key is claimed once per household; the first reservation is kept; a failed claim frees it")
    void idempotency() {
        MemoryIdempotencyStore keys = new MemoryIdempotencyStore(tx);
        IdempotencyKey key = new IdempotencyKey("submit-1");

        assertThat(keys.claim(TARO, key, ReservationId.of(1))).isTrue();
        assertThat(keys.claim(TARO, key, ReservationId.of(2))).isFalse();
        assertThat(keys.claim(UME, key, ReservationId.of(3))).isTrue();
        assertThat(keys.find(TARO, key)).contains(ReservationId.of(1));
        assertThat(keys.find(UME, key)).contains(ReservationId.of(3));

        IdempotencyKey other = new IdempotencyKey("submit-2");
        assertThatThrownBy(() -> tx.execute(() -> {
            assertThat(keys.claim(TARO, other, ReservationId.of(4))).isTrue();
            throw Refusal.of(ErrorCode.SLOT_FULL);
        })).isInstanceOf(Refusal.class);
        assertThat(keys.find(TARO, other)).isEmpty();
        assertThat(keys.claim(TARO, other, ReservationId.of(5))).isTrue();
    }

    @Test
    @DisplayName("RESET-1 a second reset token with the same hash is refused and the first one kept")
    void resetTokens() {
        MemoryResetTokenStore tokens = new MemoryResetTokenStore(tx);
        ResetToken first = new ResetToken("hash", TARO, T0, T0.plus(Duration.ofMinutes(30)), 0, false);
        tokens.add(first);

        assertThatThrownBy(() -> tokens.add(new ResetToken("hash", UME, T0, T0.plus(Duration.ofMinutes(30)), 0,
                false))).isInstanceOf(RuntimeException.class);
        assertThat(tokens.findForUpdate("hash")).contains(first);

        tokens.update(first.spent());
        assertThat(tokens.findForUpdate("hash").orElseThrow().used()).isTrue();
    }
}
