package io.github.kenshinbooking.account;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.household.SymbolNumber;
import java.time.Instant;

/**
 * A password-reset token as stored (RESET-1, RESET-2): only its SHA-256 hash, the household it
 * resets, validity, identity mismatches so far and whether it was used. Immutable and thread-safe.
 */
public record ResetToken(String tokenHash, SymbolNumber household, Instant issuedAt, Instant expiresAt,
        int identityMismatches, boolean used) {
    public ResetToken {
        requireNonNull(tokenHash, "tokenHash");
        requireNonNull(household, "household");
        requireNonNull(issuedAt, "issuedAt");
        requireNonNull(expiresAt, "expiresAt");
    }

    /** Usable at {@code now}: not used, not voided by mismatches, and {@code now < expiresAt}. */
    public boolean usableAt(Instant now, int maxMismatches) {
        return !used && identityMismatches < maxMismatches && now.isBefore(expiresAt);
    }

    public ResetToken withMismatch() {
        return new ResetToken(tokenHash, household, issuedAt, expiresAt, identityMismatches + 1, used);
    }

    public ResetToken spent() {
        return new ResetToken(tokenHash, household, issuedAt, expiresAt, identityMismatches, true);
    }
}
