package vn.motcua.tasklist.ui;

import java.time.Clock;
import java.time.Instant;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import vn.motcua.shared.TextSearch;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.security.CurrentUser;
import vn.motcua.shared.Formats;
import vn.motcua.tasklist.TaskListService;
import vn.motcua.tasklist.WorkTask;

/** What is due first: the user's tasks and those waiting for their groups, earliest deadline on top. */
@Route("tasks")
@Menu(title = "menu.tasks", order = 0)
@RolesAllowed({"CLERK", "SPECIALIST", "LEADER"})
public class TaskListView extends VerticalLayout implements HasDynamicTitle {
    private final Clock clock;

    public TaskListView(TaskListService tasks, ProcedureCatalogue catalogue, CurrentUser currentUser, Clock clock) {
        this.clock = clock;
        String me = currentUser.require().username();
        var grid = new Grid<WorkTask>();
        grid.setId("task-grid");
        Instant now = clock.instant();
        grid.addColumn(new ComponentRenderer<>(t -> {
            var due = new Span(Formats.dateTime(t.dueAt()) + (t.overdue(now) ? " · " + getTranslation("task.overdue") : ""));
            if (t.overdue(now)) due.addClassName("overdue");
            return due;
        })).setHeader(getTranslation("task.dueAt")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(WorkTask::dossierCode).setHeader(getTranslation("dossier.code")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(WorkTask::name).setHeader(getTranslation("task.name")).setFlexGrow(2);
        grid.addColumn(t -> catalogue.procedure(t.procedureCode()).map(p -> p.name(getLocale())).orElse(""))
                .setHeader(getTranslation("dossier.procedure")).setFlexGrow(2);
        grid.addColumn(t -> t.assignee() == null ? getTranslation("task.unassigned")
                : me.equals(t.assignee()) ? getTranslation("task.me") : t.assignee()).setHeader(getTranslation("task.assignee"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("task.list.empty"));
        var all = tasks.myTasks();
        var view = grid.setItems(all);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("tasks/" + e.getItem().id())));

        var search = new TextField();
        search.setId("task-search");
        search.setPlaceholder(getTranslation("task.search"));
        search.setClearButtonVisible(true);
        search.setWidth("24rem");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> view.setFilter(t -> TextSearch.matches(t.dossierCode() + " " + t.name() + " "
                + catalogue.procedure(t.procedureCode()).map(p -> p.name().vi()).orElse(""), e.getValue())));
        var count = new Span(getTranslation("task.count", all.size()));
        count.addClassName("muted");
        var bar = new HorizontalLayout(search, count);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("task.list.title")), bar, grid);
        setSizeFull();
    }

    @Override
    public String getPageTitle() { return getTranslation("task.list.title"); }
}
