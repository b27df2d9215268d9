package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.MotCuaTest;
import vn.motcua.ProcedureUploads;
import vn.motcua.TestUsers;
import vn.motcua.catalogue.ProcedureDesigns;
import vn.motcua.catalogue.StepConventions;

/**
 * A designer edits a procedure's model in Chromium (issue 14 point 3): bpmn-js's Modeler draws it with its palette
 * under the application's Content-Security-Policy, a step renamed on the diagram and its deadline changed in the panel
 * beside it are saved as the procedure's draft, checked by the linter.
 */
@MotCuaTest
class ModelDesignBrowserTest {
    @LocalServerPort int port;
    @Autowired ProcedureDesigns designs;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    Chromium.Session session;
    ChromeDriver browser;
    Chromium.Steps steps;

    @BeforeEach
    void start() throws Exception {
        session = Chromium.start();
        browser = session.driver();
        steps = new Chromium.Steps(browser, new WebDriverWait(browser, Duration.ofSeconds(40)), port);
    }

    @AfterEach
    void stop(org.junit.jupiter.api.TestInfo info) throws Exception {
        if (session != null) Chromium.quit(session, info.getTestMethod().get().getName());
        ProcedureUploads.restore(designs, users, jdbc);
    }

    @Test
    void aStepRenamedOnTheDiagramAndItsDeadlineChangedBesideItBecomeTheDraft() {
        steps.signIn("designer");
        steps.open("design/" + ProcedureUploads.CODE + "/model");
        var wait = steps.waiting();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "bpmn-modeler g.djs-element[data-element-id='" + ProcedureUploads.STEP + "']")));
        assertThat(browser.findElements(By.cssSelector("bpmn-modeler .djs-palette .entry"))).as("the modeler's palette").isNotEmpty();

        // renamed on the diagram, as a double click and typing would: the modeler sends the diagram to the server
        ((JavascriptExecutor) browser).executeScript("""
                const modeler = document.getElementById('model-modeler')._modeler;
                const task = modeler.get('elementRegistry').get(arguments[0]);
                modeler.get('modeling').updateLabel(task, 'Đối chiếu sổ gốc, cấp và ký bản sao');
                modeler.get('selection').select(task);""", ProcedureUploads.STEP);
        var hours = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#model-step-hours input")));
        wait.until(d -> "4".equals(hours.getAttribute("value")));
        assertThat(browser.findElement(By.cssSelector("#model-step-name input")).getAttribute("value"))
                .isEqualTo("Đối chiếu sổ gốc, cấp và ký bản sao");
        ((JavascriptExecutor) browser).executeScript("""
                const field = document.getElementById('model-step-hours');
                field.value = '12';
                field.dispatchEvent(new CustomEvent('change'));""");
        steps.click(browser.findElement(By.id("model-step-apply")));
        steps.click(browser.findElement(By.id("model-save")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("model-saved")));

        users.signInAs("designer");
        try {
            var step = StepConventions.step(designs.editable(ProcedureUploads.CODE).xml(), ProcedureUploads.STEP).orElseThrow();
            assertThat(step.name()).isEqualTo("Đối chiếu sổ gốc, cấp và ký bản sao");
            assertThat(step.hours()).isEqualTo(12);
        } finally {
            users.signOut();
        }
        assertNothingRefused();
    }

    @Test
    void aFieldAddedInTheFormEditorIsKeptWithTheDraft() {
        users.signInAs("designer");
        int before;
        try {
            before = vn.motcua.catalogue.FormConventions.fields(designs.editable(ProcedureUploads.CODE).forms()
                    .get("diploma-copy-from-register-review")).size();
        } finally {
            users.signOut();
        }
        steps.signIn("designer");
        steps.open("design/" + ProcedureUploads.CODE + "/model");
        var wait = steps.waiting();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "bpmn-modeler g.djs-element[data-element-id='" + ProcedureUploads.STEP + "']")));
        ((JavascriptExecutor) browser).executeScript("""
                const modeler = document.getElementById('model-modeler')._modeler;
                modeler.get('selection').select(modeler.get('elementRegistry').get(arguments[0]));""", ProcedureUploads.STEP);
        steps.click(wait.until(ExpectedConditions.elementToBeClickable(By.id("model-step-edit-form"))));
        // bpmn.io's form editor draws the form with its palette; Enter on a palette entry adds that field
        var textfield = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "form-schema-editor .fjs-palette-field[data-field-type='textfield']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form-schema-editor .fjs-editor-container .fjs-form-field")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", textfield);
        textfield.sendKeys(org.openqa.selenium.Keys.ENTER);
        // the form as it stands has reached the server (sent shortly after the edit)
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                const element = document.getElementById('model-form-editor');
                return element._pending === null && element._schema != null
                    && JSON.parse(element._schema).components.length === element._editor.saveSchema().components.length
                    && element._editor.saveSchema().components.length > arguments[0];""", before)));
        // the dialog's footer sits where the development tools draw their own button: clicked as a user's click lands
        ((JavascriptExecutor) browser).executeScript("arguments[0].click()",
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("model-form-keep"))));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("model-form-dialog")));
        steps.click(browser.findElement(By.id("model-save")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("model-saved")));

        users.signInAs("designer");
        try {
            assertThat(vn.motcua.catalogue.FormConventions.fields(designs.editable(ProcedureUploads.CODE).forms()
                    .get("diploma-copy-from-register-review"))).hasSize(before + 1);
        } finally {
            users.signOut();
        }
        assertNothingRefused();
    }

    private void assertNothingRefused() {
        List<String> refused = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            if (message.contains("Content Security Policy") || message.contains("Refused to")) refused.add(message);
        }
        assertThat(refused).isEmpty();
    }
}
