package io.github.kenshinbooking.account;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.InfrastructureException;
import io.github.kenshinbooking.policy.PasswordPolicy;
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
 *
 * <p>HARD-5: the public constructors refuse fewer than {@link #MIN_ITERATIONS} iterations; a cheaper
 * hasher for tests comes only from {@link #insecureForTests(int)}. HARD-4: verifying a hash made
 * with fewer iterations than the current cost derives the missing iterations on a dummy, so it
 * costs the same work as verifying a current one (a hash made with more iterations costs what it
 * names). Immutable and thread-safe.
 */
public final class Pbkdf2PasswordHasher implements PasswordHasher {
    /**
     * HARD-5: the fewest iterations the public constructors accept, PW-3's 600,000 (the same number as
     * {@link PasswordPolicy#MIN_PBKDF2_ITERATIONS}).
     */
    public static final int MIN_ITERATIONS = PasswordPolicy.MIN_PBKDF2_ITERATIONS;

    private static final String ALGORITHM = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final int MAX_ITERATIONS = 10_000_000;

    private final int iterations;
    private final SecureRandom random;
    private final Kdf kdf;

    /**
     * A hasher at the given cost with the given salt source.
     *
     * @param iterations the current cost, at least {@link #MIN_ITERATIONS} (600,000, the policy default)
     * @param random the source of salts
     * @throws IllegalArgumentException if {@code iterations} is below {@link #MIN_ITERATIONS} (a
     *     configuration error, HARD-5) or above 10,000,000
     */
    public Pbkdf2PasswordHasher(int iterations, SecureRandom random) {
        this(production(iterations), random, Pbkdf2PasswordHasher::pbkdf2);
    }

    /**
     * A hasher at the given cost, salting from a new {@link SecureRandom}.
     *
     * @param iterations the current cost, at least {@link #MIN_ITERATIONS} (600,000, the policy default)
     * @throws IllegalArgumentException if {@code iterations} is below {@link #MIN_ITERATIONS} (a
     *     configuration error, HARD-5) or above 10,000,000
     */
    public Pbkdf2PasswordHasher(int iterations) {
        this(iterations, new SecureRandom());
    }

    /** Any cost within 1..10,000,000 (the public ways in check the floor), hashing with {@code kdf}. */
    Pbkdf2PasswordHasher(int iterations, SecureRandom random, Kdf kdf) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations out of range 1..10000000: " + iterations);
        }
        this.iterations = iterations;
        this.random = requireNonNull(random, "random");
        this.kdf = requireNonNull(kdf, "kdf");
    }

    /**
     * A hasher for tests only, at any cost: <strong>never use it in production</strong>. Its hashes
     * are as cheap to crack as its iteration count says; tests use it to run logins fast (HARD-5).
     *
     * @param iterations the current cost, 1..10,000,000
     * @return the hasher, salting from a new {@link SecureRandom}
     * @throws IllegalArgumentException if {@code iterations} is not within 1..10,000,000
     */
    public static Pbkdf2PasswordHasher insecureForTests(int iterations) {
        return new Pbkdf2PasswordHasher(iterations, new SecureRandom(), Pbkdf2PasswordHasher::pbkdf2);
    }

    private static int production(int iterations) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations must be at least " + MIN_ITERATIONS
                    + " (PW-3, HARD-5; insecureForTests(int) is the test-only hasher): " + iterations);
        }
        return iterations;
    }

    @Override
    public PasswordHash hash(String password) {
        requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] dk = kdf.derive(password, salt, iterations);
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
            kdf.derive(password, new byte[SALT_BYTES], iterations);
            return false;
        }
        Parsed p = parsed.get();
        byte[] dk = kdf.derive(password, p.salt(), p.iterations());
        if (p.iterations() < iterations) {
            // HARD-4: a hash older than the current cost takes as long as a current one
            kdf.derive(password, new byte[SALT_BYTES], iterations - p.iterations());
        }
        return MessageDigest.isEqual(dk, p.hash());
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return parse(hash).map(p -> p.iterations() != iterations).orElse(true);
    }

    static byte[] pbkdf2(String password, byte[] salt, int iterations) {
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
            byte[] salt = d.decode(parts[2].getBytes(StandardCharsets.US_ASCII));
            byte[] dk = d.decode(parts[3].getBytes(StandardCharsets.US_ASCII));
            if (salt.length == 0 || dk.length == 0) {
                return Optional.empty();
            }
            return Optional.of(new Parsed(it, salt, dk));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** PBKDF2-HMAC-SHA256 with a 256-bit output; a seam so that tests can count the iterations done. */
    @FunctionalInterface
    interface Kdf {
        byte[] derive(String password, byte[] salt, int iterations);
    }

    /** A stored hash taken apart; the arrays are private to this class and never exposed. */
    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    @Override
    public String toString() {
        return "Pbkdf2PasswordHasher[iterations=" + iterations + "]";
    }
}
