package vn.motcua.sandbox.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.motcua.catalogue.ProcedureDesigns;
import vn.motcua.diagram.BpmnViewer;
import vn.motcua.forms.FieldViolation;
import vn.motcua.forms.FormRenderer;
import vn.motcua.forms.FormSchema;
import vn.motcua.forms.Forms;
import vn.motcua.organisation.Unit;
import vn.motcua.sandbox.TrialRun;
import vn.motcua.sandbox.TrialRuns;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.Formats;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.NotFoundException;

/**
 * Chạy thử: a designer test-runs a procedure's draft (or, with no draft, its published version) before publishing it.
 * The designer receives a test dossier in a unit with the real intake form, then acts as each role in turn through the
 * steps' real forms; the page shows the path taken on the diagram (the steps waiting highlighted, the steps done
 * marked with how many times), the test dossier's statuses and due dates, the steps done with their decisions and
 * opinions, and the timers waiting, each of which can be fired now. Start over at any time. Nothing of a test run
 * reaches the real dossiers, codes, indicators, search or notifications ({@link TrialRuns}).
 */
@Route("design/:code/try")
@RolesAllowed("DESIGNER")
public class TrialView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final TrialRuns runs;
    private final Forms forms;

    private final H2 title = new H2();
    private final Paragraph origin = new Paragraph();
    private final Paragraph error = new Paragraph();
    private final VerticalLayout startPanel = new VerticalLayout();
    private final Select<Unit> unit = new Select<>();
    private final Div intakeHolder = new Div();
    private final VerticalLayout runPanel = new VerticalLayout();
    private final Div summary = new Div();
    private final UnorderedList statuses = new UnorderedList();
    private final BpmnViewer diagram = new BpmnViewer();
    private final VerticalLayout openSteps = new VerticalLayout();
    private final VerticalLayout stepPanel = new VerticalLayout();
    private final Grid<TrialRun.DoneStep> done = new Grid<>();
    private final VerticalLayout timers = new VerticalLayout();

    private String code;
    private FormRenderer intake;
    private FormRenderer stepForm;
    private TrialRun run;

    /** File pickers that check each file as the staff's would and keep nothing; none when files are not handled. */
    private final vn.motcua.forms.FilePickers pickers;

    public TrialView(TrialRuns runs, Forms forms,
                     org.springframework.beans.factory.ObjectProvider<vn.motcua.dossier.extension.IntakeFiles> files) {
        var contribution = files.getIfAvailable();
        this.pickers = contribution == null ? null : contribution.trialFilePickers();
        this.runs = runs;
        this.forms = forms;
        setWidthFull();
        origin.setId("trial-origin");
        error.setId("trial-error");
        error.addClassName("error");
        error.setVisible(false);
        var isolation = new Paragraph(getTranslation("design.trial.isolation"));
        isolation.setId("trial-isolation");

        unit.setId("trial-unit");
        unit.setLabel(getTranslation("design.trial.unit"));
        unit.setItemLabelGenerator(u -> u.displayName(getLocale()) + " (" + u.identifier() + ")");
        unit.setWidth("32em");
        intakeHolder.setId("trial-intake-holder");
        intakeHolder.setWidthFull();
        var start = new Button(getTranslation("design.trial.start"), e -> start());
        start.setId("trial-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        startPanel.setPadding(false);
        startPanel.add(new H3(getTranslation("design.trial.start.title")), new Paragraph(getTranslation("design.trial.start.hint")),
                unit, intakeHolder, start);

        summary.setId("trial-summary");
        statuses.setId("trial-statuses");
        diagram.setId("trial-diagram");
        diagram.setHeight("55vh");
        diagram.setWidthFull();
        openSteps.setId("trial-open");
        openSteps.setPadding(false);
        stepPanel.setId("trial-step");
        stepPanel.setPadding(false);
        stepPanel.setVisible(false);
        done.setId("trial-done");
        done.addColumn(TrialRun.DoneStep::name).setHeader(getTranslation("design.trial.col.step")).setFlexGrow(2);
        done.addColumn(s -> role(s.role()) + (s.unitName() == null ? "" : " · " + s.unitName()))
                .setHeader(getTranslation("design.trial.col.role")).setFlexGrow(2);
        done.addColumn(s -> Formats.dateTime(s.endedAt())).setHeader(getTranslation("design.trial.col.done")).setAutoWidth(true);
        done.addColumn(s -> s.dueAt() == null ? "—" : Formats.dateTime(s.dueAt())
                + (s.late() ? " · " + getTranslation("design.trial.late") : "")).setHeader(getTranslation("design.trial.col.due")).setAutoWidth(true);
        done.addColumn(s -> s.decision() == null ? "" : s.decision()).setHeader(getTranslation("design.trial.col.decision")).setFlexGrow(2);
        done.addColumn(s -> s.opinion() == null ? "" : s.opinion()).setHeader(getTranslation("design.trial.col.opinion")).setFlexGrow(3);
        done.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        done.setAllRowsVisible(true);
        timers.setId("trial-timers");
        timers.setPadding(false);
        var restart = new Button(getTranslation("design.trial.restart"), e -> restart());
        restart.setId("trial-restart");

        var work = new VerticalLayout(new H3(getTranslation("design.trial.open")), openSteps, stepPanel,
                new H3(getTranslation("design.trial.timers")), timers);
        work.setPadding(false);
        var split = new SplitLayout(diagram, work);
        split.setSplitterPosition(60);
        split.setWidthFull();
        runPanel.setPadding(false);
        runPanel.add(summary, split, new H3(getTranslation("design.trial.statuses")), statuses,
                new H3(getTranslation("design.trial.doneSteps")), done, restart);
        runPanel.setVisible(false);

        var back = new Anchor("design", getTranslation("design.model.back"));
        back.setId("trial-back");
        add(title, origin, isolation, error, startPanel, runPanel, back);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        code = event.getRouteParameters().get("code").orElse("");
        title.setText(getTranslation("design.trial.title", code));
        clearError();
        TrialRuns.Setup setup;
        try {
            setup = runs.setup(code);
        } catch (NotFoundException e) {
            showError(getTranslation(e.messageKey(), e.args()));
            startPanel.setVisible(false);
            runPanel.setVisible(false);
            return;
        } catch (ProcedureDesigns.UploadRejected e) {
            showError(getTranslation("design.trial.rejected", e.problems().size()));
            startPanel.setVisible(false);
            runPanel.setVisible(false);
            return;
        }
        title.setText(getTranslation("design.trial.title.named", code, setup.trial().procedure().name(getLocale())));
        origin.setText(getTranslation(setup.trial().fromDraft() ? "design.trial.fromDraft" : "design.trial.fromPublished"));
        unit.setItems(setup.units());
        if (!setup.units().isEmpty()) unit.setValue(setup.units().get(0));
        intakeHolder.removeAll();
        intake = null;
        if (setup.intakeForm() != null) {
            intake = forms.renderer(setup.intakeForm(), getLocale());
            if (pickers != null) intake.setFilePickers(pickers);
            intake.setId("trial-intake");
            intakeHolder.add(intake);
        }
        show(runs.current(code).orElse(null));
    }

    @Override
    public String getPageTitle() { return getTranslation("design.trial.title", code == null ? "" : code); }

    /** Receives a test dossier with the intake form's data in the chosen unit. */
    void start() {
        clearError();
        if (intake != null) {
            List<FieldViolation> violations = intake.validate();
            if (!violations.isEmpty()) {
                showInvalid(intake.getSchema(), violations);
                return;
            }
        }
        try {
            show(runs.start(code, unit.getValue() == null ? null : unit.getValue().identifier(),
                    intake == null ? Map.of() : intake.getValues()));
        } catch (InvalidInputException e) {
            showInvalid(e);
        } catch (BusinessRuleException e) {
            showError(getTranslation(e.messageKey(), e.args()));
        }
    }

    /** Opens an open step's form, as the role the step names would see it. */
    void act(TrialRun.OpenStep step) {
        clearError();
        stepPanel.removeAll();
        stepForm = null;
        FormSchema schema;
        try {
            schema = runs.stepForm(code, step.taskId()).orElse(null);
        } catch (NotFoundException e) {
            showError(getTranslation(e.messageKey(), e.args()));
            refresh();
            return;
        }
        var heading = new H3(getTranslation("design.trial.acting", step.name(), role(step.role())
                + (step.unitName() == null ? "" : " · " + step.unitName())));
        stepPanel.add(heading);
        // what the earlier steps recorded, as the next step sees it above its form
        if (run != null) {
            for (var previous : run.doneSteps()) {
                if (previous.decision() == null && previous.opinion() == null) continue;
                var line = new Paragraph(previous.name() + ": " + String.join(" · ",
                        java.util.stream.Stream.of(previous.decision(), previous.opinion()).filter(s -> s != null && !s.isBlank()).toList()));
                line.addClassName("trial-previous");
                stepPanel.add(line);
            }
        }
        if (schema == null) stepPanel.add(new Paragraph(getTranslation("design.trial.noForm")));
        else {
            stepForm = forms.renderer(schema, getLocale());
            if (pickers != null) stepForm.setFilePickers(pickers);
            stepForm.setId("trial-step-form");
            stepPanel.add(stepForm);
        }
        var complete = new Button(getTranslation("design.trial.complete"), e -> complete(step));
        complete.setId("trial-complete");
        complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("design.cancel"), e -> {
            stepPanel.removeAll();
            stepPanel.setVisible(false);
            stepForm = null;
        });
        cancel.setId("trial-cancel");
        stepPanel.add(new HorizontalLayout(complete, cancel));
        stepPanel.setVisible(true);
    }

    void complete(TrialRun.OpenStep step) {
        clearError();
        if (stepForm != null) {
            List<FieldViolation> violations = stepForm.validate();
            if (!violations.isEmpty()) {
                showInvalid(stepForm.getSchema(), violations);
                return;
            }
        }
        try {
            show(runs.complete(code, step.taskId(), stepForm == null ? Map.of() : stepForm.getValues()));
        } catch (InvalidInputException e) {
            showInvalid(e);
        } catch (BusinessRuleException | NotFoundException e) {
            showError(e instanceof BusinessRuleException b ? getTranslation(b.messageKey(), b.args())
                    : getTranslation(((NotFoundException) e).messageKey(), ((NotFoundException) e).args()));
            refresh();
        }
    }

    void fire(TrialRun.Timer timer) {
        clearError();
        try {
            show(runs.fireTimer(code, timer.jobId()));
        } catch (BusinessRuleException e) {
            showError(getTranslation(e.messageKey(), e.args()));
            refresh();
        } catch (NotFoundException e) {
            showError(getTranslation(e.messageKey(), e.args()));
            refresh();
        }
    }

    void restart() {
        clearError();
        runs.discard(code);
        show(null);
    }

    private void refresh() {
        show(runs.current(code).orElse(null));
    }

    /** The run as it stands (none: the start panel). */
    private void show(TrialRun current) {
        run = current;
        stepPanel.removeAll();
        stepPanel.setVisible(false);
        stepForm = null;
        startPanel.setVisible(current == null);
        runPanel.setVisible(current != null);
        if (current == null) return;

        summary.removeAll();
        var state = new Paragraph(getTranslation("design.trial.summary", current.key(), current.unitName(),
                getTranslation("dossier.status." + current.status().code())));
        state.setId("trial-status");
        state.getElement().setAttribute("data-status", String.valueOf(current.status().code()));
        var dates = new Paragraph(getTranslation("design.trial.dates", Formats.dateTime(current.receivedAt()), Formats.dateTime(current.dueAt()))
                + (current.extendedDueAt() == null ? "" : " · " + getTranslation("design.trial.extended", Formats.dateTime(current.extendedDueAt()))));
        dates.setId("trial-dates");
        summary.add(state, dates);
        if (current.ended()) {
            var end = new Paragraph(getTranslation("design.trial.ended", current.endedAs() == null ? "" : current.endedAs()));
            end.setId("trial-ended");
            summary.add(end);
        }

        statuses.removeAll();
        for (var change : current.statuses()) {
            var item = new ListItem(Formats.dateTime(change.at()) + " · " + (change.from() == null ? ""
                    : getTranslation("dossier.status." + change.from().code()) + " → ")
                    + getTranslation("dossier.status." + change.to().code()));
            item.getElement().setAttribute("data-status", String.valueOf(change.to().code()));
            statuses.add(item);
        }

        if (!current.bpmnXml().equals(diagram.getXml())) diagram.setXml(current.bpmnXml());
        diagram.highlight(current.current().toArray(String[]::new));
        Map<String, String> marks = new LinkedHashMap<>();
        current.passed().forEach((element, times) -> marks.put(element, times > 1 ? "✓×" + times : "✓"));
        diagram.setOverlays(marks);

        openSteps.removeAll();
        if (current.openSteps().isEmpty() && current.stopped().isEmpty()) openSteps.add(new Paragraph(getTranslation("design.trial.noOpen")));
        for (var step : current.stopped()) {
            var text = new Span(getTranslation("design.trial.stopped", step.name(), String.valueOf(step.reason())));
            text.getStyle().set("color", "var(--lumo-error-text-color)");
            text.getElement().setAttribute("data-stopped", String.valueOf(step.elementId()));
            openSteps.add(text);
        }
        for (var step : current.openSteps()) {
            var act = new Button(getTranslation("design.trial.act"), e -> act(step));
            act.setId("trial-act-" + step.stepKey());
            act.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            var text = new Span(step.name() + " · " + role(step.role()) + (step.unitName() == null ? "" : " · " + step.unitName())
                    + (step.dueAt() == null ? "" : " · " + getTranslation("design.trial.stepDue", Formats.dateTime(step.dueAt())))
                    + (step.lifecycle() ? " · " + getTranslation("design.trial.lifecycleStep") : ""));
            var row = new HorizontalLayout(act, text);
            row.setAlignItems(Alignment.CENTER);
            row.getElement().setAttribute("data-step", step.stepKey());
            openSteps.add(row);
        }

        done.setItems(current.doneSteps());

        timers.removeAll();
        if (current.timers().isEmpty()) timers.add(new Paragraph(getTranslation("design.trial.noTimers")));
        for (var timer : current.timers()) {
            var fire = new Button(getTranslation("design.trial.fire"), e -> fire(timer));
            fire.setId("trial-fire-" + timer.elementId());
            fire.addThemeVariants(ButtonVariant.LUMO_SMALL);
            var row = new HorizontalLayout(fire, new Span(timer.name() + (timer.dueAt() == null ? ""
                    : " · " + getTranslation("design.trial.timerAt", Formats.dateTime(timer.dueAt())))));
            row.setAlignItems(Alignment.CENTER);
            timers.add(row);
        }
    }

    private String role(String role) {
        return role == null ? getTranslation("design.trial.role.none") : getTranslation("design.model.role." + role);
    }

    private void showInvalid(InvalidInputException e) {
        showError(String.join("; ", e.violations().stream().map(InvalidInputException.Violation::message).toList()));
    }

    /** The fields the form refused, by their labels (the form marks each beside the field). */
    private void showInvalid(FormSchema schema, List<FieldViolation> violations) {
        showError(getTranslation("task.invalid.count", violations.size()) + " "
                + String.join("; ", violations.stream().map(v -> schema.labelOf(v.field())).toList()));
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void clearError() {
        error.setText("");
        error.setVisible(false);
    }

    /** For tests: the run shown. */
    TrialRun shown() { return run; }
}
