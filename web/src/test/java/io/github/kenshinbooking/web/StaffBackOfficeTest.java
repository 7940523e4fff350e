package io.github.kenshinbooking.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditActor;
import io.github.kenshinbooking.audit.AuditChannel;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.ReceptionClosing;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff console's back-office pages over HTTP: imports with a dry run (DATA-2, DATA-3), the roster
 * download (DATA-1), slot work and the event-day preview (STAFF-3, SLOT-6), the audit trail and its CSV
 * (AUDIT-2), and staff accounts (administrators only; a disabled account's session ends at once).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kenshin.outbox.interval=200ms", "spring.datasource.url=jdbc:h2:mem:staff-office;DB_CLOSE_DELAY=-1"})
class StaffBackOfficeTest {
    static final String MEMBERS_HEADER = "記号番号,組合員番号,カナ氏名,漢字氏名,生年月日,性別,資格取得日,資格喪失日,代表者\r\n";

    @LocalServerPort int port;
    @Autowired KenshinBooking engine;

    @Test
    void memberImportDryRunWithErrorsThenWithoutThenForReal() throws Exception {
        HttpBrowser b = new HttpBrowser(port);
        StaffConsoleTest.staffLogin(b, DemoData.STAFF_CLERK, DemoData.STAFF_CLERK_PASSWORD);
        Document page = b.get("/staff/imports");
        String bad = MEMBERS_HEADER + "2777777,2777777-00,ﾎｿﾀﾞ ｼﾝ,細田 進,1965/2/30,男,2000/4/1,,1\r\n"
                + "2777777,2777777-01,ﾎｿﾀﾞ ｱｲ,細田 愛,1967/3/3,X,2000/4/1,,0\r\n";
        Document errors = b.submitFile(page.selectFirst("form[action$=/staff/imports/members]"),
                Map.of("reason", "資格者名簿の更新", "mode", "dry"), "file", "members.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(errors.select(".error-summary").text()).startsWith("取込ファイルに誤りがあるため");
        assertThat(errors.select("#line-errors tbody tr")).hasSize(2);
        assertThat(errors.select("#line-errors tbody tr").get(0).text()).startsWith("2 生年月日");
        assertThat(errors.select("#line-errors tbody tr").get(1).text()).startsWith("3 性別");

        String good = bad.replace("1965/2/30", "1965/2/28").replace(",X,", ",女,");
        Document dry = b.submitFile(errors.selectFirst("form[action$=/staff/imports/members]"),
                Map.of("reason", "資格者名簿の更新", "mode", "dry"), "file", "members.csv", good.getBytes(StandardCharsets.UTF_8));
        assertThat(dry.select("#result").text()).contains("誤りはありません").contains("2 行 / 追加 1 件");
        assertThat(engine.directory().find(SymbolNumber.of("2777777"))).isEmpty();

        Document applied = b.submitFile(dry.selectFirst("form[action$=/staff/imports/members]"),
                Map.of("reason", "資格者名簿の更新", "mode", "apply"), "file", "members.csv", good.getBytes(StandardCharsets.UTF_8));
        assertThat(applied.select("#result").text()).contains("取り込みました").contains("追加 1 件");
        assertThat(engine.directory().find(SymbolNumber.of("2777777")).orElseThrow().members()).hasSize(2);

        // without a reason nothing is imported, the bundle's text at the reason
        Document noReason = b.submitFile(applied.selectFirst("form[action$=/staff/imports/slots]"),
                Map.of("reason", "", "mode", "apply"), "file", "slots.csv",
                "会場,健診機関,受診日,開始時刻,所要時間(分),定員,受付開始日時\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noReason.select("#reason-slots-error").text()).isEqualTo("理由を正しくご入力ください。");

        // the audit trail shows the import, by the clerk, with the reason
        Document audit = b.get("/staff/audit?staffId=" + DemoData.STAFF_CLERK);
        assertThat(audit.select("tbody").text()).contains("MEMBERS_IMPORTED").contains("資格者名簿の更新")
                .contains("rows=2 added=1");
        HttpResponse<byte[]> csv = b.download("/staff/audit.csv?from=" + LocalDate.now().minusDays(1) + "&to="
                + LocalDate.now().plusDays(1) + "&staffId=" + DemoData.STAFF_CLERK);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(csv.headers().firstValue("Content-Disposition")).get().asString().contains("attachment");
        assertThat(text).startsWith("\uFEFF連番,日時").contains("MEMBERS_IMPORTED").contains("資格者名簿の更新");
    }

    @Test
    void rosterDownloadHoldsTheDaysReservations() throws Exception {
        LocalDate day = LocalDate.now(engine.clock()).plusDays(40);
        Slot slot = engine.schedule().addSlot(new SlotSpec(Venue.of("名簿会場"), "名簿クリニック", day, LocalTime.of(13, 0),
                Duration.ofMinutes(30), 5, engine.clock().instant().minus(Duration.ofDays(1))));
        Reservation r = engine.staff().book(new StaffId(DemoData.STAFF_ADMIN), "名簿の試験",
                BookingRequest.of(MemberId.of("1888888-01"), slot.id(), "090-3333-4444", true), ReceptionClosing.ENFORCED);
        HttpBrowser b = new HttpBrowser(port);
        StaffConsoleTest.staffLogin(b, DemoData.STAFF_CLERK, DemoData.STAFF_CLERK_PASSWORD);
        Document form = b.get("/staff/roster");
        assertThat(form.select("form[action$=/staff/roster.csv] select#encoding option")).hasSize(2);
        HttpResponse<byte[]> csv = b.download("/staff/roster.csv?date=" + day + "&venue=&encoding=UTF_8_BOM");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).get().asString().contains("attachment")
                .contains("roster-" + day);
        String[] lines = new String(csv.body(), StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("\uFEFF予約ID,受診日,開始時刻,会場,健診機関,記号番号");
        assertThat(lines[1]).startsWith(r.id().value() + ",").contains("名簿会場").contains("1888888").contains("梅田 うめ");
    }

    @Test
    void slotWorkAndAnEventDayCancelledAfterItsPreview() throws Exception {
        LocalDate day = LocalDate.now(engine.clock()).plusDays(50);
        HttpBrowser b = new HttpBrowser(port);
        StaffConsoleTest.staffLogin(b, DemoData.STAFF_CLERK, DemoData.STAFF_CLERK_PASSWORD);
        Document add = b.get("/staff/slots/new");
        Map<String, String> spec = Map.of("venue", "中止会場", "institution", "中止クリニック", "date", day.toString(),
                "start", "09:00", "duration", "30", "capacity", "1", "receptionOpens", "2020-01-01T09:00",
                "reason", "臨時枠");
        Document slotPage = b.submit(add.selectFirst("main form"), spec);
        assertThat(b.path()).startsWith("/staff/slots/");
        long id = Long.parseLong(b.path().substring("/staff/slots/".length()));
        assertThat(slotPage.select("dl").text()).contains("1 名 / 0 名 / 残り 1 名").contains("受付中");

        engine.staff().book(new StaffId(DemoData.STAFF_ADMIN), "試験", BookingRequest.of(MemberId.of("1888888-02"),
                io.github.kenshinbooking.schedule.SlotId.of(id), "090-5555-6666", true), ReceptionClosing.ENFORCED);
        // capacity never below the places taken: the bundle's text at the field
        Document below = b.submit(b.get("/staff/slots/" + id).selectFirst("form[action$=/capacity]"),
                Map.of("capacity", "0", "reason", "縮小"));
        assertThat(below.select("#capacity-error").text()).isNotBlank();
        Document raised = b.submit(below.selectFirst("form[action$=/capacity]"), Map.of("capacity", "3", "reason", "増枠"));
        assertThat(raised.select("dl").text()).contains("3 名 / 1 名 / 残り 2 名");
        Document closed = b.submit(raised.selectFirst("form[action$=/close]"), Map.of("reason", "医師不足"));
        assertThat(closed.select("dl").text()).contains("停止中");

        Document day1 = b.get("/staff/slots?date=" + day);
        assertThat(day1.select("tbody").text()).contains("中止会場").contains("停止中");
        Document preview = b.get(day1.selectFirst("a[href*=cancel-day]").attr("href"));
        assertThat(preview.select("tbody tr")).hasSize(1);
        assertThat(preview.select("tbody").text()).contains("1888888").contains("梅田 松男");
        Document done = b.submit(preview.selectFirst("main form"), Map.of("reason", "台風のため"));
        assertThat(done.select(".notice").text()).contains("キャンセルした予約 1 件");
        assertThat(engine.storage().reservations().findLiveBySlot(io.github.kenshinbooking.schedule.SlotId.of(id))).isEmpty();
    }

    @Test
    void anUndeliveredMailIsSentAgainNowWithAReason() throws Exception {
        java.time.Instant later = engine.clock().instant().plus(Duration.ofDays(1));
        engine.storage().unitOfWork().execute(() -> engine.storage().outbox().add(
                io.github.kenshinbooking.notification.Notification.of(
                        io.github.kenshinbooking.notification.NotificationKind.BOOKED, "nobody@example.jp", Map.of()),
                later));
        io.github.kenshinbooking.notification.OutboxEntry mail = engine.storage().outbox().pending().stream()
                .filter(e -> e.notification().recipient().equals("nobody@example.jp")).findFirst().orElseThrow();
        engine.storage().outbox().markFailed(mail.id(), later, "550 mailbox unavailable");

        HttpBrowser b = new HttpBrowser(port);
        StaffConsoleTest.staffLogin(b, DemoData.STAFF_CLERK, DemoData.STAFF_CLERK_PASSWORD);
        Document outbox = b.get("/staff/outbox");
        assertThat(outbox.select("tbody").text()).contains("nobody@example.jp").contains("550 mailbox unavailable");
        Document noReason = b.submit(outbox.selectFirst("form#retry"), Map.of("id", Long.toString(mail.id()),
                "reason", ""));
        assertThat(noReason.select("#reason-error").text()).isEqualTo("理由を正しくご入力ください。");
        b.submit(noReason.selectFirst("form#retry"), Map.of("id", Long.toString(mail.id()), "reason", "宛先を確認した"));
        assertThat(b.path()).isEqualTo("/staff/outbox");
        io.github.kenshinbooking.notification.OutboxEntry after = engine.storage().outbox().find(mail.id()).orElseThrow();
        assertThat(after.sent() || after.nextAttemptAt().isBefore(later)).isTrue();
        Document audit = b.get("/staff/audit?staffId=" + DemoData.STAFF_CLERK);
        assertThat(audit.select("tbody").text()).contains("MAIL_RETRIED").contains("宛先を確認した");
    }

    @Test
    void anAdministratorCreatesAndDisablesAStaffAccountWhoseSessionThenEnds() throws Exception {
        HttpBrowser admin = new HttpBrowser(port);
        StaffConsoleTest.staffLogin(admin, DemoData.STAFF_ADMIN, DemoData.STAFF_ADMIN_PASSWORD);
        Document accounts = admin.get("/staff/accounts");
        Document weak = admin.submit(accounts.selectFirst("main form"), Map.of("newStaffId", "temp", "displayName",
                "臨時 職員", "password", "short", "role", "STAFF", "reason", "繁忙期の応援"));
        assertThat(weak.select("#password-error").text()).isNotBlank();
        Document created = admin.submit(weak.selectFirst("main form"), Map.of("newStaffId", "temp", "displayName",
                "臨時 職員", "password", "temp2024x", "role", "STAFF", "reason", "繁忙期の応援"));
        assertThat(created.select(".notice").text()).contains("temp");

        HttpBrowser temp = new HttpBrowser(port);
        StaffConsoleTest.staffLogin(temp, "temp", "temp2024x");
        assertThat(temp.path()).isEqualTo("/staff/households");

        Document confirm = admin.get(created.selectFirst("a[href*=disable?id=temp]").attr("href"));
        Document disabled = admin.submit(confirm.selectFirst("main form"), Map.of("reason", "応援期間の終了"));
        assertThat(disabled.select("tbody").text()).contains("temp 臨時 職員 職員 無効");
        temp.get("/staff/households");
        assertThat(temp.path()).isEqualTo("/staff/login");
    }

    @Test
    void auditPagesContinueAfterTheLastRecordShownUntilTheEnd() throws Exception {
        SymbolNumber household = SymbolNumber.of("2555555");
        int total = StaffAuditController.PAGE + 5;
        Instant start = engine.clock().instant().minusSeconds(3600);
        List<Long> appended = new ArrayList<>();
        engine.storage().unitOfWork().execute(() -> {
            for (int i = 0; i < total; i++) {
                // two records a second: the order is by time, then by sequence
                engine.storage().audit().append(AuditRecord.of(start.plusSeconds(i / 2), AuditActor.household(household),
                        AuditChannel.WEB, AuditAction.LOGIN_ATTEMPT, AuditTarget.household(household), "", "試行 " + i));
            }
            return null;
        });
        HttpBrowser b = new HttpBrowser(port);
        StaffConsoleTest.staffLogin(b, DemoData.STAFF_ADMIN, DemoData.STAFF_ADMIN_PASSWORD);
        LocalDate today = LocalDate.now(engine.clock().withZone(engine.policy().zone()));

        Document first = b.get("/staff/audit?household=2555555&from=" + today.minusDays(1) + "&to=" + today);
        Document second = b.get(first.selectFirst("#next-page").attr("href"));

        assertThat(first.select("tbody tr")).hasSize(StaffAuditController.PAGE);
        assertThat(second.select("tbody tr")).hasSize(5);
        assertThat(second.selectFirst("#next-page")).isNull();
        List<String> shown = new ArrayList<>();
        for (Document page : List.of(first, second)) {
            page.select("tbody tr").forEach(tr -> shown.add(tr.select("td").get(7).text()));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            expected.add("試行 " + i);
        }
        assertThat(shown).containsExactlyElementsOf(expected);
    }
}
