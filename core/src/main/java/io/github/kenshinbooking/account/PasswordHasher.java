package io.github.kenshinbooking.account;

/**
 * Port: salted, slow password hashing (PW-3). Implementations compare in constant time, log
 * nothing of the password, and are thread-safe.
 */
public interface PasswordHasher {
    /**
     * A new salted hash of the password at the current cost.
     *
     * @param password the password in clear
     * @return the hash
     */
    PasswordHash hash(String password);

    /**
     * Whether the password matches the hash; {@code false} for a hash of an unknown format.
     *
     * @param password the password in clear
     * @param hash the stored hash
     * @return {@code true} if it matches
     */
    boolean verify(String password, PasswordHash hash);

    /**
     * Whether the hash was made at another cost or algorithm than the current one (rehash on login).
     *
     * @param hash the stored hash
     * @return {@code true} if it should be replaced by a new hash
     */
    boolean needsRehash(PasswordHash hash);
}
