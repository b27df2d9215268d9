package vn.motcua.dossier.ui;

import java.io.ByteArrayInputStream;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.AuditEntry;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierDocuments;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.PublicTracking;
import vn.motcua.dossier.PublicTracking.Stage;
import vn.motcua.dossier.extension.DossierPanel;
import vn.motcua.forms.Forms;
import vn.motcua.paperwork.OfficialForm;
import vn.motcua.shared.Formats;
import vn.motcua.shared.NotFoundException;

/**
 * One of the citizen's own dossiers as they read it (hồ sơ của tôi): where it stands as four plain steps (Đã tiếp
 * nhận, Đang giải quyết, Đang chờ ông/bà, Đã có kết quả), what is asked of them, the dates and the unit; their papers
 * (the documents 01–05 addressed to them that apply), their files and payment, what they declared, a plain history of
 * statuses, withdrawal while it is possible and the rating once it has ended. Never the staff's: no step names, unit
 * codes, civil servants' names or logins, notes, opinions, registers (06, 07) or the process diagram — they are not
 * built, so nothing of them reaches the browser. Another person's dossier is "not found".
 */
@Route("ho-so-cua-toi/:code")
@RolesAllowed("CITIZEN")
public class MyDossierView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    /** The four steps the applicant follows, in order; each step's id is {@code mine-step-<name>}. */
    static final List<String> STEPS = List.of("received", "processing", "waiting", "ready");

    private final PublicTracking tracking;
    private final DossierService dossiers;
    private final DossierDocuments documents;
    private final ProcedureCatalogue catalogue;
    private final Forms forms;
    private final List<DossierPanel> panels;
    private String title = "";

    public MyDossierView(PublicTracking tracking, DossierService dossiers, DossierDocuments documents,
                         ProcedureCatalogue catalogue, Forms forms, List<DossierPanel> panels) {
        this.tracking = tracking;
        this.dossiers = dossiers;
        this.documents = documents;
        this.catalogue = catalogue;
        this.forms = forms;
        this.panels = panels.stream().sorted(java.util.Comparator.comparingInt(DossierPanel::order)).toList();
        addClassName("citizen-page");
        setMaxWidth("48rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElse("");
        show(code);
    }

    private void show(String code) {
        removeAll();
        PublicTracking.Tracked t;
        Dossier d;
        try {
            t = tracking.mine(code, getLocale());
            d = dossiers.get(code);
        } catch (NotFoundException e) {
            title = code;
            add(new H2(getTranslation("dossier.notFound", code)));
            return;
        }
        title = t.code();
        var heading = new H2(t.procedureName());
        heading.setId("mine-procedure");
        var codeText = new Span(t.code());
        codeText.setId("dossier-code");
        var codeLine = new Div(new Span(getTranslation("tracking.code") + ": "), codeText);
        codeLine.addClassNames("dossier-code", "muted");
        add(heading, codeLine);
        // a refused or withdrawn dossier took none of the four steps: its stage says it all
        if (t.stage() != Stage.REFUSED && t.stage() != Stage.WITHDRAWN) add(steps(t.stage()));
        var stage = new H3(t.stageText());
        stage.setId("mine-stage");
        add(stage);
        if (d.statusReason() != null && (t.stage() == Stage.REFUSED || t.stage() == Stage.STOPPED)) {
            // the reason the unit gave them (it is written on the refusal, form 03, or the stop notice, form 05)
            var reason = new Paragraph(getTranslation("mine.reason", d.statusReason()));
            reason.setId("mine-reason");
            add(reason);
        }
        if (t.expected() != null) {
            var expected = new Div(new H3(getTranslation("tracking.expected")), new Paragraph(t.expected()));
            expected.setId("mine-expected");
            expected.addClassName("section");
            add(expected);
        }
        add(facts(t, dossiers.trackingKey(d.code()).orElse(null)));
        var actions = new DossierActionsBar(d, dossiers, changed -> show(changed.code()));
        if (actions.getComponentCount() > 0) add(actions);
        if (t.canRate() && !t.rated()) add(rating(d));
        add(papers(d));
        for (var panel : panels) {
            var component = panel.create(d.code(), d.finishedAt() == null);
            if (component != null) add(component);
        }
        add(declaration(d), history(d));
    }

    /** The four steps, the reached ones marked done and the one it stands at marked current. */
    private Component steps(Stage stage) {
        int reached = switch (stage) {
            case SUBMITTED, REFUSED -> 0;
            case RECEIVED -> 1;
            case PROCESSING, STOPPED, WITHDRAWN -> 2;
            case WAITING_FOR_YOU -> 3;
            case READY, DONE -> 4;
        };
        var list = new OrderedList();
        list.setId("mine-steps");
        list.addClassName("citizen-steps");
        for (int i = 0; i < STEPS.size(); i++) {
            var item = new ListItem(getTranslation("mine.step." + STEPS.get(i)));
            item.setId("mine-step-" + STEPS.get(i));
            // "waiting for you" is only a step while they are asked for something: passed by otherwise
            boolean skipped = i == 2 && reached == 4;
            item.addClassName(i < reached - 1 || skipped ? "done" : i == reached - 1 ? "current" : "todo");
            if (i == reached - 1) item.getElement().setAttribute("aria-current", "step");
            list.add(item);
        }
        return list;
    }

    /** The dates, the unit, and the tracking key with which whoever they give it to follows the dossier without an account. */
    private Component facts(PublicTracking.Tracked t, String trackingKey) {
        var rows = new Div();
        rows.setId("mine-facts");
        for (var row : java.util.Arrays.asList(
                java.util.Arrays.asList("tracking.receivedAt", Formats.dateTime(t.receivedAt())),
                java.util.Arrays.asList("tracking.dueAt", Formats.dateTime(t.dueAt())),
                java.util.Arrays.asList("tracking.returnedAt", Formats.dateTime(t.returnedAt())),
                java.util.Arrays.asList("tracking.where", t.where()),
                java.util.Arrays.asList("mine.trackingKey", trackingKey))) {
            if (row.get(1) == null || row.get(1).isBlank()) continue;
            var label = new Span(getTranslation(row.get(0)) + ": ");
            label.getStyle().set("font-weight", "600");
            rows.add(new Div(label, new Span(row.get(1))));
        }
        return rows;
    }

    /** The documents addressed to the applicant (01–05) that apply now; the staff's registers are never offered. */
    private Component papers(Dossier d) {
        var links = new Div();
        links.setId("mine-documents");
        for (OfficialForm form : documents.available(d.code())) {
            if (form == OfficialForm.F06_CONTROL_SHEET || form == OfficialForm.F07_TRACKING_REGISTER) continue;
            var resource = new StreamResource("mau-" + form.number() + "_" + d.code() + ".pdf",
                    () -> new ByteArrayInputStream(documents.render(d.code(), form).content()));
            resource.setContentType("application/pdf");
            var link = new Anchor(resource, form.number() + " · " + form.title(getLocale()));
            link.setTarget("_blank");
            link.setId("document-" + form.number());
            links.add(new Div(link));
        }
        if (d.dueAt() == null && d.status() == DossierStatus.NEW) {
            var pending = new Span(getTranslation("dossier.document.receiptPending"));
            pending.setId("document-01-pending");
            pending.addClassName("muted");
            links.add(pending);
        }
        var section = new Div(new H3(getTranslation("mine.papers")), links);
        section.addClassName("section");
        return section;
    }

    private Component declaration(Dossier d) {
        var details = new Details(getTranslation("mine.declaration"), new ReadOnlyDeclaration(d, catalogue, forms, getLocale()));
        details.setId("mine-declaration");
        details.setWidthFull();
        return details;
    }

    /** What happened to the dossier, status by status: no civil servant's name, step or note. */
    private Component history(Dossier d) {
        var list = new Div();
        list.setId("mine-history");
        for (AuditEntry e : dossiers.history(d.code())) {
            if (e.statusAfter() == null) continue;
            var entry = new Div(new Span(Formats.dateTime(e.occurredAt()) + " · "
                    + getTranslation(Stage.of(DossierStatus.ofCode(e.statusAfter())).messageKey())));
            entry.addClassName("timeline-entry");
            list.add(entry);
        }
        var details = new Details(getTranslation("mine.history"), list);
        details.setId("mine-history-details");
        details.setWidthFull();
        return details;
    }

    /** Once the dossier has ended, the applicant rates the service (once), and may complain. */
    private Component rating(Dossier d) {
        return new RatingForm("mine-rating",
                (score, complaint, comment, criteria) -> dossiers.rate(d.code(), score, complaint, comment, criteria), () -> {
            show(d.code());
            var thanks = new Paragraph(getTranslation("tracking.rating.thanks"));
            thanks.setId("mine-rating-thanks");
            add(thanks);
        });
    }

    @Override
    public String getPageTitle() { return title; }
}
