package io.github.kenshinbooking.account;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.InfrastructureException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 from the JDK (PW-3), 16-byte salt, 32-byte hash, encoded as
 * {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (Base64 without padding). Hashes of other iteration
 * counts still verify, and {@link #needsRehash} reports them so a login upgrades them in place.
 * Immutable and thread-safe.
 */
public final class Pbkdf2PasswordHasher implements PasswordHasher {
    private static final String ALGORITHM = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final int MAX_ITERATIONS = 10_000_000;

    private final int iterations;
    private final SecureRandom random;

    /**
     * A hasher at the given cost with the given salt source.
     *
     * @param iterations the current cost; production at least 600,000 (the policy default)
     * @param random the source of salts
     * @throws IllegalArgumentException if {@code iterations} is not within 1..10,000,000
     */
    public Pbkdf2PasswordHasher(int iterations, SecureRandom random) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations out of range");
        }
        this.iterations = iterations;
        this.random = requireNonNull(random, "random");
    }

    /**
     * A hasher at the given cost, salting from a new {@link SecureRandom}.
     *
     * @param iterations the current cost; production at least 600,000 (the policy default)
     * @throws IllegalArgumentException if {@code iterations} is not within 1..10,000,000
     */
    public Pbkdf2PasswordHasher(int iterations) {
        this(iterations, new SecureRandom());
    }

    @Override
    public PasswordHash hash(String password) {
        requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] dk = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return new PasswordHash(ALGORITHM + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(dk));
    }

    @Override
    public boolean verify(String password, PasswordHash hash) {
        requireNonNull(password, "password");
        Optional<Parsed> parsed = parse(hash);
        if (parsed.isEmpty()) {
            // equal work for a malformed hash, so the answer's timing says nothing
            derive(password, new byte[SALT_BYTES], iterations);
            return false;
        }
        Parsed p = parsed.get();
        byte[] dk = derive(password, p.salt(), p.iterations());
        return MessageDigest.isEqual(dk, p.hash());
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return parse(hash).map(p -> p.iterations() != iterations).orElse(true);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new InfrastructureException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static Optional<Parsed> parse(PasswordHash hash) {
        if (hash == null) {
            return Optional.empty();
        }
        String[] parts = hash.encoded().split("\\$", -1);
        if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            int it = Integer.parseInt(parts[1]);
            if (it < 1 || it > MAX_ITERATIONS) {
                return Optional.empty();
            }
            Base64.Decoder d = Base64.getDecoder();
            return Optional.of(new Parsed(it, d.decode(parts[2].getBytes(StandardCharsets.US_ASCII)),
                    d.decode(parts[3].getBytes(StandardCharsets.US_ASCII))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A stored hash taken apart; the arrays are private to this class and never exposed. */
    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    @Override
    public String toString() {
        return "Pbkdf2PasswordHasher[iterations=" + iterations + "]";
    }
}
