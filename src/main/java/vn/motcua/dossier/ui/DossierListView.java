package vn.motcua.dossier.ui;

import java.time.Clock;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierStatusBadge;
import vn.motcua.shared.Formats;

/** The dossiers the user may see (their unit's, their subtree's, or their own), newest first. */
@Route("dossiers")
@Menu(title = "menu.dossiers", order = 30)
@PermitAll
public class DossierListView extends VerticalLayout implements HasDynamicTitle {
    private final Clock clock;
    private final DossierService dossiers;
    private final Grid<Dossier> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Select<DossierStatus> status = new Select<>();

    public DossierListView(DossierService dossiers, ProcedureCatalogue catalogue, Clock clock) {
        this.clock = clock;
        this.dossiers = dossiers;
        search.setId("dossier-search");
        search.setPlaceholder(getTranslation("dossier.list.search"));
        search.setWidth("22rem");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        status.setLabel(getTranslation("dossier.status"));
        status.setItems(DossierStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setItemLabelGenerator(s -> s == null ? "" : s.code() + " · " + getTranslation(s.messageKey()));
        status.addValueChangeListener(e -> refresh());

        grid.setId("dossier-grid");
        grid.addColumn(Dossier::code).setHeader(getTranslation("dossier.code")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> catalogue.procedure(d.procedureCode()).map(p -> p.name(getLocale())).orElse(d.procedureCode()))
                .setHeader(getTranslation("dossier.procedure")).setFlexGrow(2);
        grid.addColumn(d -> d.applicant().fullName()).setHeader(getTranslation("dossier.applicant"));
        grid.addColumn(new ComponentRenderer<>(d -> new DossierStatusBadge(d.status()))).setHeader(getTranslation("dossier.status")).setAutoWidth(true);
        grid.addColumn(d -> Formats.dateTime(d.receivedAt())).setHeader(getTranslation("dossier.receivedAt")).setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(d -> {
            var due = new Span(Formats.dateTime(d.dueAt()));
            if (d.dueAt() != null && d.finishedAt() == null && d.dueAt().isBefore(clock.instant())) due.addClassName("overdue");
            return due;
        })).setHeader(getTranslation("dossier.dueAt")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("dossiers/" + e.getItem().code())));
        grid.setEmptyStateText(getTranslation("dossier.list.empty"));

        var filters = new HorizontalLayout(search, status);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("dossier.list.title")), filters, grid);
        setSizeFull();
        refresh();
    }

    private void refresh() {
        grid.setItems(dossiers.search(status.getValue(), search.getValue(), 500));
    }

    @Override
    public String getPageTitle() { return getTranslation("dossier.list.title"); }
}
