package io.github.kenshinbooking.account;

import static java.util.Objects.requireNonNull;

/**
 * A stored password hash in a self-describing format (algorithm, cost, salt, hash), e.g.
 * {@code pbkdf2-sha256$600000$<salt b64>$<hash b64>} (PW-3). Its {@code toString()} reveals
 * nothing. Immutable and thread-safe.
 *
 * @param encoded the hash in its self-describing format
 */
public record PasswordHash(String encoded) {
    /**
     * Checks the value.
     *
     * @param encoded the hash in its self-describing format
     * @throws NullPointerException if it is {@code null}
     * @throws IllegalArgumentException if it is blank
     */
    public PasswordHash {
        requireNonNull(encoded, "encoded");
        if (encoded.isBlank()) {
            throw new IllegalArgumentException("empty password hash");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[****]";
    }
}
