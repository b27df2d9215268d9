package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.MotCuaTest;

/**
 * A birth registration walked through the real UI in headless Chromium, in Vietnamese: the clerk receives it, the
 * specialist reviews it, the leader approves it, the clerk returns the result; statuses 4 → 9 → 10.
 */
@MotCuaTest
class BirthRegistrationBrowserTest {
    @LocalServerPort int port;
    Chromium.Session session;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        session = Chromium.start();
        browser = session.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop(org.junit.jupiter.api.TestInfo info) throws Exception {
        if (session != null) Chromium.quit(session, info.getTestMethod().get().getName());
    }

    @Test
    void aBirthRegistrationGoesFromTheDeskToTheReturnedResultInTheBrowser() throws java.io.IOException {
        signIn("clerk");
        open("intake");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "Tiếp nhận hồ sơ"));

        WebElement procedure = input("intake-procedure");
        procedure.sendKeys("khai sinh");
        click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-combo-box-item"))));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-childFullName")));

        type("applicant-fullName", "Trần Thị Mỹ Lệ");
        type("applicant-idNumber", "091234567890");
        type("applicant-phone", "0912345678");
        type("form-childFullName", "Nguyễn Thị Hồng Nhung");
        click(browser.findElements(By.cssSelector("#form-childSex vaadin-radio-button")).get(1));
        type("form-childBirthDate", "20/11/2026" + Keys.ENTER);
        type("form-childBirthPlace", "Bệnh viện Đa khoa tỉnh Kiên Giang");
        type("form-motherFullName", "Trần Thị Mỹ Lệ");
        click(browser.findElement(By.id("form-requesterRelationship")));
        click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-select-item[normalize-space(.)='Mẹ']"))));
        // the birth certificate, uploaded at the desk before the dossier exists
        java.nio.file.Path certificate = java.nio.file.Files.createTempFile("giay-chung-sinh-", ".pdf");
        java.nio.file.Files.write(certificate, vn.motcua.attachment.TestDocuments.pdf(java.util.List.of(
                "GIẤY CHỨNG SINH", "Họ và tên con: Nguyễn Thị Hồng Nhung", "Bệnh viện Đa khoa tỉnh Kiên Giang")));
        WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("intake-upload-GIAY_CHUNG_SINH")));
        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(certificate.toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("intake-files-GIAY_CHUNG_SINH"),
                certificate.getFileName().toString()));
        for (WebElement box : browser.findElements(By.cssSelector("#intake-checklist vaadin-checkbox"))) {
            if (box.getAttribute("checked") == null) click(box);
        }
        click(browser.findElement(By.id("intake-receive")));

        wait.until(ExpectedConditions.urlContains("/dossiers/"));
        String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dossier-code"))).getText();
        assertThat(code).matches("000\\.01\\.15\\.H33-\\d{6}-\\d{4}");
        assertThat(status()).isEqualTo("4");
        assertThat(browser.findElement(By.id("dossier-status")).getText()).contains("Đang xử lý");
        // the uploaded file is the new dossier's attachment, on the documents tab
        click(wait.until(ExpectedConditions.elementToBeClickable(By.id("dossier-tab-documents"))));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attachment-grid"), certificate.getFileName().toString()));
        java.nio.file.Files.deleteIfExists(certificate);

        completeTask("specialist", code, () -> {
            click(browser.findElement(By.cssSelector("#form-documentsComplete input[type=checkbox]")));
            type("form-reviewOpinion", "Hồ sơ đầy đủ, hợp lệ; đề nghị đăng ký khai sinh");
        });
        completeTask("leader", code, () -> click(browser.findElements(By.cssSelector("#form-decision vaadin-radio-button")).get(0)));
        signIn("clerk");
        open("dossiers/" + code);
        assertThat(status()).isEqualTo("9");
        completeTask("clerk", code, () -> {
            click(browser.findElement(By.cssSelector("#form-resultHandedOver input[type=checkbox]")));
            type("form-receiverName", "Trần Thị Mỹ Lệ");
        });

        open("dossiers/" + code);
        assertThat(status()).isEqualTo("10");
        assertThat(browser.findElement(By.id("dossier-status")).getText()).contains("Đã trả kết quả");
        click(wait.until(ExpectedConditions.elementToBeClickable(By.id("dossier-tab-steps"))));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dossier-steps"), "Hoàng Văn Xử Lý"));
        assertThat(browser.findElement(By.id("dossier-steps")).getText())
                .contains("Hồ sơ đầy đủ, hợp lệ; đề nghị đăng ký khai sinh", "Phê duyệt, ký Giấy khai sinh");
        click(wait.until(ExpectedConditions.elementToBeClickable(By.id("dossier-tab-timeline"))));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dossier-history")));
        assertThat(browser.findElement(By.id("dossier-history")).getText()).contains("Trả kết quả", "Tiếp nhận hồ sơ");
    }

    private void completeTask(String user, String code, Runnable fillForm) {
        signIn(user);
        open("tasks");
        type("task-search", code);
        // the list is filtered on the server after a short pause: click once it holds this dossier's step alone
        wait.until(ExpectedConditions.textToBe(By.id("task-total"), "1 công việc"));
        click(wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + code + "']"))));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-complete")));
        fillForm.run();
        click(browser.findElement(By.id("task-complete")));
        wait.until(ExpectedConditions.urlMatches(".*/tasks$"));
    }

    private void signIn(String user) { steps().signIn(user); }

    private void open(String path) { steps().open(path); }

    private String status() {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dossier-status"))).getAttribute("data-status");
    }

    private WebElement input(String id) {
        WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        return field.findElement(By.cssSelector("input, textarea"));
    }

    private void type(String id, CharSequence text) {
        input(id).sendKeys(text);
    }

    private void click(WebElement element) { steps().click(element); }

    private Chromium.Steps steps() { return new Chromium.Steps(browser, wait, port); }
}
