package io.github.kenshinbooking.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * HARD-5 (no production hasher below PW-3's cost, a test-only one named so) and HARD-4 (a hash
 * older than the current cost costs the current cost to verify). The work is counted in PBKDF2
 * iterations through the package-private derivation seam, never timed.
 */
class Pbkdf2PasswordHasherTest {
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    /** Counts the iterations derived; derives for real. */
    private final AtomicLong derived = new AtomicLong();
    private final Pbkdf2PasswordHasher.Kdf counting = (password, salt, iterations) -> {
        derived.addAndGet(iterations);
        return Pbkdf2PasswordHasher.pbkdf2(password, salt, iterations);
    };

    private Pbkdf2PasswordHasher counted(int iterations) {
        return new Pbkdf2PasswordHasher(iterations, new SecureRandom(), counting);
    }

    @Test
    @DisplayName("HARD-5 the floor of the public constructors is PW-3's 600,000 iterations")
    void hard5_floorIsPw3() {
        assertThat(Pbkdf2PasswordHasher.MIN_ITERATIONS).isEqualTo(600_000);
    }

    @Test
    @DisplayName("HARD-5 both public constructors refuse 599,999 iterations as a configuration error")
    void hard5_belowFloorRefused() {
        for (int low : new int[] {599_999, 1_000, 1, 0, -5}) {
            IllegalArgumentException a = catchThrowableOfType(IllegalArgumentException.class,
                    () -> new Pbkdf2PasswordHasher(low));
            IllegalArgumentException b = catchThrowableOfType(IllegalArgumentException.class,
                    () -> new Pbkdf2PasswordHasher(low, new SecureRandom()));
            assertThat(a).as("%d iterations", low).isNotNull();
            assertThat(b).as("%d iterations with a random", low).isNotNull();
            assertThat(a.getMessage()).contains("600000").contains("insecureForTests");
        }
    }

    @Test
    @DisplayName("HARD-5 600,000 iterations are accepted (constructed, not hashed: no cost)")
    void hard5_floorAccepted() {
        assertThat(new Pbkdf2PasswordHasher(600_000)).hasToString("Pbkdf2PasswordHasher[iterations=600000]");
        assertThat(new Pbkdf2PasswordHasher(10_000_000, new SecureRandom()))
                .hasToString("Pbkdf2PasswordHasher[iterations=10000000]");
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new Pbkdf2PasswordHasher(10_000_001)))
                .isNotNull();
    }

    @Test
    @DisplayName("HARD-5 the test-only hasher is named so and takes any cost from 1 to 10,000,000")
    void hard5_testOnlyHasher() {
        assertThat(Pbkdf2PasswordHasher.insecureForTests(1)).hasToString("Pbkdf2PasswordHasher[iterations=1]");
        assertThat(Pbkdf2PasswordHasher.insecureForTests(10_000_000))
                .hasToString("Pbkdf2PasswordHasher[iterations=10000000]");
        for (int bad : new int[] {0, -1, 10_000_001}) {
            assertThat(catchThrowableOfType(IllegalArgumentException.class,
                    () -> Pbkdf2PasswordHasher.insecureForTests(bad))).as("%d", bad).isNotNull();
        }
    }

    @Test
    @DisplayName("PW-3 known answer: RFC 7914 section 11, PBKDF2-HMAC-SHA256 of \"passwd\"/\"salt\", c = 1")
    void knownAnswer() {
        // RFC 7914 section 11, PBKDF2-HMAC-SHA-256 (P="passwd", S="salt", c=1, dkLen=64); the hasher's
        // 32-byte output is the first block, i.e. the first 32 bytes
        byte[] expected = Arrays.copyOf(HexFormat.of().parseHex("55ac046e56e3089fec1691c22544b605"
                + "f94185216dde0465e68b9d57c20dacbc" + "49ca9cccf179b645991664b39d77ef31"
                + "7c71b845b1e30bd509112041d3a19783"), 32);
        PasswordHash vector = new PasswordHash("pbkdf2-sha256$1$"
                + B64.encodeToString("salt".getBytes(StandardCharsets.US_ASCII)) + "$" + B64.encodeToString(expected));
        Pbkdf2PasswordHasher hasher = Pbkdf2PasswordHasher.insecureForTests(1);

        assertThat(hasher.verify("passwd", vector)).isTrue();
        assertThat(hasher.verify("passwe", vector)).isFalse();
    }

    @Test
    @DisplayName("HARD-4 a hash of fewer iterations than the current cost costs the current cost, right or wrong")
    void hard4_legacyHashPadded() {
        PasswordHash legacy = Pbkdf2PasswordHasher.insecureForTests(100).hash("sakura2024");
        Pbkdf2PasswordHasher current = counted(1_000);

        assertThat(current.verify("sakura2024", legacy)).isTrue();
        assertThat(derived.getAndSet(0)).isEqualTo(1_000);
        assertThat(current.verify("wrong-password", legacy)).isFalse();
        assertThat(derived.getAndSet(0)).isEqualTo(1_000);
        assertThat(current.needsRehash(legacy)).isTrue();
    }

    @Test
    @DisplayName("HARD-4 a current hash, an unknown format and a malformed hash cost the current cost too")
    void hard4_everyPathCostsTheCurrentCost() {
        Pbkdf2PasswordHasher current = counted(1_000);
        PasswordHash hash = current.hash("sakura2024");
        derived.set(0);

        assertThat(current.verify("sakura2024", hash)).isTrue();
        assertThat(derived.getAndSet(0)).isEqualTo(1_000);
        assertThat(current.verify("wrong-password", hash)).isFalse();
        assertThat(derived.getAndSet(0)).isEqualTo(1_000);
        for (String bad : new String[] {"$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR",
                "pbkdf2-sha256$0$AAAA$AAAA", "pbkdf2-sha256$1000$$AAAA", "pbkdf2-sha256$1000$AAAA$",
                "pbkdf2-sha256$x$AAAA$AAAA", "pbkdf2-sha256$1000$!!$AAAA", "pbkdf2-sha256$1000$AAAA"}) {
            assertThat(current.verify("sakura2024", new PasswordHash(bad))).as(bad).isFalse();
            assertThat(derived.getAndSet(0)).as(bad).isEqualTo(1_000);
            assertThat(current.needsRehash(new PasswordHash(bad))).as(bad).isTrue();
        }
        assertThat(current.needsRehash(hash)).isFalse();
    }

    @Test
    @DisplayName("HARD-4 a hash of more iterations than the current cost is verified as it is, not padded")
    void hard4_costlierHashAsIs() {
        PasswordHash costlier = Pbkdf2PasswordHasher.insecureForTests(2_000).hash("sakura2024");
        Pbkdf2PasswordHasher current = counted(1_000);

        assertThat(current.verify("sakura2024", costlier)).isTrue();
        assertThat(derived.getAndSet(0)).isEqualTo(2_000);
        assertThat(current.verify("sakura2025", costlier)).isFalse();
        assertThat(current.needsRehash(costlier)).isTrue();
    }

    @Test
    @DisplayName("PW-3 a hash is salted: the same password twice gives two hashes, both verifying")
    void salted() {
        Pbkdf2PasswordHasher hasher = Pbkdf2PasswordHasher.insecureForTests(10);
        PasswordHash a = hasher.hash("sakura2024");
        PasswordHash b = hasher.hash("sakura2024");

        assertThat(a).isNotEqualTo(b);
        assertThat(a.encoded()).startsWith("pbkdf2-sha256$10$").doesNotContain("sakura2024");
        assertThat(hasher.verify("sakura2024", a)).isTrue();
        assertThat(hasher.verify("sakura2024", b)).isTrue();
    }
}
