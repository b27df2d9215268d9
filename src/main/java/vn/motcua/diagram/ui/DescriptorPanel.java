package vn.motcua.diagram.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.catalogue.DescriptorEdit;
import vn.motcua.catalogue.OnlineLevel;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.Sector;
import vn.motcua.organisation.UnitLevel;

/**
 * A procedure's descriptor ({@code procedure.json}) in a form beside its model: names, sector, level, online level,
 * processing time, fee, result and the dossier's components (added, removed, renamed, required or not). What the form
 * does not show is kept ({@link DescriptorEdit}); the linter checks the result when the draft is saved.
 */
class DescriptorPanel extends VerticalLayout {
    private final TextField code = field("code");
    private final TextField nameVi = field("nameVi");
    private final TextField nameEn = field("nameEn");
    private final Select<Sector> sector = new Select<>();
    private final Select<UnitLevel> level = new Select<>();
    private final Select<OnlineLevel> onlineLevel = new Select<>();
    private final IntegerField timeAmount = new IntegerField();
    private final Select<ProcessingTime.Unit> timeUnit = new Select<>();
    private final TextField timeSource = field("timeSource");
    private final BigDecimalField feeAmount = new BigDecimalField();
    private final TextField feeNoteVi = field("feeNoteVi");
    private final TextField feeNoteEn = field("feeNoteEn");
    private final TextField feeSource = field("feeSource");
    private final TextField resultVi = field("resultVi");
    private final TextField resultEn = field("resultEn");
    private final Select<Procedure.ResultType> resultType = new Select<>();
    private final VerticalLayout components = new VerticalLayout();
    private final List<ComponentRow> rows = new ArrayList<>();
    /** Numbers the rows' element ids: never reused, so a removed row's id is never given to another. */
    private int rowNumbers;
    private String original;
    private DescriptorEdit.Fields shown;

    DescriptorPanel() {
        setPadding(false);
        code.setReadOnly(true);
        select(sector, "sector", Sector.values(), s -> getTranslation(s.messageKey()));
        select(level, "level", UnitLevel.values(), l -> getTranslation("unitLevel." + l.name()));
        select(onlineLevel, "onlineLevel", OnlineLevel.values(), o -> getTranslation(o.messageKey()));
        onlineLevel.setEmptySelectionAllowed(true);
        onlineLevel.setEmptySelectionCaption(getTranslation("design.descriptor.onlineLevel.none"));
        select(timeUnit, "timeUnit", ProcessingTime.Unit.values(), u -> getTranslation("design.descriptor.timeUnit." + u.name()));
        select(resultType, "resultType", Procedure.ResultType.values(), r -> getTranslation("design.descriptor.resultType." + r.name()));
        timeAmount.setId("descriptor-timeAmount");
        timeAmount.setLabel(getTranslation("design.descriptor.timeAmount"));
        timeAmount.setMin(0);
        feeAmount.setId("descriptor-feeAmount");
        feeAmount.setLabel(getTranslation("design.descriptor.feeAmount"));
        var form = new FormLayout(code, nameVi, nameEn, sector, level, onlineLevel, timeAmount, timeUnit, timeSource,
                feeAmount, feeNoteVi, feeNoteEn, feeSource, resultVi, resultEn, resultType);
        form.setColspan(nameVi, 2);
        components.setPadding(false);
        components.setId("descriptor-components");
        var add = new Button(getTranslation("design.descriptor.component.add"), e -> addRow(new DescriptorEdit.Component("", "", "", true)));
        add.setId("descriptor-component-add");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new Paragraph(getTranslation("design.descriptor.hint")), form, new H4(getTranslation("design.descriptor.components")),
                components, add);
    }

    /** Shows a descriptor (null: none, the panel is empty and keeps nothing). */
    void show(String json) {
        original = json;
        rows.clear();
        rowNumbers = 0;
        components.removeAll();
        if (json == null) {
            shown = null;
            return;
        }
        shown = DescriptorEdit.read(json);
        code.setValue(text(shown.code()));
        nameVi.setValue(text(shown.nameVi()));
        nameEn.setValue(text(shown.nameEn()));
        sector.setValue(shown.sector());
        level.setValue(shown.level());
        onlineLevel.setValue(shown.onlineLevel());
        timeAmount.setValue(shown.timeAmount());
        timeUnit.setValue(shown.timeUnit());
        timeSource.setValue(text(shown.timeSource()));
        feeAmount.setValue(shown.feeAmount());
        feeNoteVi.setValue(text(shown.feeNoteVi()));
        feeNoteEn.setValue(text(shown.feeNoteEn()));
        feeSource.setValue(text(shown.feeSource()));
        resultVi.setValue(text(shown.resultVi()));
        resultEn.setValue(text(shown.resultEn()));
        resultType.setValue(shown.resultType());
        shown.components().forEach(this::addRow);
        // what was read, normalised the way the form gives it back: an unchanged form keeps the file as it is
        shown = fields();
    }

    /** The descriptor as edited, or null when nothing changed. */
    String edited() {
        if (original == null) return null;
        DescriptorEdit.Fields now = fields();
        return now.equals(shown) ? null : DescriptorEdit.write(original, now);
    }

    /** The descriptor as edited became the draft's: later changes are compared with it. */
    void saved() {
        String edited = edited();
        if (edited != null) show(edited);
    }

    private DescriptorEdit.Fields fields() {
        List<DescriptorEdit.Component> list = rows.stream().map(ComponentRow::value).toList();
        return new DescriptorEdit.Fields(code.getValue(), nameVi.getValue(), nameEn.getValue(), sector.getValue(),
                level.getValue(), onlineLevel.getValue(), timeAmount.getValue(), timeUnit.getValue(), timeSource.getValue(),
                feeAmount.getValue(), feeNoteVi.getValue(), feeNoteEn.getValue(), feeSource.getValue(), resultVi.getValue(),
                resultEn.getValue(), resultType.getValue(), list);
    }

    private void addRow(DescriptorEdit.Component component) {
        var row = new ComponentRow(component, rowNumbers++);
        rows.add(row);
        components.add(row.layout);
    }

    /** One component of the dossier in the form. */
    private final class ComponentRow {
        final TextField code = new TextField();
        final TextField nameVi = new TextField();
        final TextField nameEn = new TextField();
        final Checkbox required = new Checkbox();
        final HorizontalLayout layout;

        ComponentRow(DescriptorEdit.Component c, int index) {
            code.setLabel(getTranslation("design.descriptor.component.code"));
            code.setValue(text(c.code()));
            code.setId("descriptor-component-code-" + index);
            nameVi.setLabel(getTranslation("design.descriptor.component.nameVi"));
            nameVi.setValue(text(c.nameVi()));
            nameVi.setId("descriptor-component-nameVi-" + index);
            nameVi.setWidth("24rem");
            nameEn.setLabel(getTranslation("design.descriptor.component.nameEn"));
            nameEn.setValue(text(c.nameEn()));
            nameEn.setWidth("20rem");
            required.setLabel(getTranslation("design.descriptor.component.required"));
            required.setValue(c.required());
            var remove = new Button(getTranslation("design.descriptor.component.remove"));
            remove.setId("descriptor-component-remove-" + index);
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            layout = new HorizontalLayout(code, nameVi, nameEn, required, remove);
            layout.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
            remove.addClickListener(e -> {
                rows.remove(this);
                components.remove(layout);
            });
        }

        DescriptorEdit.Component value() {
            return new DescriptorEdit.Component(code.getValue(), nameVi.getValue(), nameEn.getValue(), required.getValue());
        }
    }

    private TextField field(String name) {
        var field = new TextField(getTranslation("design.descriptor." + name));
        field.setId("descriptor-" + name);
        field.setWidthFull();
        return field;
    }

    private <T> void select(Select<T> select, String name, T[] values, com.vaadin.flow.component.ItemLabelGenerator<T> label) {
        select.setId("descriptor-" + name);
        select.setLabel(getTranslation("design.descriptor." + name));
        select.setItems(values);
        select.setItemLabelGenerator(v -> v == null ? "" : label.apply(v));
    }

    private static String text(String s) { return s == null ? "" : s; }
}
