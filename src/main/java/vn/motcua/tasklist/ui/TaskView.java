package vn.motcua.tasklist.ui;

import java.time.Clock;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.forms.FormRenderer;
import vn.motcua.forms.Forms;
import vn.motcua.security.CurrentUser;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.NotFoundException;
import vn.motcua.tasklist.TaskListService;
import vn.motcua.tasklist.WorkTask;

/** Working on one step: the dossier at a glance, its declaration, and the step's form to complete. */
@Route("tasks/:id")
@RolesAllowed({"CLERK", "SPECIALIST", "LEADER"})
public class TaskView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final Clock clock;
    private final Forms forms;
    private final TaskListService tasks;
    private final DossierService dossiers;
    private final ProcedureCatalogue catalogue;
    private final CurrentUser currentUser;
    private String title = "";

    private final java.util.List<vn.motcua.dossier.extension.DossierPanel> panels;

    public TaskView(TaskListService tasks, DossierService dossiers, ProcedureCatalogue catalogue, CurrentUser currentUser,
                    java.util.List<vn.motcua.dossier.extension.DossierPanel> panels, Forms forms, Clock clock) {
        this.clock = clock;
        this.forms = forms;
        this.panels = panels.stream().sorted(java.util.Comparator.comparingInt(vn.motcua.dossier.extension.DossierPanel::order)).toList();
        this.tasks = tasks;
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        setMaxWidth("1200px");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("id").orElse("");
        WorkTask task;
        try {
            task = tasks.task(id);
        } catch (NotFoundException e) {
            add(new H2(getTranslation("task.notFound", id)));
            return;
        }
        title = task.name() + " · " + task.dossierCode();
        var dossier = dossiers.get(task.dossierCode());
        var heading = new H2(task.name());
        heading.setId("task-name");
        var dossierLink = new Anchor("dossiers/" + dossier.code(), dossier.code());
        add(heading, dossierLink, new DossierSummary(dossier, catalogue, getLocale(), clock.instant()));

        catalogue.procedure(dossier.procedureCode()).flatMap(p -> catalogue.form(p.intakeForm())).ifPresent(schema -> {
            var intake = forms.renderer(schema, getLocale());
            intake.setValues(dossier.formData());
            intake.setReadOnly(true);
            var details = new com.vaadin.flow.component.details.Details(getTranslation("dossier.formData"), intake);
            add(details);
        });

        for (var panel : panels) {
            var component = panel.create(dossier.code(), true);
            if (component != null) add(component);
        }

        var form = tasks.form(task).map(schema -> forms.renderer(schema, getLocale())).orElse(null);
        if (form != null) form.setValues(tasks.formContext(task.id()));
        var section = new Div(new H3(task.name()));
        section.addClassName("section");
        section.add(form != null ? form : new Paragraph(getTranslation("task.noForm")));

        String me = currentUser.require().username();
        var claim = new Button(getTranslation("action.claim"), e -> {
            try {
                tasks.claim(task.id());
                Notification.show(getTranslation("task.claimed", task.name()), 3000, Notification.Position.TOP_CENTER);
                getUI().ifPresent(ui -> ui.navigate("tasks/" + task.id()));
            } catch (BusinessRuleException ex) {
                error(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        claim.setId("task-claim");
        claim.setVisible(task.assignee() == null);
        var complete = new Button(getTranslation("action.complete"), e -> complete(task, form));
        complete.setId("task-complete");
        complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        complete.setEnabled(task.assignee() == null || me.equals(task.assignee()));
        section.add(new HorizontalLayout(complete, claim));
        add(section);
    }

    private void complete(WorkTask task, FormRenderer form) {
        try {
            if (form != null) {
                var violations = form.validate();
                if (!violations.isEmpty()) {
                    error(getTranslation("task.invalid", violations.get(0).message()));
                    return;
                }
            }
            Map<String, Object> data = form == null ? Map.of() : form.getValues();
            tasks.complete(task.id(), data);
            var n = Notification.show(getTranslation("task.completed", task.name(), task.dossierCode()), 5000,
                    Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate("tasks"));
        } catch (InvalidInputException e) {
            if (form != null) form.validate();
            error(getTranslation("task.invalid", e.violations().get(0).message()));
        } catch (BusinessRuleException | NotFoundException e) {
            error(e instanceof BusinessRuleException b ? getTranslation(b.messageKey(), b.args())
                    : getTranslation(((NotFoundException) e).messageKey(), ((NotFoundException) e).args()));
        }
    }

    private static void error(String message) {
        var n = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() { return title; }
}
