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
import vn.motcua.dossier.CompletedStepsList;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.dossier.DossierWork;
import vn.motcua.forms.FieldViolation;
import vn.motcua.forms.FormSchema;
import vn.motcua.forms.FormRenderer;
import vn.motcua.forms.Forms;
import vn.motcua.security.CurrentUser;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.NotFoundException;
import vn.motcua.tasklist.TaskListService;
import vn.motcua.tasklist.WorkTask;

/**
 * Working on one step: the dossier at a glance, its declaration, the decisions and opinions of the steps done before
 * (and, when the dossier came back to this step, why), and the step's form to complete, with every invalid field
 * named at once.
 */
@Route("tasks/:id")
@RolesAllowed({"CLERK", "SPECIALIST", "LEADER"})
public class TaskView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final Clock clock;
    private final Forms forms;
    private final TaskListService tasks;
    private final DossierService dossiers;
    private final ProcedureCatalogue catalogue;
    private final CurrentUser currentUser;
    private final DossierWork work;
    private final Div errors = new Div();
    private String title = "";

    private final java.util.List<vn.motcua.dossier.extension.DossierPanel> panels;

    private final org.springframework.beans.factory.ObjectProvider<vn.motcua.dossier.extension.IntakeFiles> files;

    public TaskView(TaskListService tasks, DossierService dossiers, DossierWork work, ProcedureCatalogue catalogue,
                    CurrentUser currentUser, java.util.List<vn.motcua.dossier.extension.DossierPanel> panels, Forms forms,
                    Clock clock, org.springframework.beans.factory.ObjectProvider<vn.motcua.dossier.extension.IntakeFiles> files) {
        this.files = files;
        this.work = work;
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
        add(heading, dossierLink, new DossierSummary(dossier, work.unitName(dossier, getLocale()), work.residence(dossier, getLocale()).orElse(null), catalogue, getLocale(), clock.instant()));

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

        var done = work.steps(dossier.code(), getLocale());
        reworkNotice(task, done).ifPresent(this::add);
        var previous = new Div(new H3(getTranslation("task.previousSteps")));
        previous.addClassName("section");
        previous.setId("task-previous-steps");
        if (done.isEmpty()) {
            var none = new Paragraph(getTranslation("task.previousSteps.empty"));
            none.addClassName("muted");
            previous.add(none);
        } else {
            previous.add(new CompletedStepsList(done, "task-step"));
        }
        add(previous);

        FormSchema schema = tasks.form(task).orElse(null);
        var form = schema == null ? null : forms.renderer(schema, getLocale());
        if (form != null) {
            form.setValues(tasks.formContext(task.id()));
            // files picked in the step's form become the dossier's when the step is completed
            var pickers = files.getIfAvailable();
            if (pickers != null) form.setFilePickers(pickers.filePickers(dossier.procedureCode()));
        }
        var section = new Div(new H3(task.name()));
        section.addClassName("section");
        section.add(form != null ? form : new Paragraph(getTranslation("task.noForm")));
        errors.removeAll();
        errors.setId("task-errors");
        errors.setVisible(false);
        errors.getStyle().set("color", "var(--lumo-error-text-color)");
        section.add(errors);

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
        var complete = new Button(getTranslation("action.complete"), e -> complete(task, schema, form));
        complete.setId("task-complete");
        complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        complete.setEnabled(task.assignee() == null || me.equals(task.assignee()));
        var release = new Button(getTranslation("task.release"), e -> {
            try {
                tasks.release(task.id());
                Notification.show(getTranslation("task.released", task.name()), 3000, Notification.Position.TOP_CENTER);
                getUI().ifPresent(ui -> ui.navigate("tasks"));
            } catch (BusinessRuleException ex) {
                error(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        release.setId("task-release");
        release.setVisible(me.equals(task.assignee()));
        var followUp = new com.vaadin.flow.component.datepicker.DatePicker(getTranslation("task.followUp"));
        followUp.setId("task-follow-up");
        followUp.setClearButtonVisible(true);
        followUp.setValue(task.followUpAt() == null ? null : task.followUpAt().atZone(vn.motcua.shared.Formats.ZONE).toLocalDate());
        followUp.addValueChangeListener(e -> {
            if (!e.isFromClient()) return;
            try {
                tasks.followUp(task.id(), e.getValue());
                Notification.show(getTranslation("task.followUp.set"), 3000, Notification.Position.TOP_CENTER);
            } catch (BusinessRuleException ex) {
                error(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        var buttons = new HorizontalLayout(complete, claim, release, followUp);
        buttons.setDefaultVerticalComponentAlignment(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        section.add(buttons);
        add(section);
    }

    /**
     * When the dossier came back to this step (its step was completed on the dossier before), who sent it back and
     * why: the step completed last, whose opinion carries the send-back reason.
     */
    private java.util.Optional<Div> reworkNotice(WorkTask task, java.util.List<DossierWork.CompletedStep> done) {
        boolean again = done.stream().anyMatch(s -> s.stepKey().equals(task.stepKey()));
        if (!again) return java.util.Optional.empty();
        DossierWork.CompletedStep sender = done.get(done.size() - 1);
        var notice = new Div();
        notice.setId("task-rework");
        notice.addClassName("section");
        notice.getStyle().set("border-color", "var(--lumo-error-color)").set("background", "var(--lumo-error-color-10pct)");
        var heading = new H3(getTranslation("task.rework.title"));
        heading.getStyle().set("color", "var(--lumo-error-text-color)");
        notice.add(heading);
        String unit = sender.unit() == null ? "" : sender.unit().name();
        var by = new Paragraph(getTranslation("task.rework.by", sender.by().fullName(), unit, sender.name(),
                vn.motcua.shared.Formats.dateTime(sender.completedAt())));
        by.addClassName("muted");
        var reason = new Paragraph(sender.opinion() == null ? getTranslation("task.rework.noReason")
                : getTranslation("task.rework.reason", sender.opinion()));
        reason.setId("task-rework-reason");
        reason.getStyle().set("white-space", "pre-line").set("font-weight", "600");
        notice.add(by, reason);
        return java.util.Optional.of(notice);
    }

    /** Every invalid field at once, each named by its label, under the form and in one notification. */
    private void showViolations(FormSchema schema, java.util.List<FieldViolation> violations) {
        errors.removeAll();
        errors.add(new Paragraph(getTranslation("task.invalid.count", violations.size())));
        var list = new com.vaadin.flow.component.html.UnorderedList();
        for (FieldViolation v : violations) {
            var item = new com.vaadin.flow.component.html.ListItem(getTranslation("task.invalid.field", fieldName(schema, v.field()), v.message()));
            item.setId("task-error-" + v.field());
            list.add(item);
        }
        errors.add(list);
        errors.setVisible(true);
        error(getTranslation("task.invalid.count", violations.size()) + " "
                + String.join("; ", violations.stream().map(v -> fieldName(schema, v.field())).toList()));
    }

    /** A field's label as the user sees it, or its key when it has none (or a computed one). */
    static String fieldName(FormSchema schema, String field) {
        return schema == null ? field : schema.labelOf(field);
    }

    private void complete(WorkTask task, FormSchema schema, FormRenderer form) {
        try {
            if (form != null) {
                var violations = form.validate();
                if (!violations.isEmpty()) {
                    showViolations(schema, violations);
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
            showViolations(schema, e.violations().stream().map(v -> new FieldViolation(
                    v.field().startsWith("data.") ? v.field().substring(5) : v.field(), "server", v.message())).toList());
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
