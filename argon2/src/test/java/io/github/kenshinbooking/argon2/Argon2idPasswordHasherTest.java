package io.github.kenshinbooking.argon2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.account.PasswordHasher;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * PW-3 with Argon2id: known answers from the reference implementation, round trips, refusals of weak
 * parameters (HARD-5), rehash of PBKDF2 and other-cost hashes, and the equal work of every
 * verification path (HARD-4), counted in Argon2 memory blocks through the derivation seam, not timed.
 */
class Argon2idPasswordHasherTest {
    /**
     * Known answers of the Argon2 reference implementation, P-H-C/phc-winner-argon2 {@code src/test.c}
     * (Argon2id, version 0x13, password "password", salt "somesalt", 32-byte output); the same strings
     * are in RustCrypto's argon2 {@code tests/kat.rs} and the Go and libar2 test suites.
     */
    private static final String REF_M256_T2_P1 =
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";
    private static final String REF_M256_T2_P2 =
            "$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc";
    private static final String REF_M65536_T2_P1 =
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
    private static final String REF_M65536_T2_P1_DIFFERENTPASSWORD =
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$C4TWUs9rDEvq7w3+J4umqA32aWKB1+DSiRuBfYxFj94";

    /** Argon2 memory blocks derived (KiB × passes), derived for real. */
    private final AtomicLong blocks = new AtomicLong();
    private final Argon2idPasswordHasher.Kdf counting = (password, salt, cost, length) -> {
        blocks.addAndGet(cost.blocks());
        return Argon2idPasswordHasher.argon2id(password, salt, cost, length);
    };

    private Argon2idPasswordHasher counted(int m, int t, int p, Optional<PasswordHasher> legacy) {
        return new Argon2idPasswordHasher(new Argon2idPasswordHasher.Cost(m, t, p), legacy, new SecureRandom(), counting);
    }

    @Test
    @DisplayName("PW-3 known answer: the reference implementation's hash of \"password\"/\"somesalt\", m=256, t=2, p=1")
    void knownAnswerHash() {
        Argon2idPasswordHasher hasher = Argon2idPasswordHasher.insecureForTests(256, 2, 1);

        PasswordHash hash = hasher.hash("password", "somesalt".getBytes(StandardCharsets.US_ASCII));

        assertThat(hash.encoded()).isEqualTo(REF_M256_T2_P1);
    }

    @Test
    @DisplayName("PW-3 known answers verify, two lanes and 64 MiB included; a different password does not")
    void knownAnswersVerify() {
        Argon2idPasswordHasher hasher = Argon2idPasswordHasher.insecureForTests(256, 2, 1);

        assertThat(hasher.verify("password", new PasswordHash(REF_M256_T2_P1))).isTrue();
        assertThat(hasher.verify("password", new PasswordHash(REF_M256_T2_P2))).isTrue();
        assertThat(hasher.verify("password", new PasswordHash(REF_M65536_T2_P1))).isTrue();
        assertThat(hasher.verify("differentpassword", new PasswordHash(REF_M65536_T2_P1_DIFFERENTPASSWORD))).isTrue();
        assertThat(hasher.verify("differentpassword", new PasswordHash(REF_M65536_T2_P1))).isFalse();
        assertThat(hasher.verify("Password", new PasswordHash(REF_M256_T2_P1))).isFalse();
    }

    @Test
    @DisplayName("PW-3 round trip: a salted PHC string of the current cost that verifies only its own password")
    void roundTrip() {
        Argon2idPasswordHasher hasher = Argon2idPasswordHasher.insecureForTests(64, 1, 1);

        PasswordHash a = hasher.hash("sakura2024");
        PasswordHash b = hasher.hash("sakura2024");

        assertThat(a.encoded()).matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}")
                .doesNotContain("sakura2024");
        assertThat(a).isNotEqualTo(b);
        assertThat(hasher.verify("sakura2024", a)).isTrue();
        assertThat(hasher.verify("sakura2024", b)).isTrue();
        assertThat(hasher.verify("sakura2025", a)).isFalse();
        assertThat(hasher.verify("", a)).isFalse();
        assertThat(hasher.needsRehash(a)).isFalse();
        assertThat(hasher.verify("日本語のパスワード", hasher.hash("日本語のパスワード"))).isTrue();
    }

    @Test
    @DisplayName("PW-3 a malformed or foreign hash is false (no exception) and needs a rehash")
    void malformed() {
        Argon2idPasswordHasher hasher = Argon2idPasswordHasher.insecureForTests(64, 1, 1);
        String salt = "c29tZXNhbHQ";
        String dk = "nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";
        for (String bad : new String[] {
            "$argon2i$v=19$m=256,t=2,p=1$" + salt + "$" + dk,
            "$argon2d$v=19$m=256,t=2,p=1$" + salt + "$" + dk,
            "$argon2id$v=16$m=256,t=2,p=1$" + salt + "$" + dk,
            "$argon2id$m=256,t=2,p=1$" + salt + "$" + dk,
            "$argon2id$v=19$t=2,m=256,p=1$" + salt + "$" + dk,
            "$argon2id$v=19$m=256,t=2,p=1$" + salt + "$" + dk + "$",
            "$argon2id$v=19$m=256,t=2,p=1$" + salt,
            "$argon2id$v=19$m=256,t=2,p=1$$" + dk,
            "$argon2id$v=19$m=256,t=2,p=1$" + salt + "=$" + dk,
            "$argon2id$v=19$m=256,t=2,p=1$c29t$" + dk,
            "$argon2id$v=19$m=256,t=2,p=1$" + salt + "$AAAA",
            "$argon2id$v=19$m=256,t=2,p=1$" + salt + "$" + dk.substring(1),
            "$argon2id$v=19$m=4,t=2,p=1$" + salt + "$" + dk,
            "$argon2id$v=19$m=256,t=0,p=1$" + salt + "$" + dk,
            "$argon2id$v=19$m=256,t=65,p=1$" + salt + "$" + dk,
            "$argon2id$v=19$m=256,t=2,p=0$" + salt + "$" + dk,
            "$argon2id$v=19$m=256,t=2,p=40$" + salt + "$" + dk,
            "$argon2id$v=19$m=9999999999,t=2,p=1$" + salt + "$" + dk,
            "$argon2id$v=19$m=1048577,t=2,p=1$" + salt + "$" + dk,
            "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA$AAAA",
            "plain text",
        }) {
            PasswordHash hash = new PasswordHash(bad);
            assertThat(hasher.verify("password", hash)).as(bad).isFalse();
            assertThat(hasher.needsRehash(hash)).as(bad).isTrue();
        }
    }

    @Test
    @DisplayName("PW-3 needsRehash: true for PBKDF2 hashes and for Argon2id hashes of other parameters or sizes")
    void needsRehash() {
        Argon2idPasswordHasher hasher = Argon2idPasswordHasher.insecureForTests(64, 2, 1);

        assertThat(hasher.needsRehash(Pbkdf2PasswordHasher.insecureForTests(10).hash("sakura2024"))).isTrue();
        assertThat(hasher.needsRehash(Argon2idPasswordHasher.insecureForTests(128, 2, 1).hash("x"))).isTrue();
        assertThat(hasher.needsRehash(Argon2idPasswordHasher.insecureForTests(64, 3, 1).hash("x"))).isTrue();
        assertThat(hasher.needsRehash(Argon2idPasswordHasher.insecureForTests(64, 2, 2).hash("x"))).isTrue();
        assertThat(hasher.needsRehash(Argon2idPasswordHasher.insecureForTests(32, 1, 1).hash("x"))).isTrue();
        // the reference vector's 8-byte salt is below the current 16 bytes
        assertThat(hasher.needsRehash(new PasswordHash(REF_M256_T2_P1))).isTrue();
        assertThat(hasher.needsRehash(Argon2idPasswordHasher.insecureForTests(64, 2, 1).hash("x"))).isFalse();
    }

    @Test
    @DisplayName("PW-3 a PBKDF2 hash verifies through the legacy hasher and needs a rehash; without one it does not match")
    void legacyHashes() {
        Pbkdf2PasswordHasher pbkdf2 = Pbkdf2PasswordHasher.insecureForTests(1_000);
        PasswordHash old = pbkdf2.hash("sakura2024");
        Argon2idPasswordHasher migrating = Argon2idPasswordHasher.insecureForTests(64, 1, 1, pbkdf2);

        assertThat(migrating.verify("sakura2024", old)).isTrue();
        assertThat(migrating.verify("sakura2025", old)).isFalse();
        assertThat(migrating.needsRehash(old)).isTrue();
        assertThat(migrating.verify("sakura2024", migrating.hash("sakura2024"))).isTrue();
        assertThat(Argon2idPasswordHasher.insecureForTests(64, 1, 1).verify("sakura2024", old)).isFalse();
    }

    @Test
    @DisplayName("HARD-5 the public constructors refuse m below 19456 KiB, t below 2 and p below 1, each alone")
    void hard5_belowFloorRefused() {
        SecureRandom r = new SecureRandom();
        PasswordHasher legacy = Pbkdf2PasswordHasher.insecureForTests(1);
        int[][] weak = {{19_455, 2, 1}, {19_456, 1, 1}, {19_456, 2, 0}, {1 << 20, 1, 4}, {8, 1, 1}};
        for (int[] w : weak) {
            IllegalArgumentException a = catchThrowableOfType(IllegalArgumentException.class,
                    () -> new Argon2idPasswordHasher(w[0], w[1], w[2], r));
            IllegalArgumentException b = catchThrowableOfType(IllegalArgumentException.class,
                    () -> new Argon2idPasswordHasher(w[0], w[1], w[2], legacy, r));
            assertThat(a).as("m=%d t=%d p=%d", w[0], w[1], w[2]).isNotNull();
            assertThat(b).as("m=%d t=%d p=%d with legacy", w[0], w[1], w[2]).isNotNull();
            assertThat(a.getMessage()).contains("HARD-5").contains("insecureForTests");
        }
    }

    @Test
    @DisplayName("HARD-5 exactly m=19456 KiB, t=2, p=1 is accepted (constructed, not hashed) and is the default")
    void hard5_floorAccepted() {
        assertThat(Argon2idPasswordHasher.MIN_MEMORY_KIB).isEqualTo(19 * 1024);
        assertThat(Argon2idPasswordHasher.MIN_ITERATIONS).isEqualTo(2);
        assertThat(Argon2idPasswordHasher.MIN_PARALLELISM).isEqualTo(1);
        assertThat(new Argon2idPasswordHasher(19_456, 2, 1, new SecureRandom()))
                .hasToString("Argon2idPasswordHasher[m=19456,t=2,p=1]");
        assertThat(Argon2idPasswordHasher.withDefaults()).hasToString("Argon2idPasswordHasher[m=19456,t=2,p=1]");
        assertThat(Argon2idPasswordHasher.withDefaults(Pbkdf2PasswordHasher.insecureForTests(1)))
                .hasToString("Argon2idPasswordHasher[m=19456,t=2,p=1, legacy=Pbkdf2PasswordHasher[iterations=1]]");
        assertThat(new Argon2idPasswordHasher(47_104, 3, 2, new SecureRandom()))
                .hasToString("Argon2idPasswordHasher[m=47104,t=3,p=2]");
    }

    @Test
    @DisplayName("HARD-5 above the maxima is refused too, by the public and the test-only ways")
    void aboveMaximaRefused() {
        SecureRandom r = new SecureRandom();
        int[][] huge = {{(1 << 20) + 1, 2, 1}, {19_456, 65, 1}, {19_456, 2, 65}};
        for (int[] h : huge) {
            assertThat(catchThrowableOfType(IllegalArgumentException.class,
                    () -> new Argon2idPasswordHasher(h[0], h[1], h[2], r))).isNotNull();
            assertThat(catchThrowableOfType(IllegalArgumentException.class,
                    () -> Argon2idPasswordHasher.insecureForTests(h[0], h[1], h[2]))).isNotNull();
        }
    }

    @Test
    @DisplayName("HARD-5 the test-only hasher is named so and takes any valid Argon2id cost, down to 8 KiB a lane")
    void hard5_testOnlyHasher() {
        assertThat(Argon2idPasswordHasher.insecureForTests(8, 1, 1)).hasToString("Argon2idPasswordHasher[m=8,t=1,p=1]");
        assertThat(Argon2idPasswordHasher.insecureForTests(16, 1, 2)).hasToString("Argon2idPasswordHasher[m=16,t=1,p=2]");
        int[][] invalid = {{7, 1, 1}, {15, 1, 2}, {8, 0, 1}, {8, 1, 0}};
        for (int[] w : invalid) {
            assertThat(catchThrowableOfType(IllegalArgumentException.class,
                    () -> Argon2idPasswordHasher.insecureForTests(w[0], w[1], w[2]))).isNotNull();
        }
    }

    @Test
    @DisplayName("HARD-4 without a legacy hasher: current, wrong, malformed and foreign hashes all derive the current cost")
    void hard4_everyPathCostsTheCurrentCost() {
        Argon2idPasswordHasher hasher = counted(64, 2, 1, Optional.empty());
        PasswordHash current = hasher.hash("sakura2024");
        blocks.set(0);

        assertThat(hasher.verify("sakura2024", current)).isTrue();
        assertThat(blocks.getAndSet(0)).isEqualTo(128);
        assertThat(hasher.verify("wrong", current)).isFalse();
        assertThat(blocks.getAndSet(0)).isEqualTo(128);
        assertThat(hasher.verify("sakura2024", new PasswordHash("$argon2id$v=19$m=64,t=2,p=1$broken"))).isFalse();
        assertThat(blocks.getAndSet(0)).isEqualTo(128);
        assertThat(hasher.verify("sakura2024", Pbkdf2PasswordHasher.insecureForTests(1).hash("sakura2024"))).isFalse();
        assertThat(blocks.getAndSet(0)).isEqualTo(128);
    }

    @Test
    @DisplayName("HARD-4 an Argon2id hash of a lower cost is padded to the current memory x passes; a higher one is not")
    void hard4_lowerCostPadded() {
        Argon2idPasswordHasher hasher = counted(64, 2, 1, Optional.empty());
        for (PasswordHash lower : new PasswordHash[] {Argon2idPasswordHasher.insecureForTests(32, 2, 1).hash("sakura2024"),
            Argon2idPasswordHasher.insecureForTests(64, 1, 1).hash("sakura2024"),
            Argon2idPasswordHasher.insecureForTests(16, 1, 2).hash("sakura2024")}) {
            assertThat(hasher.verify("sakura2024", lower)).as(lower.encoded()).isTrue();
            assertThat(blocks.getAndSet(0)).as(lower.encoded()).isEqualTo(128);
            assertThat(hasher.verify("wrong", lower)).isFalse();
            assertThat(blocks.getAndSet(0)).isEqualTo(128);
        }
        PasswordHash higher = Argon2idPasswordHasher.insecureForTests(128, 2, 1).hash("sakura2024");
        assertThat(hasher.verify("sakura2024", higher)).isTrue();
        assertThat(blocks.getAndSet(0)).isEqualTo(256);
    }

    @Test
    @DisplayName("HARD-4 with a legacy hasher every path does one Argon2id derivation of the current cost and one legacy verification")
    void hard4_migratingEveryPathDoesBoth() {
        AtomicInteger legacyVerifications = new AtomicInteger();
        Pbkdf2PasswordHasher pbkdf2 = Pbkdf2PasswordHasher.insecureForTests(1_000);
        PasswordHasher legacy = new PasswordHasher() {
            @Override
            public PasswordHash hash(String password) {
                return pbkdf2.hash(password);
            }

            @Override
            public boolean verify(String password, PasswordHash hash) {
                legacyVerifications.incrementAndGet();
                return pbkdf2.verify(password, hash);
            }

            @Override
            public boolean needsRehash(PasswordHash hash) {
                return pbkdf2.needsRehash(hash);
            }
        };
        Argon2idPasswordHasher hasher = counted(64, 2, 1, Optional.of(legacy));
        PasswordHash current = hasher.hash("sakura2024");
        PasswordHash old = pbkdf2.hash("sakura2024");
        PasswordHash lower = Argon2idPasswordHasher.insecureForTests(32, 2, 1).hash("sakura2024");
        blocks.set(0);

        record Case(String password, PasswordHash hash, boolean expected) {
        }
        for (Case c : new Case[] {new Case("sakura2024", current, true), new Case("wrong", current, false),
            new Case("sakura2024", old, true), new Case("wrong", old, false), new Case("sakura2024", lower, true),
            new Case("sakura2024", new PasswordHash("garbage"), false)}) {
            assertThat(hasher.verify(c.password(), c.hash())).as(c.toString()).isEqualTo(c.expected());
            assertThat(blocks.getAndSet(0)).as(c.toString()).isEqualTo(128);
            assertThat(legacyVerifications.getAndSet(0)).as(c.toString()).isEqualTo(1);
        }
    }
}
