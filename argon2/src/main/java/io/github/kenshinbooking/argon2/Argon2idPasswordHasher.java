package io.github.kenshinbooking.argon2;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.account.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106, version 0x13) from Bouncy Castle as the {@link PasswordHasher} (PW-3): a
 * 16-byte random salt, a 32-byte hash, encoded in the PHC string format that the reference
 * implementation and most other libraries read and write,
 * {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH} (Base64 without padding; {@code m} in KiB).
 *
 * <p><b>HARD-5</b>: the public constructors refuse a cost below {@code m = 19456} KiB (19 MiB),
 * {@code t = 2}, {@code p = 1}, each on its own, with {@link IllegalArgumentException} (a
 * configuration error); a cheaper hasher for tests comes only from the factories named
 * {@code insecureForTests}.
 *
 * <p><b>Upgrading from PBKDF2</b>: a hasher made with a {@code legacy} hasher (e.g. the
 * {@code Pbkdf2PasswordHasher} in use so far) verifies every hash that is not Argon2id with it, and
 * {@link #needsRehash} is {@code true} for those, so a household's next successful login stores an
 * Argon2id hash in place of its old one (as {@code LoginService} does for any hash that needs a
 * rehash). Argon2id hashes of another cost verify too and are upgraded the same way.
 *
 * <p><b>HARD-4</b>: a login must take the same time whatever the stored hash is. So, with a legacy
 * hasher, every verification does the work of both: an Argon2id hash is verified and the legacy
 * hasher verifies a dummy hash of its own; a legacy hash is verified by the legacy hasher and an
 * Argon2id hash of the current cost is derived on a dummy. While a union still has legacy hashes a
 * login therefore costs one Argon2id plus one legacy verification; once none is left (no stored hash
 * outside the {@code $argon2id$} format), build the hasher without a legacy one. An Argon2id hash of
 * a lower cost than the current one is padded: a dummy Argon2id derivation makes up the missing
 * memory blocks (memory × passes), so it costs what a current one costs. A hash of a higher cost
 * costs what it names.
 *
 * <p>Memory: each verification or hash running at the same time holds {@code m} KiB (19 MiB by
 * default) for its duration; lanes ({@code p}) are computed one after another on the calling thread.
 * Immutable and thread-safe (if the legacy hasher is).
 */
public final class Argon2idPasswordHasher implements PasswordHasher {
    /** HARD-5: the least memory the public constructors accept, in KiB: 19 MiB. */
    public static final int MIN_MEMORY_KIB = 19_456;
    /** HARD-5: the fewest passes over the memory ({@code t}) the public constructors accept: 2. */
    public static final int MIN_ITERATIONS = 2;
    /** HARD-5: the fewest lanes ({@code p}) the public constructors accept: 1. */
    public static final int MIN_PARALLELISM = 1;
    /** The most memory any hasher or stored hash may name, in KiB: 1 GiB. */
    public static final int MAX_MEMORY_KIB = 1 << 20;
    /** The most passes any hasher or stored hash may name: 64. */
    public static final int MAX_ITERATIONS = 64;
    /** The most lanes any hasher or stored hash may name: 64. */
    public static final int MAX_PARALLELISM = 64;

    private static final String PREFIX = "$argon2id$v=19$";
    private static final Pattern ENCODED = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=([1-9][0-9]{0,9}),t=([1-9][0-9]{0,9}),p=([1-9][0-9]{0,9})"
                    + "\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int MIN_SALT_BYTES = 8;
    private static final int MAX_SALT_BYTES = 64;
    private static final int MIN_HASH_BYTES = 16;
    private static final int MAX_HASH_BYTES = 64;
    /** Argon2 needs at least 8 KiB of memory per lane. */
    private static final int MIN_KIB_PER_LANE = 8;

    private final Cost cost;
    private final Optional<PasswordHasher> legacy;
    private final Optional<PasswordHash> legacyDummy;
    private final SecureRandom random;
    private final Kdf kdf;

    /**
     * A hasher at the given cost that verifies only Argon2id hashes (a hash of another format does
     * not match, and needs a rehash).
     *
     * @param memoryKib   memory in KiB ({@code m}), at least {@link #MIN_MEMORY_KIB}, at most
     *                    {@link #MAX_MEMORY_KIB}
     * @param iterations  passes over the memory ({@code t}), at least {@link #MIN_ITERATIONS}, at most
     *                    {@link #MAX_ITERATIONS}
     * @param parallelism lanes ({@code p}), at least {@link #MIN_PARALLELISM}, at most
     *                    {@link #MAX_PARALLELISM}
     * @param random      the source of salts
     * @throws IllegalArgumentException if a parameter is below its HARD-5 floor (a configuration
     *     error) or above its maximum
     */
    public Argon2idPasswordHasher(int memoryKib, int iterations, int parallelism, SecureRandom random) {
        this(production(memoryKib, iterations, parallelism), Optional.empty(), random, Argon2idPasswordHasher::argon2id);
    }

    /**
     * A hasher at the given cost that verifies hashes of other formats with {@code legacy} and asks
     * for them to be rehashed, doing the work of both on every verification (HARD-4). Hashes one
     * dummy password with {@code legacy} once, here.
     *
     * @param memoryKib   memory in KiB ({@code m}), at least {@link #MIN_MEMORY_KIB}, at most
     *                    {@link #MAX_MEMORY_KIB}
     * @param iterations  passes over the memory ({@code t}), at least {@link #MIN_ITERATIONS}, at most
     *                    {@link #MAX_ITERATIONS}
     * @param parallelism lanes ({@code p}), at least {@link #MIN_PARALLELISM}, at most
     *                    {@link #MAX_PARALLELISM}
     * @param legacy      the hasher of the hashes stored so far, e.g. the PBKDF2 one
     * @param random      the source of salts
     * @throws IllegalArgumentException if a parameter is below its HARD-5 floor (a configuration
     *     error) or above its maximum
     */
    public Argon2idPasswordHasher(int memoryKib, int iterations, int parallelism, PasswordHasher legacy,
            SecureRandom random) {
        this(production(memoryKib, iterations, parallelism), Optional.of(requireNonNull(legacy, "legacy")), random,
                Argon2idPasswordHasher::argon2id);
    }

    /** Any valid Argon2id cost (the public ways in check the HARD-5 floor), deriving with {@code kdf}. */
    Argon2idPasswordHasher(Cost cost, Optional<PasswordHasher> legacy, SecureRandom random, Kdf kdf) {
        this.cost = requireNonNull(cost, "cost");
        this.legacy = requireNonNull(legacy, "legacy");
        this.random = requireNonNull(random, "random");
        this.kdf = requireNonNull(kdf, "kdf");
        this.legacyDummy = legacy.map(l -> l.hash("kenshin-booking-argon2-dummy-" + random.nextLong()));
    }

    /**
     * The OWASP and HARD-5 minimum, {@code m = 19456} KiB, {@code t = 2}, {@code p = 1}, verifying
     * Argon2id hashes only.
     *
     * @return the hasher, salting from a new {@link SecureRandom}
     */
    public static Argon2idPasswordHasher withDefaults() {
        return new Argon2idPasswordHasher(MIN_MEMORY_KIB, MIN_ITERATIONS, MIN_PARALLELISM, new SecureRandom());
    }

    /**
     * The HARD-5 minimum cost ({@code m = 19456} KiB, {@code t = 2}, {@code p = 1}), verifying
     * hashes of other formats with {@code legacy} and upgrading them on login.
     *
     * @param legacy the hasher of the hashes stored so far, e.g. the PBKDF2 one
     * @return the hasher, salting from a new {@link SecureRandom}
     */
    public static Argon2idPasswordHasher withDefaults(PasswordHasher legacy) {
        return new Argon2idPasswordHasher(MIN_MEMORY_KIB, MIN_ITERATIONS, MIN_PARALLELISM, legacy, new SecureRandom());
    }

    /**
     * A hasher for tests only, at any valid Argon2id cost: <strong>never use it in production</strong>
     * (HARD-5). Verifies Argon2id hashes only.
     *
     * @param memoryKib   memory in KiB, at least 8 per lane, at most {@link #MAX_MEMORY_KIB}
     * @param iterations  passes over the memory, 1 to {@link #MAX_ITERATIONS}
     * @param parallelism lanes, 1 to {@link #MAX_PARALLELISM}
     * @return the hasher, salting from a new {@link SecureRandom}
     * @throws IllegalArgumentException if a parameter is out of its range
     */
    public static Argon2idPasswordHasher insecureForTests(int memoryKib, int iterations, int parallelism) {
        return new Argon2idPasswordHasher(new Cost(memoryKib, iterations, parallelism), Optional.empty(),
                new SecureRandom(), Argon2idPasswordHasher::argon2id);
    }

    /**
     * A hasher for tests only, at any valid Argon2id cost, verifying hashes of other formats with
     * {@code legacy}: <strong>never use it in production</strong> (HARD-5).
     *
     * @param memoryKib   memory in KiB, at least 8 per lane, at most {@link #MAX_MEMORY_KIB}
     * @param iterations  passes over the memory, 1 to {@link #MAX_ITERATIONS}
     * @param parallelism lanes, 1 to {@link #MAX_PARALLELISM}
     * @param legacy      the hasher of the hashes stored so far
     * @return the hasher, salting from a new {@link SecureRandom}
     * @throws IllegalArgumentException if a parameter is out of its range
     */
    public static Argon2idPasswordHasher insecureForTests(int memoryKib, int iterations, int parallelism,
            PasswordHasher legacy) {
        return new Argon2idPasswordHasher(new Cost(memoryKib, iterations, parallelism),
                Optional.of(requireNonNull(legacy, "legacy")), new SecureRandom(), Argon2idPasswordHasher::argon2id);
    }

    private static Cost production(int memoryKib, int iterations, int parallelism) {
        if (memoryKib < MIN_MEMORY_KIB || iterations < MIN_ITERATIONS || parallelism < MIN_PARALLELISM) {
            throw new IllegalArgumentException("Argon2id below PW-3's minimum m=" + MIN_MEMORY_KIB + " KiB, t="
                    + MIN_ITERATIONS + ", p=" + MIN_PARALLELISM + " (HARD-5; insecureForTests is the test-only hasher): m="
                    + memoryKib + ", t=" + iterations + ", p=" + parallelism);
        }
        return new Cost(memoryKib, iterations, parallelism);
    }

    @Override
    public PasswordHash hash(String password) {
        requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return hash(password, salt);
    }

    /** The hash of {@code password} with the given salt at the current cost (known-answer tests). */
    PasswordHash hash(String password, byte[] salt) {
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        try {
            byte[] dk = kdf.derive(pw, salt, cost, HASH_BYTES);
            Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
            return new PasswordHash(PREFIX + "m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p="
                    + cost.parallelism() + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(dk));
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    @Override
    public boolean verify(String password, PasswordHash hash) {
        requireNonNull(password, "password");
        Optional<Parsed> parsed = parse(hash);
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        try {
            if (parsed.isPresent()) {
                Parsed p = parsed.get();
                byte[] dk = kdf.derive(pw, p.salt(), p.cost(), p.hash().length);
                padToCurrentCost(pw, p.cost());
                // HARD-4: the legacy hasher's share of the work, as for a legacy hash
                legacy.ifPresent(l -> l.verify(password, legacyDummy.orElseThrow()));
                return MessageDigest.isEqual(dk, p.hash());
            }
            // HARD-4: a current Argon2id derivation's work, as for an Argon2id hash
            kdf.derive(pw, new byte[SALT_BYTES], cost, HASH_BYTES);
            return hash != null && legacy.isPresent() && legacy.get().verify(password, hash);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    /**
     * HARD-4: after verifying a hash of fewer memory blocks × passes than the current cost, derives the
     * missing blocks on a dummy (one lane, as few passes as fit the current memory).
     */
    private void padToCurrentCost(byte[] pw, Cost stored) {
        long missing = cost.blocks() - stored.blocks();
        if (missing <= 0) {
            return;
        }
        long passes = (missing + cost.memoryKib() - 1) / cost.memoryKib();
        long memory = Math.max(MIN_KIB_PER_LANE, (missing + passes - 1) / passes);
        kdf.derive(pw, new byte[SALT_BYTES], new Cost((int) memory, (int) passes, 1), HASH_BYTES);
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return parse(hash).map(p -> !p.cost().equals(cost) || p.salt().length != SALT_BYTES
                || p.hash().length != HASH_BYTES).orElse(true);
    }

    static byte[] argon2id(byte[] password, byte[] salt, Cost cost, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(params);
            byte[] out = new byte[length];
            generator.generateBytes(password, out);
            return out;
        } finally {
            params.clear();
        }
    }

    private static Optional<Parsed> parse(PasswordHash hash) {
        if (hash == null) {
            return Optional.empty();
        }
        Matcher m = ENCODED.matcher(hash.encoded());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Cost cost = new Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            Base64.Decoder d = Base64.getDecoder();
            byte[] salt = d.decode(m.group(4));
            byte[] dk = d.decode(m.group(5));
            if (salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES || dk.length < MIN_HASH_BYTES
                    || dk.length > MAX_HASH_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new Parsed(cost, salt, dk));
        } catch (IllegalArgumentException e) {
            // a number too large for an int, a cost out of range, or Base64 of an impossible length
            return Optional.empty();
        }
    }

    /**
     * An Argon2id cost within the ranges any hasher or stored hash may have (the HARD-5 floor is
     * checked by the public constructors, not here).
     */
    record Cost(int memoryKib, int iterations, int parallelism) {
        Cost {
            if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
                throw new IllegalArgumentException("Argon2id parallelism out of range 1.." + MAX_PARALLELISM + ": "
                        + parallelism);
            }
            if (iterations < 1 || iterations > MAX_ITERATIONS) {
                throw new IllegalArgumentException("Argon2id iterations out of range 1.." + MAX_ITERATIONS + ": "
                        + iterations);
            }
            if (memoryKib < MIN_KIB_PER_LANE * parallelism || memoryKib > MAX_MEMORY_KIB) {
                throw new IllegalArgumentException("Argon2id memory out of range " + MIN_KIB_PER_LANE * parallelism
                        + ".." + MAX_MEMORY_KIB + " KiB: " + memoryKib);
            }
        }

        /** The work of a derivation: 1 KiB blocks filled, times passes. */
        long blocks() {
            return (long) memoryKib * iterations;
        }
    }

    /** Argon2id version 0x13 without secret or associated data; a seam so tests can count the work. */
    @FunctionalInterface
    interface Kdf {
        byte[] derive(byte[] password, byte[] salt, Cost cost, int length);
    }

    /** A stored hash taken apart; the arrays are private to this class and never exposed. */
    private record Parsed(Cost cost, byte[] salt, byte[] hash) {
    }

    @Override
    public String toString() {
        return "Argon2idPasswordHasher[m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + legacy.map(l -> ", legacy=" + l).orElse("") + "]";
    }
}
