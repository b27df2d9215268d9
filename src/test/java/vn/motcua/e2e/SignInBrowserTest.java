package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.MotCuaTest;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;
import vn.motcua.security.SystemAccess;

/**
 * Signing in through the real login form in Chromium, under the application's Content-Security-Policy: the form
 * carries its CSRF token, the pages (Vaadin, bpmn-js, ECharts, Swagger UI) draw without the browser refusing
 * anything, and a locked sign-in is said so on the login page.
 */
@MotCuaTest
class SignInBrowserTest {
    @LocalServerPort int port;
    @Autowired OrganisationService organisation;
    @Autowired vn.motcua.organisation.OrganisationAdministration administration;
    Chromium.Session session;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        session = Chromium.start();
        browser = session.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(40));
        // this browser's failed sign-ins count against an address of its own (forwarded by the local, trusted proxy)
        String address = "198.18." + ThreadLocalRandom.current().nextInt(256) + "." + (1 + ThreadLocalRandom.current().nextInt(254));
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", address)));
    }

    @AfterEach
    void stop(org.junit.jupiter.api.TestInfo info) throws Exception {
        if (session != null) Chromium.quit(session, info.getTestMethod().get().getName());
    }

    @Test
    void theApplicationsPagesDrawUnderTheirContentSecurityPolicy() {
        open("procedures/1.001193");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("bpmn-viewer g.djs-element[data-element-id='Gateway_Approved']")));
        assertNothingRefused("the procedure's diagram (bpmn-js)");

        signIn("supervisor", "demo");
        assertNothingRefused("the login form");
        open("supervision");
        wait.until(d -> String.valueOf(((JavascriptExecutor) d).executeScript(
                "return document.getElementById('indicator-chart').option || ''")).contains("2.1"));
        assertNothingRefused("the supervision dashboard (ECharts)");

        browser.get(url("swagger-ui/index.html"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".swagger-ui .info .title")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .opblock")));
        assertNothingRefused("Swagger UI");
    }

    @Test
    void fiveWrongPasswordsOnTheFormLockTheSignInAndTheLoginPageSaysSo() {
        String username = "lock-browser-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        SystemAccess.run(() -> organisation.createUser(username, "right-password-1", "Người thử khóa", null, null, EnumSet.of(Role.CITIZEN)));
        for (int i = 1; i <= 4; i++) {
            signInAttempt(username, "wrong-" + i);
            wait.until(ExpectedConditions.urlContains("/login?error"));
        }
        signInAttempt(username, "wrong-5");
        wait.until(ExpectedConditions.urlContains("/login?locked="));
        signInAttempt(username, "right-password-1");
        wait.until(ExpectedConditions.urlContains("/login?locked="));
        wait.until(d -> String.valueOf(((JavascriptExecutor) d).executeScript(
                "return document.querySelector('vaadin-login-form-wrapper')?.shadowRoot?.textContent || ''"))
                .contains("Đăng nhập tạm thời bị khóa"));
        assertThat(browser.findElements(By.id("current-user"))).as("not signed in").isEmpty();
    }

    @Test
    void aPersonOfTwoUnitsChoosesTheUnitAtTheTopAndTheSessionKeepsItAcrossPages() {
        String username = "two-units-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        SystemAccess.run(() -> {
            var ward = organisation.unitByIdentifier("000.01.15.H33").orElseThrow();
            var commune = organisation.unitByIdentifier("000.02.17.H33").orElseThrow();
            organisation.createUser(username, "Hai-don-vi-2026", "Người Làm Hai Nơi", null, ward, EnumSet.of(Role.CLERK));
            administration.updateUser(username, new vn.motcua.organisation.UserForm(username, "Người Làm Hai Nơi", null, null,
                    ward.identifier(), EnumSet.of(Role.CLERK), null, null, List.of(commune.identifier())));
        });
        signIn(username, "Hai-don-vi-2026");
        assertThat(browser.findElement(By.id("current-user")).getText()).endsWith("Vĩnh Thanh Vân");

        ((JavascriptExecutor) browser).executeScript("""
                const select = document.getElementById('working-unit');
                select.opened = true;""");
        var item = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select-item[contains(., 'Bình An')]")));
        item.click();
        // the page is shown again for the unit chosen, and every page after it
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("current-user"), "Bình An"));
        open("dossiers");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("current-user"), "Bình An"));
        assertNothingRefused("the working unit's choice");
    }

    private String url(String path) { return "http://localhost:" + port + "/" + path; }

    private void open(String path) {
        browser.get(url(path));
        wait.until(d -> ((JavascriptExecutor) d).executeScript(
                "return !!window.Vaadin && !!document.querySelector('vaadin-app-layout, vaadin-login-form')"));
    }

    private void signInAttempt(String username, String password) {
        browser.manage().deleteAllCookies();
        open("login");
        var field = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        field.sendKeys(username);
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(password + Keys.ENTER);
    }

    private void signIn(String username, String password) {
        signInAttempt(username, password);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
    }

    /** No Content-Security-Policy refusal in the browser's console since the last look. */
    private void assertNothingRefused(String where) {
        List<String> refused = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            if (message.contains("Content Security Policy") || message.contains("Refused to")) refused.add(message);
        }
        assertThat(refused).as(where).isEmpty();
    }
}
