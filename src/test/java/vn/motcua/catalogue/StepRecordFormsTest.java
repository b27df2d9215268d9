package vn.motcua.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.forms.ComponentType;
import vn.motcua.forms.FormComponent;
import vn.motcua.forms.FormSchema;
import vn.motcua.forms.StepRecord;

/**
 * The case file carries the work: every form of forms/ that a step of processes/ uses declares which of its fields
 * are the step's decision and its opinion (custom property {@code recordAs}, README "Steps, decisions and opinions"),
 * so that the dossier's steps tab, the task view and {@code GET /api/dossiers/{code}/steps} show them. Walks the real
 * folders, not fixtures.
 */
class StepRecordFormsTest {
    /** Form id → its schema, over every file of forms/. */
    static final Map<String, FormSchema> FORMS = new HashMap<>();
    /** Form id → the candidate groups of the user tasks using it, with the folder of their model. */
    static final Map<String, List<String>> STEPS = new HashMap<>();

    @BeforeAll
    static void readCatalogue() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("forms"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
                FormSchema form = FormSchema.parse(Files.readString(file));
                FORMS.put(form.id(), form);
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                String folder = file.getParent().getFileName().toString();
                for (UserTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
                    if (task.getCamundaFormRef() == null) continue;
                    STEPS.computeIfAbsent(task.getCamundaFormRef(), k -> new ArrayList<>())
                            .add(folder + ":" + String.valueOf(task.getCamundaCandidateGroups()));
                }
            }
        }
        assertThat(FORMS).as("the forms of forms/").hasSizeGreaterThan(40);
        assertThat(STEPS).as("the step forms of processes/").hasSizeGreaterThan(40);
    }

    @Test
    void recordAsSaysDecisionOrOpinionAndOpinionsAreFreeText() {
        List<String> wrong = new ArrayList<>();
        for (FormSchema form : FORMS.values()) {
            for (FormComponent c : form.allComponents()) {
                String kind = c.properties().get(StepRecord.PROPERTY);
                if (kind == null) continue;
                if (c.key() == null || !c.type().isInput()) wrong.add(form.id() + "." + c.id() + ": not an input field");
                else if (!kind.equals(StepRecord.DECISION) && !kind.equals(StepRecord.OPINION)) wrong.add(form.id() + "." + c.key() + ": " + kind);
                else if (kind.equals(StepRecord.OPINION) && c.type() != ComponentType.TEXTAREA) wrong.add(form.id() + "." + c.key() + ": opinion not a text area");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyStepLeavesARecordWhateverItsAnswers() {
        // at least one decision or opinion field that is required and never hidden
        List<String> silent = new ArrayList<>();
        for (String formId : STEPS.keySet()) {
            FormSchema form = FORMS.get(formId);
            assertThat(form).as("form " + formId).isNotNull();
            boolean always = Stream.concat(StepRecord.decisionFields(form).stream(), StepRecord.opinionFields(form).stream())
                    .anyMatch(c -> c.validation().required() && c.hideCondition() == null);
            if (!always) silent.add(formId);
        }
        assertThat(silent).as("step forms that may leave no decision or opinion").isEmpty();
    }

    @Test
    void everyDecisionStepRecordsADecisionAndAnOpinion() {
        // the decision steps: a procedure's steps of a specialist, a leader or another agency (review, assessment,
        // inspection, approval with send-back, register number, consultation, tax) — not the desk's hand-overs
        List<String> missing = new ArrayList<>();
        STEPS.forEach((formId, uses) -> {
            boolean decisionStep = uses.stream().anyMatch(u -> !u.startsWith("_shared:") && !u.contains("CLERK_"));
            if (!decisionStep) return;
            FormSchema form = FORMS.get(formId);
            if (StepRecord.decisionFields(form).isEmpty()) missing.add(formId + ": no decision");
            if (StepRecord.opinionFields(form).isEmpty()) missing.add(formId + ": no opinion");
        });
        assertThat(missing).isEmpty();
        assertThat(STEPS.keySet()).as("the rule covers the approvals, reviews and consultations")
                .contains("birth-registration-approval", "birth-registration-review", "construction-permit-consultation",
                        "land-transfer-registration-tax");
    }

    @Test
    void aSendBackIsADecisionAndAlwaysSaysWhy() {
        // a choice that can send the dossier back (REWORK) is a decision, and a required opinion shows exactly then
        List<String> wrong = new ArrayList<>();
        int sendBacks = 0;
        for (FormSchema form : FORMS.values()) {
            for (FormComponent choice : form.allComponents()) {
                if (!choice.type().hasOptions() || choice.values().stream().noneMatch(o -> "REWORK".equals(o.value()))) continue;
                sendBacks++;
                if (!StepRecord.DECISION.equals(choice.properties().get(StepRecord.PROPERTY))) wrong.add(form.id() + "." + choice.key() + ": not a decision");
                String shownOnSendBack = "=" + choice.key() + " != \"REWORK\"";
                boolean why = StepRecord.opinionFields(form).stream()
                        .anyMatch(o -> o.validation().required() && shownOnSendBack.equals(o.hideCondition()));
                if (!why) wrong.add(form.id() + ": a send-back without a required reason");
            }
        }
        assertThat(sendBacks).as("approval forms with a send-back").isGreaterThanOrEqualTo(10);
        assertThat(wrong).isEmpty();
    }
}
