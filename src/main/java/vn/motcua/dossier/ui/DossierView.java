package vn.motcua.dossier.ui;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.PermitAll;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.diagram.BpmnViewer;
import vn.motcua.dossier.AuditEntry;
import vn.motcua.dossier.CompletedStepsList;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierDocuments;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.dossier.DossierWork;
import vn.motcua.dossier.extension.DossierPanel;
import vn.motcua.forms.Forms;
import vn.motcua.organisation.Role;
import vn.motcua.paperwork.OfficialForm;
import vn.motcua.security.CurrentUser;
import vn.motcua.shared.Formats;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.NotFoundException;

/**
 * Everything about one dossier in one place, in tabs: the summary, the declaration, the official documents and the
 * attachments, the completed steps with their decisions and opinions, the staff's internal notes (staff only), the
 * timeline, and the process diagram with the current step highlighted and the completed ones marked. The actions the
 * user may take stay above the tabs.
 */
@Route("dossiers/:code")
@PermitAll
public class DossierView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    /** The tabs, in order; each tab's id is {@code dossier-tab-<name>}. */
    static final List<String> TABS = List.of("summary", "declaration", "documents", "steps", "notes", "timeline", "diagram");

    private final Clock clock;
    private final Forms forms;
    private final DossierService dossiers;
    private final DossierWork work;
    private final ProcedureCatalogue catalogue;
    private final CurrentUser currentUser;
    private final DossierDocuments documents;
    private final List<DossierPanel> panels;
    private String title = "";

    public DossierView(DossierService dossiers, DossierWork work, ProcedureCatalogue catalogue, DossierDocuments documents,
                       List<DossierPanel> panels, CurrentUser currentUser, Forms forms, Clock clock) {
        this.clock = clock;
        this.forms = forms;
        this.dossiers = dossiers;
        this.work = work;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.documents = documents;
        this.panels = panels.stream().sorted(java.util.Comparator.comparingInt(DossierPanel::order)).toList();
        setMaxWidth("1200px");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElse("");
        removeAll();
        if (isCitizen()) {
            // a citizen gets their own presentation: nothing of the staff's view is built for them
            event.forwardTo(MyDossierView.class, new com.vaadin.flow.router.RouteParameters("code", code));
            return;
        }
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
        add(new H2(d.code()));
        var actions = new DossierActionsBar(d, dossiers, this::show);
        if (actions.getComponentCount() > 0) add(actions);

        var tabs = new TabSheet();
        tabs.setId("dossier-tabs");
        tabs.setWidthFull();
        tab(tabs, "summary", summary(d));
        tab(tabs, "declaration", declaration(d));
        tab(tabs, "documents", documentsAndAttachments(d));
        tab(tabs, "steps", steps(d));
        if (isStaff()) tab(tabs, "notes", notes(d));
        tab(tabs, "timeline", timeline(d));
        tab(tabs, "diagram", diagram(d));
        add(tabs);
    }

    private void tab(TabSheet sheet, String name, Component content) {
        var tab = new Tab(getTranslation("dossier.tab." + name));
        tab.setId("dossier-tab-" + name);
        sheet.add(tab, content);
    }

    private Component summary(Dossier d) {
        var content = new Div(new DossierSummary(d, work.unitName(d, getLocale()), work.residence(d, getLocale()).orElse(null), catalogue, getLocale(), clock.instant()));
        if (d.clockStoppedAt() != null || d.statusReason() != null || d.extendedDueAt() != null) {
            var state = new Div();
            state.setId("dossier-clock");
            state.addClassName("muted");
            if (d.clockStoppedAt() != null) state.add(new Div(new Span(getTranslation("dossier.clockStopped", Formats.dateTime(d.clockStoppedAt())))));
            if (d.statusReason() != null) state.add(new Div(new Span(getTranslation("dossier.statusReason") + ": " + d.statusReason())));
            if (d.extendedDueAt() != null) state.add(new Div(new Span(getTranslation("dossier.extendedDueAt") + ": " + Formats.dateTime(d.extendedDueAt()))));
            content.add(state);
        }
        return content;
    }

    private Component declaration(Dossier d) {
        return new ReadOnlyDeclaration(d, catalogue, forms, getLocale());
    }

    private Component documentsAndAttachments(Dossier d) {
        var content = new Div(section(getTranslation("dossier.documents"), documentLinks(d)));
        for (var panel : panels) {
            var component = panel.create(d.code(), d.finishedAt() == null);
            if (component != null) content.add(component);
        }
        return content;
    }

    private Component steps(Dossier d) {
        var list = new CompletedStepsList(work.steps(d.code(), getLocale()), "dossier-step");
        list.setId("dossier-steps");
        return list;
    }

    private boolean isCitizen() {
        var user = currentUser.get().orElse(null);
        return user != null && user.has(Role.CITIZEN) && !user.isCivilServant();
    }

    private boolean isStaff() {
        var user = currentUser.get().orElse(null);
        return user != null && (user.has(Role.ADMIN) || user.has(Role.SUPERVISOR) || user.has(Role.CLERK)
                || user.has(Role.SPECIALIST) || user.has(Role.LEADER));
    }

    private Component notes(Dossier d) {
        var content = new Div();
        var hint = new Paragraph(getTranslation("dossier.notes.hint"));
        hint.addClassName("muted");
        var list = new Div();
        list.setId("dossier-notes");
        var text = new TextArea(getTranslation("dossier.notes.text"));
        text.setId("dossier-note-text");
        text.setWidthFull();
        text.setMaxLength(DossierWork.MAX_NOTE);
        var add = new Button(getTranslation("dossier.notes.add"), e -> {
            try {
                work.addNote(d.code(), text.getValue());
                text.clear();
                text.setInvalid(false);
                fillNotes(list, d.code());
                var n = Notification.show(getTranslation("dossier.notes.added"), 3000, Notification.Position.TOP_CENTER);
                n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException ex) {
                text.setInvalid(true);
                text.setErrorMessage(ex.violations().get(0).message());
            }
        });
        add.setId("dossier-note-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        fillNotes(list, d.code());
        content.add(hint, list, text, add);
        return content;
    }

    private void fillNotes(Div list, String code) {
        list.removeAll();
        var notes = work.notes(code);
        if (notes.isEmpty()) {
            var none = new Paragraph(getTranslation("dossier.notes.empty"));
            none.addClassName("muted");
            list.add(none);
        }
        for (DossierWork.Note note : notes) {
            var entry = new Div();
            entry.addClassName("timeline-entry");
            entry.setId("dossier-note-" + note.id());
            var who = new Div(new Span(note.by().fullName() + " · " + Formats.dateTime(note.at())));
            who.addClassName("muted");
            var body = new Div(new Span(note.text()));
            body.getStyle().set("white-space", "pre-line");
            entry.add(who, body);
            list.add(entry);
        }
    }

    private Component timeline(Dossier d) {
        Map<String, String> names = work.fullNames(d.code());
        var timeline = new Div();
        timeline.setId("dossier-history");
        for (AuditEntry e : dossiers.history(d.code())) {
            var entry = new Div();
            entry.addClassName("timeline-entry");
            String status = e.statusAfter() == null ? "" : " → " + e.statusAfter() + " · "
                    + getTranslation(DossierStatus.ofCode(e.statusAfter()).messageKey());
            entry.add(new Span(Formats.dateTime(e.occurredAt()) + " · " + actionName(e.action()) + status));
            String who = names.getOrDefault(e.actor(), e.actor());
            var detail = new Div(new Span(who + (e.detail() == null ? "" : " · " + e.detail())));
            detail.addClassName("muted");
            entry.add(detail);
            timeline.add(entry);
        }
        return timeline;
    }

    private Component diagram(Dossier d) {
        var content = new Div();
        String xml = catalogue.processModel(d.procedureCode()).orElse(null);
        if (xml == null) {
            content.add(new Paragraph(getTranslation("dossier.diagram.none")));
            return content;
        }
        var viewer = new BpmnViewer(xml);
        viewer.setId("dossier-diagram");
        viewer.setWidthFull();
        viewer.setHeight("480px");
        Map<String, Integer> done = new HashMap<>();
        for (var step : work.steps(d.code(), getLocale())) done.merge(step.stepKey(), 1, Integer::sum);
        Map<String, String> marks = new HashMap<>();
        done.forEach((key, times) -> marks.put(key, times > 1 ? "✓ " + times : "✓"));
        viewer.setOverlays(marks);
        if (d.finishedAt() == null && d.currentStep() != null) {
            viewer.highlight(ProcessSteps.idsNamed(xml, d.currentStep()).toArray(String[]::new));
        }
        var legend = new Paragraph(getTranslation("dossier.diagram.legend"));
        legend.addClassName("muted");
        content.add(legend, viewer);
        return content;
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
        if (d.dueAt() == null) {
            // Not accepted yet (an online submission waiting at the desk): say when the receipt comes, not a missing link
            var pending = new Span(getTranslation("dossier.document.receiptPending"));
            pending.setId("document-01-pending");
            pending.addClassName("muted");
            links.add(pending);
        }
        return links;
    }

    private String actionName(String action) {
        String text = getTranslation("dossier.history.action." + action);
        return text.startsWith("!") ? action : text;
    }

    private static Div section(String title, Component content) {
        var div = new Div(new H3(title), content);
        div.addClassName("section");
        return div;
    }

    @Override
    public String getPageTitle() { return title; }
}
