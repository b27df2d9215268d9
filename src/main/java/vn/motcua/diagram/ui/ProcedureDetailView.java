package vn.motcua.diagram.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.catalogue.DossierComponent;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.diagram.BpmnViewer;

/**
 * One procedure of the public catalogue (trang công khai của thủ tục): what it is, what it costs, how long it takes,
 * which documents to bring in which file formats, what the applicant gets, and how it is processed, as the BPMN
 * diagram the engine runs. Selecting a step of the diagram names it. Open to everyone, signed in or not.
 */
@Route("procedures/:code")
@AnonymousAllowed
public class ProcedureDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    /** Short names of the media types the catalogue lists, as applicants know them. */
    private static final Map<String, String> FILE_TYPES = Map.of(
            "application/pdf", "PDF",
            "image/jpeg", "JPEG",
            "image/png", "PNG",
            "image/tiff", "TIFF",
            "application/msword", "DOC",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX",
            "application/vnd.ms-excel", "XLS",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX",
            "application/xml", "XML");

    private final ProcedureCatalogue catalogue;
    private final com.vaadin.flow.spring.security.AuthenticationContext authentication;
    private String title = "";

    public ProcedureDetailView(ProcedureCatalogue catalogue,
                               com.vaadin.flow.spring.security.AuthenticationContext authentication) {
        this.catalogue = catalogue;
        this.authentication = authentication;
        setMaxWidth("1200px");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElse("");
        removeAll();
        catalogue.procedure(code).ifPresentOrElse(this::show, () -> {
            title = code;
            var notFound = new H2(getTranslation("diagram.procedure.notFound", code));
            notFound.setId("procedure-not-found");
            add(notFound, backLink());
        });
    }

    private void show(Procedure p) {
        Locale locale = getLocale();
        title = p.name(locale);
        var name = new H2(p.name(locale));
        name.setId("procedure-name");
        add(backLink(), name);
        // Nộp hồ sơ: the citizen goes to the submission form of this procedure; a visitor signs in first (the form is
        // the citizens'); civil servants receive at the desk instead
        if (!authentication.isAuthenticated() || authentication.hasRole("CITIZEN")) {
            var submit = new com.vaadin.flow.component.button.Button(getTranslation("diagram.procedure.submit"),
                    e -> getUI().ifPresent(ui -> ui.navigate("submit",
                            com.vaadin.flow.router.QueryParameters.of("procedure", p.code()))));
            submit.setId("procedure-submit");
            submit.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY);
            add(submit);
        }
        add(facts(p), components(p), diagram(p));
    }

    private Anchor backLink() {
        var back = new Anchor("procedures", "← " + getTranslation("diagram.procedure.back"));
        back.setId("procedure-back");
        return back;
    }

    private FormLayout facts(Procedure p) {
        Locale locale = getLocale();
        var facts = new FormLayout();
        facts.setId("procedure-facts");
        facts.setWidthFull();
        facts.getStyle().set("--vaadin-form-item-label-width", "17em");
        facts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1, FormLayout.ResponsiveStep.LabelsPosition.TOP),
                new FormLayout.ResponsiveStep("40em", 1, FormLayout.ResponsiveStep.LabelsPosition.ASIDE));
        fact(facts, "procedure-code", "diagram.procedure.code", p.code());
        fact(facts, "procedure-sector", "diagram.procedure.sector", getTranslation(p.sector().messageKey()));
        fact(facts, "procedure-level", "diagram.procedure.level", getTranslation("unitLevel." + p.level().name()));
        fact(facts, "procedure-online-level", "diagram.procedure.onlineLevel", getTranslation(p.onlineLevel().messageKey()));
        fact(facts, "procedure-processing-time", "diagram.procedure.processingTime", time(p.processingTime()));
        fact(facts, "procedure-online-processing-time", "diagram.procedure.onlineProcessingTime",
                p.onlineProcessingTime() == null ? getTranslation("diagram.procedure.onlineProcessingTime.same")
                        : time(p.onlineProcessingTime()));
        fact(facts, "procedure-fee", "diagram.procedure.fee", p.fee() == null || p.fee().signum() == 0
                ? getTranslation("diagram.procedure.fee.free") : getTranslation("diagram.procedure.fee.amount", p.fee()));
        if (p.feeNote() != null) fact(facts, "procedure-fee-note", "diagram.procedure.feeNote", p.feeNote().in(locale));
        if (p.result() != null) fact(facts, "procedure-result", "diagram.procedure.result", p.result().in(locale));
        if (p.resultType() != null) fact(facts, "procedure-result-type", "diagram.procedure.resultType",
                getTranslation("diagram.procedure.resultType." + p.resultType().name()));
        return facts;
    }

    private void fact(FormLayout facts, String id, String labelKey, String value) {
        var text = new Span(value);
        text.setId(id);
        facts.addFormItem(text, getTranslation(labelKey));
    }

    private String time(ProcessingTime time) {
        return getTranslation("processingTime." + time.unit().name(), time.amount());
    }

    private Div components(Procedure p) {
        var list = new UnorderedList();
        list.setId("procedure-components");
        for (DossierComponent c : p.components()) {
            var item = new ListItem();
            item.getElement().setAttribute("data-code", c.code());
            item.add(new Span(c.name().in(getLocale()) + " (" + getTranslation(c.required()
                    ? "diagram.procedure.component.required" : "diagram.procedure.component.optional") + ")"));
            if (!c.fileTypes().isEmpty()) {
                var types = new Div(getTranslation("diagram.procedure.component.fileTypes", fileTypes(c.fileTypes())));
                types.addClassName("muted");
                item.add(types);
            }
            list.add(item);
        }
        return section(getTranslation("diagram.procedure.components"), list);
    }

    /** "application/pdf, image/jpeg" → "PDF, JPEG"; an unknown type by its subtype. */
    static String fileTypes(List<String> mediaTypes) {
        return mediaTypes.stream()
                .map(type -> FILE_TYPES.getOrDefault(type.toLowerCase(Locale.ROOT),
                        type.substring(type.indexOf('/') + 1).toUpperCase(Locale.ROOT)))
                .distinct()
                .collect(Collectors.joining(", "));
    }

    private Div diagram(Procedure p) {
        var box = section(getTranslation("diagram.procedure.process"));
        box.setId("procedure-process");
        catalogue.processModel(p.code()).ifPresentOrElse(xml -> {
            var hint = new Paragraph(getTranslation("diagram.procedure.process.hint"));
            hint.addClassName("muted");
            var viewer = new BpmnViewer(xml);
            viewer.setId("procedure-diagram");
            var selection = new Span();
            selection.setId("diagram-selection");
            selection.getElement().setAttribute("aria-live", "polite");
            viewer.addElementClickListener(e -> {
                viewer.highlight(e.getElementId());
                selection.setText(getTranslation("diagram.procedure.selected", describe(e)));
                selection.getElement().setAttribute("data-element-id", e.getElementId());
            });
            viewer.addImportErrorListener(e -> {
                var error = new Paragraph(getTranslation("diagram.procedure.process.error", e.getMessage()));
                error.setId("diagram-error");
                box.add(error);
            });
            box.add(hint, viewer, selection);
        }, () -> {
            var none = new Paragraph(getTranslation("diagram.procedure.process.none"));
            none.setId("diagram-none");
            box.add(none);
        });
        return box;
    }

    /** "Thẩm định hồ sơ, dự thảo kết quả · bước do công chức thực hiện" (the id when the element has no name). */
    private String describe(BpmnViewer.ElementClickEvent e) {
        String type = e.getType().startsWith("bpmn:") ? e.getType().substring(5) : e.getType();
        String typeName = getTranslation("diagram.elementType." + type);
        String name = e.getName().isBlank() ? e.getElementId() : e.getName();
        return typeName.startsWith("!") ? name : name + " · " + typeName;
    }

    private Div section(String heading, com.vaadin.flow.component.Component... content) {
        var box = new Div(new H3(heading));
        box.add(content);
        box.addClassName("section");
        return box;
    }

    @Override
    public String getPageTitle() { return title; }
}
