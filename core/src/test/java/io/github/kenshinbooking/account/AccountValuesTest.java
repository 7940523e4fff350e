package io.github.kenshinbooking.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The account package's small value types. */
class AccountValuesTest {

    @Test
    @DisplayName("PW-3 a password hash is never blank and its toString names the type, not the hash")
    void passwordHash() {
        String encoded = "pbkdf2-sha256$600000$c2FsdA$aGFzaA";
        PasswordHash hash = new PasswordHash(encoded);

        assertThat(hash.encoded()).isEqualTo(encoded);
        assertThat(hash.toString()).contains("PasswordHash").doesNotContain("c2FsdA").doesNotContain("aGFzaA");
        assertThatThrownBy(() -> new PasswordHash(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHash("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("AUTH-4 a failure count is never negative; zero failures without a lock is the start")
    void loginAttempts() {
        assertThat(new LoginAttempts(0, Optional.empty())).isEqualTo(LoginAttempts.none());
        assertThatThrownBy(() -> new LoginAttempts(-1, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("RESET-2 a token is stored as the lower-case hex SHA-256 of its UTF-8 bytes")
    void tokenHash() {
        // the FIPS 180-2 test vectors for "abc" and the empty message
        assertThat(ResetToken.hashOf("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ResetToken.hashOf(""))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
