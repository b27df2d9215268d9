package vn.motcua.tasklist.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.catalogue.Sector;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;
import vn.motcua.organisation.UserAccount;
import vn.motcua.security.AuthenticatedUser;
import vn.motcua.security.CurrentUser;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.Formats;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.ResultPage;
import vn.motcua.security.SavedFilters;
import vn.motcua.tasklist.TaskFilter;
import vn.motcua.tasklist.TaskListService;
import vn.motcua.tasklist.TaskSort;
import vn.motcua.tasklist.WorkTab;
import vn.motcua.tasklist.WorkTask;
import vn.motcua.tasklist.Worklist;

/**
 * The day's work: tabs with live counters (the desk's queues for clerks, then the task tabs), the selected tab's
 * steps a page at a time from the read model, due first, every column sortable, filtered by words, procedure, lateness
 * and (under "more filters") sector, the dossier's status, channel, received and due days and applicant; filters live
 * in the address and can be saved under a name. Enter opens the selected row. A step one
 * holds can be given back; a leader hands a step to someone of its group.
 */
@Route("tasks")
@Menu(title = "menu.tasks", order = 0)
@RolesAllowed({"CLERK", "SPECIALIST", "LEADER"})
public class TaskListView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
    private final TaskListService tasks;
    private final Worklist worklist;
    private final SavedFilters savedFilters;
    private final OrganisationService organisation;
    private final AuthenticatedUser me;
    private final Tabs tabs = new Tabs();
    private final Map<Tab, Worklist.Entry> tabEntries = new LinkedHashMap<>();
    private final Grid<WorkTask> grid = new Grid<>();
    private final TextField search = new TextField();
    private final ComboBox<Procedure> procedure = new ComboBox<>();
    private final Checkbox overdueOnly = new Checkbox();
    private final ComboBox<UserAccount> colleague = new ComboBox<>();
    private final ComboBox<Sector> sector = new ComboBox<>();
    private final Select<DossierStatus> status = new Select<>();
    private final Select<Channel> channel = new Select<>();
    private final DatePicker receivedFrom = new DatePicker();
    private final DatePicker receivedTo = new DatePicker();
    private final DatePicker dueFrom = new DatePicker();
    private final DatePicker dueTo = new DatePicker();
    private final TextField applicant = new TextField();
    private final Select<SavedFilters.SavedFilter> saved = new Select<>();
    private final Details more = new Details();
    private final Span total = new Span();
    private final Map<String, String> fullNames = new HashMap<>();
    private WorkTab tab = WorkTab.ALL;
    private boolean restoring;

    public TaskListView(TaskListService tasks, Worklist worklist, SavedFilters savedFilters, ProcedureCatalogue catalogue,
                        OrganisationService organisation, CurrentUser currentUser, Clock clock) {
        this.tasks = tasks;
        this.worklist = worklist;
        this.savedFilters = savedFilters;
        this.organisation = organisation;
        this.me = currentUser.require();
        tabs.setId("worklist-tabs");
        tabs.addSelectedChangeListener(e -> {
            if (restoring || e.getSelectedTab() == null) return;
            var entry = tabEntries.get(e.getSelectedTab());
            if (entry == null) return;
            if ("feedback".equals(entry.list())) {
                getUI().ifPresent(ui -> ui.navigate("phan-anh"));
                return;
            }
            if ("dossiers".equals(entry.list())) {
                getUI().ifPresent(ui -> ui.navigate("dossiers", QueryParameters.of("queue", entry.key())));
                return;
            }
            tab = WorkTab.ofKey(entry.key()).orElse(WorkTab.ALL);
            changed();
        });

        search.setId("task-search");
        search.setPlaceholder(getTranslation("task.search"));
        search.setClearButtonVisible(true);
        search.setWidth("20rem");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> changed());
        procedure.setId("task-procedure");
        procedure.setPlaceholder(getTranslation("dossier.procedure"));
        procedure.setItems(catalogue.procedures());
        procedure.setItemLabelGenerator(p -> p.code() + " · " + p.name(getLocale()));
        procedure.setClearButtonVisible(true);
        procedure.setWidth("20rem");
        procedure.addValueChangeListener(e -> changed());
        overdueOnly.setId("task-overdue");
        overdueOnly.setLabel(getTranslation("task.filter.overdueOnly"));
        overdueOnly.addValueChangeListener(e -> changed());
        colleague.setId("task-colleague");
        colleague.setPlaceholder(getTranslation("task.colleague"));
        colleague.setItemLabelGenerator(UserAccount::fullName);
        colleague.setClearButtonVisible(true);
        colleague.setVisible(me.has(Role.LEADER));
        if (me.has(Role.LEADER)) {
            colleague.setItems(organisation.users().stream().filter(u -> me.unitId() != null && u.worksFor(me.unitId())
                    && u.enabled() && !u.username().equals(me.username())).toList());
        }
        colleague.addValueChangeListener(e -> changed());
        sector.setId("task-sector");
        sector.setLabel(getTranslation("task.filter.sector"));
        sector.setItems(Sector.values());
        sector.setItemLabelGenerator(x -> getTranslation(x.messageKey()));
        sector.setClearButtonVisible(true);
        sector.addValueChangeListener(e -> changed());
        status.setId("task-status");
        status.setLabel(getTranslation("dossier.status"));
        status.setItems(DossierStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setItemLabelGenerator(x -> x == null ? "" : x.code() + " · " + getTranslation(x.messageKey()));
        status.addValueChangeListener(e -> changed());
        channel.setId("task-channel");
        channel.setLabel(getTranslation("dossier.channel"));
        channel.setItems(Channel.values());
        channel.setEmptySelectionAllowed(true);
        channel.setItemLabelGenerator(x -> x == null ? "" : getTranslation("dossier.channel." + x.name()));
        channel.addValueChangeListener(e -> changed());
        day(receivedFrom, "task-received-from", "dossier.list.receivedFrom");
        day(receivedTo, "task-received-to", "dossier.list.receivedTo");
        day(dueFrom, "task-due-from", "task.filter.dueFrom");
        day(dueTo, "task-due-to", "task.filter.dueTo");
        applicant.setId("task-applicant");
        applicant.setLabel(getTranslation("dossier.applicant"));
        applicant.setClearButtonVisible(true);
        applicant.setValueChangeMode(ValueChangeMode.LAZY);
        applicant.addValueChangeListener(e -> changed());
        saved.setId("task-saved-filters");
        saved.setPlaceholder(getTranslation("task.filter.saved"));
        saved.setItemLabelGenerator(f -> f == null ? "" : f.name());
        saved.setEmptySelectionAllowed(true);
        saved.addValueChangeListener(e -> {
            if (e.getValue() != null && !restoring) {
                getUI().ifPresent(ui -> ui.navigate("tasks", QueryParameters.fromString(e.getValue().query())));
            }
        });
        var save = new Button(getTranslation("task.filter.save"), e -> saveFilter());
        save.setId("task-save-filter");
        save.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        total.setId("task-total");
        total.addClassName("muted");

        grid.setId("task-grid");
        Instant now = clock.instant();
        grid.addColumn(new ComponentRenderer<>(t -> {
            var due = new Span(Formats.dateTime(t.dueAt()) + (t.overdue(now) ? " · " + getTranslation("task.overdue") : ""));
            if (t.overdue(now)) due.addClassName("overdue");
            return due;
        })).setHeader(getTranslation("task.dueAt")).setKey(TaskSort.DUE_AT.property()).setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(WorkTask::dossierCode).setHeader(getTranslation("dossier.code")).setKey(TaskSort.DOSSIER_CODE.property())
                .setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(t -> {
            var name = new Span(t.name());
            if (t.returnedTo() != null) name.add(badge(getTranslation("task.returned"), "badge-returned"));
            if (t.paused()) name.add(badge(getTranslation("task.paused"), "badge-paused"));
            return name;
        })).setHeader(getTranslation("task.name")).setKey(TaskSort.NAME.property()).setSortable(true).setFlexGrow(2);
        grid.addColumn(t -> catalogue.procedure(t.procedureCode()).map(p -> p.name(getLocale())).orElse(""))
                .setHeader(getTranslation("dossier.procedure")).setKey(TaskSort.PROCEDURE.property()).setSortable(true).setFlexGrow(2);
        grid.addColumn(t -> t.applicantName() == null ? "" : t.applicantName()).setHeader(getTranslation("dossier.applicant"))
                .setKey(TaskSort.APPLICANT.property()).setSortable(true);
        grid.addColumn(t -> t.assignee() == null ? getTranslation("task.unassigned")
                        : me.username().equals(t.assignee()) ? getTranslation("task.me") : fullName(t.assignee()))
                .setHeader(getTranslation("task.assignee")).setKey(TaskSort.ASSIGNEE.property()).setSortable(true);
        grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("task.list.empty"));
        grid.setMultiSort(false);
        grid.setSelectionMode(Grid.SelectionMode.SINGLE);
        grid.addItemDoubleClickListener(e -> open(e.getItem()));
        grid.addItemClickListener(e -> { if (e.getColumn() != null && !"actions".equals(e.getColumn().getKey())) open(e.getItem()); });
        Shortcuts.addShortcutListener(grid, () -> grid.asSingleSelect().getOptionalValue().ifPresent(this::open), Key.ENTER)
                .listenOn(grid);
        grid.setItems(query -> {
            var order = query.getSortOrders().stream().findFirst();
            TaskSort sort = order.flatMap(o -> TaskSort.ofProperty(o.getSorted())).orElse(TaskSort.DUE_AT);
            boolean ascending = order.map(o -> o.getDirection() == SortDirection.ASCENDING).orElse(true);
            int size = Math.min(query.getLimit(), ResultPage.MAX_SIZE);
            var page = tasks.page(filter(), sort, ascending, query.getOffset() / Math.max(1, size), size);
            total.setText(getTranslation("task.list.total", Formats.number(page.total(), getLocale())));
            return page.items().stream();
        }, query -> (int) Math.min(Integer.MAX_VALUE, tasks.page(filter(), TaskSort.DUE_AT, true, 0, 1).total()));
        grid.setPageSize(50);

        var bar = new HorizontalLayout(search, procedure, colleague, overdueOnly, saved, save, total);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        var moreBar = new HorizontalLayout(sector, status, channel, receivedFrom, receivedTo, dueFrom, dueTo, applicant);
        moreBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        moreBar.setWrap(true);
        more.setSummaryText(getTranslation("task.filter.more"));
        more.setId("task-more-filters");
        more.add(moreBar);
        add(new H2(getTranslation("task.list.title")), tabs, bar, more, grid);
        setSizeFull();
    }

    private void day(DatePicker picker, String id, String labelKey) {
        picker.setId(id);
        picker.setLabel(getTranslation(labelKey));
        picker.setClearButtonVisible(true);
        picker.addValueChangeListener(e -> changed());
    }

    private static Span badge(String text, String className) {
        var b = new Span(text);
        b.getElement().getThemeList().add("badge small contrast");
        b.addClassName(className);
        b.getStyle().set("margin-inline-start", "0.4em");
        return b;
    }

    private HorizontalLayout actions(WorkTask t) {
        var row = new HorizontalLayout();
        row.setSpacing(false);
        if (me.username().equals(t.assignee())) {
            var release = new Button(getTranslation("task.release"), e -> run(() -> {
                tasks.release(t.id());
                notify(getTranslation("task.released", t.name()));
            }));
            release.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            release.addClassName("task-release");
            row.add(release);
        }
        if (me.has(Role.LEADER) && t.unitIdentifier() != null && t.unitIdentifier().equals(me.unitIdentifier())) {
            var reassign = new Button(getTranslation("task.reassign"), e -> reassignDialog(t));
            reassign.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            reassign.addClassName("task-reassign");
            row.add(reassign);
        }
        return row;
    }

    /** A leader picks someone of the step's group (or the group itself). */
    private void reassignDialog(WorkTask t) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("task.reassign") + " · " + t.name());
        var people = new ComboBox<UserAccount>(getTranslation("task.reassign.to"));
        people.setId("task-reassign-to");
        people.setItems(tasks.candidatesFor(t.id()));
        people.setItemLabelGenerator(UserAccount::fullName);
        people.setPlaceholder(getTranslation("task.reassign.group"));
        people.setClearButtonVisible(true);
        people.setWidthFull();
        var follow = new DatePicker(getTranslation("task.followUp"));
        follow.setId("task-follow-up");
        follow.setValue(t.followUpAt() == null ? null : t.followUpAt().atZone(Formats.ZONE).toLocalDate());
        var ok = new Button(getTranslation("task.reassign"), e -> run(() -> {
            String target = people.getValue() == null ? null : people.getValue().username();
            tasks.reassign(t.id(), target);
            if (!java.util.Objects.equals(follow.getValue(),
                    t.followUpAt() == null ? null : t.followUpAt().atZone(Formats.ZONE).toLocalDate())) {
                tasks.followUp(t.id(), follow.getValue());
            }
            dialog.close();
            notify(getTranslation("task.reassigned", t.name()));
        }));
        ok.setId("task-reassign-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(people, follow));
        dialog.getFooter().add(new Button(getTranslation("dossier.action.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    private void run(Runnable action) {
        try {
            action.run();
            refreshAll();
        } catch (BusinessRuleException e) {
            error(getTranslation(e.messageKey(), e.args()));
        } catch (NotFoundException e) {
            error(getTranslation(e.messageKey(), e.args()));
        } catch (InvalidInputException e) {
            error(String.join(" ", e.violations().stream().map(InvalidInputException.Violation::message).toList()));
        }
    }

    private void open(WorkTask t) { getUI().ifPresent(ui -> ui.navigate("tasks/" + t.id())); }

    private String fullName(String username) {
        return fullNames.computeIfAbsent(username, u -> organisation.user(u).map(UserAccount::fullName).orElse(u));
    }

    private TaskFilter filter() {
        return new TaskFilter(tab, search.getValue(), procedure.getValue() == null ? null : procedure.getValue().code(),
                sector.getValue() == null ? null : sector.getValue().name(),
                status.getValue() == null ? null : status.getValue().code(),
                channel.getValue() == null ? null : channel.getValue().name(),
                receivedFrom.getValue(), receivedTo.getValue(), dueFrom.getValue(), dueTo.getValue(),
                applicant.getValue().isBlank() ? null : applicant.getValue(),
                colleague.getValue() == null ? null : colleague.getValue().username(), overdueOnly.getValue() ? Boolean.TRUE : null);
    }

    private String queryString() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (tab != WorkTab.ALL) params.put("tab", List.of(tab.key()));
        if (!search.getValue().isBlank()) params.put("q", List.of(search.getValue()));
        if (procedure.getValue() != null) params.put("procedure", List.of(procedure.getValue().code()));
        if (overdueOnly.getValue()) params.put("overdue", List.of("true"));
        if (colleague.getValue() != null) params.put("assignee", List.of(colleague.getValue().username()));
        if (sector.getValue() != null) params.put("sector", List.of(sector.getValue().name()));
        if (status.getValue() != null) params.put("status", List.of(String.valueOf(status.getValue().code())));
        if (channel.getValue() != null) params.put("channel", List.of(channel.getValue().name()));
        putDay(params, "receivedFrom", receivedFrom);
        putDay(params, "receivedTo", receivedTo);
        putDay(params, "dueFrom", dueFrom);
        putDay(params, "dueTo", dueTo);
        if (!applicant.getValue().isBlank()) params.put("applicant", List.of(applicant.getValue()));
        return new QueryParameters(params).getQueryString();
    }

    private static void putDay(Map<String, List<String>> params, String name, DatePicker picker) {
        if (picker.getValue() != null) params.put(name, List.of(picker.getValue().toString()));
    }

    private static LocalDate dayOf(QueryParameters params, String name) {
        return params.getSingleParameter(name).flatMap(Formats::isoDay).orElse(null);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        if (name == null) return null;
        for (E e : type.getEnumConstants()) if (e.name().equals(name)) return e;
        return null;
    }

    private void saveFilter() {
        vn.motcua.security.SaveFilterDialog.open(savedFilters, "tasks", queryString(), "task", this::loadSaved);
    }

    private void loadSaved() {
        restoring = true;
        try {
            saved.setItems(savedFilters.list("tasks"));
        } finally {
            restoring = false;
        }
    }

    /** Tabs with their counters, the selected one kept. */
    private void refreshTabs() {
        restoring = true;
        try {
            tabs.removeAll();
            tabEntries.clear();
            Tab selected = null;
            for (var entry : worklist.entries(null, getLocale())) {
                var count = new Span(Formats.number(entry.count(), getLocale()));
                count.getElement().getThemeList().add("badge pill small" + (entry.count() > 0 ? "" : " contrast"));
                count.getStyle().set("margin-inline-start", "0.4em");
                var t = new Tab(new Span(entry.label()), count);
                t.setId("tab-" + entry.key());
                tabEntries.put(t, entry);
                tabs.add(t);
                if (entry.key().equals(tab.key())) selected = t;
            }
            if (selected != null) tabs.setSelectedTab(selected);
        } finally {
            restoring = false;
        }
    }

    private void refreshAll() {
        refreshTabs();
        grid.getDataProvider().refreshAll();
    }

    private void changed() {
        if (restoring) return;
        grid.getDataProvider().refreshAll();
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location("tasks", QueryParameters.fromString(queryString()))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        restoring = true;
        try {
            tab = params.getSingleParameter("tab").flatMap(WorkTab::ofKey).orElse(WorkTab.ALL);
            search.setValue(params.getSingleParameter("q").orElse(""));
            String code = params.getSingleParameter("procedure").orElse(null);
            procedure.setValue(code == null ? null : procedure.getListDataView().getItems()
                    .filter(p -> p.code().equals(code)).findFirst().orElse(null));
            overdueOnly.setValue(params.getSingleParameter("overdue").map("true"::equals).orElse(false));
            String assignee = params.getSingleParameter("assignee").orElse(null);
            colleague.setValue(assignee == null || !me.has(Role.LEADER) ? null : colleague.getListDataView().getItems()
                    .filter(u -> u.username().equals(assignee)).findFirst().orElse(null));
            sector.setValue(enumOf(Sector.class, params.getSingleParameter("sector").orElse(null)));
            status.setValue(params.getSingleParameter("status").flatMap(DossierStatus::ofText).orElse(null));
            channel.setValue(enumOf(Channel.class, params.getSingleParameter("channel").orElse(null)));
            receivedFrom.setValue(dayOf(params, "receivedFrom"));
            receivedTo.setValue(dayOf(params, "receivedTo"));
            dueFrom.setValue(dayOf(params, "dueFrom"));
            dueTo.setValue(dayOf(params, "dueTo"));
            applicant.setValue(params.getSingleParameter("applicant").orElse(""));
            more.setOpened(sector.getValue() != null || status.getValue() != null || channel.getValue() != null
                    || receivedFrom.getValue() != null || receivedTo.getValue() != null || dueFrom.getValue() != null
                    || dueTo.getValue() != null || !applicant.getValue().isBlank());
        } finally {
            restoring = false;
        }
        loadSaved();
        refreshAll();
    }

    private static void notify(String message) {
        Notification.show(message, 3000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() { return getTranslation("task.list.title"); }
}
