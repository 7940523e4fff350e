package io.github.kenshinbooking.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** IV, V and VI of the manual over HTTP: password change, e-mail change, and the reset link from the mail. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kenshin.outbox.interval=200ms", "spring.datasource.url=jdbc:h2:mem:account-pages;DB_CLOSE_DELAY=-1"})
class AccountPagesTest {
    @LocalServerPort int port;
    @Autowired GreenMail mailServer;

    @Test
    void forgottenPasswordThroughTheMailedLinkThenPasswordAndEmailChange() throws Exception {
        HttpBrowser b = new HttpBrowser(port);
        Document reminder = b.get(b.get("/login").selectFirst("a[href$=/password-reminder]").attr("href"));
        Document sent = b.submit(reminder.selectFirst("main form"), Map.of("email", DemoData.UMEDA_EMAIL));
        assertThat(b.path()).isEqualTo("/password-reminder/sent");
        assertThat(sent.select("[role=status]").text()).contains("1 時間");

        Matcher link = Pattern.compile("(/password-reset\\?token=[A-Za-z0-9_-]+)").matcher(awaitMail(DemoData.UMEDA_EMAIL));
        assertThat(link.find()).isTrue();
        Document reset = b.get(link.group(1));
        Document wrongKana = b.submit(reset.selectFirst("main form"), Map.of("symbolNumber", DemoData.UMEDA,
                "kana", "ｳﾒﾀﾞ ﾏﾂｵ", "newPassword", "momo2025x", "confirm", "momo2025x"));
        assertThat(wrongKana.select(".error-summary, .field-error").text()).isNotBlank();
        b.submit(wrongKana.selectFirst("main form"), Map.of("symbolNumber", DemoData.UMEDA,
                "kana", DemoData.UMEDA_KANA, "newPassword", "momo2025x", "confirm", "momo2025x"));
        assertThat(b.path()).isEqualTo("/password-reset/done");

        Document login = b.get("/login");
        b.submit(login.selectFirst("main form"), Map.of("symbolNumber", DemoData.UMEDA, "kana", DemoData.UMEDA_KANA,
                "password", "momo2025x"));
        assertThat(b.path()).isEqualTo("/members");

        // a family member cannot change the household password (REPRESENTATIVE_ONLY at the page)
        Document familyPassword = b.get("/m/1888888-02/password");
        Document refused = b.submit(familyPassword.selectFirst("main form"), Map.of("current", "momo2025x",
                "newPassword", "sakura2026", "confirm", "sakura2026"));
        assertThat(refused.select(".error-summary, .field-error").text()).isNotBlank();

        Document password = b.get(b.get("/m/1888888-01/mypage").selectFirst("a[href$=/password]").attr("href"));
        Document changed = b.submit(password.selectFirst("main form"), Map.of("current", "momo2025x",
                "newPassword", "sakura2026", "confirm", "sakura2026"));
        assertThat(changed.select("[role=status]").text()).isEqualTo("パスワードを更新しました。");

        Document email = b.get("/m/1888888-01/email");
        Document confirm = b.submit(email.selectFirst("main form"), Map.of("email", "ume2@example.jp",
                "confirm", "ume2@example.jp"));
        Document done = b.submit(confirm.selectFirst("main form"), Map.of());
        assertThat(done.select("[role=status]").text()).isEqualTo("会員情報の変更が完了しました。");
        assertThat(b.get("/m/1888888-01/mypage").text()).contains("ume2@example.jp");
        assertThat(URI.create(b.last().uri().toString()).getPath()).isEqualTo("/m/1888888-01/mypage");
    }

    private String awaitMail(String to) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            for (MimeMessage m : mailServer.getReceivedMessages()) {
                String body = String.valueOf(m.getContent());
                if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(to))
                        && body.contains("password-reset?token=")) {
                    return body;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no reset mail to " + to);
    }
}
