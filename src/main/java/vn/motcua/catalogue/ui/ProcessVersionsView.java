package vn.motcua.catalogue.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.motcua.catalogue.MigrationReport;
import vn.motcua.catalogue.ProcessVersion;
import vn.motcua.catalogue.ProcessVersions;
import vn.motcua.catalogue.VersionedProcess;
import vn.motcua.catalogue.internal.CatalogueMessages;
import vn.motcua.shared.Formats;

/**
 * The administrator's view of process versions (phiên bản quy trình): every process of the catalogue with its
 * versions and the dossiers running on each, and moving the dossiers of an older version to another one, with a
 * report of what moved and what could not, and why.
 */
@Route("admin/versions")
@Menu(title = "menu.versions", order = 95)
@RolesAllowed("ADMIN")
public class ProcessVersionsView extends VerticalLayout implements HasDynamicTitle {
    private final ProcessVersions versions;
    private final Grid<Row> grid = new Grid<>();
    private List<VersionedProcess> processes = List.of();

    /** One version of one process, a line of the grid. */
    record Row(VersionedProcess process, ProcessVersion version) { }

    public ProcessVersionsView(ProcessVersions versions) {
        this.versions = versions;
        grid.setId("process-versions");
        grid.addColumn(r -> processLabel(r.process())).setHeader(text("catalogue.versions.process")).setFlexGrow(3);
        grid.addColumn(r -> r.version().version() + (r.version().latest() ? " (" + text("catalogue.versions.latest") + ")" : ""))
                .setHeader(text("catalogue.versions.version")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> Formats.dateTime(r.version().deployedAt())).setHeader(text("catalogue.versions.deployedAt")).setAutoWidth(true);
        grid.addColumn(r -> r.version().runningInstances()).setHeader(text("catalogue.versions.running")).setAutoWidth(true);
        grid.addComponentColumn(this::action).setKey("action").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        add(new H2(text("catalogue.versions.title")), new Paragraph(text("catalogue.versions.intro")), grid);
        setSizeFull();
        refresh();
    }

    private Component action(Row row) {
        boolean movable = row.process().versions().size() > 1 && row.version().runningInstances() > 0;
        if (!movable) return new Span();
        var button = new Button(text("catalogue.versions.migrate"), e -> openMigration(row));
        button.setId("migrate-" + row.version().definitionId().replaceAll("[^A-Za-z0-9_-]", "_"));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void refresh() {
        processes = versions.processes();
        List<Row> rows = new ArrayList<>();
        processes.forEach(p -> p.versions().forEach(v -> rows.add(new Row(p, v))));
        grid.setItems(rows);
    }

    private void openMigration(Row row) {
        var dialog = new Dialog();
        dialog.setId("migration-dialog");
        dialog.setHeaderTitle(text("catalogue.versions.dialog.title", processLabel(row.process()), row.version().version()));
        var target = new Select<ProcessVersion>();
        target.setId("migration-target");
        target.setLabel(text("catalogue.versions.dialog.target"));
        var others = row.process().versions().stream().filter(v -> !v.definitionId().equals(row.version().definitionId())).toList();
        target.setItems(others);
        target.setItemLabelGenerator(v -> v.version() + (v.latest() ? " (" + text("catalogue.versions.latest") + ")" : ""));
        others.stream().filter(ProcessVersion::latest).findFirst().ifPresentOrElse(target::setValue, () -> target.setValue(others.get(0)));
        dialog.add(new Paragraph(text("catalogue.versions.dialog.text", row.version().runningInstances(), row.version().version())), target);
        var confirm = new Button(text("catalogue.versions.dialog.confirm"), e -> {
            MigrationReport report = versions.migrate(row.version().definitionId(), target.getValue().definitionId());
            dialog.close();
            refresh();
            showReport(report);
        });
        confirm.setId("migration-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(text("catalogue.versions.dialog.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    private void showReport(MigrationReport report) {
        var dialog = new Dialog();
        dialog.setId("migration-report");
        dialog.setHeaderTitle(text("catalogue.versions.report.title", report.sourceVersion(), report.targetVersion()));
        dialog.add(new ReportPanel(report, getLocale()));
        var close = new Button(text("catalogue.versions.report.close"), e -> dialog.close());
        dialog.getFooter().add(close);
        dialog.open();
    }

    private String processLabel(VersionedProcess process) {
        return process.shared()
                ? process.processKey() + " · " + text("catalogue.versions.shared")
                : process.procedureCode() + " · " + process.procedureName().in(getLocale()) + " (" + process.processKey() + ")";
    }

    private String text(String key, Object... args) { return CatalogueMessages.message(getLocale(), key, args); }

    @Override
    public String getPageTitle() { return text("catalogue.versions.title"); }

    /** A migration report in words: what moved, what stayed and why, or why nothing could be tried. */
    static final class ReportPanel extends Div {
        ReportPanel(MigrationReport report, java.util.Locale locale) {
            setId("migration-report-panel");
            if (!report.planProblems().isEmpty()) {
                add(new Paragraph(CatalogueMessages.message(locale, "catalogue.versions.report.planRefused",
                        report.sourceVersion(), report.targetVersion())));
                add(reasons(report.planProblems(), locale));
                return;
            }
            if (report.migrated().isEmpty() && report.notMigrated().isEmpty()) {
                add(new Paragraph(CatalogueMessages.message(locale, "catalogue.versions.report.none")));
                return;
            }
            var moved = new UnorderedList();
            moved.setId("migration-moved");
            report.migrated().forEach(i -> moved.add(new ListItem(i.label())));
            add(new H4(CatalogueMessages.message(locale, "catalogue.versions.report.moved", report.migrated().size())), moved);
            if (!report.notMigrated().isEmpty()) {
                var stayed = new UnorderedList();
                stayed.setId("migration-not-moved");
                for (var failure : report.notMigrated()) {
                    var item = new ListItem(new Span(failure.instance().label()));
                    item.add(reasons(failure.reasons(), locale));
                    stayed.add(item);
                }
                add(new H4(CatalogueMessages.message(locale, "catalogue.versions.report.notMoved", report.notMigrated().size())), stayed);
            }
        }

        private static UnorderedList reasons(List<MigrationReport.Reason> reasons, java.util.Locale locale) {
            var list = new UnorderedList();
            for (var reason : reasons) {
                list.add(new ListItem(reason.activityId() == null ? reason.message()
                        : CatalogueMessages.message(locale, "catalogue.versions.reason.activity", reason.activityId(), reason.message())));
            }
            return list;
        }
    }
}
