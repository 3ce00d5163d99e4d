package io.cmeautopilot.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the console's tests: Debian's headless Chromium driven by its chromedriver (never
 * a downloaded one). Without them the browser tests are skipped, unless {@code CME_BROWSER_TESTS=required}
 * (CI sets it after installing them), where a missing browser fails the run.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    static final Duration WAIT = Duration.ofSeconds(20);

    final WebDriver driver;
    final String base;
    private final Path profile;

    private Browser(WebDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base.replaceAll("/$", "");
        this.profile = profile;
    }

    /** Opens a browser, or skips the test when Chromium is not installed and browser tests are optional. */
    public static Browser open(String baseUrl) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!"required".equals(System.getenv("CME_BROWSER_TESTS"))) {
            Assumptions.assumeTrue(present, "browser tests need chromium and chromium-driver (apt-get install -y "
                    + "chromium chromium-driver); skipped");
        }
        try {
            Path profile = Files.createTempDirectory("cme-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=en-GB");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(1400, 1000));
            return new Browser(driver, baseUrl, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void go(String path) {
        driver.get(base + path);
    }

    public String path() {
        return driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    }

    public WebElement find(String css) {
        return until(d -> d.findElement(By.cssSelector(css)));
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** The text of an element once it is there. */
    public String text(String css) {
        return find(css).getText();
    }

    /** A PNG of the page: kept in target/screenshots, and in docs/screenshots with -Dconsole.screenshots=docs. */
    public void screenshot(String name) {
        byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, png);
            if ("docs".equals(System.getProperty("console.screenshots"))) {
                Path docs = Path.of("docs", "screenshots", name + ".png");
                Files.createDirectories(docs.getParent());
                Files.write(docs, png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile; the OS cleans it up
        }
    }
}
