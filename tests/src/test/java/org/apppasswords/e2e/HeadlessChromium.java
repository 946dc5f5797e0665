package org.apppasswords.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Debian Chromium per test class, driven through Debian's {@code chromedriver}
 * (both installed by {@code scripts/ensure-chromium}, which {@code scripts/test-all} runs). The
 * system binaries are named explicitly so that Selenium Manager never looks for a browser on the
 * network. The window is 1000x800, so that screenshots stay small and alike from run to run.
 */
final class HeadlessChromium implements BeforeAllCallback, AfterAllCallback {
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final Path DOWNLOADS = Paths.get("target", "downloads");
    // The paths scripts/ensure-chromium checks and installs (Debian's chromium and chromium-driver).
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private ChromeDriver driver;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (!Files.isExecutable(Paths.get(CHROMIUM)) || !Files.isExecutable(Paths.get(CHROMEDRIVER))) {
            throw new IllegalStateException("chromium and chromedriver are not installed: run scripts/ensure-chromium (scripts/test-all does)");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        System.setProperty("SE_AVOID_STATS", "true");
        // A file left by an earlier run would make Chromium save the next one under another name.
        if (Files.isDirectory(DOWNLOADS)) {
            try (Stream<Path> files = Files.list(DOWNLOADS)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(DOWNLOADS);
        ChromeOptions options = new ChromeOptions()
            .setBinary(CHROMIUM)
            // The suite runs as root in CI, where Chromium's sandbox cannot start.
            .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1000,800",
                "--lang=en-US", "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toAbsolutePath().toString(),
            "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(Paths.get(CHROMEDRIVER).toFile())
            .usingAnyFreePort()
            .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1000, 800));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
    }

    /** Where the browser saves downloads. */
    Path downloads() {
        return DOWNLOADS;
    }

    WebDriver driver() {
        return driver;
    }

    /** Scrolls the element {@code id} to the middle of the window, then saves it as {@code target/screenshots/NAME.png}. */
    Path screenshot(String name, String id) throws IOException {
        driver.executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'center'});", id);
        return screenshot(name);
    }

    /** Saves what the window shows as {@code target/screenshots/NAME.png}. */
    Path screenshot(String name) throws IOException {
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
