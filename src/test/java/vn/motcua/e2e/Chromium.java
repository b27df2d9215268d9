package vn.motcua.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and ChromeDriver, given explicitly so that Selenium never downloads anything. Missing
 * on a developer's machine: the test is skipped with what to install; with CI=true it fails.
 */
public final class Chromium {
    static final String BROWSER = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    private Chromium() { }

    /** What a user does in the browser: sign in, open an address of the application, click. */
    public record Steps(ChromeDriver browser, org.openqa.selenium.support.ui.WebDriverWait waiting, int port) {

        /** Signs in through the login page (password {@code demo}), as a fresh visitor. */
        public void signIn(String user) {
            browser.manage().deleteAllCookies();
            open("login");
            waiting.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                    org.openqa.selenium.By.cssSelector("input[name='username']"))).sendKeys(user);
            browser.findElement(org.openqa.selenium.By.cssSelector("input[name='password']"))
                    .sendKeys("demo" + org.openqa.selenium.Keys.ENTER);
            waiting.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                    org.openqa.selenium.By.id("current-user")));
        }

        /** Opens a path of the application and waits for Vaadin to draw it. */
        public void open(String path) {
            browser.get("http://localhost:" + port + "/" + path);
            waiting.until(d -> ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "return !!window.Vaadin && !!document.querySelector('vaadin-app-layout, vaadin-login-form')"));
        }

        /** Clicks an element after scrolling it into the middle of the window. */
        public void click(org.openqa.selenium.WebElement element) {
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            element.click();
        }
    }

    /** A browser and the fresh profile directory it uses, deleted by {@link #quit}. */
    public record Session(ChromeDriver driver, Path profile) { }

    public static Session start() throws IOException {
        boolean present = new File(BROWSER).canExecute() && new File(DRIVER).canExecute();
        if (!present) {
            String message = "Chromium not found (" + BROWSER + ", " + DRIVER + "): install Debian's chromium and "
                    + "chromium-driver (apt-get install chromium chromium-driver) to run the browser tests";
            if ("true".equals(System.getenv("CI"))) throw new IllegalStateException(message);
            Assumptions.abort(message);
        }
        Path profile = Files.createTempDirectory("motcua-chromium-");
        var options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=vi-VN",
                "--user-data-dir=" + profile.toAbsolutePath());
        // the browser's console (Content-Security-Policy refusals among others), for the tests that read it
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return new Session(driver, profile);
    }

    /**
     * Keeps a picture of the last screen in {@code target/e2e/<name>.png} for whoever reads the build, then quits the
     * browser and deletes its profile.
     */
    public static void quit(Session session, String name) throws IOException {
        try {
            Path shot = Path.of("target", "e2e", name + ".png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, session.driver().getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } finally {
            quit(session);
        }
    }

    /** Quits the browser and deletes its profile. */
    public static void quit(Session session) {
        try {
            session.driver().quit();
        } finally {
            try (var walk = Files.walk(session.profile())) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // best effort: the profile lives under the temp directory
            }
        }
    }
}
