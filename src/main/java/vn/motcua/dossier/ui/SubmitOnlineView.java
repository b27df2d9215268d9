package vn.motcua.dossier.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.ObjectProvider;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.forms.FormRenderer;
import vn.motcua.forms.Forms;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Unit;
import vn.motcua.security.CurrentUser;
import vn.motcua.dossier.extension.IntakeFiles;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.TextSearch;

/**
 * Nộp hồ sơ trực tuyến: a citizen chooses the procedure and the unit that handles it, fills the declaration, uploads
 * the documents and submits; the dossier gets its code at once (status 1) and waits for the desk to accept it.
 */
@Route("submit")
@Menu(title = "menu.submit", order = 5)
@RolesAllowed("CITIZEN")
public class SubmitOnlineView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
    private final Forms forms;
    private final DossierService dossiers;
    private final ProcedureCatalogue catalogue;
    private final OrganisationService organisation;

    private final ComboBox<Procedure> procedure = new ComboBox<>();
    private final ComboBox<Unit> unit = new ComboBox<>();
    private final ApplicantForm applicant;
    private final Div formHolder = new Div();
    private final ValidationSummary errors = new ValidationSummary("submit-errors");
    private final IntakeFiles.Section files;
    private final IntakeFiles contribution;
    private FormRenderer form;

    public SubmitOnlineView(DossierService dossiers, ProcedureCatalogue catalogue, OrganisationService organisation,
                            CurrentUser currentUser, ObjectProvider<IntakeFiles> intakeFiles, Forms forms,
                            vn.motcua.organisation.CitizenIdentities identities) {
        this.forms = forms;
        this.dossiers = dossiers;
        this.contribution = intakeFiles.getIfAvailable();
        this.files = contribution == null ? null : contribution.create();
        this.catalogue = catalogue;
        this.organisation = organisation;
        this.applicant = new ApplicantForm(organisation.communesOfResidence(null));

        procedure.setId("submit-procedure");
        procedure.setLabel(getTranslation("intake.procedure"));
        procedure.setPlaceholder(getTranslation("intake.procedure.placeholder"));
        procedure.setItems((p, filter) -> TextSearch.matches(p.code() + " " + p.name().vi() + " " + p.name().en(), filter),
                catalogue.procedures());
        procedure.setItemLabelGenerator(p -> p.code() + " · " + p.name(getLocale()));
        procedure.setWidthFull();
        procedure.addValueChangeListener(e -> showProcedure(e.getValue()));

        unit.setId("submit-unit");
        unit.setLabel(getTranslation("submit.unit"));
        unit.setItemLabelGenerator(u -> u.displayName(getLocale()) + " (" + u.identifier() + ")");
        unit.setWidthFull();
        // the communes of residence offered are those of the chosen unit's province
        unit.addValueChangeListener(e -> applicant.setCommunes(organisation.communesOfResidence(e.getValue())));

        currentUser.get().ifPresent(u -> applicant.setFullName(u.fullName()));
        // signed in by the e-identity provider: the verified name and number, locked
        currentUser.get().flatMap(u -> identities.of(u.username()))
                .ifPresent(v -> applicant.setVerified(v.fullName(), v.identityNumber()));

        var submit = new Button(getTranslation("submit.action"), e -> submit());
        submit.setId("submit-send");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        add(new H2(getTranslation("submit.title")), new Paragraph(getTranslation("submit.hint")),
                new FormLayout(procedure, unit), section(getTranslation("intake.applicant"), applicant),
                section(getTranslation("intake.form"), formHolder));
        if (files != null) add(section(getTranslation("intake.files"), files.component()));
        add(errors, submit);
        setMaxWidth("1000px");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // A link from the public catalogue may name the procedure: /submit?procedure=1.001193
        event.getLocation().getQueryParameters().getSingleParameter("procedure")
                .flatMap(catalogue::procedure).ifPresent(procedure::setValue);
    }

    private static Div section(String title, com.vaadin.flow.component.Component content) {
        var div = new Div(new H3(title), content);
        div.addClassName("section");
        return div;
    }

    private void showProcedure(Procedure p) {
        formHolder.removeAll();
        form = null;
        unit.clear();
        if (files != null) files.showProcedure(p == null ? null : p.code());
        if (p == null) {
            unit.setItems(List.of());
            return;
        }
        unit.setItems((u, filter) -> TextSearch.matches(u.name() + " " + u.identifier(), filter),
                organisation.units().stream().filter(u -> u.level() == p.level()).toList());
        catalogue.form(p.intakeForm()).ifPresent(schema -> {
            form = forms.renderer(schema, getLocale());
            if (contribution != null) form.setFilePickers(contribution.filePickers(p.code()));
            formHolder.add(form);
        });
    }

    /**
     * Submits the dossier, or shows every problem at once: each on its field and all in the summary, each naming its
     * field (the service checks the procedure, the unit, the applicant, the declaration and the required components).
     */
    private void submit() {
        errors.clear();
        procedure.setInvalid(false);
        unit.setInvalid(false);
        Procedure p = procedure.getValue();
        Map<String, Object> data = form == null ? Map.of() : form.getValues();
        try {
            var dossier = dossiers.receive(new ReceiveDossier(p == null ? null : p.code(), Channel.ONLINE, applicant.value(),
                    data, unit.getValue() == null ? null : unit.getValue().identifier(),
                    files == null ? List.of() : files.stagedFiles()));
            if (files != null) files.received();
            var n = Notification.show(getTranslation("submit.success", dossier.code()), 8000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate("ho-so-cua-toi/" + dossier.code()));
        } catch (InvalidInputException e) {
            var shown = new java.util.ArrayList<InvalidInputException.Violation>();
            for (var v : e.violations()) {
                // No procedure chosen: say so, rather than "unknown procedure"
                shown.add("procedureCode".equals(v.field()) && p == null
                        ? new InvalidInputException.Violation(v.field(), getTranslation("intake.chooseProcedure")) : v);
            }
            for (var v : applicant.show(shown)) {
                if ("unit".equals(v.field())) {
                    unit.setInvalid(true);
                    unit.setErrorMessage(v.message());
                } else if ("procedureCode".equals(v.field())) {
                    procedure.setInvalid(true);
                    procedure.setErrorMessage(v.message());
                }
            }
            if (form != null) form.validate(); // marks the declaration's own fields
            errors.show(shown, form);
            error(getTranslation("intake.invalid", String.join(" ", shown.stream().map(InvalidInputException.Violation::message).toList())));
        }
    }

    private static void error(String message) {
        var n = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() { return getTranslation("submit.title"); }
}
