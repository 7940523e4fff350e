package io.github.kenshinbooking.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.ReceptionClosing;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff console in a real browser (the system's Chromium): a phone booking past the booking deadline
 * (STAFF-2), a member import whose dry run lists line errors, then a clean file imported (DATA-3), and a
 * roster downloaded and read back (DATA-1); every console screen on the way checked by axe-core (WCAG 2.2
 * A/AA) and saved under {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kenshin.outbox.interval=200ms", "spring.datasource.url=jdbc:h2:mem:staff-browser;DB_CLOSE_DELAY=-1"})
class StaffBrowserTest {
    private static final Path DOWNLOADS = Path.of("target", "staff-downloads").toAbsolutePath();
    private static WebDriver driver;

    @LocalServerPort int port;
    @Autowired KenshinBooking engine;

    @BeforeAll
    static void startBrowser() throws Exception {
        Files.createDirectories(DOWNLOADS);
        driver = Chromium.start(DOWNLOADS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void phoneBookingPastTheDeadlineThenAMemberImportThenTheRoster() throws Exception {
        LocalDate soon = LocalDate.now(engine.clock()).plusDays(6);
        Slot late = engine.schedule().addSlot(new SlotSpec(Venue.of("電話予約会場"), "新橋健診センター", soon,
                LocalTime.of(10, 0), Duration.ofMinutes(30), 4, engine.clock().instant().minus(Duration.ofDays(20))));

        open("/staff/households");
        assertThat(driver.getCurrentUrl()).contains("/staff/login");
        check("s01-staff-login");
        type("staffId", DemoData.STAFF_ADMIN);
        type("password", DemoData.STAFF_ADMIN_PASSWORD);
        click("main button[type=submit]");
        assertThat(driver.getCurrentUrl()).endsWith("/staff/households");
        check("s02-households");
        type("q", DemoData.KENSETSU);
        click("main button[type=submit]");
        assertThat(driver.getCurrentUrl()).endsWith("/staff/households/" + DemoData.KENSETSU);
        check("s03-household");

        // 電話予約 for 建設 花子 on a slot whose booking deadline has passed
        click("main a[href*='member=1999999-02']");
        check("s04-book-pick-date");
        setDate("pick-date", soon);
        click("main form[method=get] button");
        driver.findElement(By.id("slot-" + late.id().value())).click();
        assertThat(driver.findElement(By.id("slot-" + late.id().value())).findElement(By.xpath("ancestor::tr"))
                .getText()).contains("受付締切後");
        type("phone", "03-1234-5678");
        driver.findElement(By.id("acceptTerms")).click();
        type("reason", "本人より電話、締切後のため課長承認");
        click("main form[method=post] button.primary");
        assertThat(text(".field-error, .error-summary")).contains("申込み締切日を過ぎた日程はご予約いただけません。");
        check("s05-book-refused");
        driver.findElement(By.id("override")).click();
        click("main form[method=post] button.primary");
        assertThat(driver.getCurrentUrl()).endsWith("/staff/households/" + DemoData.KENSETSU);
        assertThat(text(".notice")).contains("建設 花子 さんの予約を受け付けました");
        assertThat(text("main")).contains("電話予約会場");
        check("s06-household-booked");
        click("main a[href$='/cancel']");
        check("s07-cancel-confirm");
        open("/staff/reservations/" + firstReservation() + "/change?date=" + soon);
        check("s08-change");

        // a member import: the dry run lists the bad lines, then a corrected file goes in
        open("/staff/imports");
        check("s09-imports");
        Path bad = DOWNLOADS.resolve("members-bad.csv");
        Files.writeString(bad, StaffBackOfficeTest.MEMBERS_HEADER
                + "2666666,2666666-00,ｱｵｷ ﾀｶｼ,青木 隆,1970/4/31,男,2001/4/1,,1\r\n"
                + "2666666,2666666-01,ｱｵｷ ﾕｶ,青木 由香,1972/5/5,女,2001/4/1,,2\r\n", StandardCharsets.UTF_8);
        importMembers(bad, "dry");
        List<WebElement> rows = driver.findElements(By.cssSelector("#line-errors tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).startsWith("2 生年月日");
        assertThat(rows.get(1).getText()).startsWith("3 代表者");
        check("s10-import-errors");
        Path good = DOWNLOADS.resolve("members-good.csv");
        Files.writeString(good, Files.readString(bad).replace("1970/4/31", "1970/4/30").replace(",,2\r\n", ",,0\r\n"),
                StandardCharsets.UTF_8);
        importMembers(good, "dry");
        assertThat(text("#result")).contains("誤りはありません");
        importMembers(good, "apply");
        assertThat(text("#result")).contains("取り込みました").contains("追加 1 件");
        check("s11-import-done");
        assertThat(engine.directory().find(io.github.kenshinbooking.household.SymbolNumber.of("2666666"))).isPresent();

        // the roster of the day, downloaded by the browser and read back
        open("/staff/roster");
        check("s12-roster");
        setDate("date", soon);
        type("venue", "電話予約会場");
        try (Stream<Path> old = Files.list(DOWNLOADS)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("roster-")).toList()) {
                Files.delete(p);
            }
        }
        driver.findElement(By.cssSelector("main button.primary")).click(); // a download: the page stays
        Path roster = awaitDownload("roster-" + soon);
        String[] lines = Files.readString(roster, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("\uFEFF予約ID,受診日,開始時刻,会場");
        assertThat(lines[1]).contains("電話予約会場").contains("1999999").contains("建設 花子")
                .endsWith(",0312345678,特定健診,,default,"); // the phone, then the default course without tests

        // the other console screens, each under axe
        open("/staff/slots?date=" + soon);
        check("s13-slots");
        open("/staff/slots/" + late.id().value());
        check("s14-slot");
        open("/staff/slots/new");
        check("s15-slot-new");
        open("/staff/slots/cancel-day?venue=" + java.net.URLEncoder.encode("電話予約会場", StandardCharsets.UTF_8)
                + "&date=" + soon);
        assertThat(text("main tbody")).contains("建設 花子");
        check("s16-cancel-day-preview");
        open("/staff/audit?staffId=" + DemoData.STAFF_ADMIN);
        assertThat(text("main tbody")).contains("BOOKED").contains("MEMBERS_IMPORTED");
        check("s17-audit");
        open("/staff/outbox");
        check("s18-outbox");
        open("/staff/accounts");
        check("s19-accounts");
        click("main a[href*='disable?id=']");
        check("s20-account-disable");
    }

    private long firstReservation() {
        Reservation r = engine.storage().reservations().findByMember(MemberId.of("1999999-02")).get(0);
        return r.id().value();
    }

    private void importMembers(Path file, String mode) {
        WebElement form = driver.findElement(By.cssSelector("form[action$='/staff/imports/members']"));
        form.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
        WebElement reason = form.findElement(By.tagName("textarea"));
        reason.clear();
        reason.sendKeys("資格者名簿(4月分)");
        Chromium.click(driver, By.cssSelector("form[action$='/staff/imports/members'] button[value=" + mode + "]"));
    }

    private static Path awaitDownload(String prefix) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            try (Stream<Path> files = Files.list(DOWNLOADS)) {
                List<Path> done = files.filter(p -> p.getFileName().toString().startsWith(prefix)
                        && p.getFileName().toString().endsWith(".csv")).toList();
                if (!done.isEmpty()) {
                    return done.get(0);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no download " + prefix);
    }

    /** Sets a date field (its keyboard entry follows the browser's locale, which a test should not depend on). */
    private void setDate(String id, LocalDate d) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]",
                driver.findElement(By.id(id)), d.toString());
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private void type(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private void click(String css) {
        Chromium.click(driver, By.cssSelector(css));
    }

    private String text(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText)
                .reduce("", (a, b) -> a + " " + b);
    }

    private void check(String screen) throws Exception {
        Chromium.check(driver, screen);
    }
}
