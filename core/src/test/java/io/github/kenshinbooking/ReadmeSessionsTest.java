package io.github.kenshinbooking;

import static io.github.kenshinbooking.Fixtures.PASSWORD;
import static io.github.kenshinbooking.Fixtures.TARO_KANA;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's "Sessions" example, kept compiling and passing. */
class ReadmeSessionsTest {
    @Test
    @DisplayName("SES-1 SES-2 the README's sessions example: login, resume by token, logout, then SESSION_EXPIRED")
    void readme() throws Refusal {
        Fixtures f = new Fixtures();
        f.activeSession();
        KenshinBooking engine = f.engine;
        // --- README sessions start
        LoginResult login = engine.logins().login("1999999", "ｹﾝｾﾂ ﾀﾛｳ", "sakura2024");
        String token = login.token().value();        // give this to the browser; only its hash is stored (SES-1)

        // a later request, on this or any other instance over the same store:
        try {
            HouseholdSession session = engine.sessions().resume(token);  // slides the 30-minute idle time
            System.out.println("logged in: " + session.household());
        } catch (Refusal refusal) {                   // SESSION_EXPIRED: idle 30 min, 12 h since login,
            System.out.println("please log in again"); // logged out, or ended by a password change/reset
        }

        engine.sessions().logout(token);              // ends it on every instance (SES-2)
        // --- README sessions end
        Refusal expired = org.junit.jupiter.api.Assertions.assertThrows(Refusal.class,
                () -> engine.sessions().resume(token));
        assertThat(expired.code()).isEqualTo(ErrorCode.SESSION_EXPIRED);
        String fresh = engine.logins().login("1999999", TARO_KANA, PASSWORD).token().value();
        f.clock.add(Duration.ofMinutes(30));
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(Refusal.class,
                () -> engine.sessions().resume(fresh)).code()).isEqualTo(ErrorCode.SESSION_EXPIRED);
    }

    @Test
    @DisplayName("SES-1 the README shows exactly the code of this test")
    void readmeShowsThisCode() throws IOException {
        String own = Files.readString(Path.of("src/test/java/io/github/kenshinbooking/ReadmeSessionsTest.java"),
                StandardCharsets.UTF_8);
        String start = "// --- README sessions start\n";
        String block = own.substring(own.indexOf(start) + start.length(),
                own.indexOf("        // --- README sessions end"));
        String expected = Arrays.stream(block.split("\n"))
                .map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .collect(Collectors.joining("\n"));
        assertThat(Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8)).contains(expected);
    }
}
