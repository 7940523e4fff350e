package io.github.kenshinbooking.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one-way hash under which the library stores a secret token (reset links, RESET-2; session
 * tokens, SES-1): a store holds only this, never the token itself. Thread-safe.
 */
public final class TokenHash {
    private TokenHash() {
    }

    /**
     * The hash of a raw token. A plain SHA-256 is enough: the tokens are at least 128 random bits,
     * so they cannot be guessed from their hash the way a password could.
     *
     * @param rawToken the token as handed out
     * @return the lower-case hex SHA-256 of its UTF-8 bytes (64 characters)
     * @throws NullPointerException if the token is {@code null}
     */
    public static String of(String rawToken) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(rawToken.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA-256 is required of every JDK", e);
        }
    }
}
