package vn.motcua.diagram.ui;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
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
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import vn.motcua.catalogue.ProcedureDesigns;
import vn.motcua.diagram.BpmnViewer;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.Formats;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.NotFoundException;

/**
 * Thiết kế quy trình (/design): the procedures with their published version and draft; a procedure's folder
 * uploaded (a zip, or its files as Camunda Modeler saves them) is checked by the catalogue linter, whose problems are
 * listed and marked on the diagram, and kept as a draft when clean; the draft published with a reason; the versions
 * with who, when, why and what changed, each exported as a zip or re-published (roll back). Publishing needs the role
 * {@code motcua.design.publish-role}; the service checks every action.
 */
@Route("design")
@Menu(title = "menu.design", order = 94)
@RolesAllowed({"DESIGNER", "ADMIN"})
public class DesignView extends VerticalLayout implements HasDynamicTitle {
    private final ProcedureDesigns designs;
    private final Grid<ProcedureDesigns.DesignedProcedure> procedures = new Grid<>();
    private final Map<String, byte[]> pending = new LinkedHashMap<>();
    private final UnorderedList pendingList = new UnorderedList();
    private final Button check = new Button();
    private final Div result = new Div();
    private final Div details = new Div();
    private ProcedureDesigns.DesignedProcedure selected;

    public DesignView(ProcedureDesigns designs) {
        this.designs = designs;
        setSizeFull();
        add(new H2(getTranslation("design.title")), new Paragraph(getTranslation("design.intro",
                designs.publishRole().name())));

        procedures.setId("design-procedures");
        procedures.addColumn(ProcedureDesigns.DesignedProcedure::code).setHeader(getTranslation("design.code")).setAutoWidth(true).setFlexGrow(0);
        procedures.addColumn(p -> p.name().in(getLocale())).setHeader(getTranslation("design.name")).setFlexGrow(3);
        procedures.addColumn(p -> p.currentVersion() == null ? "—" : String.valueOf(p.currentVersion()))
                .setHeader(getTranslation("design.current")).setAutoWidth(true).setFlexGrow(0);
        procedures.addColumn(p -> p.draft() == null ? "—" : getTranslation("design.draftBy", p.draft().createdBy(),
                Formats.dateTime(p.draft().createdAt()))).setHeader(getTranslation("design.draft")).setAutoWidth(true);
        procedures.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        procedures.setAllRowsVisible(true);
        procedures.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));

        add(new H3(getTranslation("design.upload.title")), new Paragraph(getTranslation("design.upload.hint")));
        // The handler runs in the upload's request without the session lock: the view is changed under it
        var upload = new Upload(UploadHandler.inMemory((metadata, bytes) ->
                getUI().ifPresent(ui -> ui.access(() -> receive(metadata.fileName(), bytes)))));
        upload.setId("design-upload");
        upload.setAcceptedFileTypes(".zip", ".bpmn", ".dmn", ".form", ".json");
        upload.setMaxFileSize(10 * 1024 * 1024);
        pendingList.setId("design-pending");
        check.setText(getTranslation("design.upload.check"));
        check.setId("design-check");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.setEnabled(false);
        check.addClickListener(e -> checkPending());
        var clear = new Button(getTranslation("design.upload.clear"), e -> clearPending());
        clear.setId("design-clear");
        result.setId("design-result");
        result.setWidthFull();
        details.setId("design-details");
        details.setWidthFull();
        add(upload, pendingList, new HorizontalLayout(check, clear), result, new H3(getTranslation("design.procedures")),
                procedures, details);
        refresh();
    }

    @Override
    public String getPageTitle() { return getTranslation("design.title"); }

    /** A file the upload received: kept with the others until they are checked together. */
    public void receive(String fileName, byte[] content) {
        pending.put(fileName, content);
        pendingList.removeAll();
        pending.keySet().forEach(name -> pendingList.add(new ListItem(name)));
        check.setEnabled(true);
    }

    /** Checks the received files with the linter and keeps them as a draft when clean; the list starts afresh either way. */
    public void checkPending() {
        result.removeAll();
        List<ProcedureDesigns.Upload> uploads = new ArrayList<>();
        pending.forEach((name, bytes) -> uploads.add(new ProcedureDesigns.Upload(name, bytes)));
        try {
            var draft = designs.upload(uploads);
            var ok = new Paragraph(getTranslation("design.upload.saved", draft.code()));
            ok.setId("design-saved");
            result.add(ok);
            refresh();
            procedures.getListDataView().getItems().filter(p -> p.code().equals(draft.code())).findFirst().ifPresent(procedures::select);
        } catch (ProcedureDesigns.UploadRejected e) {
            showProblems(e);
        } catch (InvalidInputException e) {
            var error = new Paragraph(e.violations().get(0).message());
            error.setId("design-upload-error");
            error.addClassName("error");
            result.add(error);
        } finally {
            // The next check starts from the corrected files
            clearPending();
        }
    }

    private void clearPending() {
        pending.clear();
        pendingList.removeAll();
        check.setEnabled(false);
    }

    private void showProblems(ProcedureDesigns.UploadRejected e) {
        var title = new Paragraph(getTranslation("design.problems", e.problems().size()));
        title.addClassName("error");
        var list = new UnorderedList();
        list.setId("design-problems");
        boolean english = "en".equals(getLocale().getLanguage());
        for (var p : e.problems()) {
            var item = new ListItem(p.file() + (p.elementId() == null ? "" : " › " + p.elementId()) + ": "
                    + (english ? p.messageEn() : p.message()) + " [" + p.rule() + "]");
            item.getElement().setAttribute("data-rule", p.rule());
            if (p.elementId() != null) item.getElement().setAttribute("data-element-id", p.elementId());
            list.add(item);
        }
        result.add(title, list);
        e.models().forEach((file, xml) -> {
            Map<String, String> overlays = new LinkedHashMap<>();
            e.problems().stream().filter(p -> file.equals(p.file()) && p.elementId() != null)
                    .forEach(p -> overlays.merge(p.elementId(), english ? p.messageEn() : p.message(), (a, b) -> a + " · " + b));
            if (overlays.isEmpty()) return;
            var viewer = new BpmnViewer(xml);
            viewer.setId("design-problem-diagram");
            viewer.setHeight("420px");
            viewer.setWidthFull();
            viewer.highlight(overlays.keySet().toArray(String[]::new));
            viewer.setOverlays(overlays);
            result.add(new Paragraph(file), viewer);
        });
    }

    private void refresh() {
        // New items clear the selection: select the same procedure again, read afresh
        String code = selected == null ? null : selected.code();
        procedures.setItems(designs.procedures());
        if (code != null) {
            procedures.getListDataView().getItems().filter(p -> p.code().equals(code)).findFirst().ifPresent(procedures::select);
        }
    }

    private void select(ProcedureDesigns.DesignedProcedure procedure) {
        selected = procedure;
        details.removeAll();
        if (procedure == null) return;
        details.add(new H3(getTranslation("design.versions.title", procedure.code(), procedure.name().in(getLocale()))));
        var model = new Button(getTranslation("design.model.edit"), e -> getUI().ifPresent(ui -> ui.navigate(ModelDesignView.class,
                new com.vaadin.flow.router.RouteParameters("code", procedure.code()))));
        model.setId("design-edit-model");
        // the sandbox's page by its path: the sandbox depends on this module, not the other way round
        var trial = new Button(getTranslation("design.try"), e -> getUI().ifPresent(ui -> ui.navigate("design/" + procedure.code() + "/try")));
        trial.setId("design-try");
        if (designs.mayDesign()) details.add(new HorizontalLayout(model, trial));
        if (procedure.draft() != null) {
            var draft = new Paragraph(getTranslation("design.draftBy", procedure.draft().createdBy(), Formats.dateTime(procedure.draft().createdAt())));
            draft.setId("design-draft");
            details.add(draft);
            if (designs.mayPublish()) {
                var publish = new Button(getTranslation("design.publish"), e -> askReason(getTranslation("design.publish.title", procedure.code()),
                        reason -> designs.publish(procedure.code(), reason)));
                publish.setId("design-publish");
                publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                details.add(publish);
            }
        }
        Grid<ProcedureDesigns.Version> versions = new Grid<>();
        versions.setId("design-versions");
        versions.addColumn(v -> v.number() + (v.current() ? " (" + getTranslation("design.versions.current") + ")" : ""))
                .setHeader(getTranslation("design.versions.number")).setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(v -> getTranslation("design.origin." + v.origin())).setHeader(getTranslation("design.versions.origin")).setAutoWidth(true);
        versions.addColumn(v -> v.publishedBy() + " · " + Formats.dateTime(v.publishedAt())).setHeader(getTranslation("design.versions.published")).setAutoWidth(true);
        versions.addColumn(ProcedureDesigns.Version::reason).setHeader(getTranslation("design.versions.reason")).setFlexGrow(2);
        versions.addComponentColumn(this::changes).setHeader(getTranslation("design.versions.changes")).setFlexGrow(3);
        versions.addComponentColumn(v -> actions(procedure, v)).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        versions.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        versions.setAllRowsVisible(true);
        versions.setItems(designs.versions(procedure.code()));
        details.add(versions);
    }

    private Component changes(ProcedureDesigns.Version version) {
        var list = new UnorderedList();
        version.changes().forEach(c -> list.add(new ListItem(c.in(getLocale()))));
        return list;
    }

    private Component actions(ProcedureDesigns.DesignedProcedure procedure, ProcedureDesigns.Version version) {
        var box = new HorizontalLayout();
        var resource = new StreamResource(procedure.folder() + "-v" + version.number() + ".zip",
                () -> new ByteArrayInputStream(designs.export(procedure.code(), version.number()).zip()));
        resource.setContentType("application/zip");
        var export = new Anchor(resource, getTranslation("design.export"));
        export.getElement().setAttribute("download", true);
        export.setId("design-export-" + version.number());
        box.add(export);
        if (!version.current() && designs.mayPublish()) {
            var rollback = new Button(getTranslation("design.rollback"), e -> askReason(
                    getTranslation("design.rollback.title", procedure.code(), version.number()),
                    reason -> designs.rollback(procedure.code(), version.number(), reason)));
            rollback.setId("design-rollback-" + version.number());
            rollback.addThemeVariants(ButtonVariant.LUMO_SMALL);
            box.add(rollback);
        }
        return box;
    }

    /** A dialog asking why; the action runs with the reason and the lists are read again. */
    private void askReason(String title, java.util.function.Function<String, ProcedureDesigns.Version> action) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(title);
        var reason = new TextArea(getTranslation("design.reason"));
        reason.setId("design-reason");
        reason.setWidth("32em");
        reason.setMaxLength(ProcedureDesigns.MAX_REASON);
        reason.setRequired(true);
        var confirm = new Button(getTranslation("design.confirm"), e -> {
            try {
                var version = action.apply(reason.getValue());
                dialog.close();
                var done = Notification.show(getTranslation("design.published", version.code(), version.number()));
                done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (InvalidInputException ex) {
                reason.setInvalid(true);
                reason.setErrorMessage(ex.violations().get(0).message());
            } catch (ProcedureDesigns.UploadRejected ex) {
                dialog.close();
                result.removeAll();
                showProblems(ex);
            } catch (NotFoundException ex) {
                dialog.close();
                Notification.show(getTranslation(ex.messageKey(), ex.args())).addThemeVariants(NotificationVariant.LUMO_ERROR);
            } catch (BusinessRuleException ex) {
                dialog.close();
                Notification.show(getTranslation(ex.messageKey(), ex.args())).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        confirm.setId("design-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(reason);
        dialog.getFooter().add(new Button(getTranslation("design.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }
}
