package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.ReceiveDossier;

/**
 * Phone first: in Chromium 360 and 390 CSS pixels wide, the citizen's pages — the header and its menu, the catalogue, a
 * procedure's page with its "Nộp hồ sơ" button, the submission form, their dossiers, one dossier, the tracking page
 * opened from the receipt's QR code without an account, and the rating — scroll only up and down (the page is never
 * wider than the window) and the header keeps to one line. A picture of each page is kept in
 * {@code target/e2e/phone-<width>-*.png}.
 */
@MotCuaTest
class PhoneBrowserTest {
    /** The phone's width in CSS pixels (an iPhone 12–15; Android phones are 360–412). */
    static final int WIDTH = 390;
    /** The narrowest phones the pages are built for (many Android phones). */
    static final int NARROWEST = 360;
    /** One line of header: the app layout's navbar is 56 px or so; two lines would be twice that. */
    static final int ONE_LINE = 64;

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired vn.motcua.attachment.StagedUploadService staged;
    Chromium.Session session;
    ChromeDriver browser;
    WebDriverWait wait;
    private final List<String> wrong = new ArrayList<>();
    /** The width of this run, in CSS pixels. */
    private int width;

    @BeforeEach
    void start() throws Exception {
        session = Chromium.start();
        browser = session.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(40));
    }

    @AfterEach
    void stop() throws Exception {
        users.signOut();
        if (session != null) Chromium.quit(session);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} px")
    @org.junit.jupiter.params.provider.ValueSource(ints = {NARROWEST, WIDTH})
    void theCitizensPagesFitAPhoneWithoutSidewaysScrolling(int width) throws Exception {
        this.width = width;
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 844, "deviceScaleFactor", 1, "mobile", false));
        String accepted;
        String refused;
        try {
            users.signInAs("citizen");
            accepted = submit("0987654321");
            refused = submit("0987654321");
            users.signInAs("clerk");
            dossiers.act(accepted, DossierAction.ACCEPT, null);
            dossiers.act(refused, DossierAction.REFUSE, "Thiếu bản chính giấy chứng sinh");
        } finally {
            users.signOut();
        }

        // Without an account: the catalogue, a procedure, and the tracking page the receipt's QR code opens
        open("procedures");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("procedure-grid")));
        check("catalogue");
        open("procedures/" + BirthRegistrationSample.PROCEDURE);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("procedure-submit")));
        check("procedure");
        assertThat(browser.findElement(By.id("procedure-submit")).getText()).isEqualTo("Nộp hồ sơ");
        // the receipt's QR code opens the page with the code filled in; the applicant adds the last digits of their phone
        open("tra-cuu?ma=" + accepted);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tracking-key input"))).sendKeys("4321");
        steps().click(browser.findElement(By.id("tracking-search")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tracking-stage")));
        assertThat(browser.findElement(By.id("tracking-stage")).getText()).isIn("Bộ phận Một cửa đã tiếp nhận", "Đang giải quyết");
        check("tracking-qr");
        open("tra-cuu?ma=" + refused + "&khoa=4321");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tracking-rating")));
        check("tracking-rating");

        // The procedure's "Nộp hồ sơ" leads a visitor through the sign-in to the submission form of that procedure
        open("procedures/" + BirthRegistrationSample.PROCEDURE);
        steps().click(wait.until(ExpectedConditions.elementToBeClickable(By.id("procedure-submit"))));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']"))).sendKeys("citizen");
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys("demo" + org.openqa.selenium.Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-childFullName")));
        assertThat(browser.getCurrentUrl()).contains("submit");
        check("submit");

        // Signed in: the menu, their dossiers, one dossier, the rating of an ended one
        open("ho-so-cua-toi");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mine-" + accepted)));
        check("my-dossiers");
        browser.findElement(By.cssSelector("vaadin-drawer-toggle")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("main-menu")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("language-switch-menu")));
        check("menu");
        open("ho-so-cua-toi/" + accepted);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mine-steps")));
        check("my-dossier");
        open("ho-so-cua-toi/" + refused);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mine-rating")));
        check("my-dossier-rating");

        assertThat(wrong).as("pages wider than a %d px phone, or a header of more than one line", width).isEmpty();
    }

    /** Keeps a picture of the page and notes whether it is wider than the window or its header wraps. */
    private void check(String name) throws Exception {
        Thread.sleep(400); // let Vaadin lay the page out (web components upgrade after the first paint)
        Path shot = Path.of("target", "e2e", "phone-" + width + "-" + name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        var js = (JavascriptExecutor) browser;
        long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long innerWidth = ((Number) js.executeScript("return window.innerWidth")).longValue();
        if (scrollWidth > innerWidth) wrong.add(name + ": the page is " + scrollWidth + " px wide in a " + innerWidth + " px window");
        Number header = (Number) js.executeScript(
                "var h = document.querySelector('.app-header'); return h ? h.getBoundingClientRect().height : 0");
        if (header.doubleValue() > ONE_LINE) wrong.add(name + ": the header is " + header + " px high");
        // any element reaching past the right edge (a wide grid, a fixed-width field) is named
        Object past = js.executeScript("""
                var out = [];
                document.querySelectorAll('body *').forEach(function (e) {
                  var r = e.getBoundingClientRect();
                  if (r.width > 0 && r.right > window.innerWidth + 1 && out.length < 5) out.push(e.tagName + '#' + e.id + '.' + e.className);
                });
                return out.join(', ');""");
        if (!String.valueOf(past).isEmpty() && scrollWidth > innerWidth) wrong.add(name + ": past the edge: " + past);
    }

    private String submit(String phone) {
        return dossiers.receive(vn.motcua.Intakes.uploaded(new ReceiveDossier(BirthRegistrationSample.PROCEDURE, Channel.ONLINE,
                new Applicant("Ngô Thị Công Dân", null, phone, null, null), BirthRegistrationSample.intakeData(),
                BirthRegistrationSample.WARD, List.of()), staged)).code();
    }

    private Chromium.Steps steps() { return new Chromium.Steps(browser, wait, port); }

    private void open(String path) { steps().open(path); }
}
