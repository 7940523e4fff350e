package io.github.kenshinbooking.web;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Parts I–III of the manual in a real browser (the system's Chromium and ChromeDriver): the first login and a
 * booking by keyboard only (Tab to each field, type, Enter or Space to act); then a change, a cancel and the
 * mails they send, a forgotten password through the mailed link, and a phone-sized screen. axe-core (the packaged copy in {@code com.deque.html.axe-core:selenium})
 * checks every screen on the way against WCAG 2.2 A/AA, and each screen is saved under
 * {@code target/screenshots}. Without {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} the test
 * skips with that reason, unless {@code CI} is set: then it fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kenshin.outbox.interval=200ms", "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1"})
class BrowserTest {
    private static WebDriver driver;

    @LocalServerPort int port;
    @Autowired GreenMail mailServer;

    @BeforeAll
    static void startBrowser() {
        driver = Chromium.start(null);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void firstLoginAndABookingByKeyboardOnlyWithEveryScreenAccessible() throws Exception {
        open("/login");
        check("01-login");
        typeInto("symbolNumber", "1999999");
        typeInto("kana", "ｹﾝｾﾂ ﾀﾛｳ");
        typeInto("password", "kenren19600210");
        active().sendKeys(Keys.ENTER);
        assertThat(driver.getCurrentUrl()).endsWith("/first/member");
        check("02-first-member");
        pressOn(By.cssSelector("main button[type=submit]"));
        assertThat(driver.getCurrentUrl()).endsWith("/first/password");
        check("03-first-password");
        typeInto("newPassword", "sakura2024");
        typeInto("confirm", "sakura2024");
        active().sendKeys(Keys.ENTER);
        check("04-first-email");
        typeInto("email", "taro@example.jp");
        typeInto("confirm", "taro@example.jp");
        active().sendKeys(Keys.ENTER);
        check("05-first-done");
        pressOn(By.cssSelector("main a.button"));
        check("06-members");
        pressOn(By.cssSelector("main button.primary"));
        assertThat(driver.getCurrentUrl()).contains("/m/1999999-01/calendar");
        check("07-calendar");
        pressOn(By.cssSelector("table.calendar a"));
        check("08-slot-times");
        pressOn(By.cssSelector("main a[href*='/book?slot=']"));
        check("09-book-input");
        typeInto("phone", "090-1234-5678");
        focus(By.id("acceptTerms"));
        active().sendKeys(Keys.SPACE);
        assertThat(driver.findElement(By.id("acceptTerms")).isSelected()).isTrue();
        pressOn(By.cssSelector("main button.primary"));
        check("10-book-confirm");
        pressOn(By.cssSelector("main button.primary"));
        check("11-book-done");
        assertThat(driver.findElement(By.id("reservation-id")).getText()).matches("\\d+");
        open("/m/1999999-01/history");
        check("12-history");
        pressOn(By.cssSelector("main a[href*='/reservations/']"));
        check("13-reservation");
        open("/m/1999999-01/calendar?view=list");
        check("14-calendar-list");
        open("/m/1999999-01/mypage");
        check("15-mypage");
        open("/password-reminder");
        check("16-password-reminder");
    }

    @Test
    void changeCancelTheMailsAndAForgottenPasswordThenAPhoneScreen() throws Exception {
        open("/login");
        typeInto("symbolNumber", DemoData.UMEDA);
        typeInto("kana", DemoData.UMEDA_KANA);
        typeInto("password", DemoData.UMEDA_PASSWORD);
        active().sendKeys(Keys.ENTER);
        assertThat(driver.getCurrentUrl()).endsWith("/members");
        open("/m/1888888-01/calendar");
        click("table.calendar a");
        click("main a[href*='/book?slot=']");
        driver.findElement(By.id("phone")).sendKeys("06-1234-5678");
        click("#acceptTerms");
        click("main button.primary");
        click("main button.primary");
        String booked = driver.findElement(By.id("reservation-id")).getText();
        assertThat(awaitMail(DemoData.UMEDA_EMAIL, booked, 1)).isTrue();

        // 予約変更: details → カレンダーから日時を選択する → another time → 確認 → 完了
        open("/m/1888888-01/reservations/" + booked);
        click("main a[href$='/change']");
        check("17-change-input");
        click("main a[href*='change=']");
        click("table.calendar a");
        check("18-change-slot-times");
        List<WebElement> times = driver.findElements(By.cssSelector("main a[href*='/change?slot=']"));
        Chromium.click(driver, times.get(times.size() - 1));
        click("main button.primary");
        check("19-change-confirm");
        click("main button.primary");
        check("20-change-done");
        Matcher changed = Pattern.compile("/reservations/(\\d+)/changed").matcher(driver.getCurrentUrl());
        assertThat(changed.find()).isTrue();
        assertThat(awaitMail(DemoData.UMEDA_EMAIL, changed.group(1), 2)).isTrue();

        // 予約キャンセル: はい → 完了
        open("/m/1888888-01/reservations/" + changed.group(1) + "/cancel");
        check("21-cancel-confirm");
        click("main button.primary");
        check("22-cancel-done");
        assertThat(awaitMail(DemoData.UMEDA_EMAIL, changed.group(1), 3)).isTrue();
        click("header form[action$='/logout'] button");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));

        // パスワードリマインダー → the mailed link (one hour) → a new password → login with it
        open("/password-reminder");
        driver.findElement(By.id("email")).sendKeys(DemoData.UMEDA_EMAIL);
        click("main button.primary");
        check("23-reminder-sent");
        Matcher link = Pattern.compile("(/password-reset\\?token=[A-Za-z0-9_-]+)")
                .matcher(awaitMailText(DemoData.UMEDA_EMAIL, "password-reset?token="));
        assertThat(link.find()).isTrue();
        open(link.group(1));
        check("24-reset");
        driver.findElement(By.id("symbolNumber")).sendKeys(DemoData.UMEDA);
        driver.findElement(By.id("kana")).sendKeys(DemoData.UMEDA_KANA);
        driver.findElement(By.id("newPassword")).sendKeys("momo2025x");
        driver.findElement(By.id("confirm")).sendKeys("momo2025x");
        click("main button.primary");
        check("25-reset-done");
        open("/login");
        driver.findElement(By.id("symbolNumber")).sendKeys(DemoData.UMEDA);
        driver.findElement(By.id("kana")).sendKeys(DemoData.UMEDA_KANA);
        driver.findElement(By.id("password")).sendKeys("momo2025x");
        click("main button.primary");
        assertThat(driver.getCurrentUrl()).endsWith("/members");

        // a phone's screen: nothing wider than the screen, and still accessible
        Dimension desktop = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(390, 844));
            for (String[] screen : new String[][] {{"/m/1888888-01/calendar", "26-phone-calendar"},
                    {"/m/1888888-01/calendar?view=list", "27-phone-calendar-list"}, {"/m/1888888-01/history", "28-phone-history"}}) {
                open(screen[0]);
                check(screen[1]);
                Object overflow = ((JavascriptExecutor) driver).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(((Number) overflow).intValue()).as(screen[1] + ": wider than the screen by").isLessThanOrEqualTo(0);
            }
        } finally {
            driver.manage().window().setSize(desktop);
        }
    }

    private void click(String css) {
        Chromium.click(driver, By.cssSelector(css));
    }

    /** Waits until {@code count} mails to {@code to} name the reservation. */
    private boolean awaitMail(String to, String reservationId, int count) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            int found = 0;
            for (MimeMessage m : mailServer.getReceivedMessages()) {
                if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(to))
                        && String.valueOf(m.getContent()).contains(reservationId)) {
                    found++;
                }
            }
            if (found >= count) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private String awaitMailText(String to, String text) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            for (MimeMessage m : mailServer.getReceivedMessages()) {
                String body = String.valueOf(m.getContent());
                if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(to)) && body.contains(text)) {
                    return body;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + to + " with " + text);
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    /** Tabs from the top of the page to the element, as a keyboard user gets there. */
    private void focus(By target) {
        WebElement element = driver.findElement(target);
        driver.findElement(By.tagName("body")).click();
        new Actions(driver).moveToLocation(0, 0).perform();
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.activeElement.blur()");
        for (int i = 0; i < 60 && !element.equals(active()); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        assertThat(active()).as("reachable by Tab: " + target).isEqualTo(element);
    }

    private void typeInto(String id, String text) {
        focus(By.id(id));
        active().sendKeys(text);
    }

    private void pressOn(By target) {
        focus(target);
        active().sendKeys(Keys.ENTER);
    }

    private WebElement active() {
        return driver.switchTo().activeElement();
    }

    private void check(String screen) throws Exception {
        Chromium.check(driver, screen);
    }
}
