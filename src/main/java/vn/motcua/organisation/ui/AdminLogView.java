package vn.motcua.organisation.ui;

import java.time.Clock;
import java.time.LocalDate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.motcua.organisation.AdminLogEntry;
import vn.motcua.organisation.OrganisationAdministration;
import vn.motcua.shared.Formats;
import vn.motcua.shared.InvalidInputException;

/** Nhật ký quản trị: every administrative change of a period, newest first, and its CSV export. */
@Route("admin/log")
@Menu(title = "menu.adminLog", order = 96)
@RolesAllowed("ADMIN")
public class AdminLogView extends VerticalLayout implements HasDynamicTitle {
    private final OrganisationAdministration administration;
    private final Grid<AdminLogEntry> grid = new Grid<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Anchor export = new Anchor();
    private final Paragraph empty = new Paragraph();

    public AdminLogView(OrganisationAdministration administration, Clock clock) {
        this.administration = administration;
        setSizeFull();
        LocalDate today = LocalDate.now(clock);
        from.setLabel(getTranslation("adminLog.from"));
        from.setId("admin-log-from");
        from.setValue(today.minusDays(30));
        to.setLabel(getTranslation("adminLog.to"));
        to.setId("admin-log-to");
        to.setValue(today);
        var show = new Button(getTranslation("adminLog.show"), e -> refresh());
        show.setId("admin-log-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        export.setId("admin-log-export");
        export.setText(getTranslation("adminLog.export"));
        export.getElement().setAttribute("download", true);
        empty.setId("admin-log-empty");
        empty.setText(getTranslation("adminLog.empty"));

        grid.setId("admin-log");
        grid.addColumn(e -> Formats.dateTime(e.at())).setHeader(getTranslation("adminLog.at")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AdminLogEntry::actor).setHeader(getTranslation("adminLog.actor")).setAutoWidth(true);
        grid.addColumn(AdminLogEntry::action).setHeader(getTranslation("adminLog.action")).setAutoWidth(true);
        grid.addColumn(AdminLogEntry::target).setHeader(getTranslation("adminLog.target")).setAutoWidth(true);
        grid.addColumn(e -> e.details() == null ? "" : e.details()).setHeader(getTranslation("adminLog.details")).setFlexGrow(3);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);

        var bar = new HorizontalLayout(from, to, show, export);
        bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(new H2(getTranslation("adminLog.title")), new Paragraph(getTranslation("adminLog.intro")), bar, empty, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void refresh() {
        from.setInvalid(false);
        to.setInvalid(false);
        try {
            var entries = administration.log(from.getValue(), to.getValue(), OrganisationAdministration.MAX_LOG);
            grid.setItems(entries);
            grid.setVisible(!entries.isEmpty());
            empty.setVisible(entries.isEmpty());
            export.setHref("/api/admin/log.csv?from=" + from.getValue() + "&to=" + to.getValue());
        } catch (InvalidInputException e) {
            to.setErrorMessage(e.violations().get(0).message());
            to.setInvalid(true);
        }
    }

    @Override
    public String getPageTitle() { return getTranslation("adminLog.title"); }
}
