package vn.motcua.diagram.ui;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import vn.motcua.catalogue.DescriptorEdit;
import vn.motcua.catalogue.FormConventions;
import vn.motcua.catalogue.StepConventions;
import vn.motcua.catalogue.ProcedureDesigns;
import vn.motcua.diagram.BpmnModeler;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.NotFoundException;

/**
 * Sửa mô hình: a procedure's BPMN model edited in the browser with bpmn-js's Modeler, and MotCua's conventions of the
 * selected step edited beside it in Vaadin (who takes it, its deadline in working hours, its form and which of the
 * form's fields become process variables). Saving checks the model and forms with the catalogue linter like an
 * upload: problems are listed and marked on the diagram, nothing is kept; a clean model becomes the procedure's draft,
 * published on {@link DesignView}.
 */
@Route("design/:code/model")
@RolesAllowed("DESIGNER")
public class ModelDesignView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private static final int MAX_HOURS = StepConventions.MAX_HOURS;

    private final ProcedureDesigns designs;
    private final BpmnModeler modeler = new BpmnModeler();
    private final Paragraph origin = new Paragraph();
    private final H2 title = new H2();
    private final Paragraph noStep = new Paragraph();
    private final TextField name = new TextField();
    private final Select<StepConventions.Role> role = new Select<>();
    private final ComboBox<String> unit = new ComboBox<>();
    private final IntegerField hours = new IntegerField();
    private final ComboBox<String> form = new ComboBox<>();
    private final CheckboxGroup<FormConventions.Field> variables = new CheckboxGroup<>();
    private final Button apply = new Button();
    private final VerticalLayout stepFields = new VerticalLayout();
    private final Div result = new Div();
    private final DescriptorPanel descriptor = new DescriptorPanel();

    private String code;
    private ProcedureDesigns.EditableModel model;
    /** What the model shown was read from (its draft, or the version served): a save needs to find it unchanged. */
    private String base;
    /** The procedure's forms by id as they stand here, edits included. */
    private final Map<String, String> forms = new TreeMap<>();
    /** The forms changed here since the last save, by id. */
    private final Map<String, String> changedForms = new TreeMap<>();
    private String selectedStep;

    private final vn.motcua.forms.Forms formsRendering;
    private final Button editForm = new Button();

    public ModelDesignView(ProcedureDesigns designs, vn.motcua.forms.Forms formsRendering) {
        this.designs = designs;
        this.formsRendering = formsRendering;
        setSizeFull();
        modeler.setId("model-modeler");
        modeler.setHeight("70vh");
        modeler.addElementSelectedListener(e -> select(e.getElementId(), e.getType()));
        // a step renamed on the diagram: its name beside it follows
        modeler.addDiagramChangedListener(e -> {
            if (selectedStep == null || e.getXml() == null) return;
            StepConventions.step(e.getXml(), selectedStep).ifPresent(s -> name.setValue(s.name() == null ? "" : s.name()));
        });

        name.setId("model-step-name");
        name.setLabel(getTranslation("design.model.name"));
        name.setWidthFull();
        role.setId("model-step-role");
        role.setLabel(getTranslation("design.model.role"));
        role.setItems(StepConventions.Role.values());
        role.setItemLabelGenerator(r -> getTranslation("design.model.role." + r.name()));
        unit.setId("model-step-unit");
        unit.setLabel(getTranslation("design.model.unit"));
        unit.setHelperText(getTranslation("design.model.unit.help"));
        unit.setAllowCustomValue(true);
        unit.addCustomValueSetListener(e -> unit.setValue(e.getDetail()));
        unit.setWidthFull();
        hours.setId("model-step-hours");
        hours.setLabel(getTranslation("design.model.hours"));
        hours.setMin(1);
        hours.setMax(MAX_HOURS);
        hours.setStepButtonsVisible(true);
        form.setId("model-step-form");
        form.setLabel(getTranslation("design.model.form"));
        form.setClearButtonVisible(true);
        form.setWidthFull();
        form.addValueChangeListener(e -> showVariables(e.getValue()));
        variables.setId("model-step-variables");
        variables.setLabel(getTranslation("design.model.variables"));
        variables.setHelperText(getTranslation("design.model.variables.help"));
        variables.setItemLabelGenerator(f -> f.label() + " (" + f.key() + ")");
        apply.setText(getTranslation("design.model.apply"));
        apply.setId("model-step-apply");
        apply.addClickListener(e -> applyStep());
        noStep.setId("model-no-step");
        noStep.setText(getTranslation("design.model.noStep"));
        stepFields.setPadding(false);
        editForm.setText(getTranslation("design.form.edit"));
        editForm.setId("model-step-edit-form");
        editForm.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        editForm.addClickListener(e -> editForm(form.getValue()));
        form.addValueChangeListener(e -> editForm.setEnabled(e.getValue() != null));
        stepFields.add(name, role, unit, hours, form, editForm, variables, apply);
        stepFields.setVisible(false);

        var panel = new VerticalLayout(new H3(getTranslation("design.model.step")), noStep, stepFields);
        panel.setPadding(false);
        var split = new SplitLayout(modeler, panel);
        split.setSplitterPosition(70);
        split.setWidthFull();

        var save = new Button(getTranslation("design.model.save"), e -> save());
        save.setId("model-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        result.setId("model-result");
        result.setWidthFull();
        origin.setId("model-origin");
        var descriptorDetails = new com.vaadin.flow.component.details.Details(getTranslation("design.descriptor.title"), descriptor);
        descriptorDetails.setId("model-descriptor");
        descriptorDetails.setWidthFull();
        add(title, origin, new Paragraph(getTranslation("design.model.hint")), split, descriptorDetails,
                new HorizontalLayout(save, new RouterLink(getTranslation("design.model.back"), DesignView.class)), result);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        code = event.getRouteParameters().get("code").orElse("");
        try {
            model = designs.editable(code);
            base = model.base();
        } catch (NotFoundException e) {
            title.setText(getTranslation("design.model.notFound", code));
            model = null;
            return;
        }
        title.setText(getTranslation("design.model.title", code));
        origin.setText(getTranslation(model.fromDraft() ? "design.model.fromDraft" : "design.model.fromPublished"));
        forms.clear();
        forms.putAll(model.forms());
        changedForms.clear();
        form.setItems(List.copyOf(forms.keySet()));
        modeler.setXml(model.xml());
        modeler.setProblems(Map.of());
        descriptor.show(model.descriptor());
        select("", "");
    }

    @Override
    public String getPageTitle() { return getTranslation("design.model.title", code == null ? "" : code); }

    /** The designer selected an element of the diagram: a step shows its conventions, anything else none. */
    void select(String elementId, String type) {
        selectedStep = null;
        var step = elementId == null || elementId.isEmpty() || modeler.getXml() == null ? null
                : StepConventions.step(modeler.getXml(), elementId).orElse(null);
        stepFields.setVisible(step != null);
        noStep.setVisible(step == null);
        noStep.setText(getTranslation(elementId == null || elementId.isEmpty() ? "design.model.noStep" : "design.model.notStep"));
        if (step == null) return;
        selectedStep = step.id();
        name.setValue(step.name() == null ? "" : step.name());
        role.setValue(step.role());
        var units = StepConventions.unitVariables(modeler.getXml());
        unit.setItems(units);
        unit.setValue(step.unitVariable() == null ? StepConventions.OWN_UNIT : step.unitVariable());
        hours.setValue(step.hours());
        hours.setHelperText(step.hours() == null && step.dueDate() != null
                ? getTranslation("design.model.hours.other", step.dueDate()) : null);
        hours.setInvalid(false);
        unit.setInvalid(false);
        form.setValue(step.form() != null && forms.containsKey(step.form()) ? step.form() : null);
        showVariables(form.getValue());
    }

    /**
     * The step's form in bpmn.io's form editor, with a preview rendered as the clerk will see it: what the designer
     * keeps replaces the form here (saved with the draft).
     */
    void editForm(String formId) {
        if (formId == null || !forms.containsKey(formId)) return;
        var dialog = new com.vaadin.flow.component.dialog.Dialog();
        dialog.setId("model-form-dialog");
        dialog.setHeaderTitle(getTranslation("design.form.title", formId));
        dialog.setWidth("90vw");
        var editor = new vn.motcua.diagram.FormSchemaEditor();
        editor.setId("model-form-editor");
        editor.setSchema(forms.get(formId));
        var preview = new Div();
        preview.setId("model-form-preview");
        var tabs = new com.vaadin.flow.component.tabs.TabSheet();
        tabs.setWidthFull();
        tabs.add(getTranslation("design.form.tab.edit"), editor);
        var previewTab = tabs.add(getTranslation("design.form.tab.preview"), preview);
        var error = new Paragraph();
        error.setId("model-form-error");
        error.addClassName("error");
        error.setVisible(false);
        tabs.addSelectedChangeListener(e -> {
            if (e.getSelectedTab() == previewTab) showPreview(editor.getSchema(), preview, error);
        });
        var keep = new Button(getTranslation("design.form.keep"), e -> {
            String schema = editor.getSchema();
            if (!showPreview(schema, preview, error)) return;
            if (!formId.equals(FormConventions.id(schema))) {
                error.setText(getTranslation("design.form.idChanged", formId));
                error.setVisible(true);
                return;
            }
            forms.put(formId, schema);
            changedForms.put(formId, schema);
            showVariables(formId);
            dialog.close();
        });
        keep.setId("model-form-keep");
        keep.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(error, tabs);
        dialog.getFooter().add(new Button(getTranslation("design.form.cancel"), e -> dialog.close()), keep);
        add(dialog);
        dialog.open();
    }

    /** The form rendered natively, as the clerk will see it; false (and why) when it cannot be read. */
    private boolean showPreview(String schema, Div preview, Paragraph error) {
        preview.removeAll();
        try {
            preview.add(formsRendering.renderer(formsRendering.parse(schema), getLocale()));
            error.setVisible(false);
            return true;
        } catch (RuntimeException e) {
            error.setText(getTranslation("design.form.unreadable", e.getMessage() == null ? "" : e.getMessage()));
            error.setVisible(true);
            return false;
        }
    }

    private void showVariables(String formId) {
        String json = formId == null ? null : forms.get(formId);
        List<FormConventions.Field> fields = json == null ? List.of() : FormConventions.fields(json);
        variables.setItems(fields);
        Set<FormConventions.Field> marked = new HashSet<>();
        for (var f : fields) if (f.processVariable()) marked.add(f);
        variables.setValue(marked);
        variables.setVisible(!fields.isEmpty());
    }

    /** Writes the step's conventions into the diagram (and the form's process variables into the form). */
    void applyStep() {
        if (selectedStep == null || modeler.getXml() == null) return;
        Integer h = hours.getValue();
        boolean ok = true;
        if (h != null && (h < 1 || h > MAX_HOURS) || hours.isInvalid()) {
            hours.setInvalid(true);
            hours.setErrorMessage(getTranslation("design.model.invalid.hours"));
            ok = false;
        }
        String variable = unit.getValue() == null || unit.getValue().isBlank() ? StepConventions.OWN_UNIT : unit.getValue().strip();
        if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            unit.setInvalid(true);
            unit.setErrorMessage(getTranslation("design.model.invalid.unit"));
            ok = false;
        }
        if (!ok) return;
        hours.setInvalid(false);
        unit.setInvalid(false);
        var step = StepConventions.step(modeler.getXml(), selectedStep).orElse(null);
        if (step == null) return;
        // a form the procedure does not have (the linter says so) is left as written, never silently removed
        String formId = form.getValue() == null && step.form() != null && !forms.containsKey(step.form()) ? step.form() : form.getValue();
        modeler.setXml(StepConventions.apply(modeler.getXml(), step.with(name.getValue(), role.getValue(), variable, h, formId)));
        if (formId != null && forms.containsKey(formId)) {
            Set<String> keys = new HashSet<>();
            variables.getValue().forEach(f -> keys.add(f.key()));
            String before = forms.get(formId);
            Set<String> marked = new HashSet<>();
            FormConventions.fields(before).stream().filter(FormConventions.Field::processVariable).forEach(f -> marked.add(f.key()));
            if (!marked.equals(keys)) {
                String after = FormConventions.withProcessVariables(before, keys);
                forms.put(formId, after);
                changedForms.put(formId, after);
            }
        }
        // at the top: the save button stays free below
        Notification.show(getTranslation("design.model.applied", name.getValue()), 3000, Notification.Position.TOP_END);
    }

    /** Checks the diagram and forms as they stand here with the linter and keeps them as the draft when clean. */
    void save() {
        result.removeAll();
        try {
            var draft = designs.saveModel(code, base, modeler.getXml(), changedForms, descriptor.edited());
            base = draft.contentHash();
            changedForms.clear();
            descriptor.saved();
            modeler.setProblems(Map.of());
            var saved = new Paragraph(getTranslation("design.model.saved", draft.code()));
            saved.setId("model-saved");
            result.add(saved);
            origin.setText(getTranslation("design.model.fromDraft"));
            Notification.show(saved.getText(), 4000, Notification.Position.TOP_END).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ProcedureDesigns.UploadRejected e) {
            showProblems(e);
        } catch (InvalidInputException e) {
            var error = new Paragraph(e.violations().get(0).message());
            error.addClassName("error");
            result.add(error);
        } catch (vn.motcua.shared.BusinessRuleException e) {
            // another designer saved, uploaded or published since this page read the model: nothing was saved
            var error = new Paragraph(getTranslation(e.messageKey(), e.args()));
            error.setId("model-changed-meanwhile");
            error.addClassName("error");
            result.add(error);
        }
    }

    private void showProblems(ProcedureDesigns.UploadRejected e) {
        boolean english = "en".equals(getLocale().getLanguage());
        var heading = new Paragraph(getTranslation("design.problems", e.problems().size()));
        heading.addClassName("error");
        var list = new UnorderedList();
        list.setId("model-problems");
        Map<String, String> marks = new LinkedHashMap<>();
        for (var p : e.problems()) {
            String message = english ? p.messageEn() : p.message();
            var item = new ListItem(p.file() + (p.elementId() == null ? "" : " › " + p.elementId()) + ": " + message
                    + " [" + p.rule() + "]");
            item.getElement().setAttribute("data-rule", p.rule());
            if (p.elementId() != null) item.getElement().setAttribute("data-element-id", p.elementId());
            list.add(item);
            if (p.elementId() != null && p.file() != null && p.file().endsWith(model.bpmnFile())) {
                marks.merge(p.elementId(), message, (a, b) -> a + " · " + b);
            }
        }
        result.add(heading, list);
        modeler.setProblems(marks);
    }
}
