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
import java.util.Map;
import java.util.stream.Collectors;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser tests' Chromium: the system's Chromium and ChromeDriver, headless, in Japanese; without them a
 * test skips with that reason, unless {@code CI} is set: then it fails. {@link #check} saves a screenshot
 * under {@code target/screenshots} and holds the page to axe-core's WCAG 2.2 A/AA rules.
 */
final class Chromium {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a",
            "wcag22aa");

    private Chromium() {
    }

    /**
     * @param downloads where downloaded files go, or {@code null} for the default
     * @return a headless browser
     */
    static WebDriver start(Path downloads) {
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
        if (downloads != null) {
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath()
                    .toString(), "download.prompt_for_download", false));
        }
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
    }

    /**
     * Clicks; a link or a button (which load a page) waits until the new page has replaced this one, so
     * the next step never reads the old page on a busy machine.
     */
    static void click(WebDriver driver, By target) {
        click(driver, driver.findElement(target));
    }

    /** {@link #click(WebDriver, By)} on an element found already. */
    static void click(WebDriver driver, WebElement element) {
        boolean loads = List.of("a", "button").contains(element.getTagName());
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        if (loads) {
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> replaced(page));
        }
    }

    /**
     * Whether the page's root is gone. ChromeDriver may answer an element of a document being replaced with
     * "Node with given id does not belong to the document" instead of a stale reference: also gone.
     */
    private static boolean replaced(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (StaleElementReferenceException | NoSuchElementException gone) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Saves the screen and asserts that axe finds no WCAG 2.2 A/AA violation on it. */
    static void check(WebDriver driver, String screen) throws Exception {
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
