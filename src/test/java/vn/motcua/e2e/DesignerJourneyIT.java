package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.motcua.ChildJvm;
import vn.motcua.Intakes;
import vn.motcua.ProcedureUploads;
import vn.motcua.postgres.ApplicationNode;
import vn.motcua.postgres.RequiresPostgres;
import vn.motcua.postgres.ScratchDatabase;

/**
 * The process designer's whole story (issue 14), in Chromium, on two application nodes sharing one PostgreSQL: on node
 * A the designer uploads a procedure whose step lacks its deadline and sees the linter's problem marked on the diagram
 * (nothing is kept), uploads the corrected files (a draft), changes the step's deadline beside the diagram and adds a
 * field to its form in the form editor, test-runs the draft acting as the specialist and the desk through the real
 * forms until the result is returned, and publishes it with a reason; a clerk on node B receives a dossier of it at
 * once (the step as drafted); the designer rolls back to the first version, and node B's
 * next dossier follows that version again.
 *
 * <p>Runs with {@code -Ddb=postgres} (the CI's second run): two nodes in JVMs of their own on a scratch database.
 */
@RequiresPostgres
class DesignerJourneyIT {
    private static final Duration START = Duration.ofMinutes(5);
    /** Node B reads what node A published within {@code motcua.design.poll-interval} (5 s): "at once" is two of them. */
    private static final Duration AT_ONCE = Duration.ofSeconds(12);
    private static final String WARD = "000.01.15.H33";
    private static final String ORIGINAL_STEP_NAME = "Đối chiếu sổ gốc, cấp bản sao";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> processes = new ArrayList<>();
    private ScratchDatabase database;
    private Path work;
    private Chromium.Session session;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private Chromium.Steps steps;

    @AfterEach
    void stopEverything(org.junit.jupiter.api.TestInfo info) throws Exception {
        if (session != null) Chromium.quit(session, info.getTestMethod().get().getName());
        for (Process p : processes) p.destroy();
        for (Process p : processes) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
        }
        if (database != null) database.drop();
    }

    @Test
    void aDesignerUploadsFixesEditsTriesAndPublishesADraftAnotherNodeServesAtOnceAndARollbackUndoesIt() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("motcua.test.postgres-run"),
                "runs with -Ddb=postgres (the CI's PostgreSQL run): two application nodes on PostgreSQL");
        work = Path.of("target", "designer-journey").toAbsolutePath();
        Files.createDirectories(work);
        database = ScratchDatabase.fresh("designer").withUnaccent();
        int portA = ChildJvm.freePort();
        int portB = ChildJvm.freePort();
        Path data = Files.createDirectories(work.resolve("data-" + UUID.randomUUID()));
        node("node-a", portA, data).awaitOk("http://127.0.0.1:" + portA + "/actuator/health/readiness", START);
        node("node-b", portB, data).awaitOk("http://127.0.0.1:" + portB + "/actuator/health/readiness", START);

        session = Chromium.start();
        browser = session.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(40));
        steps = new Chromium.Steps(browser, wait, portA);
        steps.signIn("designer");
        steps.open("design");

        // 1. an upload whose step has no deadline: the linter's problem on the diagram, nothing kept
        upload(ProcedureUploads.broken());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "#design-problems li[data-rule='USER_TASK_DEADLINE'][data-element-id='" + ProcedureUploads.STEP + "']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "#design-problem-diagram g.djs-element.bpmn-viewer-highlight[data-element-id='" + ProcedureUploads.STEP + "']")));
        assertThat(browser.findElements(By.id("design-saved"))).as("nothing kept").isEmpty();

        // 2. the corrected files: a draft (the step renamed, 6 working hours, a field added to its form)
        upload(ProcedureUploads.revised());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("design-saved")));

        // 3. in the browser: the step's deadline beside the diagram, a field added in the form editor
        steps.open("design/" + ProcedureUploads.CODE + "/model");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "bpmn-modeler g.djs-element[data-element-id='" + ProcedureUploads.STEP + "']")));
        script("""
                const modeler = document.getElementById('model-modeler')._modeler;
                modeler.get('selection').select(modeler.get('elementRegistry').get(arguments[0]));""", ProcedureUploads.STEP);
        var hours = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#model-step-hours input")));
        wait.until(d -> "6".equals(hours.getAttribute("value")));
        script("""
                const field = document.getElementById('model-step-hours');
                field.value = '12';
                field.dispatchEvent(new CustomEvent('change'));""");
        steps.click(browser.findElement(By.id("model-step-apply")));
        // the panel beside the diagram scrolls on its own: the button is brought into it and clicked as a user would
        script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("model-step-edit-form"))));
        var textfield = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "form-schema-editor .fjs-palette-field[data-field-type='textfield']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form-schema-editor .fjs-editor-container .fjs-form-field")));
        long before = (Long) script("return document.getElementById('model-form-editor')._editor.saveSchema().components.length;");
        script("arguments[0].focus()", textfield);
        textfield.sendKeys(Keys.ENTER);
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                const element = document.getElementById('model-form-editor');
                return element._pending === null && element._schema != null
                    && JSON.parse(element._schema).components.length === element._editor.saveSchema().components.length
                    && element._editor.saveSchema().components.length > arguments[0];""", before)));
        script("arguments[0].click()", wait.until(ExpectedConditions.presenceOfElementLocated(By.id("model-form-keep"))));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("model-form-dialog")));
        steps.click(browser.findElement(By.id("model-save")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("model-saved")));

        // 4. a test run of the draft, acting as the desk's intake, the specialist and the desk's return
        steps.open("design/" + ProcedureUploads.CODE + "/try");
        steps.click(wait.until(ExpectedConditions.elementToBeClickable(By.id("trial-unit"))));
        steps.click(wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select-item[contains(normalize-space(.), '(" + WARD + ")')]"))));
        steps.click(wait.until(ExpectedConditions.elementToBeClickable(By.id("form-diplomaKind"))));
        steps.click(wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select-item[normalize-space(.)='Bằng tốt nghiệp trung học cơ sở']"))));
        type("form-holderName", "Trần Thị Bích Ngọc");
        type("form-holderBirthDate", "14/05/2001" + Keys.ENTER);
        type("form-graduationYear", "2016");
        type("form-copiesRequested", "2");
        steps.click(browser.findElement(By.id("trial-start")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("trial-act-" + ProcedureUploads.STEP)));
        assertThat(browser.findElement(By.id("trial-status")).getText()).contains("CHAY-THU");
        assertThat(browser.findElement(By.id("trial-diagram")).getText()).isNotNull();

        steps.click(browser.findElement(By.id("trial-act-" + ProcedureUploads.STEP)));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("trial-step-form")));
        assertThat(browser.findElements(By.id("form-" + ProcedureUploads.ADDED_FIELD))).as("the field added in the draft's upload").isNotEmpty();
        steps.click(browser.findElements(By.cssSelector("#form-decision vaadin-radio-button")).get(0));
        type("form-registerEntry", "Sổ gốc 2016, số 215");
        type("form-copiesIssued", "2");
        steps.click(browser.findElement(By.id("trial-complete")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("trial-act-Task_ReturnResult")));
        steps.click(browser.findElement(By.id("trial-act-Task_ReturnResult")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#form-resultHandedOver input[type=checkbox]")));
        // the step's form sits in a split layout whose divider may lie over the box: clicked as the user's click lands
        script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
                browser.findElement(By.cssSelector("#form-resultHandedOver input[type=checkbox]")));
        type("form-receiverName", "Trần Thị Bích Ngọc");
        steps.click(browser.findElement(By.id("trial-complete")));
        wait.until(ExpectedConditions.attributeToBe(By.id("trial-status"), "data-status", "10"));
        assertThat(dossierCount(portA)).as("a test run makes no dossier").isZero();

        // 5. published with a reason
        steps.open("design");
        selectProcedure();
        steps.click(wait.until(ExpectedConditions.elementToBeClickable(By.id("design-publish"))));
        reason("Đổi tên bước, thời hạn 12 giờ làm việc, thêm trang sổ gốc");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("design-rollback-1")));

        // 6. a clerk on the other node receives a dossier of it at once: the step as drafted
        Instant published = Instant.now();
        firstStepOnNodeB(portB, ProcedureUploads.REVISED_STEP_NAME);
        assertThat(Duration.between(published, Instant.now())).isLessThan(AT_ONCE);

        // 7. rolled back to the first version: the other node's next dossier follows it again
        steps.open("design");
        selectProcedure();
        // the button sits where the development tools draw their notice: clicked as the user's click lands
        script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("design-rollback-1"))));
        reason("Trả lại phiên bản đầu trong khi chờ ý kiến của Sở Tư pháp");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("design-rollback-2")));
        firstStepOnNodeB(portB, ORIGINAL_STEP_NAME);
    }

    // --- the designer's browser ---

    private void upload(Map<String, byte[]> files) throws IOException {
        Path zip = work.resolve(ProcedureUploads.FOLDER + "-" + UUID.randomUUID() + ".zip");
        Files.write(zip, ProcedureUploads.zip(files));
        WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("design-upload")));
        WebElement input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        // the driver adds to the files an input already holds: the previous upload's zip is not sent again
        script("arguments[0].value = '';", input);
        input.sendKeys(zip.toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("design-pending"), zip.getFileName().toString()));
        wait.until(d -> browser.findElement(By.id("design-check")).getAttribute("disabled") == null);
        steps.click(browser.findElement(By.id("design-check")));
    }

    private void selectProcedure() {
        steps.click(wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + ProcedureUploads.CODE + "']"))));
    }

    private void reason(String text) {
        var field = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#design-reason textarea")));
        field.sendKeys(text);
        steps.click(browser.findElement(By.id("design-confirm")));
    }

    /** Types into a form's field once it is shown (fields shown by a condition appear after the server's answer). */
    private void type(String id, CharSequence text) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + id + " input, #" + id + " textarea")))
                .sendKeys(text);
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    // --- the other node, over its API ---

    /**
     * Receives dossiers of the procedure on node B as the ward's clerk until the specialist's first step has the name
     * expected (the version node B serves), within {@link #AT_ONCE}; that step as the task list gives it.
     */
    private JsonNode firstStepOnNodeB(int port, String expectedName) throws Exception {
        Instant until = Instant.now().plus(AT_ONCE);
        String seen = null;
        while (true) {
            var request = new HashMap<String, Object>();
            request.put("procedureCode", ProcedureUploads.CODE);
            request.put("channel", "IN_PERSON");
            request.put("applicant", Map.of("fullName", "Trần Thị Bích Ngọc", "phone", "0912345678"));
            request.put("data", Map.of("diplomaKind", "BANG_TOT_NGHIEP_THCS", "holderName", "Trần Thị Bích Ngọc",
                    "holderBirthDate", "2001-05-14", "graduationYear", 2016, "copiesRequested", 2));
            request.put("checkedComponents", Intakes.requiredComponents(ProcedureUploads.CODE));
            var received = send(port, "clerk", "POST", "/api/dossiers", json.writeValueAsBytes(request));
            assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
            String code = json.readTree(received.body()).get("code").asText();
            var tasks = send(port, "specialist", "GET", "/api/tasks?q=" + code, null);
            assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
            JsonNode step = json.readTree(tasks.body()).get("items").get(0);
            seen = step.get("name").asText();
            if (seen.equals(expectedName)) return step;
            if (Instant.now().isAfter(until)) break;
            Thread.sleep(1000);
        }
        throw new AssertionError("node B still starts dossiers on the step '" + seen + "', not '" + expectedName + "'");
    }

    private long dossierCount(int port) throws Exception {
        var page = send(port, "supervisor", "GET", "/api/dossiers?size=1", null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return json.readTree(page.body()).get("total").asLong();
    }

    private HttpResponse<String> send(int port, String user, String method, String path, byte[] body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) request.header("Content-Type", "application/json");
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private ChildJvm node(String name, int port, Path data) throws IOException {
        var node = ApplicationNode.start(name, port, database, data, work);
        processes.add(node.process());
        return node;
    }
}
