package io.github.kenshinbooking.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.KenshinBooking;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Courses, optional tests and the waiting list in a real browser (the system's Chromium and ChromeDriver): a
 * booking with a course and tests, then joining the full demo slot's waiting list, the holder's cancel, the offer
 * and its acceptance. axe-core checks each new screen against WCAG 2.2 A/AA, and each is saved under
 * {@code target/screenshots} ({@code w01} to {@code w10}). The scheduled waiting-list job is off: the test runs it.
 * Skips without Chromium as {@link BrowserTest} does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kenshin.outbox.interval=200ms", "kenshin.waiting-list.enabled=false",
                "spring.datasource.url=jdbc:h2:mem:browser-waiting;DB_CLOSE_DELAY=-1"})
class CoursesAndWaitingListBrowserTest {
    private static WebDriver driver;

    @LocalServerPort int port;
    @Autowired KenshinBooking engine;

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
    void aBookingWithTestsThenAnOfferAcceptedWithEveryNewScreenAccessible() throws Exception {
        login(DemoData.UMEDA, DemoData.UMEDA_KANA, DemoData.UMEDA_PASSWORD);

        // 梅田 うめ books the set with 大腸がん and マンモグラフィ
        open("/m/1888888-01/day/" + DemoData.optionsDate(engine));
        check("w01-day-options");
        assertThat(driver.findElement(By.cssSelector("main .option-places")).getText()).contains("マンモグラフィ 残り4名");
        click("main a[href*='/book?slot=']");
        check("w02-book-input-options");
        click("#course-cancer-set");
        click("#options-colon");
        click("#options-mammography");
        driver.findElement(By.id("phone")).sendKeys("06-1234-5678");
        click("#acceptTerms");
        click("main button.primary");
        check("w03-book-confirm-options");
        assertThat(driver.findElement(By.id("chosen-course")).getText()).isEqualTo("特定健診＋がん検診セット");
        assertThat(driver.findElement(By.id("chosen-options")).getText()).isEqualTo("大腸がん、マンモグラフィ");
        click("main button.primary");
        check("w04-book-done-options");
        assertThat(driver.findElement(By.id("options")).getText()).isEqualTo("大腸がん、マンモグラフィ");

        // 梅田 松男 joins the full slot's waiting list
        open("/m/1888888-02/day/" + DemoData.fullSlotDate(engine));
        check("w05-day-full");
        click("main a.waiting-join");
        check("w06-waiting-join");
        driver.findElement(By.id("phone")).sendKeys("06-1234-5678");
        click("#acceptTerms");
        click("main button.primary");
        check("w07-waiting");
        assertThat(driver.findElement(By.cssSelector("main tbody td.state")).getText()).isEqualTo("待機中");
        logout();

        // the holder cancels; the job offers the place to 松男
        login(DemoData.MACHIDA, DemoData.MACHIDA_KANA, DemoData.MACHIDA_PASSWORD);
        open("/m/1777777-01/history");
        click("main a[href*='/reservations/']");
        click("main a[href$='/cancel']");
        click("main button.primary");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("予約キャンセルが完了しました。");
        logout();
        engine.waitingList().expireAndOffer();

        // 松男 accepts: the usual completion page with a 予約ID; the history shows the entry booked
        login(DemoData.UMEDA, DemoData.UMEDA_KANA, DemoData.UMEDA_PASSWORD);
        open("/m/1888888-02/waiting");
        check("w08-waiting-offered");
        assertThat(driver.findElement(By.cssSelector("main tbody td.state")).getText()).startsWith("ご案内中（確保期限 ");
        click("main button.accept");
        check("w09-offer-accepted");
        assertThat(driver.findElement(By.id("reservation-id")).getText()).matches("\\d+");
        open("/m/1888888-02/history");
        check("w10-history-waiting");
        List<WebElement> states = driver.findElements(By.cssSelector("#waiting-history tbody td:nth-child(4)"));
        assertThat(states).extracting(WebElement::getText).containsExactly("予約済");
    }

    private void login(String symbol, String kana, String password) {
        open("/login");
        driver.findElement(By.id("symbolNumber")).sendKeys(symbol);
        driver.findElement(By.id("kana")).sendKeys(kana);
        driver.findElement(By.id("password")).sendKeys(password);
        click("main button.primary");
        assertThat(driver.getCurrentUrl()).endsWith("/members");
    }

    private void logout() {
        click("header form[action$='/logout'] button");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
    }

    private void click(String css) {
        Chromium.click(driver, By.cssSelector(css));
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private void check(String screen) throws Exception {
        Chromium.check(driver, screen);
    }
}
