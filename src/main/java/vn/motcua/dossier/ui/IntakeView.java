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
import vn.motcua.forms.FieldViolation;
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
    private final ApplicantForm applicant = new ApplicantForm();
    private final CheckboxGroup<DossierComponent> checklist = new CheckboxGroup<>();
    private final Div formHolder = new Div();
    private final Button receive = new Button();
    private final IntakeFiles.Section files;
    private FormRenderer form;

    public IntakeView(DossierService dossiers, ProcedureCatalogue catalogue, CurrentUser currentUser,
                      OrganisationService organisation, ObjectProvider<IntakeFiles> intakeFiles, Forms forms) {
        this.forms = forms;
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        IntakeFiles contribution = intakeFiles.getIfAvailable();
        this.files = contribution == null ? null : contribution.create();
        var unitLevel = currentUser.get().flatMap(u -> u.unitId() == null ? java.util.Optional.empty() : organisation.unit(u.unitId()))
                .map(u -> u.level()).orElse(null);

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
        }
        add(new com.vaadin.flow.component.orderedlayout.HorizontalLayout(receive, clear));
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
        if (p == null) return;
        catalogue.form(p.intakeForm()).ifPresent(schema -> {
            form = forms.renderer(schema, getLocale());
            formHolder.add(form);
        });
    }

    private void receive() {
        try {
            Procedure p = procedure.getValue();
            if (p == null) {
                procedure.setInvalid(true);
                procedure.setErrorMessage(getTranslation("intake.chooseProcedure"));
                error(getTranslation("intake.chooseProcedure"));
                return;
            }
            var missing = p.components().stream().filter(DossierComponent::required)
                    .filter(c -> !checklist.getSelectedItems().contains(c)).map(c -> c.name().in(getLocale())).toList();
            if (!missing.isEmpty()) {
                checklist.setInvalid(true);
                checklist.setErrorMessage(getTranslation("intake.checklist.missing", String.join("; ", missing)));
                error(getTranslation("intake.checklist.missing", String.join("; ", missing)));
                return;
            }
            checklist.setInvalid(false);
            Map<String, Object> data = form == null ? Map.of() : form.getValues();
            var formViolations = form == null ? List.<FieldViolation>of() : form.validate();
            if (!formViolations.isEmpty()) {
                error(getTranslation("intake.invalid", formViolations.get(0).message()));
                return;
            }
            var dossier = dossiers.receive(new ReceiveDossier(p.code(), channel.getValue(), applicant.value(), data, null,
                    files == null ? List.of() : files.stagedFiles()));
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
        for (var v : applicant.show(violations)) {
            if ("procedureCode".equals(v.field())) {
                procedure.setInvalid(true);
                procedure.setErrorMessage(v.message());
            }
        }
        // Marks the declaration's own fields named by the service's violations (data.*)
        if (form != null) form.validate();
        error(getTranslation("intake.invalid", String.join(" ", violations.stream().map(InvalidInputException.Violation::message).toList())));
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
        channel.setValue(Channel.IN_PERSON);
    }

    @Override
    public String getPageTitle() { return getTranslation("intake.title"); }
}
