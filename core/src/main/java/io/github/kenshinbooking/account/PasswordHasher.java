package io.github.kenshinbooking.account;

/**
 * Port: salted, slow password hashing (PW-3). Implementations compare in constant time, log
 * nothing of the password, and are thread-safe.
 */
public interface PasswordHasher {
    /** A new salted hash of the password at the current cost. */
    PasswordHash hash(String password);

    /** Whether the password matches the hash; {@code false} for a hash of an unknown format. */
    boolean verify(String password, PasswordHash hash);

    /** Whether the hash was made at another cost or algorithm than the current one (rehash on login). */
    boolean needsRehash(PasswordHash hash);
}
