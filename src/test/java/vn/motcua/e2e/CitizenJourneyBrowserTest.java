package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.Intakes;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierDocuments;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.feedback.FeedbackStatus;
import vn.motcua.paperwork.OfficialForm;
import vn.motcua.paperwork.Pdfs;
import vn.motcua.tasklist.TaskListService;

/**
 * The citizen's side as a citizen meets it, in Chromium on a 390 px phone: the QR code of their paper receipt opens the
 * tracking page with their dossier already shown (no account, nothing to type, even though they gave the desk neither
 * phone nor identity number); once the result is handed over they rate the service and say what went wrong; they file
 * a complaint about the dossier with the receipt's tracking key; the ward's leader answers it in their list; the
 * citizen reads the answer with the complaint's reference. Pictures of each page in {@code target/e2e/journey-*.png}.
 */
@MotCuaTest
class CitizenJourneyBrowserTest {
    private static final Pattern REFERENCE = Pattern.compile("PA-\\d{8}-\\d{4}");

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired DossierDocuments documents;
    @Autowired TaskListService tasks;
    @Autowired FeedbackService feedback;
    Chromium.Session session;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        session = Chromium.start();
        browser = session.driver();
        phone();
        wait = new WebDriverWait(browser, Duration.ofSeconds(40));
    }

    @AfterEach
    void stop(TestInfo info) throws Exception {
        users.signOut();
        if (session != null) Chromium.quit(session, info.getTestMethod().orElseThrow().getName());
    }

    @Test
    void fromTheReceiptsQrCodeToARatingAndAnAnsweredComplaint() throws Exception {
        // At the ward's desk: a birth registration for a mother who gave neither phone nor identity number
        var sample = BirthRegistrationSample.inPerson();
        var request = new ReceiveDossier(sample.procedureCode(), sample.channel(),
                new Applicant("Trần Thị Mỹ Lệ", null, null, null, "12 Nguyễn Trung Trực, Rạch Giá"), sample.data(),
                sample.unitIdentifier(), sample.stagedFiles(), sample.checkedComponents(), sample.missingComponentsReason());
        String code;
        String key;
        byte[] receipt;
        users.signInAs("clerk");
        try {
            code = dossiers.receive(Intakes.checked(request)).code();
            key = dossiers.trackingKey(code).orElseThrow();
            vn.motcua.dossier.PublicAddress.set(documents, "http://localhost:" + port + "/");
            receipt = documents.render(code, OfficialForm.ofNumber("01")).content();
        } finally {
            vn.motcua.dossier.PublicAddress.set(documents, "");
            users.signOut();
        }
        // what a phone's camera reads from the printed receipt
        String scanned;
        try (var pdf = Pdfs.open(receipt)) {
            scanned = Pdfs.decodeQr(Pdfs.images(pdf, 0).get(0));
        }
        assertThat(scanned).isEqualTo("http://localhost:" + port + "/tra-cuu?ma=" + code + "&khoa=" + key);

        // The QR code opens the dossier at once
        browser.get(scanned);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-stage"))).getText())
                .isIn("Bộ phận Một cửa đã tiếp nhận", "Đang giải quyết");
        picture("tracking");

        // The ward decides and hands the result over; the same page now asks for a rating
        complete("specialist", code, Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ đầy đủ"));
        complete("leader", code, Map.of("decision", "APPROVE"));
        complete("clerk", code, Map.of("resultHandedOver", true, "receiverName", "Trần Thị Mỹ Lệ"));
        browser.get(scanned);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-rating")));
        // 5, 4, 3, 2, 1: "2" (not satisfied) asks what went wrong
        click(browser.findElements(By.cssSelector("#tracking-rating-score vaadin-radio-button")).get(3));
        click(wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#tracking-rating-criteria vaadin-checkbox"))));
        type(By.cssSelector("#tracking-rating-comment textarea"), "Phải chờ lâu ở quầy trả kết quả.");
        picture("rating");
        click(browser.findElement(By.id("tracking-rating-send")));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-rating-thanks"))).getText())
                .startsWith("Xin cảm ơn");
        users.signInAs("clerk");
        assertThat(dossiers.history(code)).anySatisfy(e -> assertThat(e.action()).isEqualTo("RATED"));
        assertThat(dossiers.ratingCriteria(code)).hasSize(1);
        users.signOut();

        // A complaint about the dossier, proved with the receipt's key
        browser.get("http://localhost:" + port + "/gui-phan-anh?ma=" + code);
        type(By.cssSelector("#feedback-form-text textarea"), "Cán bộ hẹn trả kết quả lúc 9 giờ nhưng tôi phải chờ đến 11 giờ.");
        type(By.cssSelector("#feedback-form-contact input"), "myle@example.vn");
        type(By.cssSelector("#feedback-form-key input"), key);
        picture("complaint");
        click(browser.findElement(By.id("feedback-form-send")));
        String sent = wait.until(d -> {
            String text = d.findElement(By.id("feedback-form-sent")).getText();
            return REFERENCE.matcher(text).find() ? text : null;
        });
        Matcher found = REFERENCE.matcher(sent);
        assertThat(found.find()).isTrue();
        String reference = found.group();

        // The ward's leader answers it from their list (on a desk's screen)
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        steps().signIn("leader");
        steps().open("phan-anh?ma=" + reference);
        WebElement take = wait.until(ExpectedConditions.elementToBeClickable(By.id("feedback-take")));
        click(take);
        // taken: the detail is drawn again, without the button
        wait.until(ExpectedConditions.stalenessOf(take));
        type(By.cssSelector("#feedback-answer textarea"), "Phường đã nhắc nhở bộ phận trả kết quả và bố trí thêm người vào buổi sáng.");
        click(wait.until(ExpectedConditions.elementToBeClickable(By.id("feedback-send-answer"))));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("feedback-answer-text")));
        users.signInAs("leader");
        assertThat(feedback.get(reference).status()).isEqualTo(FeedbackStatus.ANSWERED);
        users.signOut();

        // Back on the phone, without an account: the answer, found with the reference and the contact
        browser.manage().deleteAllCookies();
        phone();
        steps().open("gui-phan-anh");
        type(By.cssSelector("#feedback-lookup-reference input"), reference);
        type(By.cssSelector("#feedback-lookup-contact input"), "myle@example.vn");
        click(browser.findElement(By.id("feedback-lookup")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback-lookup-result"), "bố trí thêm người"));
        picture("answer");
        // and says the answer satisfied them (Decision 766: satisfaction with the handling of feedback)
        click(wait.until(ExpectedConditions.elementToBeClickable(By.id("feedback-lookup-satisfied-" + reference))));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback-lookup-result"),
                "Bạn đã đánh giá câu trả lời: Hài lòng."));
        users.signInAs("leader");
        assertThat(feedback.get(reference).verdict()).isEqualTo(vn.motcua.feedback.FeedbackVerdict.SATISFIED);
        users.signOut();
    }

    private void phone() {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", PhoneBrowserTest.WIDTH, "height", 844, "deviceScaleFactor", 1, "mobile", false));
    }

    private void complete(String user, String code, Map<String, Object> data) {
        users.signInAs(user);
        try {
            tasks.complete(tasks.tasksOf(code).get(0).id(), data);
        } finally {
            users.signOut();
        }
    }

    private void type(By field, String text) {
        WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(field));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        // Tab leaves the field, so that its value reaches the server before any click (a script's click would not)
        element.sendKeys(text + org.openqa.selenium.Keys.TAB);
    }

    /** Clicks; an element at the very bottom of a short page may sit under the development mode's overlay: clicked by script then. */
    private void click(WebElement element) {
        try {
            steps().click(element);
        } catch (org.openqa.selenium.ElementClickInterceptedException underOverlay) {
            ((JavascriptExecutor) browser).executeScript("arguments[0].click()", element);
        }
    }

    private Chromium.Steps steps() { return new Chromium.Steps(browser, wait, port); }

    private void picture(String name) throws Exception {
        Thread.sleep(300); // let Vaadin lay the page out
        Path shot = Path.of("target", "e2e", "journey-" + name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
}
