package io.github.kenshinbooking.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Part I and III of the manual over HTTP as a browser without JavaScript walks them, on the demo (H2, demo
 * SMTP server): first login, new password, e-mail, member selection, calendar, slot times, confirm, booking,
 * the mail, history, cancel, logout; refusals at their fields; CSRF and security headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kenshin.outbox.interval=200ms", "spring.datasource.url=jdbc:h2:mem:site-walk;DB_CLOSE_DELAY=-1"})
class HouseholdSiteTest {
    @LocalServerPort int port;
    @Autowired GreenMail mailServer;

    @Test
    void firstLoginThenBookThenCancelWithTheMails() throws Exception {
        HttpBrowser b = new HttpBrowser(port);
        Document login = b.get("/login");
        assertThat(login.select("label[for=symbolNumber]").text()).isEqualTo("記号番号");
        assertThat(login.select("label[for=kana]").text()).isEqualTo("組合員フリガナ");
        assertThat(b.last().headers().firstValue("Content-Security-Policy")).get().asString().contains("default-src 'self'");
        assertThat(b.last().headers().firstValue("X-Frame-Options")).contains("DENY");

        // a blank field: Jakarta Validation's message at that field, nothing sent to the engine
        Document blank = b.submit(login.selectFirst("form[action$=/login]"), Map.of("symbolNumber", "1999999",
                "kana", "", "password", "x"));
        assertThat(blank.select("#kana-error").text()).isEqualTo("組合員フリガナを入力してください");

        // a wrong password: the bundle's message, the form kept but the password
        Document wrong = b.submit(blank.selectFirst("form[action$=/login]"), Map.of("symbolNumber", "1999999",
                "kana", "ｹﾝｾﾂ ﾀﾛｳ", "password", "kenren19600211"));
        assertThat(wrong.select(".error-summary, .field-error").text()).isNotBlank();
        assertThat(wrong.select("#symbolNumber").attr("value")).isEqualTo("1999999");
        assertThat(wrong.select("#password").attr("value")).isEmpty();

        // first login (AUTH-5): only the representative, then the new password, then the e-mail
        Document first = b.submit(wrong.selectFirst("form[action$=/login]"), Map.of("symbolNumber", "1999999",
                "kana", "ｹﾝｾﾂ ﾀﾛｳ", "password", "kenren19600210"));
        assertThat(b.path()).isEqualTo("/first/member");
        assertThat(first.select("input[name=member]:not([disabled])")).hasSize(1);
        assertThat(b.get("/members").location()).endsWith("/first/member"); // nothing else until the password changed
        Document password = b.submit(first.selectFirst("form"), Map.of());
        assertThat(b.path()).isEqualTo("/first/password");
        Document mismatch = b.submit(password.selectFirst("form"), Map.of("newPassword", "sakura2024",
                "confirm", "sakura2025"));
        assertThat(mismatch.select("#confirm-error").text()).isNotBlank();
        Document email = b.submit(mismatch.selectFirst("form"), Map.of("newPassword", "sakura2024",
                "confirm", "sakura2024"));
        assertThat(b.path()).isEqualTo("/first/email");
        Document done = b.submit(email.selectFirst("form"), Map.of("email", "taro@example.jp",
                "confirm", "taro@example.jp"));
        assertThat(done.select("h1").text()).isEqualTo("続いて健診予約をしてください。");

        // 利用者の選択 → calendar → slot times → 入力 → 確認 → 完了
        Document members = b.get("/members");
        assertThat(members.select("tbody tr")).hasSize(3);
        Document calendar = b.submit(members.selectFirst("form[action$=/calendar]"), Map.of("member", "1999999-01"));
        assertThat(b.path()).isEqualTo("/m/1999999-01/calendar");
        Element dayLink = calendar.selectFirst("table.calendar a[href*=/day/]");
        assertThat(dayLink).isNotNull();
        assertThat(dayLink.text()).contains("○");
        Document day = b.get(dayLink.attr("href"));
        Element slotLink = day.selectFirst("a[href*=/book?slot=]");
        assertThat(slotLink.text()).contains("残り10名");
        Document input = b.get(slotLink.attr("href"));
        assertThat(input.select(".warning").text()).isEqualTo("この時点ではまだ予約は完了していません。");
        assertThat(input.select(".exam-choice")).isEmpty(); // the manual's slot: one course, no tests, no choice
        Document noTerms = b.submit(input.selectFirst("form[action*=/book/confirm]"), Map.of("phone", "090-1234-5678"));
        assertThat(noTerms.select("#acceptTerms-error").text()).isNotBlank();
        Document confirm = b.submit(noTerms.selectFirst("form[action*=/book/confirm]"), Map.of("phone", "090-1234-5678",
                "acceptTerms", "true"));
        assertThat(confirm.select("button.primary").text()).isEqualTo("予約を登録する");
        Document booked = b.submit(confirm.selectFirst("form[action$=/book]"), Map.of());
        assertThat(booked.select("h1").text()).isEqualTo("予約を受け付けました。");
        String reservationId = booked.select("#reservation-id").text();
        assertThat(reservationId).matches("\\d+");
        assertThat(booked.select("a.button").text()).isEqualTo("続けて予約をする");

        MimeMessage mail = Mails.awaitContaining(mailServer, "taro@example.jp", reservationId);
        assertThat(mail.getSubject()).isNotBlank();

        // 予約変更: 予約詳細 → 予約内容の変更 → カレンダーから日時を選択する → another time → 確認 → 予約を変更する
        Document toChange = b.get("/m/1999999-01/reservations/" + reservationId);
        Document changeInput = b.get(toChange.selectFirst("a[href$=/change]").attr("href"));
        Document changeCalendar = b.get(changeInput.selectFirst("a[href*=change=" + reservationId + "]").attr("href"));
        assertThat(changeCalendar.select("table.calendar a[href*=/day/]").text()).contains("◎");
        Document changeDay = b.get(changeCalendar.selectFirst("table.calendar a[href*=/day/]").attr("href"));
        Element otherTime = changeDay.select("a[href*=/change?]").last();
        assertThat(otherTime).isNotNull();
        Document withNewSlot = b.get(otherTime.attr("href"));
        Document changeConfirm = b.submit(withNewSlot.selectFirst("main form"), Map.of());
        assertThat(changeConfirm.select("button.primary").text()).isEqualTo("予約を変更する");
        Document changedPage = b.submit(changeConfirm.selectFirst("main form"), Map.of());
        assertThat(changedPage.select("h1").text()).isEqualTo("予約変更が完了しました。");
        assertThat(changedPage.select("#reservation-id").text()).isEqualTo(reservationId);
        assertThat(changedPage.select("a.button").text()).isEqualTo("続けて編集をする");

        // 予約履歴 → 予約詳細 → 予約キャンセル → はい
        Document history = b.get("/m/1999999-01/history");
        assertThat(history.select("tbody tr td").first().text()).isEqualTo("確定");
        Document details = b.get(history.selectFirst("a[href*=/reservations/]").attr("href"));
        assertThat(details.text()).contains(reservationId);
        Document cancel = b.get(details.selectFirst("a[href$=/cancel]").attr("href"));
        Document cancelled = b.submit(cancel.selectFirst("main form"), Map.of());
        assertThat(cancelled.select("h1").text()).isEqualTo("予約キャンセルが完了しました。");
        Document onlyCancelled = b.get("/m/1999999-01/history?status=CANCELLED");
        assertThat(onlyCancelled.select("tbody tr")).hasSize(1);
        assertThat(b.get("/m/1999999-01/history?status=CONFIRMED").select("tbody tr")).isEmpty();

        // logout: the session is gone on the server, the cookie no longer resumes it
        Document loggedOut = b.submit(cancelled.selectFirst("form[action$=/logout]"), Map.of());
        assertThat(b.path()).isEqualTo("/login");
        assertThat(loggedOut.select("[role=status]").text()).isEqualTo("ログアウトしました。");
        b.get("/members");
        assertThat(b.path()).isEqualTo("/login");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndAnotherHouseholdsMemberIsNotFound() throws Exception {
        HttpBrowser b = new HttpBrowser(port);
        b.get("/login");
        b.post("/login", Map.of("symbolNumber", "1888888", "kana", "ｳﾒﾀﾞ ｳﾒ", "password", "umeume2024"));
        assertThat(b.last().statusCode()).isEqualTo(403);
        Document login = b.get("/login");
        b.submit(login.selectFirst("form[action$=/login]"), Map.of("symbolNumber", "1888888", "kana", "ｳﾒﾀﾞ ｳﾒ",
                "password", "umeume2024"));
        assertThat(b.path()).isEqualTo("/members");
        b.get("/m/1999999-01/calendar");
        assertThat(b.last().statusCode()).isEqualTo(404);
        b.get("/m/1888888-01/calendar?month=2024-13");
        assertThat(b.last().statusCode()).isEqualTo(400);
    }
}
