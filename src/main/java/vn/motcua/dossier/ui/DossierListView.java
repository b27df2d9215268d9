package vn.motcua.dossier.ui;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.DeskQueue;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierFilter;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierSort;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierStatusBadge;
import vn.motcua.organisation.Role;
import vn.motcua.security.CurrentUser;
import vn.motcua.shared.Formats;
import vn.motcua.shared.ResultPage;

/**
 * The dossiers the user may see (their unit's, their subtree's, or their own), a page at a time from the database,
 * due first, sortable by every column, filtered by words, status and desk queue; the filters live in the address
 * ({@code ?queue=overdue&q=...&status=4&unit=...}) so that a list can be bookmarked and survives Back. Supervisors
 * see every unit's queue counters above the list; a click narrows the list to that unit and queue.
 */
@Route("dossiers")
@Menu(title = "menu.dossiers", order = 30)
@PermitAll
public class DossierListView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
    private final DossierQueries queries;
    private final Grid<Dossier> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Select<DossierStatus> status = new Select<>();
    private final Select<DeskQueue> queue = new Select<>();
    private final Span total = new Span();
    private final com.vaadin.flow.component.combobox.ComboBox<vn.motcua.catalogue.Procedure> procedure = new com.vaadin.flow.component.combobox.ComboBox<>();
    private final Select<vn.motcua.dossier.Channel> channel = new Select<>();
    private final com.vaadin.flow.component.datepicker.DatePicker receivedFrom = new com.vaadin.flow.component.datepicker.DatePicker();
    private final com.vaadin.flow.component.datepicker.DatePicker receivedTo = new com.vaadin.flow.component.datepicker.DatePicker();
    private final com.vaadin.flow.component.checkbox.Checkbox overdueOnly = new com.vaadin.flow.component.checkbox.Checkbox();
    private final Select<vn.motcua.security.SavedFilters.SavedFilter> saved = new Select<>();
    private final vn.motcua.security.SavedFilters savedFilters;
    private String unit;
    private boolean restoring;
    private final boolean citizen;

    public DossierListView(DossierQueries queries, ProcedureCatalogue catalogue, CurrentUser currentUser, Clock clock,
                           vn.motcua.security.SavedFilters savedFilters) {
        this.queries = queries;
        this.savedFilters = savedFilters;
        var me = currentUser.require();
        this.citizen = me.has(Role.CITIZEN) && !me.isCivilServant();
        procedure.setId("dossier-procedure");
        procedure.setLabel(getTranslation("dossier.procedure"));
        procedure.setItems(catalogue.procedures());
        procedure.setItemLabelGenerator(p -> p.code() + " · " + p.name(getLocale()));
        procedure.setClearButtonVisible(true);
        procedure.setWidth("18rem");
        procedure.addValueChangeListener(e -> changed());
        channel.setId("dossier-channel");
        channel.setLabel(getTranslation("dossier.channel"));
        channel.setItems(vn.motcua.dossier.Channel.values());
        channel.setEmptySelectionAllowed(true);
        channel.setItemLabelGenerator(c -> c == null ? "" : getTranslation("dossier.channel." + c.name()));
        channel.addValueChangeListener(e -> changed());
        receivedFrom.setId("dossier-received-from");
        receivedFrom.setLabel(getTranslation("dossier.list.receivedFrom"));
        receivedFrom.setClearButtonVisible(true);
        receivedFrom.addValueChangeListener(e -> changed());
        receivedTo.setId("dossier-received-to");
        receivedTo.setLabel(getTranslation("dossier.list.receivedTo"));
        receivedTo.setClearButtonVisible(true);
        receivedTo.addValueChangeListener(e -> changed());
        overdueOnly.setId("dossier-overdue");
        overdueOnly.setLabel(getTranslation("dossier.list.overdueOnly"));
        overdueOnly.addValueChangeListener(e -> changed());
        saved.setId("dossier-saved-filters");
        saved.setLabel(getTranslation("task.filter.saved"));
        saved.setItemLabelGenerator(f -> f == null ? "" : f.name());
        saved.setEmptySelectionAllowed(true);
        saved.addValueChangeListener(e -> {
            if (e.getValue() != null && !restoring) {
                getUI().ifPresent(ui -> ui.navigate("dossiers", QueryParameters.fromString(e.getValue().query())));
            }
        });
        search.setId("dossier-search");
        search.setPlaceholder(getTranslation("dossier.list.search"));
        search.setWidth("22rem");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> changed());
        status.setId("dossier-status");
        status.setLabel(getTranslation("dossier.status"));
        status.setItems(DossierStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setItemLabelGenerator(s -> s == null ? "" : s.code() + " · " + getTranslation(s.messageKey()));
        status.addValueChangeListener(e -> changed());
        queue.setId("dossier-queue");
        queue.setLabel(getTranslation("worklist.queue"));
        queue.setItems(DeskQueue.values());
        queue.setEmptySelectionAllowed(true);
        queue.setItemLabelGenerator(q -> q == null ? "" : getTranslation(q.messageKey()));
        queue.addValueChangeListener(e -> changed());
        total.setId("dossier-total");
        total.addClassName("muted");

        grid.setId("dossier-grid");
        grid.addColumn(Dossier::code).setHeader(getTranslation("dossier.code")).setKey(DossierSort.CODE.property())
                .setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> catalogue.procedure(d.procedureCode()).map(p -> p.name(getLocale())).orElse(d.procedureCode()))
                .setHeader(getTranslation("dossier.procedure")).setKey(DossierSort.PROCEDURE.property()).setSortable(true).setFlexGrow(2);
        grid.addColumn(d -> d.applicant().fullName()).setHeader(getTranslation("dossier.applicant"))
                .setKey(DossierSort.APPLICANT.property()).setSortable(true);
        grid.addColumn(new ComponentRenderer<>(d -> new DossierStatusBadge(d.status()))).setHeader(getTranslation("dossier.status"))
                .setKey(DossierSort.STATUS.property()).setSortable(true).setAutoWidth(true);
        grid.addColumn(d -> Formats.dateTime(d.receivedAt())).setHeader(getTranslation("dossier.receivedAt"))
                .setKey(DossierSort.RECEIVED_AT.property()).setSortable(true).setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(d -> {
            var due = new Span(Formats.dateTime(d.dueAt()));
            if (d.dueAt() != null && d.finishedAt() == null && d.dueAt().isBefore(clock.instant())) due.addClassName("overdue");
            return due;
        })).setHeader(getTranslation("dossier.dueAt")).setKey(DossierSort.DUE_AT.property()).setSortable(true).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("dossiers/" + e.getItem().code())));
        grid.setEmptyStateText(getTranslation("dossier.list.empty"));
        grid.setMultiSort(false);
        grid.setItems(query -> {
            var order = query.getSortOrders().stream().findFirst();
            DossierSort sort = order.flatMap(o -> DossierSort.ofProperty(o.getSorted())).orElse(DossierSort.DUE_AT);
            boolean ascending = order.map(o -> o.getDirection() == SortDirection.ASCENDING).orElse(true);
            int size = Math.min(query.getLimit(), ResultPage.MAX_SIZE);
            int page = query.getOffset() / Math.max(1, size);
            var result = queries.page(filter(), sort, ascending, page, size);
            total.setText(getTranslation("dossier.list.total", vn.motcua.shared.Formats.number(result.total(), getLocale())));
            return result.items().stream();
        }, query -> (int) Math.min(Integer.MAX_VALUE, queries.page(filter(), DossierSort.DUE_AT, true, 0, 1).total()));
        grid.setPageSize(50);

        var save = new com.vaadin.flow.component.button.Button(getTranslation("task.filter.save"), e -> saveFilter());
        save.setId("dossier-save-filter");
        save.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        var filters = new HorizontalLayout(search, queue, status, procedure, channel, receivedFrom, receivedTo, overdueOnly,
                saved, save, total);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H2(getTranslation("dossier.list.title")), filters);
        var user = currentUser.require();
        if (user.has(Role.SUPERVISOR) || user.has(Role.ADMIN)) add(unitCounters());
        add(grid);
        setSizeFull();
    }

    /** Every unit's queue counters; a click on a count narrows the list to that unit and queue. */
    private Grid<DossierQueries.UnitQueues> unitCounters() {
        var units = new Grid<DossierQueries.UnitQueues>();
        units.setId("dossier-unit-counters");
        units.addColumn(u -> u.unit().displayName(getLocale())).setHeader(getTranslation("worklist.unit")).setFlexGrow(2);
        for (DeskQueue q : DeskQueue.values()) {
            units.addColumn(new ComponentRenderer<>(u -> {
                long n = u.counts().getOrDefault(q, 0L);
                var link = new com.vaadin.flow.component.button.Button(vn.motcua.shared.Formats.number(n, getLocale()), e -> {
                    unit = u.unit().identifier();
                    restoring = true;
                    queue.setValue(q);
                    restoring = false;
                    changed();
                });
                link.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY_INLINE);
                return link;
            })).setHeader(getTranslation(q.messageKey())).setAutoWidth(true);
        }
        units.setItems(queries.countsByUnit());
        units.setAllRowsVisible(true);
        units.addThemeVariants(GridVariant.LUMO_COMPACT);
        return units;
    }

    private DossierFilter filter() {
        return new DossierFilter(queue.getValue(), search.getValue(),
                procedure.getValue() == null ? null : procedure.getValue().code(), null,
                status.getValue() == null ? null : status.getValue().code(),
                channel.getValue() == null ? null : channel.getValue().name(), receivedFrom.getValue(), receivedTo.getValue(),
                null, null, null, overdueOnly.getValue() ? Boolean.TRUE : null, unit);
    }

    private Map<String, List<String>> parameters() {
        Map<String, List<String>> params = new java.util.LinkedHashMap<>();
        if (queue.getValue() != null) params.put("queue", List.of(queue.getValue().key()));
        if (!search.getValue().isBlank()) params.put("q", List.of(search.getValue()));
        if (status.getValue() != null) params.put("status", List.of(String.valueOf(status.getValue().code())));
        if (procedure.getValue() != null) params.put("procedure", List.of(procedure.getValue().code()));
        if (channel.getValue() != null) params.put("channel", List.of(channel.getValue().name()));
        if (receivedFrom.getValue() != null) params.put("receivedFrom", List.of(receivedFrom.getValue().toString()));
        if (receivedTo.getValue() != null) params.put("receivedTo", List.of(receivedTo.getValue().toString()));
        if (overdueOnly.getValue()) params.put("overdue", List.of("true"));
        if (unit != null) params.put("unit", List.of(unit));
        return params;
    }

    /** Saves the list's filters under a name of the user's own. */
    private void saveFilter() {
        vn.motcua.security.SaveFilterDialog.open(savedFilters, "dossiers", new QueryParameters(parameters()).getQueryString(),
                "dossier", this::loadSaved);
    }

    private void loadSaved() {
        boolean was = restoring;
        restoring = true;
        try {
            saved.setItems(savedFilters.list("dossiers"));
        } finally {
            restoring = was;
        }
    }

    private void changed() {
        if (restoring) return;
        grid.getDataProvider().refreshAll();
        Map<String, List<String>> params = parameters();
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new com.vaadin.flow.router.Location("dossiers", new QueryParameters(params))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (citizen) {
            // a citizen's list is their own dossiers, in their own words
            event.forwardTo(MyDossiersView.class);
            return;
        }
        var params = event.getLocation().getQueryParameters();
        restoring = true;
        try {
            queue.setValue(params.getSingleParameter("queue").flatMap(DeskQueue::ofKey).orElse(null));
            search.setValue(params.getSingleParameter("q").orElse(""));
            status.setValue(params.getSingleParameter("status").flatMap(DossierStatus::ofText).orElse(null));
            unit = params.getSingleParameter("unit").orElse(null);
            String code = params.getSingleParameter("procedure").orElse(null);
            procedure.setValue(code == null ? null : procedure.getListDataView().getItems()
                    .filter(p -> p.code().equals(code)).findFirst().orElse(null));
            channel.setValue(params.getSingleParameter("channel").flatMap(c -> java.util.Arrays.stream(vn.motcua.dossier.Channel.values())
                    .filter(x -> x.name().equals(c)).findFirst()).orElse(null));
            receivedFrom.setValue(params.getSingleParameter("receivedFrom").flatMap(vn.motcua.shared.Formats::isoDay).orElse(null));
            receivedTo.setValue(params.getSingleParameter("receivedTo").flatMap(vn.motcua.shared.Formats::isoDay).orElse(null));
            overdueOnly.setValue(params.getSingleParameter("overdue").map("true"::equals).orElse(false));
        } finally {
            restoring = false;
        }
        loadSaved();
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() { return getTranslation("dossier.list.title"); }

}
