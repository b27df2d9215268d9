package vn.motcua.organisation.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.motcua.organisation.OrganisationAdministration;
import vn.motcua.organisation.Unit;
import vn.motcua.organisation.UnitForm;
import vn.motcua.organisation.UnitKind;
import vn.motcua.organisation.UnitLevel;
import vn.motcua.organisation.internal.TableFile;
import vn.motcua.shared.Formats;
import vn.motcua.shared.InvalidInputException;

/**
 * Đơn vị: the administrator's tree of units. Create a unit, change it (names, level, kind, the unit above), close or
 * reopen it, delete one nothing refers to, and import a list (CSV or XLSX), first as a trial that keeps nothing.
 */
@Route("admin/units")
@Menu(title = "menu.units", order = 94)
@RolesAllowed("ADMIN")
public class UnitsView extends VerticalLayout implements HasDynamicTitle {
    private final OrganisationAdministration administration;
    private final TreeGrid<Unit> grid = new TreeGrid<>();
    private final ListToolbar toolbar;
    private final Div report = new Div();
    private final java.time.Clock clock;
    private List<Unit> all = List.of();
    /** The merges planned for a day to come, by the merged unit's identifier. */
    private java.util.Map<String, vn.motcua.organisation.ScheduledMerge> planned = java.util.Map.of();

    public UnitsView(OrganisationAdministration administration, java.time.Clock clock) {
        this.administration = administration;
        this.clock = clock;
        setSizeFull();

        toolbar = new ListToolbar("units", this::render, () -> edit(null), this::importList);
        report.setId("units-import-report");

        grid.setId("units");
        grid.addHierarchyColumn(u -> u.displayName(getLocale())).setHeader(getTranslation("units.name")).setFlexGrow(3);
        grid.addColumn(Unit::identifier).setHeader(getTranslation("units.identifier")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(u -> getTranslation("unitLevel." + u.level().name())).setHeader(getTranslation("units.level")).setAutoWidth(true);
        grid.addColumn(u -> getTranslation(u.kind().messageKey())).setHeader(getTranslation("units.kind")).setAutoWidth(true);
        grid.addColumn(this::state).setHeader(getTranslation("units.state")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addItemDoubleClickListener(e -> edit(e.getItem()));

        add(new H2(getTranslation("units.title")), new Paragraph(getTranslation("units.intro")), toolbar, report, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private String state(Unit unit) {
        var plan = planned.get(unit.identifier());
        if (plan != null) return getTranslation("units.mergePlanned", plan.successor(), Formats.date(plan.effectiveOn()));
        return unit.active() ? getTranslation("units.open")
                : getTranslation("units.closedOn", Formats.date(unit.closedOn()));
    }

    private Component actions(Unit unit) {
        String id = unit.identifier().replace('.', '-');
        var edit = new Button(getTranslation("units.edit"), e -> edit(unit));
        edit.setId("unit-edit-" + id);
        var close = unit.active()
                ? new Button(getTranslation("units.close"), e -> close(unit))
                : new Button(getTranslation("units.reopen"), e -> {
                    if (AdminForms.attempt(() -> administration.reopenUnit(unit.identifier()))) {
                        AdminForms.success(getTranslation("units.reopened", unit.identifier()));
                        refresh();
                    }
                });
        close.setId((unit.active() ? "unit-close-" : "unit-reopen-") + id);
        var delete = new Button(getTranslation("units.delete"), e -> delete(unit));
        delete.setId("unit-delete-" + id);
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        var merge = new Button(getTranslation("units.merge"), e -> merge(unit));
        merge.setId("unit-merge-" + id);
        boolean plannedMerge = planned.containsKey(unit.identifier());
        merge.setVisible(unit.active() && !plannedMerge);
        var cancelMerge = new Button(getTranslation("units.mergeCancel"), e -> {
            if (AdminForms.attempt(() -> administration.cancelScheduledMerge(unit.identifier()))) {
                AdminForms.success(getTranslation("units.mergeCancelled", unit.identifier()));
                refresh();
            }
        });
        cancelMerge.setId("unit-merge-cancel-" + id);
        cancelMerge.setVisible(plannedMerge);
        for (var b : List.of(edit, close, merge, cancelMerge, delete)) b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(edit, close, merge, cancelMerge, delete);
    }

    void refresh() {
        all = administration.units();
        planned = administration.scheduledMerges().stream().filter(m -> "PENDING".equals(m.state()))
                .collect(java.util.stream.Collectors.toMap(vn.motcua.organisation.ScheduledMerge::unit, m -> m, (a, b) -> a));
        render();
    }

    private void render() {
        String text = TableFile.fold(toolbar.filterText());
        Map<Long, Unit> byId = all.stream().collect(Collectors.toMap(Unit::id, Function.identity()));
        List<Unit> shown = all;
        if (!text.isEmpty()) {
            // the units that match, with the units above them so that the tree still reads
            var matching = all.stream().filter(u -> TableFile.fold(u.name()).contains(text)
                    || TableFile.fold(u.identifier()).contains(text) || TableFile.fold(u.nameEn()).contains(text)).toList();
            shown = all.stream().filter(u -> matching.stream().anyMatch(u::contains)).toList();
        }
        var roots = new ArrayList<Unit>();
        Map<Long, List<Unit>> children = new java.util.HashMap<>();
        for (Unit u : shown) {
            if (u.parentId() == null || !byId.containsKey(u.parentId()) || !shown.contains(byId.get(u.parentId()))) roots.add(u);
            else children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
        }
        grid.setItems(roots, u -> children.getOrDefault(u.id(), List.of()));
        if (!text.isEmpty()) grid.expandRecursively(roots, 10);
        else grid.expand(roots);
    }

    private void edit(Unit unit) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(unit == null ? "units.create" : "units.edit"));
        dialog.setId("unit-dialog");
        var identifier = new TextField(getTranslation("units.identifier"));
        identifier.setId("unit-identifier");
        identifier.setHelperText(getTranslation("units.identifier.help"));
        var name = new TextField(getTranslation("units.name"));
        name.setId("unit-name");
        var nameEn = new TextField(getTranslation("units.nameEn"));
        nameEn.setId("unit-name-en");
        var level = new ComboBox<UnitLevel>(getTranslation("units.level"));
        level.setId("unit-level");
        level.setItems(UnitLevel.values());
        level.setItemLabelGenerator(l -> getTranslation("unitLevel." + l.name()));
        var kind = new ComboBox<UnitKind>(getTranslation("units.kind"));
        kind.setId("unit-kind");
        kind.setItems(UnitKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        var parent = new ComboBox<Unit>(getTranslation("units.parent"));
        parent.setId("unit-parent");
        parent.setItems((u, text) -> TableFile.fold(u.name()).contains(TableFile.fold(text)) || u.identifier().contains(text),
                all.stream().filter(u -> u.active() && (unit == null || !unit.contains(u))).toList());
        parent.setItemLabelGenerator(u -> u.identifier() + " · " + u.displayName(getLocale()));
        if (unit != null) {
            identifier.setValue(unit.identifier());
            identifier.setReadOnly(true);
            name.setValue(unit.name());
            nameEn.setValue(Objects.requireNonNullElse(unit.nameEn(), ""));
            level.setValue(unit.level());
            kind.setValue(unit.kind());
            all.stream().filter(u -> Objects.equals(u.id(), unit.parentId())).findFirst().ifPresent(parent::setValue);
        }
        var form = new FormLayout(identifier, name, nameEn, level, kind, parent);
        dialog.add(form);
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("identifier", identifier, "name", name,
                "nameEn", nameEn, "level", level, "kind", kind, "parent", parent);
        var save = new Button(getTranslation("units.save"), e -> {
            var request = new UnitForm(identifier.getValue(), name.getValue(), nameEn.getValue(), level.getValue(),
                    kind.getValue(), parent.getValue() == null ? null : parent.getValue().identifier());
            try {
                Unit saved = unit == null ? administration.createUnit(request) : administration.updateUnit(unit.identifier(), request);
                dialog.close();
                AdminForms.success(getTranslation("units.saved", saved.identifier()));
                refresh();
            } catch (InvalidInputException ex) {
                AdminForms.showViolations(ex, fields);
            }
        });
        save.setId("unit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("units.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, save);
        add(dialog);
        dialog.open();
    }

    private void close(Unit unit) {
        var dialog = new ConfirmDialog();
        dialog.setId("unit-close-dialog");
        dialog.setHeader(getTranslation("units.close.title", unit.displayName(getLocale())));
        var day = new DatePicker(getTranslation("units.close.on"), LocalDate.now(clock));
        day.setId("unit-close-on");
        dialog.add(new Paragraph(getTranslation("units.close.text")), day);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("units.cancel"));
        dialog.setConfirmText(getTranslation("units.close"));
        dialog.addConfirmListener(e -> {
            if (AdminForms.attempt(() -> administration.closeUnit(unit.identifier(), day.getValue()))) {
                AdminForms.success(getTranslation("units.closed", unit.identifier()));
                refresh();
            }
        });
        add(dialog);
        dialog.open();
    }

    /** Merge into a successor: the open work and the people move; the report says what moved. */
    private void merge(Unit unit) {
        var dialog = new ConfirmDialog();
        dialog.setId("unit-merge-dialog");
        dialog.setHeader(getTranslation("units.merge.title", unit.displayName(getLocale())));
        var successor = new com.vaadin.flow.component.combobox.ComboBox<Unit>(getTranslation("units.merge.successor"));
        successor.setId("unit-merge-successor");
        successor.setItems(administration.units().stream().filter(u -> u.active() && u.id() != unit.id() && !unit.contains(u)).toList());
        successor.setItemLabelGenerator(u -> u.identifier() + " · " + u.displayName(getLocale()));
        successor.setWidthFull();
        var day = new DatePicker(getTranslation("units.merge.on"), LocalDate.now(clock));
        day.setId("unit-merge-on");
        dialog.add(new Paragraph(getTranslation("units.merge.text")), successor, day);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("units.cancel"));
        dialog.setConfirmText(getTranslation("units.merge"));
        dialog.addConfirmListener(e -> {
            var report = new java.util.concurrent.atomic.AtomicReference<vn.motcua.organisation.UnitMergeReport>();
            if (AdminForms.attempt(() -> report.set(administration.mergeUnit(unit.identifier(),
                    successor.getValue() == null ? null : successor.getValue().identifier(), day.getValue())))) {
                var moved = report.get().moved();
                if (report.get().scheduled()) {
                    AdminForms.success(getTranslation("units.mergeScheduled", unit.identifier(), report.get().successor(),
                            Formats.date(report.get().effectiveOn())));
                } else {
                    AdminForms.success(getTranslation("units.merged", unit.identifier(), report.get().successor(),
                            moved.getOrDefault("dossiers", 0), moved.getOrDefault("tasks", 0), moved.getOrDefault("users", 0)));
                }
                refresh();
            }
        });
        add(dialog);
        dialog.open();
    }

    private void delete(Unit unit) {
        var dialog = new ConfirmDialog(getTranslation("units.delete.title", unit.displayName(getLocale())),
                getTranslation("units.delete.text", unit.identifier()), getTranslation("units.delete"), e -> {
                    if (AdminForms.attempt(() -> administration.deleteUnit(unit.identifier()))) {
                        AdminForms.success(getTranslation("units.deleted", unit.identifier()));
                        refresh();
                    }
                });
        dialog.setId("unit-delete-dialog");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("units.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        add(dialog);
        dialog.open();
    }

    private void importList(String fileName, byte[] content, boolean dryRun) {
        report.removeAll();
        try {
            var result = administration.importUnits(fileName, content, dryRun);
            report.add(AdminForms.report(this, result, "units-import-rows"));
            refresh();
        } catch (InvalidInputException e) {
            AdminForms.error(e.violations().get(0).message());
        }
    }

    @Override
    public String getPageTitle() { return getTranslation("units.title"); }
}
