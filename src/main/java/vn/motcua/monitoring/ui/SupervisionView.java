package vn.motcua.monitoring.ui;

import java.time.Clock;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.catalogue.Sector;
import vn.motcua.diagram.BpmnViewer;
import vn.motcua.monitoring.BottleneckService;
import vn.motcua.monitoring.Indicator;
import vn.motcua.monitoring.IndicatorCode;
import vn.motcua.monitoring.IndicatorReport;
import vn.motcua.monitoring.DashboardWork;
import vn.motcua.monitoring.IndicatorService;
import vn.motcua.monitoring.ProvinceTarget;
import vn.motcua.monitoring.ReportFilter;
import vn.motcua.monitoring.ScoreLine;
import vn.motcua.organisation.Unit;
import vn.motcua.organisation.UnitLevel;
import vn.motcua.shared.Formats;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.TextSearch;

/**
 * The supervisor's dashboard (giám sát): the indicators of Decision 766 against their targets and the province plan's,
 * trends by week and month, units and procedures ranked, overdue and nearly-due dossiers (each a link to its dossier),
 * the bottleneck steps of a procedure drawn on its process diagram, and the official tables to download. Supervisors
 * see their unit and those below it; administrators everything.
 * <p>
 * The filters live in the address ({@code ?from=2026-03-01&to=2026-03-31&unit=…&procedure=…&sector=…&level=…&tab=…}):
 * a dashboard can be bookmarked, Back returns to the previous filters (each report and each drill-down is a history
 * entry), and a change of language, which reloads the page, keeps them. Units are ranked in two tables: the
 * province's departments and agencies (province level) and the communes, wards and special zones (commune level),
 * with former districts apart. A click on a unit's bar or row drills down into that unit, a click on a procedure's
 * row narrows the report to that procedure; the dossiers tab lists the dossiers behind the numbers of the filters
 * shown. Numbers are written as the reader's language writes them.
 */
@Route("supervision")
@Menu(title = "menu.supervision", order = 60)
@RolesAllowed({"SUPERVISOR", "ADMIN"})
public class SupervisionView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
    static final String ROUTE = "supervision";
    /** The query parameters, as the REST exports name them (plus the tab shown). */
    static final String FROM = "from", TO = "to", UNIT = "unit", PROCEDURE = "procedure", SECTOR = "sector",
            LEVEL = "level", TAB = "tab";
    private static final List<String> TABS = List.of("overview", "rankings", "due", "bottlenecks", "dossiers");
    /** The dossiers tab lists at most this many dossiers (the register's downloads have them all). */
    static final int REGISTER_ROWS = 500;

    private final Clock clock;
    private final IndicatorService indicators;
    private final BottleneckService bottlenecks;
    private final ProcedureCatalogue catalogue;
    private final DashboardWork background;

    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final ComboBox<Unit> unit = new ComboBox<>();
    private final ComboBox<Procedure> procedure = new ComboBox<>();
    private final Select<Sector> sector = new Select<>();
    private final Select<UnitLevel> level = new Select<>();
    private final HorizontalLayout downloads = new HorizontalLayout();

    private final Span population = new Span();
    private final Span points = new Span();
    private final Grid<Indicator> indicatorGrid = new Grid<>();
    /** The scoring of Decision 766 row by row, out of 100. */
    private final Grid<ScoreLine> scoreGrid = new Grid<>();
    private final Span scoreTotal = new Span();
    private final Grid<ProvinceTarget> targetGrid = new Grid<>();
    private final Chart indicatorChart = new Chart();
    private final Chart trendChart = new Chart();
    private final Span trendStatus = new Span();
    private static final int TREND_POLL_MILLIS = 400;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SupervisionView.class);
    /** The latest trend asked for: an older one that ends later is dropped. */
    private int trendRequest;
    private final RadioButtonGroup<IndicatorService.Granularity> granularity = new RadioButtonGroup<>();
    /** The unit rankings by level: departments (province), communes, former districts. */
    private final Map<UnitLevel, Ranking> rankings = new EnumMap<>(UnitLevel.class);
    private final TabSheet tabs = new TabSheet();
    /** The query of the address the dashboard shows (what Back and bookmarks return to). */
    private QueryParameters shown = QueryParameters.empty();
    /**
     * The tabs after the overview, each built when first shown (a supervisor who reads the overview keeps none of
     * their components: SessionHeapBenchmark); their components below are made by their builders.
     */
    private final Div[] panels = new Div[TABS.size()];
    private Grid<IndicatorReport.Row> procedureGrid;
    /** Where the applicants of the period's receipts live, against where they were received. */
    private Grid<IndicatorReport.ResidenceRow> residenceGrid;
    private Span residenceSummary;
    private Grid<IndicatorService.DueDossier> dueGrid;
    private ComboBox<Procedure> bottleneckProcedure;
    private BpmnViewer diagram;
    private Grid<BottleneckService.StepTiming> stepGrid;
    private Grid<BottleneckService.UnitSteps> stepUnitGrid;
    private Span bottleneckSummary;
    private Grid<IndicatorService.RegisterEntry> registerGrid;
    private Span registerCount;
    /**
     * The filters each tab was last filled for. A tab is filled when it is shown: a supervisor who reads the overview
     * keeps no rankings, due list, diagram or register in the session's memory (SessionHeapBenchmark), and the
     * register (which counts the whole period) is read only when asked for.
     */
    private final ReportFilter[] filledFor = new ReportFilter[TABS.size()];
    /** The filters of the report shown (fields changed but not applied do not count). */
    private ReportFilter reported;

    private IndicatorReport report;
    /** True once the user picked the bottleneck view's procedure; until then it follows the report. */
    private boolean bottleneckChosen;

    public SupervisionView(IndicatorService indicators, BottleneckService bottlenecks, ProcedureCatalogue catalogue,
                           DashboardWork background, Clock clock) {
        this.clock = clock;
        this.indicators = indicators;
        this.background = background;
        this.bottlenecks = bottlenecks;
        this.catalogue = catalogue;
        setSizeFull();
        add(new H2(getTranslation("monitoring.title")), filters(), downloads);

        tabs.setId("supervision-tabs");
        tabs.setWidthFull();
        tabs.add(getTranslation("monitoring.tab.overview"), overview());
        for (int i = 1; i < TABS.size(); i++) {
            panels[i] = new Div();
            panels[i].setWidthFull();
            tabs.add(getTranslation("monitoring.tab." + TABS.get(i)), panels[i]);
        }
        // The tab is part of the address but no history entry of its own
        tabs.addSelectedChangeListener(e -> {
            if (reported == null) {
                fillShown();
                return;
            }
            if (e.isFromClient()) getUI().ifPresent(ui -> {
                shown = query(reported);
                ui.getPage().getHistory().replaceState(null, new Location(ROUTE, shown));
            });
            fillShown();
        });
        add(tabs);
    }

    // --- the address

    /** Reads the filters from the address (defaults for what is missing, a notification for what is wrong), then reports. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        List<String> wrong = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        from.setValue(date(query, FROM, wrong).orElse(today.withDayOfMonth(1)));
        to.setValue(date(query, TO, wrong).orElse(today));
        unit.setValue(value(query, UNIT).flatMap(id -> {
            var found = indicators.reportableUnits().stream().filter(u -> u.identifier().equals(id)).findFirst();
            if (found.isEmpty()) wrong.add(UNIT);
            return found;
        }).orElse(null));
        procedure.setValue(value(query, PROCEDURE).flatMap(code -> {
            var found = catalogue.procedures().stream().filter(p -> p.code().equals(code)).findFirst();
            if (found.isEmpty()) wrong.add(PROCEDURE);
            return found;
        }).orElse(null));
        sector.setValue(constant(query, SECTOR, Sector.class, wrong));
        level.setValue(constant(query, LEVEL, UnitLevel.class, wrong));
        int tab = value(query, TAB).map(TABS::indexOf).orElse(0);
        tabs.setSelectedIndex(Math.max(tab, 0));
        shown = query;
        if (!wrong.isEmpty()) notify(getTranslation("monitoring.address.invalid", String.join(", ", wrong)));
        refresh();
    }

    /**
     * Shows the report of these filters through the address: a new history entry when they differ from what is shown
     * (beforeEnter then reports), else a report again in place.
     */
    void show(ReportFilter filter) {
        QueryParameters query = query(filter);
        var ui = getUI().orElse(null);
        // the same parameters in any order are the same address
        if (ui == null || query.getParameters().equals(shown.getParameters())) {
            refresh();
            return;
        }
        ui.navigate(ROUTE, query);
    }

    /** The address's query for these filters and the tab shown; empty filters are left out. */
    QueryParameters query(ReportFilter f) {
        Map<String, String> params = new LinkedHashMap<>();
        if (f.from() != null) params.put(FROM, f.from().toString());
        if (f.to() != null) params.put(TO, f.to().toString());
        if (f.unitIdentifier() != null) params.put(UNIT, f.unitIdentifier());
        if (f.procedureCode() != null) params.put(PROCEDURE, f.procedureCode());
        if (f.sector() != null) params.put(SECTOR, f.sector().name());
        if (f.level() != null) params.put(LEVEL, f.level().name());
        if (tabs.getSelectedIndex() > 0) params.put(TAB, TABS.get(tabs.getSelectedIndex()));
        return QueryParameters.simple(params);
    }

    private static Optional<String> value(QueryParameters query, String name) {
        return query.getSingleParameter(name).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static Optional<LocalDate> date(QueryParameters query, String name, List<String> wrong) {
        return value(query, name).flatMap(v -> {
            try {
                return Optional.of(LocalDate.parse(v));
            } catch (DateTimeParseException e) {
                wrong.add(name);
                return Optional.empty();
            }
        });
    }

    private static <E extends Enum<E>> E constant(QueryParameters query, String name, Class<E> type, List<String> wrong) {
        return value(query, name).map(v -> {
            for (E e : type.getEnumConstants()) if (e.name().equalsIgnoreCase(v)) return e;
            wrong.add(name);
            return null;
        }).orElse(null);
    }

    // --- layout

    private Component filters() {
        from.setId("filter-from");
        from.setLabel(getTranslation("monitoring.filter.from"));
        to.setId("filter-to");
        to.setLabel(getTranslation("monitoring.filter.to"));
        unit.setId("filter-unit");
        unit.setLabel(getTranslation("monitoring.filter.unit"));
        unit.setPlaceholder(getTranslation("monitoring.filter.unit.placeholder"));
        // Typed without diacritics ("phuong ba dinh") finds "Phường Ba Đình", in either language, or by identifier
        unit.setItems((u, typed) -> TextSearch.matches(u.identifier() + " " + u.name() + " "
                + (u.nameEn() == null ? "" : u.nameEn()), typed), indicators.reportableUnits());
        unit.setItemLabelGenerator(u -> u.identifier() + " · " + u.displayName(getLocale()));
        unit.setClearButtonVisible(true);
        unit.setWidth("22rem");
        procedure.setId("filter-procedure");
        procedure.setLabel(getTranslation("monitoring.filter.procedure"));
        procedure.setItems((p, typed) -> TextSearch.matches(p.code() + " " + p.name().vi() + " " + p.name().en(), typed),
                catalogue.procedures());
        procedure.setItemLabelGenerator(p -> p.code() + " · " + p.name(getLocale()));
        procedure.setClearButtonVisible(true);
        procedure.setWidth("20rem");
        sector.setId("filter-sector");
        sector.setLabel(getTranslation("monitoring.filter.sector"));
        sector.setItems(Sector.values());
        sector.setEmptySelectionAllowed(true);
        sector.setEmptySelectionCaption(getTranslation("monitoring.filter.all"));
        sector.setItemLabelGenerator(s -> s == null ? getTranslation("monitoring.filter.all") : getTranslation(s.messageKey()));
        level.setId("filter-level");
        level.setLabel(getTranslation("monitoring.filter.level"));
        level.setItems(UnitLevel.values());
        level.setEmptySelectionAllowed(true);
        level.setEmptySelectionCaption(getTranslation("monitoring.filter.all"));
        level.setItemLabelGenerator(l -> l == null ? getTranslation("monitoring.filter.all") : getTranslation("unitLevel." + l.name()));
        var apply = new Button(getTranslation("monitoring.filter.apply"), e -> apply());
        apply.setId("filter-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var row = new FlexLayout(from, to, unit, procedure, sector, level, apply);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        row.setWidthFull();
        return row;
    }

    private Component overview() {
        population.setId("population");
        points.setId("points");
        indicatorGrid.setId("indicator-grid");
        indicatorGrid.addColumn(Indicator::code).setHeader(getTranslation("monitoring.col.code")).setAutoWidth(true).setFlexGrow(0);
        indicatorGrid.addColumn(i -> indicatorName(i.code())).setHeader(getTranslation("monitoring.col.indicator")).setFlexGrow(3);
        indicatorGrid.addColumn(i -> compact(i.numerator()) + " / " + compact(i.denominator()))
                .setHeader(getTranslation("monitoring.col.fraction")).setAutoWidth(true);
        indicatorGrid.addColumn(new ComponentRenderer<>(i -> rate(i.rate(), i.target(), i.unit())))
                .setHeader(getTranslation("monitoring.col.rate")).setAutoWidth(true);
        indicatorGrid.addColumn(i -> i.target() == null ? "—" : percentCompact(i.target()))
                .setHeader(getTranslation("monitoring.col.target")).setAutoWidth(true);
        indicatorGrid.addColumn(i -> i.maxPoints() == null ? "—" : compact(i.points()) + " / " + compact(i.maxPoints()))
                .setHeader(getTranslation("monitoring.col.points")).setAutoWidth(true);
        indicatorGrid.addColumn(i -> i.note() == null ? "" : i.note()).setHeader(getTranslation("monitoring.col.note")).setFlexGrow(3);
        indicatorGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        indicatorGrid.setAllRowsVisible(true);

        scoreTotal.setId("score-total");
        scoreGrid.setId("score-grid");
        scoreGrid.addColumn(l -> getTranslation("monitoring.score.group." + l.group())).setHeader(getTranslation("monitoring.score.col.group")).setAutoWidth(true);
        scoreGrid.addColumn(ScoreLine::code).setHeader(getTranslation("monitoring.col.code")).setAutoWidth(true).setFlexGrow(0);
        scoreGrid.addColumn(l -> english() && l.nameEn() != null ? l.nameEn() : l.name())
                .setHeader(getTranslation("monitoring.col.indicator")).setFlexGrow(3);
        scoreGrid.addColumn(l -> english() && l.formulaEn() != null ? l.formulaEn() : l.formula())
                .setHeader(getTranslation("monitoring.score.col.formula")).setFlexGrow(3);
        scoreGrid.addColumn(l -> l.computed() && l.numerator() != null ? compact(l.numerator()) + " / " + compact(l.denominator()) : "—")
                .setHeader(getTranslation("monitoring.col.fraction")).setAutoWidth(true);
        scoreGrid.addColumn(new ComponentRenderer<>(l -> l.computed() ? rate(l.rate(), l.target(), "%") : new Span("—")))
                .setHeader(getTranslation("monitoring.col.rate")).setAutoWidth(true);
        scoreGrid.addColumn(l -> l.computed() ? percentCompact(l.target()) : "—").setHeader(getTranslation("monitoring.col.target")).setAutoWidth(true);
        scoreGrid.addColumn(l -> (l.points() == null ? "—" : compact(l.points())) + " / " + compact(l.maxPoints()))
                .setHeader(getTranslation("monitoring.col.points")).setAutoWidth(true);
        scoreGrid.addColumn(l -> l.reason() == null ? ""
                : l.computed() ? reason(l) : getTranslation("monitoring.score.notComputed", reason(l)))
                .setHeader(getTranslation("monitoring.col.note")).setFlexGrow(3);
        scoreGrid.addColumn(ScoreLine::source).setHeader(getTranslation("monitoring.score.col.source")).setFlexGrow(2);
        scoreGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        scoreGrid.setAllRowsVisible(true);

        targetGrid.setId("target-grid");
        targetGrid.addColumn(t -> targetName(t.code())).setHeader(getTranslation("monitoring.col.target.name")).setFlexGrow(3);
        targetGrid.addColumn(t -> number(t.numerator()) + " / " + number(t.denominator())).setHeader(getTranslation("monitoring.col.fraction")).setAutoWidth(true);
        targetGrid.addColumn(new ComponentRenderer<>(t -> rate(t.rate(), t.target(), "%"))).setHeader(getTranslation("monitoring.col.rate")).setAutoWidth(true);
        targetGrid.addColumn(t -> percentCompact(t.target())).setHeader(getTranslation("monitoring.col.target")).setAutoWidth(true);
        targetGrid.addColumn(t -> Formats.signed(t.gap(), getLocale()))
                .setHeader(getTranslation("monitoring.col.gap")).setAutoWidth(true);
        targetGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        targetGrid.setAllRowsVisible(true);

        indicatorChart.setId("indicator-chart");
        trendChart.setId("trend-chart");
        trendStatus.setId("trend-status");
        granularity.setId("trend-granularity");
        granularity.setItems(IndicatorService.Granularity.values());
        granularity.setItemLabelGenerator(g -> getTranslation("monitoring.trend." + g.name()));
        granularity.setValue(IndicatorService.Granularity.MONTH);
        granularity.addValueChangeListener(e -> { if (e.isFromClient() && reported != null) trends(reported); });

        var layout = new VerticalLayout(new HorizontalLayout(population, points), indicatorGrid, indicatorChart,
                new H3(getTranslation("monitoring.score.title")), scoreTotal, scoreGrid,
                new H3(getTranslation("monitoring.province.title")), targetGrid,
                new H3(getTranslation("monitoring.trend.title")), granularity, trendStatus, trendChart);
        layout.setPadding(false);
        return layout;
    }

    /** One level's unit ranking: a heading, a chart of on-time rates and the table. */
    private record Ranking(UnitLevel level, H3 title, Chart chart, Grid<IndicatorReport.Row> grid) {
        void show(boolean visible) {
            title.setVisible(visible);
            chart.setVisible(visible);
            grid.setVisible(visible);
        }
    }

    private Component rankings() {
        procedureGrid = new Grid<>();
        residenceGrid = new Grid<>();
        residenceSummary = new Span();
        var layout = new VerticalLayout();
        layout.setPadding(false);
        layout.add(new Paragraph(getTranslation("monitoring.units.drill")));
        // departments first, then the communes, then the former districts (history, only when they have dossiers)
        for (UnitLevel l : List.of(UnitLevel.PROVINCE, UnitLevel.COMMUNE, UnitLevel.DISTRICT)) {
            String name = l.name().toLowerCase(java.util.Locale.ROOT);
            var title = new H3(getTranslation("monitoring.units.title." + l.name()));
            title.setId(name + "-ranking-title");
            var chart = new Chart();
            chart.setId(name + "-chart");
            var grid = new Grid<IndicatorReport.Row>();
            configureRowGrid(grid, name + "-grid", getTranslation("monitoring.col.unit"));
            grid.setEmptyStateText(getTranslation("monitoring.units.none"));
            grid.addItemClickListener(e -> drillIntoUnit(e.getItem().key()));
            chart.addChartClickListener(e -> rankingRows(report, l).stream().filter(r -> r.name().equals(e.getName())).findFirst()
                    .ifPresent(r -> drillIntoUnit(r.key())));
            rankings.put(l, new Ranking(l, title, chart, grid));
            layout.add(title, chart, grid);
        }
        configureRowGrid(procedureGrid, "procedure-grid", getTranslation("monitoring.col.procedure"));
        procedureGrid.addColumn(r -> r.statutoryDays() == null ? "" : number(r.statutoryDays()))
                .setHeader(getTranslation("monitoring.col.statutory")).setAutoWidth(true);
        procedureGrid.addItemClickListener(e -> drillIntoProcedure(e.getItem().key()));
        layout.add(new H3(getTranslation("monitoring.procedures.title")), procedureGrid);

        residenceSummary.setId("residence-summary");
        residenceGrid.setId("residence-grid");
        residenceGrid.setAllRowsVisible(true);
        residenceGrid.setEmptyStateText(getTranslation("monitoring.residence.none"));
        residenceGrid.addColumn(IndicatorReport.ResidenceRow::name).setHeader(getTranslation("monitoring.residence.col.commune"))
                .setFlexGrow(3);
        residenceGrid.addColumn(r -> number(r.dossiers())).setHeader(getTranslation("monitoring.residence.col.dossiers"));
        residenceGrid.addColumn(r -> number(r.atHome())).setHeader(getTranslation("monitoring.residence.col.atHome"));
        residenceGrid.addColumn(r -> number(r.atOtherCommune())).setHeader(getTranslation("monitoring.residence.col.atOtherCommune"));
        residenceGrid.addColumn(r -> number(r.atProvince())).setHeader(getTranslation("monitoring.residence.col.atProvince"));
        var residenceTitle = new H3(getTranslation("monitoring.residence.title"));
        residenceTitle.setId("residence-title");
        layout.add(residenceTitle, residenceSummary, residenceGrid);
        return layout;
    }

    /** The ranking of one level, best first: departments and districts directly below, every commune in scope. */
    private static List<IndicatorReport.Row> rankingRows(IndicatorReport report, UnitLevel l) {
        if (report == null) return List.of();
        // the communes wherever they sit (under the province or a former district); the others as they sit below
        if (l == UnitLevel.COMMUNE) return report.communes();
        return report.units().stream().filter(r -> l.name().equals(r.level())).toList();
    }

    /** A unit's bar or row clicked: the report of that unit (and those below it), as a new history entry. */
    void drillIntoUnit(String identifier) {
        if (report != null && report.unit() != null && report.unit().identifier().equals(identifier)) return;
        indicators.reportableUnits().stream().filter(u -> u.identifier().equals(identifier)).findFirst().ifPresent(u -> {
            unit.setValue(u);
            apply();
        });
    }

    /** A procedure's row clicked: the report narrowed to that procedure, as a new history entry. */
    void drillIntoProcedure(String code) {
        catalogue.procedures().stream().filter(p -> p.code().equals(code)).findFirst().ifPresent(p -> {
            procedure.setValue(p);
            apply();
        });
    }

    /** The filters as set, through the address; a bad period is said in a notification. */
    private void apply() {
        if (!periodValid()) {
            notify(getTranslation("monitoring.filter.period.invalid"));
            return;
        }
        show(currentFilter());
    }

    private boolean periodValid() {
        return from.getValue() != null && to.getValue() != null && !to.getValue().isBefore(from.getValue());
    }

    private void configureRowGrid(Grid<IndicatorReport.Row> grid, String id, String nameHeader) {
        grid.setId(id);
        grid.addColumn(IndicatorReport.Row::key).setHeader(getTranslation("monitoring.col.code")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(IndicatorReport.Row::name).setHeader(nameHeader).setFlexGrow(3);
        grid.addColumn(r -> number(r.dossiers())).setHeader(getTranslation("monitoring.col.dossiers")).setAutoWidth(true);
        grid.addColumn(r -> number(r.late())).setHeader(getTranslation("monitoring.col.late")).setAutoWidth(true);
        grid.addColumn(r -> percent(r.onTimeRate())).setHeader(getTranslation("monitoring.col.onTime")).setAutoWidth(true);
        grid.addColumn(r -> Formats.number(r.averageDays(), getLocale()))
                .setHeader(getTranslation("monitoring.col.averageDays")).setAutoWidth(true);
        grid.addColumn(r -> percent(r.onlineRate())).setHeader(getTranslation("monitoring.col.online")).setAutoWidth(true);
        grid.addColumn(r -> percent(r.satisfactionRate())).setHeader(getTranslation("monitoring.col.satisfaction")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addClassName("drill-down");
        grid.getElement().setAttribute("title", getTranslation("monitoring.drill.tooltip"));
    }

    private Component due() {
        dueGrid = new Grid<>();
        dueGrid.setId("due-grid");
        dueGrid.addColumn(new ComponentRenderer<>(d -> {
            var link = new Anchor("dossiers/" + d.code(), d.code());
            link.addClassName("dossier-link");
            return link;
        })).setHeader(getTranslation("monitoring.col.dossier")).setKey("code").setAutoWidth(true).setFlexGrow(0);
        dueGrid.addColumn(IndicatorService.DueDossier::procedureName).setHeader(getTranslation("monitoring.col.procedure")).setFlexGrow(2);
        dueGrid.addColumn(d -> d.unitName()).setHeader(getTranslation("monitoring.col.unit")).setFlexGrow(2);
        dueGrid.addColumn(d -> getTranslation("dossier.status." + d.status())).setHeader(getTranslation("monitoring.col.status")).setAutoWidth(true);
        dueGrid.addColumn(d -> Formats.dateTime(d.receivedAt())).setHeader(getTranslation("monitoring.col.received")).setAutoWidth(true);
        dueGrid.addColumn(new ComponentRenderer<>(d -> {
            var span = new Span(Formats.dateTime(d.dueAt()));
            if (d.overdue()) span.addClassName("overdue");
            return span;
        })).setHeader(getTranslation("monitoring.col.due")).setAutoWidth(true);
        dueGrid.addColumn(d -> getTranslation(d.overdue() ? "monitoring.due.overdue" : "monitoring.due.nearly"))
                .setHeader(getTranslation("monitoring.col.situation")).setAutoWidth(true);
        dueGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        dueGrid.setEmptyStateText(getTranslation("monitoring.due.none"));
        var layout = new VerticalLayout(new Paragraph(getTranslation("monitoring.due.explain")), dueGrid);
        layout.setPadding(false);
        return layout;
    }

    private Component bottleneckPanel() {
        bottleneckProcedure = new ComboBox<>();
        diagram = new BpmnViewer();
        stepGrid = new Grid<>();
        stepUnitGrid = new Grid<>();
        bottleneckSummary = new Span();
        bottleneckProcedure.setId("bottleneck-procedure");
        bottleneckProcedure.setLabel(getTranslation("monitoring.filter.procedure"));
        bottleneckProcedure.setItems(catalogue.procedures());
        bottleneckProcedure.setItemLabelGenerator(p -> p.code() + " · " + p.name(getLocale()));
        bottleneckProcedure.setWidth("26rem");
        bottleneckProcedure.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                bottleneckChosen = e.getValue() != null;
                if (reported != null) bottlenecks(reported);
            }
        });
        diagram.setId("bottleneck-diagram");
        diagram.setWidthFull();
        diagram.setHeight("360px");
        bottleneckSummary.setId("bottleneck-summary");
        stepGrid.setId("step-grid");
        stepGrid.addColumn(BottleneckService.StepTiming::name).setHeader(getTranslation("monitoring.col.step")).setFlexGrow(3);
        stepGrid.addColumn(s -> number(s.count())).setHeader(getTranslation("monitoring.col.instances")).setAutoWidth(true);
        stepGrid.addColumn(s -> hours(s.averageHours())).setHeader(getTranslation("monitoring.col.average")).setAutoWidth(true);
        stepGrid.addColumn(s -> hours(s.p90Hours())).setHeader(getTranslation("monitoring.col.p90")).setAutoWidth(true);
        stepGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        stepGrid.setAllRowsVisible(true);
        stepUnitGrid.setId("step-unit-grid");
        stepUnitGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        stepUnitGrid.setAllRowsVisible(true);
        var layout = new VerticalLayout(bottleneckProcedure, new Paragraph(getTranslation("monitoring.bottleneck.explain")),
                bottleneckSummary, diagram, stepGrid, new H3(getTranslation("monitoring.bottleneck.units")), stepUnitGrid);
        layout.setPadding(false);
        return layout;
    }

    /**
     * The dossiers behind the figures: those the period's indicators count for the filters (the tracking register,
     * form 07), each a link to its dossier. A drill-down into a unit or a procedure narrows them too.
     */
    private Component dossiersPanel() {
        registerGrid = new Grid<>();
        registerCount = new Span();
        registerCount.setId("register-count");
        registerGrid.setId("register-grid");
        registerGrid.addColumn(new ComponentRenderer<>(d -> {
            var link = new Anchor("dossiers/" + d.code(), d.code());
            link.addClassName("dossier-link");
            return link;
        })).setHeader(getTranslation("monitoring.col.dossier")).setKey("code").setAutoWidth(true).setFlexGrow(0);
        registerGrid.addColumn(IndicatorService.RegisterEntry::procedureName).setHeader(getTranslation("monitoring.col.procedure")).setFlexGrow(2);
        registerGrid.addColumn(IndicatorService.RegisterEntry::applicantName).setHeader(getTranslation("monitoring.col.applicant")).setFlexGrow(1);
        registerGrid.addColumn(d -> Formats.dateTime(d.receivedAt())).setHeader(getTranslation("monitoring.col.received")).setAutoWidth(true);
        registerGrid.addColumn(d -> Formats.dateTime(d.dueAt())).setHeader(getTranslation("monitoring.col.due")).setAutoWidth(true);
        registerGrid.addColumn(d -> getTranslation("dossier.status." + d.status())).setHeader(getTranslation("monitoring.col.status")).setAutoWidth(true);
        registerGrid.addColumn(IndicatorService.RegisterEntry::remarks).setHeader(getTranslation("monitoring.col.note")).setFlexGrow(2);
        registerGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        registerGrid.setEmptyStateText(getTranslation("monitoring.register.none"));
        var layout = new VerticalLayout(new Paragraph(getTranslation("monitoring.register.explain")), registerCount, registerGrid);
        layout.setPadding(false);
        return layout;
    }

    /** Fills the tab shown for the filters reported, unless it already shows them (the overview always does). */
    private void fillShown() {
        int tab = tabs.getSelectedIndex();
        if (tab < 0) return;
        if (panels[tab] != null && panels[tab].getComponentCount() == 0) {
            panels[tab].add(switch (TABS.get(tab)) {
                case "rankings" -> rankings();
                case "due" -> due();
                case "bottlenecks" -> bottleneckPanel();
                default -> dossiersPanel();
            });
        }
        if (reported == null || reported.equals(filledFor[tab])) return;
        switch (TABS.get(tab)) {
            case "rankings" -> rankings(report);
            case "due" -> dueGrid.setItems(indicators.overdueAndNearlyDue(reported, 500));
            case "bottlenecks" -> bottlenecks(reported);
            case "dossiers" -> register(reported);
            default -> { }
        }
        filledFor[tab] = reported;
    }

    /** The rankings tab: units by level, procedures, where the applicants live. */
    private void rankings(IndicatorReport report) {
        for (Ranking ranking : rankings.values()) {
            List<IndicatorReport.Row> rows = rankingRows(report, ranking.level());
            ranking.grid().setItems(rows);
            ranking.chart().setOption(rows.isEmpty() ? null : ChartOptions.ranking(
                    getTranslation("monitoring.chart.units." + ranking.level().name()),
                    rows.stream().map(IndicatorReport.Row::name).toList(),
                    new ChartOptions.Series(getTranslation("monitoring.col.onTime"),
                            rows.stream().map(IndicatorReport.Row::onTimeRate).toList()), "%", getLocale()));
            ranking.show(!rows.isEmpty() || ranking.level() != UnitLevel.DISTRICT);
            ranking.chart().setVisible(!rows.isEmpty());
        }
        procedureGrid.setItems(report.procedures());
        var residence = report.residence();
        residenceSummary.setText(getTranslation("monitoring.residence.summary", number(residence.received()),
                number(residence.recorded()), number(residence.awayFromHome())));
        residenceGrid.setItems(residence.communes());
    }

    private void register(ReportFilter filter) {
        List<IndicatorService.RegisterEntry> rows = new ArrayList<>();
        long total = indicators.register(filter, REGISTER_ROWS, rows::add);
        registerGrid.setItems(rows);
        registerCount.setText(total > rows.size()
                ? getTranslation("monitoring.register.some", number(rows.size()), number(total))
                : getTranslation("monitoring.register.all", number(total)));
    }

    // --- data

    private ReportFilter currentFilter() {
        return new ReportFilter(from.getValue(), to.getValue(), unit.getValue() == null ? null : unit.getValue().identifier(),
                procedure.getValue() == null ? null : procedure.getValue().code(), sector.getValue(), level.getValue());
    }

    /** Reads the filters and shows everything again; a bad filter is said in a notification. */
    void refresh() {
        if (!periodValid()) {
            notify(getTranslation("monitoring.filter.period.invalid"));
            return;
        }
        ReportFilter filter = currentFilter();
        try {
            report = indicators.report(filter);
        } catch (InvalidInputException | NotFoundException e) {
            notify(e.getMessage());
            return;
        }
        var p = report.population();
        population.setText(getTranslation("monitoring.population", number(p.dossiers()), number(p.received()),
                number(p.carriedOver()), Formats.dateTime(report.asOf())));
        points.setText(getTranslation("monitoring.points", compact(report.points()), compact(report.maxPoints())));
        indicatorGrid.setItems(report.indicators());
        scoreGrid.setItems(report.scoring());
        long notComputed = report.scoring().stream().filter(l -> !l.computed()).count();
        BigDecimal notComputedPoints = report.scoring().stream().filter(l -> !l.computed()).map(ScoreLine::maxPoints)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        scoreTotal.setText(getTranslation("monitoring.score.total", compact(report.points()), compact(report.totalMaxPoints()),
                number(notComputed), compact(notComputedPoints)));
        targetGrid.setItems(report.provinceTargets());
        List<Indicator> rated = report.indicators().stream().filter(i -> "%".equals(i.unit())).toList();
        indicatorChart.setOption(ChartOptions.barsWithTargets(getTranslation("monitoring.chart.indicators"),
                rated.stream().map(Indicator::code).toList(),
                new ChartOptions.Series(getTranslation("monitoring.col.rate"), rated.stream().map(Indicator::rate).toList()),
                new ChartOptions.Series(getTranslation("monitoring.col.target"), rated.stream().map(Indicator::target).toList()),
                getLocale()));
        downloads(filter);
        trends(filter);
        reported = filter;
        java.util.Arrays.fill(filledFor, null);
        filledFor[0] = filter;
        fillShown();
    }

    /**
     * Fills the trend chart in the background (twelve periods cost more than the report itself): the rest of the
     * dashboard answers at once, the chart follows (the page polls until it does); a newer request wins.
     */
    private void trends(ReportFilter filter) {
        var g = granularity.getValue();
        int request = ++trendRequest;
        UI ui = UI.getCurrent();
        trendStatus.setText(getTranslation("monitoring.trend.loading"));
        ui.setPollInterval(TREND_POLL_MILLIS);
        background.supply(() -> indicators.trend(filter, g, 12)).whenComplete((points, error) -> ui.access(() -> {
            if (request != trendRequest) return;
            ui.setPollInterval(-1);
            if (error != null) {
                log.warn("Trend not computed: {}", error.toString());
                trendStatus.setText(getTranslation("monitoring.trend.failed"));
                return;
            }
            trendStatus.setText("");
            showTrend(points);
        }));
    }

    private void showTrend(List<IndicatorService.TrendPoint> points) {
        List<String> labels = points.stream().map(IndicatorService.TrendPoint::label).toList();
        trendChart.setOption(ChartOptions.lines(getTranslation("monitoring.trend.title"), labels, List.of(
                new ChartOptions.Series(indicatorName(IndicatorCode.ON_TIME.code()), points.stream().map(IndicatorService.TrendPoint::onTimeRate).toList()),
                new ChartOptions.Series(indicatorName(IndicatorCode.ONLINE_SUBMISSION.code()), points.stream().map(IndicatorService.TrendPoint::onlineRate).toList()),
                new ChartOptions.Series(indicatorName(IndicatorCode.SATISFACTION.code()), points.stream().map(IndicatorService.TrendPoint::satisfactionRate).toList())),
                getLocale()));
    }

    private void bottlenecks(ReportFilter filter) {
        if (!bottleneckChosen) {
            // The filter's procedure, else the one with most dossiers in the report, else the first of the catalogue
            String code = filter.procedureCode() != null ? filter.procedureCode()
                    : report.procedures().stream().max(java.util.Comparator.comparingLong(IndicatorReport.Row::dossiers))
                    .map(IndicatorReport.Row::key).orElse(null);
            catalogue.procedures().stream().filter(p -> code == null || p.code().equals(code)).findFirst()
                    .ifPresent(bottleneckProcedure::setValue);
        }
        Procedure p = bottleneckProcedure.getValue();
        if (p == null) return;
        var result = bottlenecks.bottlenecks(new ReportFilter(filter.from(), filter.to(), filter.unitIdentifier(), p.code(),
                null, filter.level()));
        diagram.setXml(result.bpmnXml());
        diagram.setHeat(result.heat());
        diagram.setOverlays(result.overlays());
        if (result.costliest() != null) diagram.highlight(result.costliest()); else diagram.highlight();
        bottleneckSummary.setText(result.steps().isEmpty() ? getTranslation("monitoring.bottleneck.none")
                : getTranslation("monitoring.bottleneck.summary", number(result.stepInstances()),
                result.steps().get(0).name(), hours(result.steps().get(0).averageHours())));
        stepGrid.setItems(result.steps());
        stepUnitGrid.removeAllColumns();
        stepUnitGrid.addColumn(BottleneckService.UnitSteps::unitName).setHeader(getTranslation("monitoring.col.unit")).setFlexGrow(2);
        stepUnitGrid.addColumn(u -> number(u.count())).setHeader(getTranslation("monitoring.col.instances")).setAutoWidth(true);
        for (var step : result.steps()) {
            stepUnitGrid.addColumn(u -> hours(u.averageHours().get(step.elementId()))).setHeader(step.name()).setAutoWidth(true);
        }
        stepUnitGrid.setItems(result.units());
    }

    private void downloads(ReportFilter f) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(FROM, f.from().toString());
        params.put(TO, f.to().toString());
        if (f.unitIdentifier() != null) params.put(UNIT, f.unitIdentifier());
        if (f.procedureCode() != null) params.put(PROCEDURE, f.procedureCode());
        if (f.sector() != null) params.put(SECTOR, f.sector().name());
        if (f.level() != null) params.put(LEVEL, f.level().name());
        List<String> pairs = new ArrayList<>();
        params.forEach((k, v) -> pairs.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        String query = "?" + String.join("&", pairs);
        downloads.removeAll();
        downloads.add(new Span(getTranslation("monitoring.download")));
        downloads.add(link("download-indicators-xlsx", "api/reports/indicators.xlsx" + query, "monitoring.download.indicators.xlsx"));
        downloads.add(link("download-indicators-csv", "api/reports/indicators.csv" + query, "monitoring.download.indicators.csv"));
        downloads.add(link("download-register-xlsx", "api/reports/register.xlsx" + query, "monitoring.download.register.xlsx"));
        downloads.add(link("download-register-csv", "api/reports/register.csv" + query, "monitoring.download.register.csv"));
    }

    private Anchor link(String id, String href, String key) {
        var anchor = new Anchor(href, getTranslation(key));
        anchor.setId(id);
        anchor.getElement().setAttribute("download", true);
        anchor.getElement().setAttribute("router-ignore", true);
        return anchor;
    }

    // --- formatting

    private Component rate(BigDecimal rate, BigDecimal target, String unit) {
        var span = new Span(rate == null ? Formats.NOT_AVAILABLE
                : "%".equals(unit) ? percent(rate) : Formats.number(rate, getLocale()) + " " + unitName(unit));
        if (rate != null && target != null) span.addClassName(rate.compareTo(target) >= 0 ? "target-met" : "target-missed");
        return span;
    }

    private String indicatorName(String code) {
        String key = "monitoring.indicator." + code;
        String text = getTranslation(key);
        return text.startsWith("!") ? code : text;
    }

    private String targetName(String code) {
        String text = getTranslation("monitoring.province." + code);
        return text.startsWith("!") ? code : text;
    }

    /** The unit of an indicator's value in the reader's language (the service names it in Vietnamese). */
    private String unitName(String unit) {
        return "ngày làm việc".equals(unit) ? getTranslation("monitoring.unit.workingDays") : unit;
    }

    private String percent(BigDecimal rate) { return Formats.percent(rate, getLocale()); }

    private String percentCompact(BigDecimal rate) {
        return Formats.compact(rate, getLocale()) + Formats.percentSign(getLocale());
    }

    private String number(long value) { return Formats.number(value, getLocale()); }

    /** Why a row is not computed, or how it was (an empty denominator), in the user's language. */
    private String reason(ScoreLine l) {
        return english() && l.reasonEn() != null ? l.reasonEn() : l.reason();
    }

    private boolean english() { return getLocale() != null && "en".equals(getLocale().getLanguage()); }

    private String compact(BigDecimal value) { return Formats.compact(value, getLocale()); }

    private String hours(BigDecimal hours) {
        return hours == null ? "" : getTranslation("monitoring.hours", compact(hours));
    }

    private static void notify(String message) {
        Notification.show(message, 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() { return getTranslation("monitoring.title"); }
}
