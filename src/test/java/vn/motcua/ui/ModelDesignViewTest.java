package vn.motcua.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.MotCuaTest;
import vn.motcua.ProcedureUploads;
import vn.motcua.TestUsers;
import vn.motcua.catalogue.FormConventions;
import vn.motcua.catalogue.StepConventions;
import vn.motcua.catalogue.ProcedureDesigns;
import vn.motcua.diagram.BpmnModeler;
import vn.motcua.diagram.FormSchemaEditor;
import vn.motcua.diagram.ui.ModelDesignView;

/**
 * Sửa mô hình (/design/{code}/model, issue 14 point 3): the designer edits the procedure's model in bpmn-js's
 * Modeler and the selected step's conventions beside it (who, deadline in working hours, form, which form fields
 * become process variables); saving checks everything with the linter: a problem is listed and marked on the diagram
 * and nothing is kept; once fixed, the model and the form become the procedure's draft. The browser's part (the
 * diagram edited, an element selected) is what the modeler element sends; here its events are fired as it fires them.
 */
@MotCuaTest
class ModelDesignViewTest {
    private static final String REVIEW_FORM = "diploma-copy-from-register-review";

    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired ProcedureDesigns designs;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void setUp() { KaribuViews.setUp(context); }

    @AfterEach
    void tearDown() {
        KaribuViews.tearDown(users);
        ProcedureUploads.restore(designs, users, jdbc);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDesignerEditsAStepsDeadlineAndFormBesideTheDiagramSeesAProblemMarkedAndSavesADraft() {
        KaribuViews.signInAs(users, "designer");
        UI.getCurrent().navigate("design/" + ProcedureUploads.CODE + "/model");
        _get(ModelDesignView.class);
        var modeler = _get(BpmnModeler.class, spec -> spec.withId("model-modeler"));
        assertThat(modeler.getXml()).contains(ProcedureUploads.STEP);
        assertThat(_get(Paragraph.class, spec -> spec.withId("model-origin")).getText()).startsWith("Đang sửa từ phiên bản đang áp dụng");

        // a service task is no step
        select(modeler, "Task_MarkProcessed");
        assertThat(_get(Paragraph.class, spec -> spec.withId("model-no-step")).getText())
                .isEqualTo("Phần tử đã chọn không phải là bước xử lý (user task).");

        select(modeler, ProcedureUploads.STEP);
        var hours = _get(IntegerField.class, spec -> spec.withId("model-step-hours"));
        assertThat(hours.getValue()).isEqualTo(4);
        assertThat(((Select<StepConventions.Role>) _get(Select.class, spec -> spec.withId("model-step-role"))).getValue())
                .isEqualTo(StepConventions.Role.SPECIALIST);
        assertThat(((ComboBox<String>) _get(ComboBox.class, spec -> spec.withId("model-step-form"))).getValue()).isEqualTo(REVIEW_FORM);
        var variables = (CheckboxGroup<FormConventions.Field>) _get(CheckboxGroup.class, spec -> spec.withId("model-step-variables"));
        _get(TextField.class, spec -> spec.withId("model-step-name")).setValue("Đối chiếu sổ gốc, ký và cấp bản sao");
        hours.setValue(6);
        variables.setValue(variables.getListDataView().getItems().filter(f -> f.key().equals("copiesIssued")).collect(Collectors.toSet()));
        _click(_get(Button.class, spec -> spec.withId("model-step-apply")));
        var applied = StepConventions.step(modeler.getXml(), ProcedureUploads.STEP).orElseThrow();
        assertThat(applied.hours()).isEqualTo(6);
        assertThat(applied.name()).isEqualTo("Đối chiếu sổ gốc, ký và cấp bản sao");

        // the designer removes the return step's deadline in the diagram (as Camunda's properties would): the linter says so
        String broken = modeler.getXml().replace("camunda:dueDate=\"${deadlines.workingHours(execution, 2)}\"", "");
        ComponentUtil.fireEvent(modeler, new BpmnModeler.DiagramChangedEvent(modeler, true, broken));
        _click(_get(Button.class, spec -> spec.withId("model-save")));
        var problems = _get(UnorderedList.class, spec -> spec.withId("model-problems"));
        assertThat(_find(problems, ListItem.class)).anySatisfy(item -> {
            assertThat(item.getElement().getAttribute("data-rule")).isEqualTo("USER_TASK_DEADLINE");
            assertThat(item.getElement().getAttribute("data-element-id")).isEqualTo("Task_ReturnResult");
        });
        assertThat(modeler.getProblems()).containsKey("Task_ReturnResult");
        assertThat(designs.draft(ProcedureUploads.CODE)).as("nothing kept").isEmpty();

        select(modeler, "Task_ReturnResult");
        assertThat(hours.getValue()).isNull();
        hours.setValue(3);
        _click(_get(Button.class, spec -> spec.withId("model-step-apply")));
        _click(_get(Button.class, spec -> spec.withId("model-save")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("model-saved")).getText()).contains(ProcedureUploads.CODE);
        assertThat(modeler.getProblems()).isEmpty();

        var draft = designs.editable(ProcedureUploads.CODE);
        assertThat(draft.fromDraft()).isTrue();
        assertThat(StepConventions.step(draft.xml(), ProcedureUploads.STEP).orElseThrow().hours()).isEqualTo(6);
        assertThat(StepConventions.step(draft.xml(), "Task_ReturnResult").orElseThrow().hours()).isEqualTo(3);
        assertThat(FormConventions.fields(draft.forms().get(REVIEW_FORM))).filteredOn(FormConventions.Field::processVariable)
                .extracting(FormConventions.Field::key).containsExactly("copiesIssued");
        var published = designs.versions(ProcedureUploads.CODE).get(0);
        assertThat(published.current()).isTrue();
        assertThat(StepConventions.step(designs.model(ProcedureUploads.CODE, published.number()).orElseThrow(), ProcedureUploads.STEP)
                .orElseThrow().hours()).as("the published version is untouched until the draft is published").isEqualTo(4);
    }

    @Test
    void aSaveThatWouldReplaceWhatSomeoneSavedSinceThePageOpenedIsRefusedAndKeepsNothing() {
        KaribuViews.signInAs(users, "designer");
        UI.getCurrent().navigate("design/" + ProcedureUploads.CODE + "/model");
        var modeler = _get(BpmnModeler.class, spec -> spec.withId("model-modeler"));

        // meanwhile another designer (another page) saves a draft: the step's deadline 4 → 5 working hours
        var other = designs.editable(ProcedureUploads.CODE);
        String theirs = other.xml().replace("${deadlines.workingHours(execution, 4)}", "${deadlines.workingHours(execution, 5)}");
        assertThat(theirs).isNotEqualTo(other.xml());
        var saved = designs.saveModel(ProcedureUploads.CODE, other.base(), theirs, java.util.Map.of(), null);

        // this page, opened before, saves its own diagram: refused, their draft stays
        select(modeler, ProcedureUploads.STEP);
        _get(TextField.class, spec -> spec.withId("model-step-name")).setValue("Đối chiếu sổ gốc");
        _click(_get(Button.class, spec -> spec.withId("model-step-apply")));
        _click(_get(Button.class, spec -> spec.withId("model-save")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("model-changed-meanwhile")).getText())
                .contains(ProcedureUploads.CODE, "đã thay đổi sau khi trang này mở", "Chưa lưu gì");
        assertThat(_find(Paragraph.class, spec -> spec.withId("model-saved"))).isEmpty();
        assertThat(designs.draft(ProcedureUploads.CODE).orElseThrow().contentHash()).isEqualTo(saved.contentHash());

        // opened again, the page shows their draft and saves over it
        UI.getCurrent().navigate("design/" + ProcedureUploads.CODE + "/model");
        modeler = _get(BpmnModeler.class, spec -> spec.withId("model-modeler"));
        assertThat(StepConventions.step(modeler.getXml(), ProcedureUploads.STEP).orElseThrow().hours()).isEqualTo(5);
        select(modeler, ProcedureUploads.STEP);
        _get(TextField.class, spec -> spec.withId("model-step-name")).setValue("Đối chiếu sổ gốc");
        _click(_get(Button.class, spec -> spec.withId("model-step-apply")));
        _click(_get(Button.class, spec -> spec.withId("model-save")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("model-saved")).getText()).contains(ProcedureUploads.CODE);
        var mine = designs.editable(ProcedureUploads.CODE);
        assertThat(StepConventions.step(mine.xml(), ProcedureUploads.STEP).orElseThrow().name()).isEqualTo("Đối chiếu sổ gốc");
        assertThat(StepConventions.step(mine.xml(), ProcedureUploads.STEP).orElseThrow().hours()).isEqualTo(5);
        // and saves again from the same page: its own draft is what it read
        _click(_get(Button.class, spec -> spec.withId("model-save")));
        assertThat(_find(Paragraph.class, spec -> spec.withId("model-changed-meanwhile"))).isEmpty();
    }

    @Test
    void theProcedureInformationIsEditedBesideTheModelAndSavedWithItAsTheDraft() {
        KaribuViews.signInAs(users, "designer");
        UI.getCurrent().navigate("design/" + ProcedureUploads.CODE + "/model");
        assertThat(_get(TextField.class, spec -> spec.withId("descriptor-code")).getValue()).isEqualTo(ProcedureUploads.CODE);
        var time = _get(IntegerField.class, spec -> spec.withId("descriptor-timeAmount"));
        int before = time.getValue();
        time.setValue(before + 1);
        _click(_get(Button.class, spec -> spec.withId("descriptor-component-add")));
        var rows = _find(TextField.class, spec -> spec.withId("descriptor-component-code-" + (componentCount() - 1)));
        rows.get(0).setValue("GIAY_UY_QUYEN");
        _get(TextField.class, spec -> spec.withId("descriptor-component-nameVi-" + (componentCount() - 1))).setValue("Văn bản ủy quyền");
        _click(_get(Button.class, spec -> spec.withId("model-save")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("model-saved")).getText()).contains(ProcedureUploads.CODE);

        var saved = vn.motcua.catalogue.DescriptorEdit.read(designs.editable(ProcedureUploads.CODE).descriptor());
        assertThat(saved.timeAmount()).isEqualTo(before + 1);
        assertThat(saved.components()).extracting(vn.motcua.catalogue.DescriptorEdit.Component::code).contains("GIAY_UY_QUYEN");

        // a component without a name: the linter refuses, nothing kept
        _get(TextField.class, spec -> spec.withId("descriptor-component-nameVi-" + (componentCount() - 1))).setValue("");
        _click(_get(Button.class, spec -> spec.withId("model-save")));
        assertThat(_find(_get(UnorderedList.class, spec -> spec.withId("model-problems")), ListItem.class)).isNotEmpty();
        assertThat(vn.motcua.catalogue.DescriptorEdit.read(designs.editable(ProcedureUploads.CODE).descriptor()).components())
                .filteredOn(c -> "GIAY_UY_QUYEN".equals(c.code())).singleElement()
                .satisfies(c -> assertThat(c.nameVi()).isEqualTo("Văn bản ủy quyền"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStepsFormIsEditedWithTheFormEditorPreviewedAsTheStaffSeeItAndSavedWithTheDraft() {
        var editor = openReviewFormEditor();
        assertThat(FormConventions.id(editor.getSchema())).isEqualTo(REVIEW_FORM);

        // the designer adds a field in the editor (as form-js sends it), then looks at the preview
        String added = editor.getSchema().replaceFirst("\"components\"\\s*:\\s*\\[",
                "\"components\": [ { \"label\": \"Số trang sổ gốc\", \"type\": \"textfield\", \"id\": \"Field_Page\", "
                        + "\"key\": \"registerPage\" },");
        ComponentUtil.fireEvent(editor, new vn.motcua.diagram.FormSchemaEditor.SchemaChangedEvent(editor, true, added));
        _get(com.vaadin.flow.component.tabs.TabSheet.class).setSelectedIndex(1);
        var preview = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("model-form-preview"));
        assertThat(_find(preview, vn.motcua.forms.FormRenderer.class)).as("rendered natively, as the clerk sees it").hasSize(1);
        assertThat(_find(preview, TextField.class)).anySatisfy(f -> assertThat(f.getLabel()).isEqualTo("Số trang sổ gốc"));
        _click(_get(Button.class, spec -> spec.withId("model-form-keep")));
        var variables = (CheckboxGroup<FormConventions.Field>) _get(CheckboxGroup.class, spec -> spec.withId("model-step-variables"));
        assertThat(variables.getListDataView().getItems().map(FormConventions.Field::key)).contains("registerPage");

        _click(_get(Button.class, spec -> spec.withId("model-save")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("model-saved")).getText()).contains(ProcedureUploads.CODE);
        assertThat(FormConventions.fields(designs.editable(ProcedureUploads.CODE).forms().get(REVIEW_FORM)))
                .extracting(FormConventions.Field::key).contains("registerPage");
    }

    @Test
    void aFormWhoseIdChangedIsNotKept() {
        var editor = openReviewFormEditor();
        ComponentUtil.fireEvent(editor, new vn.motcua.diagram.FormSchemaEditor.SchemaChangedEvent(editor, true,
                editor.getSchema().replace("\"id\": \"" + REVIEW_FORM + "\"", "\"id\": \"another-form\"")));
        _click(_get(Button.class, spec -> spec.withId("model-form-keep")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("model-form-error")).getText())
                .isEqualTo("Mã biểu mẫu phải giữ là " + REVIEW_FORM + ": các bước dẫn tới biểu mẫu bằng mã này.");
        _get(com.vaadin.flow.component.dialog.Dialog.class, spec -> spec.withId("model-form-dialog"));
    }

    /** The designer opens the model and, for the review step, its form in the form editor. */
    private FormSchemaEditor openReviewFormEditor() {
        KaribuViews.signInAs(users, "designer");
        UI.getCurrent().navigate("design/" + ProcedureUploads.CODE + "/model");
        select(_get(BpmnModeler.class, spec -> spec.withId("model-modeler")), ProcedureUploads.STEP);
        _click(_get(Button.class, spec -> spec.withId("model-step-edit-form")));
        return _get(FormSchemaEditor.class, spec -> spec.withId("model-form-editor"));
    }

    private static int componentCount() {
        return (int) _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, spec -> spec.withId("descriptor-components"))
                .getChildren().count();
    }

    @Test
    void aHourOutOfRangeOrAMalformedUnitIsRefusedOnItsFieldAndTheDiagramIsUnchanged() {
        KaribuViews.signInAs(users, "designer");
        UI.getCurrent().navigate("design/" + ProcedureUploads.CODE + "/model");
        var modeler = _get(BpmnModeler.class, spec -> spec.withId("model-modeler"));
        String before = modeler.getXml();
        select(modeler, ProcedureUploads.STEP);
        assertThat(before).contains("name=\"Đối chiếu sổ gốc, cấp bản sao\"");
        // renamed on the diagram: the name beside it follows
        ComponentUtil.fireEvent(modeler, new BpmnModeler.DiagramChangedEvent(modeler, true,
                before.replace("name=\"Đối chiếu sổ gốc, cấp bản sao\"", "name=\"Đối chiếu, cấp bản sao\"")));
        assertThat(_get(TextField.class, spec -> spec.withId("model-step-name")).getValue()).isEqualTo("Đối chiếu, cấp bản sao");
        before = modeler.getXml();
        var hours = _get(IntegerField.class, spec -> spec.withId("model-step-hours"));
        hours.setValue(0);
        _click(_get(Button.class, spec -> spec.withId("model-step-apply")));
        assertThat(hours.isInvalid()).isTrue();
        assertThat(hours.getErrorMessage()).isEqualTo("Thời hạn phải là số giờ làm việc từ 1 đến 2000.");
        hours.setValue(4);
        @SuppressWarnings("unchecked")
        var unit = (ComboBox<String>) _get(ComboBox.class, spec -> spec.withId("model-step-unit"));
        ComponentUtil.fireEvent(unit, new ComboBox.CustomValueSetEvent<>(unit, true, "unit}; ${x"));
        _click(_get(Button.class, spec -> spec.withId("model-step-apply")));
        assertThat(unit.isInvalid()).isTrue();
        assertThat(modeler.getXml()).isEqualTo(before);
    }

    @Test
    void aClerkCannotOpenIt() {
        KaribuViews.signInAs(users, "clerk");
        UI.getCurrent().navigate("design/" + ProcedureUploads.CODE + "/model");
        assertThatThrownBy(() -> _get(ModelDesignView.class)).hasMessageContaining("No visible ModelDesignView");
        assertThatThrownBy(() -> designs.editable(ProcedureUploads.CODE))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    private static void select(BpmnModeler modeler, String id) {
        ComponentUtil.fireEvent(modeler, new BpmnModeler.ElementSelectedEvent(modeler, true, id, "bpmn:UserTask"));
    }
}
