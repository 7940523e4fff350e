package io.github.kenshinbooking.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.bench.LoginCost.Cost;
import io.github.kenshinbooking.bench.LoginPaths.Path;
import io.github.kenshinbooking.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The cost tool at test-only costs: every path fails as HARD-4 describes, every case is measured; no timing checked. */
class LoginCostTest {
    @Test
    @DisplayName("HARD-4 every failed-login path answers INVALID_CREDENTIALS, with PBKDF2 and with Argon2id migrating")
    void pathsFail() {
        for (String hasher : new String[] {"test-pbkdf2", "test-argon2id-migrating"}) {
            LoginPaths paths = LoginPaths.named(hasher);
            for (Path path : Path.values()) {
                // four times each: the lockout is out of reach, so no path turns into ACCOUNT_LOCKED
                for (int i = 0; i < 4; i++) {
                    assertThat(paths.attempt(path)).as(hasher + " " + path).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
                }
            }
        }
    }

    @Test
    @DisplayName("LoginCost measures each verification and each path and prints a line for each")
    void measuresEveryCase() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        List<Cost> costs = LoginCost.run(LoginCost.Options.parse(new String[] {"--verify", "test-pbkdf2",
            "--logins", "test-pbkdf2,test-argon2id-migrating", "--rounds", "3", "--warmup", "1"}),
                new PrintStream(text, true, StandardCharsets.UTF_8));

        assertThat(costs).hasSize(1 + 2 * Path.values().length);
        assertThat(costs).allSatisfy(c -> assertThat(c.cpuMax()).isGreaterThanOrEqualTo(c.cpuMin()));
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("login   test-argon2id-migrating LEGACY_HASH_WRONG_PASSWORD")
                .contains("verify  test-pbkdf2").contains("load average");
    }
}
