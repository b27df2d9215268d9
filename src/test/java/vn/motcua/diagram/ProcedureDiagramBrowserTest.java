package vn.motcua.diagram;

import vn.motcua.e2e.Chromium;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.MotCuaTest;

/**
 * The public page of the birth registration in headless Chromium, not signed in: bpmn-js draws the deployed model
 * with its bpmn.io watermark, and a click on a step goes to the server and back (the page names the step, the
 * server highlights it in the diagram).
 */
@MotCuaTest
class ProcedureDiagramBrowserTest {
    private static final String REVIEW = "g.djs-element[data-element-id='Task_ReviewDossier']";

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
    void stop(TestInfo info) throws Exception {
        if (session == null) return;
        try {
            screenshot(info.getTestMethod().orElseThrow().getName()); // the last screen, for whoever reads the build
        } finally {
            Chromium.quit(session);
        }
    }

    @Test
    void theDiagramIsDrawnAndAClickOnAStepReachesTheServer() {
        browser.get("http://localhost:" + port + "/procedures/1.001193");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("procedure-name"), "Thủ tục đăng ký khai sinh"));

        // Drawn by bpmn-js from the deployed model, inside the viewer
        WebElement review = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("bpmn-viewer " + REVIEW)));
        assertThat(browser.findElements(By.cssSelector("bpmn-viewer g.djs-element[data-element-id='Gateway_Approved']"))).hasSize(1);
        assertThat(review.getText()).contains("Thẩm định hồ sơ");
        assertThat(review.getRect().getWidth()).as("fitted into the viewport, hence visible").isGreaterThan(20);

        // The bpmn.io watermark (bpmn-js licence): present, visible and not covered by anything
        WebElement watermark = browser.findElement(By.cssSelector("bpmn-viewer a.bjs-powered-by"));
        assertThat(watermark.isDisplayed()).isTrue();
        assertThat(watermark.getAttribute("href")).startsWith("http://bpmn.io");
        // Vaadin's development tools (Copilot) sit at the bottom right of the window in dev mode; production has none
        js("document.querySelectorAll('copilot-main, vaadin-dev-tools').forEach(t => t.style.display = 'none');"
                + "arguments[0].scrollIntoView({block: 'center'})", browser.findElement(By.id("procedure-diagram")));
        Object onTop = js("const r = arguments[0].getBoundingClientRect();"
                + "const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                + "return !top ? 'nothing' : arguments[0].contains(top) ? 'watermark' : top.outerHTML.substring(0, 120);", watermark);
        assertThat(onTop).as("what is on top of the watermark").isEqualTo("watermark");

        // Browser → server → browser
        review.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("diagram-selection"),
                "Bước đã chọn: Thẩm định hồ sơ, dự thảo kết quả"));
        wait.until(ExpectedConditions.attributeContains(By.cssSelector("bpmn-viewer " + REVIEW), "class", "bpmn-viewer-highlight"));
        assertThat(browser.findElement(By.id("diagram-selection")).getAttribute("data-element-id")).isEqualTo("Task_ReviewDossier");
        assertThat(browser.findElements(By.cssSelector("bpmn-viewer .bpmn-viewer-highlight"))).hasSize(1);
    }

    @Test
    void theElementShowsBadgesAndHeatColours() throws Exception {
        browser.get("http://localhost:" + port + "/procedures/1.001193");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("bpmn-viewer " + REVIEW)));
        WebElement viewer = browser.findElement(By.id("procedure-diagram"));

        // What BpmnViewer.setOverlays/setHeat send; markup in a badge text is shown as text
        js("arguments[0].overlays = arguments[1]; arguments[0].heat = arguments[2];", viewer,
                Map.of("Task_ReviewDossier", "12", "Task_ApproveResult", "<b>3</b>", "No_Such_Element", "1"),
                Map.of("Task_ReviewDossier", 1.0, "Task_ReturnResult", 0.0));

        List<WebElement> badges = browser.findElements(By.cssSelector("bpmn-viewer .bpmn-viewer-badge"));
        assertThat(badges).extracting(WebElement::getText).containsExactlyInAnyOrder("12", "<b>3</b>");
        Object hot = js("return getComputedStyle(arguments[0].querySelector(\"" + REVIEW + " .djs-visual > rect\")).fill;", viewer);
        Object cold = js("return getComputedStyle(arguments[0].querySelector(\"g.djs-element[data-element-id='Task_ReturnResult'] .djs-visual > rect\")).fill;", viewer);
        assertThat(rgb(hot)).satisfies(c -> assertThat(c[0]).isGreaterThan(200), c -> assertThat(c[1]).isLessThan(80)); // red
        assertThat(rgb(cold)).satisfies(c -> assertThat(c[0]).isGreaterThan(240), c -> assertThat(c[1]).isGreaterThan(220),
                c -> assertThat(c[2]).isBetween(120, 220)); // pale yellow

        js("document.querySelectorAll('copilot-main, vaadin-dev-tools').forEach(t => t.style.display = 'none');"
                + "arguments[0].scrollIntoView({block: 'center'})", viewer);
        screenshot("theElementShowsBadgesAndHeatColours-before-clearing");

        js("arguments[0].heat = {}; arguments[0].overlays = {};", viewer);
        assertThat(browser.findElements(By.cssSelector("bpmn-viewer .bpmn-viewer-badge"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("bpmn-viewer .bpmn-viewer-heat"))).isEmpty();
    }

    private void screenshot(String name) throws java.io.IOException {
        Files.createDirectories(Path.of("target", "e2e"));
        Files.write(Path.of("target", "e2e", name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** "rgb(244, 37, 37)" → {244, 37, 37} */
    private static int[] rgb(Object css) {
        String[] parts = String.valueOf(css).replaceAll("[^0-9,]", "").split(",");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }
}
