package io.github.kenshinbooking.account;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.household.SymbolNumber;
import java.time.Instant;

/**
 * A password-reset token as stored (RESET-1, RESET-2): only its SHA-256 hash, the household it
 * resets, validity, identity mismatches so far and whether it was used. Immutable and thread-safe.
 *
 * @param tokenHash          the SHA-256 hash of the raw token ({@link #hashOf})
 * @param household          the household it resets
 * @param issuedAt           when it was issued
 * @param expiresAt          when it expires (RESET-1)
 * @param identityMismatches identity mismatches so far (RESET-2)
 * @param used               whether it was redeemed
 */
public record ResetToken(String tokenHash, SymbolNumber household, Instant issuedAt, Instant expiresAt,
        int identityMismatches, boolean used) {
    /**
     * Checks the components.
     *
     * @param tokenHash the SHA-256 hash of the raw token ({@link #hashOf})
     * @param household the household it resets
     * @param issuedAt when it was issued
     * @param expiresAt when it expires (RESET-1)
     * @param identityMismatches identity mismatches so far (RESET-2)
     * @param used whether it was redeemed
     * @throws NullPointerException if a component is {@code null}
     */
    public ResetToken {
        requireNonNull(tokenHash, "tokenHash");
        requireNonNull(household, "household");
        requireNonNull(issuedAt, "issuedAt");
        requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * Usable at {@code now}: not used, not voided by mismatches, and {@code now < expiresAt}.
     *
     * @param now the instant to judge at
     * @param maxMismatches the identity mismatches that void a token (RESET-2)
     * @return {@code true} if it can still be redeemed
     */
    public boolean usableAt(Instant now, int maxMismatches) {
        return !used && identityMismatches < maxMismatches && now.isBefore(expiresAt);
    }

    /**
     * The hash under which a raw token is stored and looked up: only this is kept (RESET-2).
     *
     * @param rawToken the token as mailed
     * @return the lower-case hex SHA-256 of its UTF-8 bytes
     */
    public static String hashOf(String rawToken) {
        return TokenHash.of(rawToken);
    }

    /** @return this token with one more identity mismatch counted */
    public ResetToken withMismatch() {
        return new ResetToken(tokenHash, household, issuedAt, expiresAt, identityMismatches + 1, used);
    }

    /** @return this token, used */
    public ResetToken spent() {
        return new ResetToken(tokenHash, household, issuedAt, expiresAt, identityMismatches, true);
    }
}
