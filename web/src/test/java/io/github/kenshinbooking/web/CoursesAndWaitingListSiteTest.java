package io.github.kenshinbooking.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.github.kenshinbooking.KenshinBooking;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Courses, optional tests and the waiting list on the demo over HTTP, as a browser without JavaScript uses them
 * (CRS-1, OPT-1..OPT-3, WAIT-1..WAIT-4): a booking with tests takes their places (残りN名 goes down), a full test
 * and a test the member may not take are refused at the test's checkbox; a member joins the full demo slot's
 * waiting list, the holder cancels, the job offers the place by mail, the member declines, the next member
 * accepts and gets a 予約ID; a member leaves a list; the history shows the entries with their states. The
 * scheduled waiting-list job is off here: the test runs it, so nothing moves between two looks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kenshin.outbox.interval=200ms", "kenshin.waiting-list.enabled=false",
                "spring.datasource.url=jdbc:h2:mem:courses-waiting;DB_CLOSE_DELAY=-1"})
class CoursesAndWaitingListSiteTest {
    private static final String UME = "1888888-01";
    private static final String MATSUO = "1888888-02";
    private static final String ICHIRO = "1777777-01";
    private static final String SACHIKO = "1777777-02";

    @LocalServerPort int port;
    @Autowired GreenMail mailServer;
    @Autowired KenshinBooking engine;

    @Test
    void aBookingWithTestsTakesTheirPlacesAndRefusalsShowAtTheTest() throws Exception {
        HttpBrowser b = login(DemoData.UMEDA, DemoData.UMEDA_KANA, DemoData.UMEDA_PASSWORD);
        LocalDate date = DemoData.optionsDate(engine);
        Document day = b.get("/m/" + UME + "/day/" + date);
        Element first = day.selectFirst("a[href*=/book?slot=]");
        String bookHref = first.attr("href");
        // OPT-3: beside the slot's own 残り10名, each test's places as the demo opened them
        Element cell = first.parent();
        assertThat(first.text()).contains("残り10名");
        assertThat(cell.select(".option-places li").eachText()).containsExactly(
                // in code order: colon, gastroscopy, mammography, stomach-xray; △ at 3 or fewer (SLOT-4)
                "大腸がん 残り5名 ○空きあり", "胃内視鏡 残り1名 △残りわずか", "マンモグラフィ 残り4名 ○空きあり",
                "胃部X線 残り3名 △残りわずか");

        // 入力: the courses the slot offers (the default checked) and its tests with their places
        Document input = b.get(bookHref);
        assertThat(input.select("input[name=course]").eachAttr("id")).containsExactly("course-default",
                "course-cancer-set");
        assertThat(input.select("#course-default").hasAttr("checked")).isTrue();
        assertThat(input.select("label[for=options-gastroscopy]").text()).isEqualTo("胃内視鏡");
        assertThat(input.select("#options-gastroscopy-left").text()).startsWith("残り1名");
        input.selectFirst("#course-default").removeAttr("checked");
        input.selectFirst("#course-cancer-set").attr("checked", "");
        input.selectFirst("#options-gastroscopy").attr("checked", "");
        input.selectFirst("#options-mammography").attr("checked", "");
        Document confirm = b.submit(input.selectFirst("form[action*=/book/confirm]"), Map.of("phone", "06-1234-5678",
                "acceptTerms", "true"));
        assertThat(confirm.select("#chosen-course").text()).isEqualTo("特定健診＋がん検診セット");
        assertThat(confirm.select("#chosen-options").text()).isEqualTo("胃内視鏡、マンモグラフィ");
        Document booked = b.submit(confirm.selectFirst("form[action$=/book]"), Map.of());
        assertThat(booked.select("h1").text()).isEqualTo("予約を受け付けました。");
        String id = booked.select("#reservation-id").text();
        assertThat(booked.select("#course").text()).isEqualTo("特定健診＋がん検診セット");
        assertThat(booked.select("#options").text()).isEqualTo("胃内視鏡、マンモグラフィ");
        Document details = b.get("/m/" + UME + "/reservations/" + id);
        assertThat(details.select("#options").text()).isEqualTo("胃内視鏡、マンモグラフィ");

        // the places taken: one of the slot's, the one 胃内視鏡, one of 4 マンモグラフィ
        Document after = b.get("/m/" + MATSUO + "/day/" + date);
        Element same = after.selectFirst("a[href=\"" + bookHref.replace(UME, MATSUO) + "\"]");
        assertThat(same.text()).contains("残り9名");
        assertThat(same.parent().select(".option-places li").eachText()).containsExactly(
                "大腸がん 残り5名 ○空きあり", "胃内視鏡 残り0名 ×定員に達しました", "マンモグラフィ 残り3名 △残りわずか",
                "胃部X線 残り3名 △残りわずか");

        // OPT-1: マンモグラフィ is for women: refused at its checkbox, naming it
        Document other = b.get(same.attr("href"));
        other.selectFirst("#options-mammography").attr("checked", "");
        Document notEligible = b.submit(other.selectFirst("form[action*=/book/confirm]"), Map.of("phone", "06-1234-5678",
                "acceptTerms", "true"));
        assertThat(notEligible.select("#options-mammography-error").text())
                .isEqualTo("オプション検査「マンモグラフィ」は受診の対象外のため、お申込みいただけません。");
        assertThat(notEligible.select("#options-mammography").hasAttr("checked")).isTrue();

        // OPT-2: the one 胃内視鏡 is taken: OPTION_FULL at its checkbox
        notEligible.selectFirst("#options-mammography").removeAttr("checked");
        notEligible.selectFirst("#course-default").removeAttr("checked");
        notEligible.selectFirst("#course-cancer-set").attr("checked", "");
        notEligible.selectFirst("#options-gastroscopy").attr("checked", "");
        Document full = b.submit(notEligible.selectFirst("form[action*=/book/confirm]"), Map.of("phone", "06-1234-5678",
                "acceptTerms", "true"));
        assertThat(full.select("#options-gastroscopy-error").text()).isEqualTo("オプション検査「胃内視鏡」は定員に達した"
                + "ため、この時間帯ではお申込みいただけません。別の日時をご選択いただくか、オプションを外してお申込みください。");
        // WAIT-1 "(or OPTION_FULL)": the waiting list is offered for the slot with the chosen course and test
        Element waitForTest = full.selectFirst("form.waiting-offer");
        assertThat(waitForTest).isNotNull();
        assertThat(waitForTest.select("input[name=course]").attr("value")).isEqualTo("cancer-set");
        assertThat(waitForTest.select("input[name=options]").eachAttr("value")).containsExactly("gastroscopy");

        // OPT-3: a change within the slot drops マンモグラフィ and adds 大腸がん; the course stays
        Document change = b.get("/m/" + UME + "/reservations/" + id + "/change");
        assertThat(change.select("#current-options").text()).isEqualTo("胃内視鏡、マンモグラフィ");
        assertThat(change.select("input[name=options][checked]").eachAttr("value")).containsExactly("gastroscopy",
                "mammography");
        change.selectFirst("#options-mammography").removeAttr("checked");
        change.selectFirst("#options-colon").attr("checked", "");
        Document changeConfirm = b.submit(change.selectFirst("main form"), Map.of());
        assertThat(changeConfirm.select("#chosen-options").text()).isEqualTo("大腸がん、胃内視鏡");
        Document changed = b.submit(changeConfirm.selectFirst("main form"), Map.of());
        assertThat(changed.select("h1").text()).isEqualTo("予約変更が完了しました。");
        assertThat(changed.select("#reservation-id").text()).isEqualTo(id);
        assertThat(changed.select("#course").text()).isEqualTo("特定健診＋がん検診セット");
        assertThat(changed.select("#options").text()).isEqualTo("大腸がん、胃内視鏡");
        Element afterChange = b.get("/m/" + MATSUO + "/day/" + date).selectFirst("a[href=\"" + bookHref.replace(UME,
                MATSUO) + "\"]");
        assertThat(afterChange.text()).contains("残り9名");
        assertThat(afterChange.parent().select(".option-places li").eachText()).containsExactly(
                "大腸がん 残り4名 ○空きあり", "胃内視鏡 残り0名 ×定員に達しました", "マンモグラフィ 残り4名 ○空きあり",
                "胃部X線 残り3名 △残りわずか");
    }

    @Test
    void theWaitingListOfTheFullSlotFromJoiningToAnAcceptedOffer() throws Exception {
        HttpBrowser umeda = login(DemoData.UMEDA, DemoData.UMEDA_KANA, DemoData.UMEDA_PASSWORD);
        HttpBrowser machida = login(DemoData.MACHIDA, DemoData.MACHIDA_KANA, DemoData.MACHIDA_PASSWORD);
        LocalDate date = DemoData.fullSlotDate(engine);

        // WAIT-1 from the slot times: the full slot offers the waiting list instead of a booking
        Document day = umeda.get("/m/" + MATSUO + "/day/" + date);
        Element join = day.selectFirst("a.waiting-join");
        assertThat(join.parent().text()).startsWith("空きなし");
        Document joinForm = umeda.get(join.attr("href"));
        assertThat(joinForm.select("h1").text()).isEqualTo("キャンセル待ちの登録");
        assertThat(joinForm.select("#chosen-course")).isEmpty(); // the full slot offers the default course only
        Document noTerms = umeda.submit(joinForm.selectFirst("main form"), Map.of("phone", "06-1234-5678"));
        assertThat(noTerms.select("#acceptTerms-error").text()).isNotBlank();
        Document joined = umeda.submit(noTerms.selectFirst("main form"), Map.of("phone", "06-1234-5678",
                "acceptTerms", "true"));
        assertThat(umeda.path()).isEqualTo("/m/" + MATSUO + "/waiting");
        String matsuoEntry = joined.select("tbody tr").first().id().substring("entry-".length());
        assertThat(joined.select("[role=status]").text()).contains(matsuoEntry);
        assertThat(joined.select("#entry-" + matsuoEntry + " .state").text()).isEqualTo("待機中");
        assertThat(joined.select("#entry-" + matsuoEntry + " .exams").text()).isEqualTo("特定健診"); // no tests chosen

        // WAIT-1 from a booking refused SLOT_FULL: the input page offers the waiting list
        String slot = join.attr("href").replaceAll(".*slot=(\\d+).*", "$1");
        Document input = machida.get("/m/" + SACHIKO + "/book?slot=" + slot);
        Document refused = machida.submit(input.selectFirst("form[action*=/book/confirm]"), Map.of("phone",
                "03-1234-5678", "acceptTerms", "true"));
        assertThat(refused.select(".error-summary").text()).isNotBlank();
        Document sachikoForm = machida.submit(refused.selectFirst("form.waiting-offer"), Map.of());
        Document sachikoJoined = machida.submit(sachikoForm.selectFirst("main form"), Map.of("phone", "03-1234-5678",
                "acceptTerms", "true"));
        String sachikoEntry = sachikoJoined.select("tbody tr").first().id().substring("entry-".length());
        assertThat(sachikoJoined.select("#entry-" + sachikoEntry + " .state").text()).isEqualTo("待機中");

        // WAIT-2: the holder (町田 一郎) cancels; the job offers the place to the earliest entry, 松男, by mail
        Document history = machida.get("/m/" + ICHIRO + "/history");
        Document details = machida.get(history.selectFirst("a[href*=/reservations/]").attr("href"));
        Document cancel = machida.get(details.selectFirst("a[href$=/cancel]").attr("href"));
        machida.submit(cancel.selectFirst("main form"), Map.of());
        engine.waitingList().expireAndOffer();
        MimeMessage offer = Mails.awaitSubject(mailServer, DemoData.UMEDA_EMAIL,
                "【集団特定健診】キャンセル待ちのお席をご用意しました（受付番号：" + matsuoEntry + "）");
        assertThat(String.valueOf(offer.getContent())).contains("梅田 松男 様").contains("確保期限");
        Document offered = umeda.get("/m/" + UME + "/waiting");
        assertThat(offered.select("#entry-" + matsuoEntry + " .state").text()).startsWith("ご案内中（確保期限 ");
        assertThat(offered.select("#entry-" + matsuoEntry + " button").eachText()).containsExactly("予約する", "辞退する");

        // WAIT-3: 松男 declines; the place goes to the next entry, 幸子, who accepts it and gets a 予約ID
        Document declined = umeda.submit(offered.selectFirst("#entry-" + matsuoEntry + " form[action$=/decline]"), Map.of());
        assertThat(declined.select("[role=status]").text()).isEqualTo("ご案内を辞退しました。");
        assertThat(declined.select("#entry-" + matsuoEntry + " .state").text()).isEqualTo("取り消し");
        engine.waitingList().expireAndOffer();
        Mails.awaitSubject(mailServer, DemoData.MACHIDA_EMAIL,
                "【集団特定健診】キャンセル待ちのお席をご用意しました（受付番号：" + sachikoEntry + "）");
        Document sachikoOffered = machida.get("/m/" + ICHIRO + "/waiting");
        assertThat(sachikoOffered.select("#entry-" + sachikoEntry + " .state").text()).startsWith("ご案内中（確保期限 ");
        Document accepted = machida.submit(sachikoOffered.selectFirst("#entry-" + sachikoEntry
                + " form[action$=/accept]"), Map.of());
        assertThat(accepted.select("h1").text()).isEqualTo("予約を受け付けました。");
        String reservation = accepted.select("#reservation-id").text();
        assertThat(reservation).matches("\\d+");
        assertThat(machida.get("/m/" + ICHIRO + "/waiting").select("#entry-" + sachikoEntry + " .state").text())
                .isEqualTo("予約済");
        Mails.awaitContaining(mailServer, DemoData.MACHIDA_EMAIL, reservation);

        // WAIT-4: 松男 joins again (the slot is full again) and leaves
        Document again = umeda.submit(umeda.get(join.attr("href")).selectFirst("main form"), Map.of("phone",
                "06-1234-5678", "acceptTerms", "true"));
        String againEntry = again.select("tbody tr").first().id().substring("entry-".length());
        assertThat(again.select("#entry-" + againEntry + " .state").text()).isEqualTo("待機中");
        Document left = umeda.submit(again.selectFirst("#entry-" + againEntry + " form[action$=/leave]"), Map.of());
        assertThat(left.select("[role=status]").text()).isEqualTo("キャンセル待ちの登録を取り消しました。");
        assertThat(left.select("#entry-" + againEntry + " .state").text()).isEqualTo("取り消し");

        // 予約履歴 shows each member's waiting entries with their states
        assertThat(umeda.get("/m/" + MATSUO + "/history").select("#waiting-history tbody tr td:nth-child(4)").eachText())
                .containsExactly("取り消し", "取り消し");
        assertThat(machida.get("/m/" + SACHIKO + "/history").select("#waiting-history tbody tr td:nth-child(4)")
                .eachText()).containsExactly("予約済");
    }

    private HttpBrowser login(String symbol, String kana, String password) throws Exception {
        HttpBrowser b = new HttpBrowser(port);
        Document login = b.get("/login");
        b.submit(login.selectFirst("form[action$=/login]"), Map.of("symbolNumber", symbol, "kana", kana,
                "password", password));
        assertThat(b.path()).isEqualTo("/members");
        return b;
    }
}
