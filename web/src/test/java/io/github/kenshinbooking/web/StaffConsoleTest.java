package io.github.kenshinbooking.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditEntry;
import io.github.kenshinbooking.audit.AuditQuery;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff console over HTTP as a browser without JavaScript uses it: its own login, kept apart from the
 * household site both ways; roles; CSRF and headers; the household page, unlock, and a phone booking past
 * the booking deadline (STAFF-2) with the refusal at its place first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kenshin.outbox.interval=200ms", "spring.datasource.url=jdbc:h2:mem:staff-console;DB_CLOSE_DELAY=-1"})
class StaffConsoleTest {
    @LocalServerPort int port;
    @Autowired KenshinBooking engine;
    @Autowired io.github.kenshinbooking.jdbc.JdbcHouseholdDirectory directory;

    static Document staffLogin(HttpBrowser b, String id, String password) throws Exception {
        Document login = b.get("/staff/login");
        return b.submit(login.selectFirst("form[action$=/staff/login]"), Map.of("staffId", id, "password", password));
    }

    private static Document householdLogin(HttpBrowser b) throws Exception {
        Document login = b.get("/login");
        return b.submit(login.selectFirst("form[action$=/login]"), Map.of("symbolNumber", DemoData.UMEDA,
                "kana", DemoData.UMEDA_KANA, "password", DemoData.UMEDA_PASSWORD));
    }

    @Test
    void staffLoginIsItsOwnAndNeitherSessionOpensTheOtherSite() throws Exception {
        HttpBrowser b = new HttpBrowser(port);
        b.get("/staff/households");
        assertThat(b.path()).isEqualTo("/staff/login");
        assertThat(b.last().headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'");
        assertThat(b.last().headers().firstValue("X-Frame-Options")).contains("DENY");

        // a household's session opens nothing of the console
        householdLogin(b);
        assertThat(b.path()).isEqualTo("/members");
        b.get("/staff/households");
        assertThat(b.path()).isEqualTo("/staff/login");

        // a wrong password: refused at the top, the id kept, no password echoed
        Document wrong = staffLogin(b, DemoData.STAFF_ADMIN, "wrong-password1");
        assertThat(wrong.select(".error-summary").text()).isEqualTo("職員IDまたはパスワードに誤りがあります。");
        assertThat(wrong.select("#staffId").attr("value")).isEqualTo(DemoData.STAFF_ADMIN);
        assertThat(wrong.select("#password").attr("value")).isEmpty();

        // a staff session opens nothing of the household site
        HttpBrowser s = new HttpBrowser(port);
        Document home = staffLogin(s, DemoData.STAFF_ADMIN, DemoData.STAFF_ADMIN_PASSWORD);
        assertThat(s.path()).isEqualTo("/staff/households");
        assertThat(home.select(".welcome").text()).contains("組合 管理者").contains("管理者");
        assertThat(s.last().headers().firstValue("Content-Security-Policy")).isPresent();
        s.get("/members");
        assertThat(s.path()).isEqualTo("/login");
        s.get("/m/1888888-01/calendar");
        assertThat(s.path()).isEqualTo("/login");

        // without the CSRF token a post is forbidden
        assertThat(s.post("/staff/households/1888888/unlock", Map.of("reason", "x")).text()).doesNotContain("ロック");
        assertThat(s.last().statusCode()).isEqualTo(403);

        // logout ends the staff session
        Document page = s.get("/staff/households");
        s.submit(page.selectFirst("form[action$=/staff/logout]"), Map.of());
        assertThat(s.path()).isEqualTo("/staff/login");
        s.get("/staff/households");
        assertThat(s.path()).isEqualTo("/staff/login");
    }

    @Test
    void aClerkDoesHouseholdWorkButNotStaffAccounts() throws Exception {
        HttpBrowser b = new HttpBrowser(port);
        Document home = staffLogin(b, DemoData.STAFF_CLERK, DemoData.STAFF_CLERK_PASSWORD);
        assertThat(home.select("a[href$=/staff/accounts]")).isEmpty();
        b.get("/staff/accounts");
        assertThat(b.last().statusCode()).isEqualTo(403);
        b.get("/staff/households/1888888");
        assertThat(b.last().statusCode()).isEqualTo(200);
    }

    @Test
    void searchUnlockAndAPhoneBookingPastTheDeadline() throws Exception {
        LocalDate soon = LocalDate.now(engine.clock()).plusDays(5);
        Slot slot = engine.schedule().addSlot(new SlotSpec(Venue.of("締切後会場"), "新橋健診センター", soon,
                LocalTime.of(9, 0), Duration.ofMinutes(30), 3, engine.clock().instant().minus(Duration.ofDays(30))));
        HttpBrowser b = new HttpBrowser(port);
        Document search = staffLogin(b, DemoData.STAFF_CLERK, DemoData.STAFF_CLERK_PASSWORD);

        Document none = b.submit(search.selectFirst("form[action$=/staff/households]"), Map.of("q", "1234567"));
        assertThat(none.select("#q-error").text()).isEqualTo("該当する世帯が見つかりません。");
        Document byKana = b.submit(none.selectFirst("form[action$=/staff/households]"), Map.of("q", "ｹﾝｾﾂ"));
        assertThat(b.path()).isEqualTo("/staff/households/1999999"); // one household: opened at once
        assertThat(byKana.select("h1").text()).contains("1999999");
        directory.put(io.github.kenshinbooking.household.Household.of(
                io.github.kenshinbooking.household.SymbolNumber.of("2555555"), List.of(new io.github.kenshinbooking
                        .household.Member(io.github.kenshinbooking.household.MemberId.of("2555555-01"),
                        io.github.kenshinbooking.household.KanaName.of("ｹﾝｼﾝ ｲﾁﾛｳ"), "健診 一郎", LocalDate.of(1970, 1, 1),
                        io.github.kenshinbooking.household.Sex.M, LocalDate.of(2000, 4, 1), java.util.Optional.empty(),
                        true))));
        Document many = b.get("/staff/households?q=" + java.net.URLEncoder.encode("ケン", StandardCharsets.UTF_8));
        assertThat(many.select("main tbody tr")).extracting(Element::text).satisfiesExactly(
                tr -> assertThat(tr).startsWith("1999999").contains("建設 花子 (ケンセツ ハナコ)"),
                tr -> assertThat(tr).startsWith("2555555").contains("健診 一郎"));
        Document household = b.submit(none.selectFirst("form[action$=/staff/households]"), Map.of("q", "1888888-02"));
        assertThat(b.path()).isEqualTo("/staff/households/1888888");
        assertThat(household.select("table").first().text()).contains("梅田 うめ").contains("梅田 松男");

        // unlock needs a reason (STAFF-4): the bundle's text at the field
        Document noReason = b.submit(household.selectFirst("form[action$=/unlock]"), Map.of("reason", " "));
        assertThat(noReason.select("#reason-error").text()).isEqualTo("理由を正しくご入力ください。");
        Document unlocked = b.submit(noReason.selectFirst("form[action$=/unlock]"), Map.of("reason", "電話で本人確認"));
        assertThat(unlocked.select(".notice").text()).contains("ロックはかかっていませんでした");

        // a phone booking on a slot past its booking deadline: refused unless staff override it
        Document book = b.get(household.selectFirst("a[href*=/book?member=1888888-02]").attr("href"));
        Document day = b.submit(book.selectFirst("main form[method=get]"), Map.of("date", soon.toString()));
        Element row = day.selectFirst("input[name=slot][value=" + slot.id().value() + "]").closest("tr");
        assertThat(row.text()).contains("締切後会場").contains("受付締切後").contains("3");
        Map<String, String> fields = Map.of("slot", Long.toString(slot.id().value()), "phone", "090-1111-2222",
                "acceptTerms", "true", "reason", "電話予約(締切後、所長承認)");
        Document closed = b.submit(day.selectFirst("main form[method=post]"), fields);
        assertThat(closed.select(".field-error, .error-summary").text()).contains("申込み締切日を過ぎた日程はご予約いただけません。");
        Map<String, String> overridden = new java.util.HashMap<>(fields);
        overridden.put("override", "true");
        Document done = b.submit(closed.selectFirst("main form[method=post]"), overridden);
        assertThat(b.path()).isEqualTo("/staff/households/1888888");
        assertThat(done.select(".notice").text()).contains("梅田 松男 さんの予約を受け付けました");
        assertThat(done.select("table").get(1).text()).contains("締切後会場").contains("職員 " + DemoData.STAFF_CLERK);
        assertThat(engine.storage().slots().find(slot.id()).orElseThrow().reserved()).isEqualTo(1);

        List<AuditEntry> booked = new ArrayList<>();
        engine.storage().audit().forEach(AuditQuery.period(Instant.EPOCH, Instant.now().plus(Duration.ofDays(1)))
                .byAction(AuditAction.BOOKED), booked::add);
        assertThat(booked).anySatisfy(e -> {
            assertThat(e.record().actor().id()).isEqualTo(DemoData.STAFF_CLERK);
            assertThat(e.record().reason()).contains("電話予約(締切後、所長承認)");
        });
    }
}
