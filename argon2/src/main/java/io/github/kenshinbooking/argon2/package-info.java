/**
 * Argon2id password hashing (PW-3, HARD-5) on Bouncy Castle, as a
 * {@link io.github.kenshinbooking.account.PasswordHasher} for the engine's builder; verifies and
 * upgrades the PBKDF2 hashes stored so far (HARD-4).
 */
package io.github.kenshinbooking.argon2;
