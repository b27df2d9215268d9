package vn.motcua.dossier.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.ObjectProvider;
import vn.motcua.catalogue.DossierComponent;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.forms.FormRenderer;
import vn.motcua.forms.Forms;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.security.CurrentUser;
import vn.motcua.shared.Formats;
import vn.motcua.dossier.extension.IntakeFiles;
import vn.motcua.shared.InvalidInputException;

/**
 * The one-stop desk: choose the procedure, enter the applicant, fill the declaration, tick the documents checked,
 * upload their scans (staged until the dossier exists), receive. The dossier gets its code and due date at once, and
 * the staged files become its attachments in the same receipt.
 */
@Route("intake")
@Menu(title = "menu.intake", order = 10)
@RolesAllowed("CLERK")
public class IntakeView extends VerticalLayout implements HasDynamicTitle {
    private final Forms forms;
    private final DossierService dossiers;
    private final ProcedureCatalogue catalogue;

    private final ComboBox<Procedure> procedure = new ComboBox<>();
    private final Select<Channel> channel = new Select<>();
    private final ApplicantForm applicant;
    private final CurrentUser currentUser;
    /** The working unit this page was opened for. */
    private final Long openedAt;
    private final CheckboxGroup<DossierComponent> checklist = new CheckboxGroup<>();
    private final Div formHolder = new Div();
    private final TextArea missingReason = new TextArea();
    private final ValidationSummary errors = new ValidationSummary("intake-errors");
    private final Button receive = new Button();
    private final IntakeFiles.Section files;
    private final IntakeFiles contribution;
    private FormRenderer form;

    public IntakeView(DossierService dossiers, ProcedureCatalogue catalogue, CurrentUser currentUser,
                      OrganisationService organisation, ObjectProvider<IntakeFiles> intakeFiles, Forms forms) {
        this.forms = forms;
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.contribution = intakeFiles.getIfAvailable();
        this.files = contribution == null ? null : contribution.create();
        var myUnit = currentUser.get().flatMap(u -> u.unitId() == null ? java.util.Optional.empty() : organisation.unit(u.unitId()))
                .orElse(null);
        var unitLevel = myUnit == null ? null : myUnit.level();
        this.currentUser = currentUser;
        this.openedAt = myUnit == null ? null : myUnit.id();
        // any commune of the province: the desk receives regardless of where the applicant lives
        applicant = new ApplicantForm(myUnit == null ? List.of() : organisation.communesOfResidence(myUnit));

        procedure.setId("intake-procedure");
        procedure.setLabel(getTranslation("intake.procedure"));
        procedure.setPlaceholder(getTranslation("intake.procedure.placeholder"));
        procedure.setItems((p, filter) -> vn.motcua.shared.TextSearch.matches(p.code() + " " + p.name().vi() + " " + p.name().en(), filter),
                catalogue.search(null, null, unitLevel));
        procedure.setItemLabelGenerator(p -> p.code() + " · " + p.name(getLocale()));
        procedure.setWidthFull();
        procedure.setRequiredIndicatorVisible(true);
        procedure.addValueChangeListener(e -> showProcedure(e.getValue()));

        channel.setId("intake-channel");
        channel.setLabel(getTranslation("dossier.channel"));
        channel.setItems(Channel.values());
        channel.setItemLabelGenerator(c -> getTranslation(c.messageKey()));
        channel.setValue(Channel.IN_PERSON);

        checklist.setId("intake-checklist");
        checklist.setLabel(getTranslation("intake.checklist"));
        checklist.setItemLabelGenerator(c -> c.name().in(getLocale()) + (c.required() ? " *" : ""));
        checklist.addValueChangeListener(e -> showMissing());

        // Receiving without a required component needs the desk's reason: the field appears only then
        missingReason.setId("intake-missing-reason");
        missingReason.setLabel(getTranslation("intake.missingReason"));
        missingReason.setMaxLength(DossierService.MAX_MISSING_REASON);
        missingReason.setWidthFull();
        missingReason.setVisible(false);

        receive.setText(getTranslation("action.receive"));
        receive.setId("intake-receive");
        receive.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        receive.setDisableOnClick(true);
        receive.addClickListener(e -> receive());
        var clear = new Button(getTranslation("action.clear"), e -> clear());

        add(new H2(getTranslation("intake.title")), new FormLayout(procedure, channel),
                section(getTranslation("intake.applicant"), applicant),
                section(getTranslation("intake.form"), formHolder),
                section(getTranslation("intake.checklist"), checklist));
        if (files != null) {
            add(section(getTranslation("intake.files"), files.component()));
            // A document uploaded for a component was there: tick it (the clerk may untick it)
            files.addChangeListener(this::tickUploadedComponents);
            files.addChangeListener(this::showMissing);
        }
        add(missingReason, errors, new com.vaadin.flow.component.orderedlayout.HorizontalLayout(receive, clear));
        setMaxWidth("1100px");
    }

    private static Div section(String title, com.vaadin.flow.component.Component content) {
        var div = new Div(new H3(title), content);
        div.addClassName("section");
        return div;
    }

    private void showProcedure(Procedure p) {
        formHolder.removeAll();
        form = null;
        checklist.setItems(p == null ? List.of() : p.components());
        if (files != null) files.showProcedure(p == null ? null : p.code());
        showMissing();
        if (p == null) return;
        catalogue.form(p.intakeForm()).ifPresent(schema -> {
            form = forms.renderer(schema, getLocale());
            if (contribution != null) form.setFilePickers(contribution.filePickers(p.code()));
            formHolder.add(form);
        });
    }

    /**
     * Receives the dossier, or shows every problem at once: each on its field and all in the summary, each naming
     * its field. The service checks everything (the procedure, the applicant, the declaration, the components and the
     * reason for receiving without some), so that one attempt tells the clerk all there is to fix.
     */
    private void receive() {
        // the unit this page was opened for: a switch to another unit (in another tab) must not receive it there
        Long now = currentUser.get().map(u -> u.unitId()).orElse(null);
        if (!java.util.Objects.equals(now, openedAt)) {
            Notification.show(getTranslation("intake.unitChanged"), 8000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        try {
            clearInvalid();
            Procedure p = procedure.getValue();
            Map<String, Object> data = form == null ? Map.of() : form.getValues();
            var checked = checklist.getSelectedItems().stream().map(DossierComponent::code).toList();
            var dossier = dossiers.receive(new ReceiveDossier(p == null ? null : p.code(), channel.getValue(),
                    applicant.value(), data, null, files == null ? List.of() : files.stagedFiles(), checked,
                    missingReason.isVisible() ? missingReason.getValue() : null));
            if (files != null) files.received();
            var n = Notification.show(getTranslation("intake.success", dossier.code(), Formats.dateTime(dossier.dueAt())), 8000,
                    Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate("dossiers/" + dossier.code()));
        } catch (InvalidInputException e) {
            showViolations(e.violations());
        } finally {
            receive.setEnabled(true);
        }
    }

    private void showViolations(List<InvalidInputException.Violation> violations) {
        var shown = new java.util.ArrayList<InvalidInputException.Violation>();
        for (var v : violations) {
            // No procedure chosen: say so, rather than "unknown procedure"
            shown.add("procedureCode".equals(v.field()) && procedure.getValue() == null
                    ? new InvalidInputException.Violation(v.field(), getTranslation("intake.chooseProcedure")) : v);
        }
        for (var v : applicant.show(shown)) {
            switch (v.field()) {
                case "procedureCode" -> invalid(procedure, v.message());
                case "channel" -> invalid(channel, v.message());
                case "checkedComponents" -> invalid(checklist, v.message());
                case "missingComponentsReason" -> {
                    missingReason.setVisible(true); // the service knows best what is missing
                    invalid(missingReason, v.message());
                    invalid(checklist, v.message());
                }
                default -> { }
            }
        }
        // Marks the declaration's own fields named by the service's violations (data.*)
        if (form != null) form.validate();
        errors.show(shown, form);
        error(getTranslation("intake.invalid", String.join(" ", shown.stream().map(InvalidInputException.Violation::message).toList())));
    }

    private void clearInvalid() {
        errors.clear();
        procedure.setInvalid(false);
        channel.setInvalid(false);
        checklist.setInvalid(false);
        missingReason.setInvalid(false);
    }

    private static void invalid(com.vaadin.flow.component.HasValidation field, String message) {
        field.setInvalid(true);
        field.setErrorMessage(message);
    }

    /**
     * Shows the reason field while required components are neither ticked nor uploaded, naming them; hides it (and
     * forgets nothing typed) once they all are.
     */
    private void showMissing() {
        Procedure p = procedure.getValue();
        var uploaded = files == null ? java.util.Set.<String>of() : files.filledComponents();
        var missing = p == null ? List.<String>of() : p.components().stream().filter(DossierComponent::required)
                .filter(c -> !checklist.getSelectedItems().contains(c) && !uploaded.contains(c.code()))
                .map(c -> c.name().in(getLocale())).toList();
        missingReason.setVisible(!missing.isEmpty());
        missingReason.setHelperText(missing.isEmpty() ? null : getTranslation("intake.missingReason.hint", String.join("; ", missing)));
    }

    private static void error(String message) {
        var n = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void tickUploadedComponents() {
        var uploaded = files.filledComponents();
        var procedureChosen = procedure.getValue();
        if (procedureChosen == null) return;
        var ticked = new java.util.HashSet<>(checklist.getSelectedItems());
        procedureChosen.components().stream().filter(c -> uploaded.contains(c.code())).forEach(ticked::add);
        if (!ticked.equals(checklist.getSelectedItems())) checklist.setValue(ticked);
    }

    private void clear() {
        if (files != null) files.discardAll();
        procedure.clear();
        applicant.clear();
        missingReason.clear();
        clearInvalid();
        channel.setValue(Channel.IN_PERSON);
    }

    @Override
    public String getPageTitle() { return getTranslation("intake.title"); }
}
