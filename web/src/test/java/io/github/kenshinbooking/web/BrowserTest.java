package io.github.kenshinbooking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Part I of the manual in a real browser (the system's Chromium and ChromeDriver), by keyboard only: Tab to
 * each field, type, Enter or Space to act. axe-core (the packaged copy in {@code com.deque.html.axe-core:selenium})
 * checks every screen on the way against WCAG 2.2 A/AA, and each screen is saved under
 * {@code target/screenshots}. Without {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} the test
 * skips with that reason, unless {@code CI} is set: then it fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kenshin.outbox.interval=200ms", "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1"})
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a",
            "wcag22aa");
    private static WebDriver driver;

    @LocalServerPort int port;

    @BeforeAll
    static void startBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") != null) {
            assertThat(present).as("CI is set: Chromium and ChromeDriver must be installed (apt-get install chromium "
                    + "chromium-driver)").isTrue();
        }
        assumeTrue(present, "browser tests skipped: /usr/bin/chromium and /usr/bin/chromedriver not installed "
                + "(Debian packages chromium, chromium-driver)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--lang=ja");
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
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
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, dir.resolve(screen + ".png"), StandardCopyOption.REPLACE_EXISTING);
        Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(driver);
        List<Rule> violations = results.getViolations();
        assertThat(violations).as(screen + ": " + violations.stream()
                .map(v -> v.getId() + " " + v.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "))).isEmpty();
    }
}
