package vn.motcua.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * MotCua's conventions on a step, as the designer edits them beside the diagram: read from the repository's own
 * models, written back into the user task's Camunda attributes, everything else of the model kept; and which form
 * fields become process variables, read from and written into the form as Camunda Modeler saves it.
 */
class StepConventionsTest {
    private static String file(String path) throws Exception {
        return Files.readString(Path.of(path));
    }

    @Test
    void theStepsOfARepositoryModelAreReadWithTheirRoleUnitDeadlineAndForm() throws Exception {
        String xml = file("processes/birth-registration/birth-registration.bpmn");
        var steps = StepConventions.steps(xml);
        assertThat(steps).extracting(StepConventions.Step::id)
                .contains("Task_ReviewDossier", "Task_ApproveResult", "Task_ReturnResult");
        var review = StepConventions.step(xml, "Task_ReviewDossier").orElseThrow();
        assertThat(review.name()).isEqualTo("Thẩm định hồ sơ, dự thảo kết quả");
        assertThat(review.role()).isEqualTo(StepConventions.Role.SPECIALIST);
        assertThat(review.unitVariable()).isEqualTo("unit");
        assertThat(review.hours()).isEqualTo(4);
        assertThat(review.form()).isEqualTo("birth-registration-review");
        assertThat(StepConventions.step(xml, "Gateway_Approved")).as("a gateway is no step").isEmpty();
    }

    @Test
    void anotherAgencysStepAndADeadlineWrittenOtherwiseAreReadAsTheyAre() throws Exception {
        String lifecycle = file("processes/_shared/dossier-lifecycle.bpmn");
        var delay = StepConventions.step(lifecycle, "Task_DecideOnDelay").orElseThrow();
        assertThat(delay.hours()).isNull();
        assertThat(delay.dueDate()).isEqualTo("${dossierDeadlines.dueAt(execution)}");
        var agencies = StepConventions.steps(file("processes/construction-permit/construction-permit.bpmn")).stream()
                .map(StepConventions.Step::unitVariable).toList();
        assertThat(agencies).contains("unit", "consultedUnit");
        assertThat(StepConventions.unitVariables(file("processes/construction-permit/construction-permit.bpmn")))
                .startsWith("unit").contains("consultedUnit");
    }

    @Test
    void applyingWritesNameRoleDeadlineAndFormAndKeepsTheRestOfTheModel() throws Exception {
        String xml = file("processes/birth-registration/birth-registration.bpmn");
        var review = StepConventions.step(xml, "Task_ReviewDossier").orElseThrow();

        String changed = StepConventions.apply(xml, review.with("Thẩm định lại", StepConventions.Role.LEADER, "taxOffice", 6,
                "birth-registration-approval"));

        var after = StepConventions.step(changed, "Task_ReviewDossier").orElseThrow();
        assertThat(after.name()).isEqualTo("Thẩm định lại");
        assertThat(after.groups()).isEqualTo("LEADER_${taxOffice}");
        assertThat(after.dueDate()).isEqualTo("${deadlines.workingHours(execution, 6)}");
        assertThat(after.form()).isEqualTo("birth-registration-approval");
        assertThat(changed).contains("camunda:formRefBinding=\"deployment\"", "bpmndi:BPMNShape", "Gateway_Approved",
                "camunda:delegateExpression=\"${markProcessed}\"");
        assertThat(StepConventions.step(changed, "Task_ApproveResult")).isEqualTo(StepConventions.step(xml, "Task_ApproveResult"));

        String noForm = StepConventions.apply(changed, after.with(after.name(), after.role(), after.unitVariable(), null, null));
        assertThat(StepConventions.step(noForm, "Task_ReviewDossier").orElseThrow().form()).isNull();
        assertThat(StepConventions.step(noForm, "Task_ReviewDossier").orElseThrow().hours()).as("no hours: kept").isEqualTo(6);
    }

    @Test
    void malformedValuesAndUnknownStepsAreRefused() throws Exception {
        String xml = file("processes/birth-registration/birth-registration.bpmn");
        var review = StepConventions.step(xml, "Task_ReviewDossier").orElseThrow();
        assertThatThrownBy(() -> StepConventions.apply(xml, review.with("x", StepConventions.Role.CLERK, "unit}; ${evil", 4, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StepConventions.apply(xml, review.with("x", StepConventions.Role.CLERK, "unit", 0, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StepConventions.apply(xml, new StepConventions.Step("Task_None", "x", null, null, null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StepConventions.steps("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"))
                .as("no document type: no external entity").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFieldsThatBecomeProcessVariablesAreReadAndMarked() throws Exception {
        String approval = file("forms/birth-registration/birth-registration-approval.form");
        assertThat(FormConventions.id(approval)).isEqualTo("birth-registration-approval");
        var marked = FormConventions.fields(approval).stream().filter(FormConventions.Field::processVariable)
                .map(FormConventions.Field::key).toList();
        assertThat(marked).isNotEmpty();

        String review = file("forms/birth-registration/birth-registration-review.form");
        String changed = FormConventions.withProcessVariables(review, Set.of("documentsComplete"));
        assertThat(FormConventions.fields(changed)).filteredOn(FormConventions.Field::processVariable)
                .extracting(FormConventions.Field::key).containsExactly("documentsComplete");
        assertThat(FormConventions.fields(changed)).extracting(FormConventions.Field::key)
                .containsExactlyElementsOf(FormConventions.fields(review).stream().map(FormConventions.Field::key).toList());
        assertThat(changed).contains("\"recordAs\" : \"decision\"", "\"maxLength\" : 2000");

        String none = FormConventions.withProcessVariables(changed, Set.of());
        assertThat(FormConventions.fields(none)).noneMatch(FormConventions.Field::processVariable);
        assertThatThrownBy(() -> FormConventions.withProcessVariables(review, Set.of("noSuchField")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDescriptorsFieldsAreReadAndWrittenBackKeepingWhatTheFormDoesNotShow() throws Exception {
        String json = file("processes/birth-registration/procedure.json");
        var fields = DescriptorEdit.read(json);
        assertThat(fields.code()).isEqualTo("1.001193");
        assertThat(fields.level()).isEqualTo(vn.motcua.organisation.UnitLevel.COMMUNE);
        assertThat(fields.timeAmount()).isEqualTo(1);
        assertThat(fields.components()).extracting(DescriptorEdit.Component::code)
                .containsExactly("TO_KHAI", "GIAY_CHUNG_SINH", "GIAY_TO_TUY_THAN");
        assertThat(DescriptorEdit.read(DescriptorEdit.write(json, fields))).as("written unchanged reads the same").isEqualTo(fields);

        var components = new java.util.ArrayList<>(fields.components());
        components.remove(2);
        components.add(new DescriptorEdit.Component("GIAY_UY_QUYEN", "Văn bản ủy quyền", "Power of attorney", false));
        String changed = DescriptorEdit.write(json, new DescriptorEdit.Fields(fields.code(), fields.nameVi(), fields.nameEn(),
                fields.sector(), fields.level(), fields.onlineLevel(), 2, fields.timeUnit(), fields.timeSource(),
                new java.math.BigDecimal("8000"), fields.feeNoteVi(), fields.feeNoteEn(), fields.feeSource(), fields.resultVi(),
                fields.resultEn(), fields.resultType(), components));
        var after = DescriptorEdit.read(changed);
        assertThat(after.timeAmount()).isEqualTo(2);
        assertThat(after.feeAmount()).isEqualByComparingTo("8000");
        assertThat(after.components()).extracting(DescriptorEdit.Component::code)
                .containsExactly("TO_KHAI", "GIAY_CHUNG_SINH", "GIAY_UY_QUYEN");
        assertThat(changed).as("kept: the process, the intake form, the components' file types")
                .contains("\"process\" : \"birth-registration\"", "\"intakeForm\" : \"birth-registration-intake\"",
                        "application/pdf").doesNotContain("GIAY_TO_TUY_THAN");
    }
}
