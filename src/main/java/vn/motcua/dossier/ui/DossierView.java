package vn.motcua.dossier.ui;

import java.time.Clock;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.AuditEntry;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierStep;
import vn.motcua.dossier.DossierDocuments;
import vn.motcua.paperwork.OfficialForm;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.forms.Forms;
import vn.motcua.shared.Formats;
import vn.motcua.shared.NotFoundException;

/** Everything about one dossier in one place: summary, declaration, processing steps and the audit timeline. */
@Route("dossiers/:code")
@PermitAll
public class DossierView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final Clock clock;
    private final Forms forms;
    private final DossierService dossiers;
    private final ProcedureCatalogue catalogue;
    private String title = "";

    private final DossierDocuments documents;
    private final java.util.List<vn.motcua.dossier.extension.DossierPanel> panels;

    public DossierView(DossierService dossiers, ProcedureCatalogue catalogue, DossierDocuments documents,
                       java.util.List<vn.motcua.dossier.extension.DossierPanel> panels, Forms forms, Clock clock) {
        this.clock = clock;
        this.forms = forms;
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.documents = documents;
        this.panels = panels.stream().sorted(java.util.Comparator.comparingInt(vn.motcua.dossier.extension.DossierPanel::order)).toList();
        setMaxWidth("1200px");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElse("");
        removeAll();
        Dossier d;
        try {
            d = dossiers.get(code);
        } catch (NotFoundException e) {
            title = code;
            add(new H2(getTranslation("dossier.notFound", code)));
            return;
        }
        show(d);
    }

    private void show(Dossier d) {
        removeAll();
        title = d.code();
        add(new H2(d.code()), new DossierSummary(d, catalogue, getLocale(), clock.instant()));
        if (d.clockStoppedAt() != null || d.statusReason() != null || d.extendedDueAt() != null) {
            var state = new Div();
            state.setId("dossier-clock");
            state.addClassName("muted");
            if (d.clockStoppedAt() != null) state.add(new Div(new Span(getTranslation("dossier.clockStopped", Formats.dateTime(d.clockStoppedAt())))));
            if (d.statusReason() != null) state.add(new Div(new Span(getTranslation("dossier.statusReason") + ": " + d.statusReason())));
            if (d.extendedDueAt() != null) state.add(new Div(new Span(getTranslation("dossier.extendedDueAt") + ": " + Formats.dateTime(d.extendedDueAt()))));
            add(state);
        }
        var actions = new DossierActionsBar(d, dossiers, this::show);
        if (actions.getComponentCount() > 0) add(section(getTranslation("dossier.actions"), actions));
        add(section(getTranslation("dossier.documents"), documentLinks(d)));

        var procedure = catalogue.procedure(d.procedureCode()).orElse(null);
        if (procedure != null) {
            catalogue.form(procedure.intakeForm()).ifPresent(schema -> {
                var form = forms.renderer(schema, getLocale());
                form.setValues(d.formData());
                form.setReadOnly(true);
                add(section(getTranslation("dossier.formData"), form));
            });
        }

        for (var panel : panels) {
            var component = panel.create(d.code(), d.finishedAt() == null);
            if (component != null) add(component);
        }

        var steps = new Grid<DossierStep>();
        steps.setId("dossier-steps");
        steps.addColumn(DossierStep::stepName).setHeader(getTranslation("dossier.step")).setFlexGrow(2);
        steps.addColumn(DossierStep::actor).setHeader(getTranslation("dossier.actor"));
        steps.addColumn(s -> Formats.dateTime(s.completedAt())).setHeader(getTranslation("dossier.completedAt"));
        steps.setItems(dossiers.steps(d.code()));
        steps.setAllRowsVisible(true);
        add(section(getTranslation("dossier.steps"), steps));

        var timeline = new Div();
        timeline.setId("dossier-history");
        for (AuditEntry e : dossiers.history(d.code())) {
            var entry = new Div();
            entry.addClassName("timeline-entry");
            String status = e.statusAfter() == null ? "" : " → " + e.statusAfter() + " · "
                    + getTranslation(DossierStatus.ofCode(e.statusAfter()).messageKey());
            entry.add(new Span(Formats.dateTime(e.occurredAt()) + " · " + actionName(e.action()) + status));
            var who = new Div(new Span(e.actor() + (e.detail() == null ? "" : " · " + e.detail())));
            who.addClassName("muted");
            entry.add(who);
            timeline.add(entry);
        }
        add(section(getTranslation("dossier.history"), timeline));
    }

    private HorizontalLayout documentLinks(Dossier d) {
        var links = new HorizontalLayout();
        links.setWrap(true);
        links.setId("dossier-documents");
        // Only the documents this user may have and which apply now (the register and the control sheet are the staff's)
        for (OfficialForm form : documents.available(d.code())) {
            var resource = new StreamResource("mau-" + form.number() + "_" + d.code() + ".pdf",
                    () -> new ByteArrayInputStream(documents.render(d.code(), form).content()));
            resource.setContentType("application/pdf");
            var link = new Anchor(resource, form.number() + " · " + form.title(getLocale()));
            link.setTarget("_blank");
            link.setId("document-" + form.number());
            links.add(link);
        }
        return links;
    }

    private String actionName(String action) {
        String text = getTranslation("dossier.history.action." + action);
        return text.startsWith("!") ? action : text;
    }

    private static Div section(String title, com.vaadin.flow.component.Component content) {
        var div = new Div(new H3(title), content);
        div.addClassName("section");
        return div;
    }

    @Override
    public String getPageTitle() { return title; }
}
