package vn.motcua.diagram;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.shared.Registration;

/**
 * A read-only BPMN 2.0 diagram drawn in the browser by bpmn-js's NavigatedViewer (pan and zoom), fitted to its box.
 * <p>
 * The state set here (model, highlighted elements, badges, heat) is kept as element properties, so it survives a
 * re-attach and may be set in any order: each applies to the diagram as soon as it is drawn. Element ids are the
 * BPMN ids ({@code Task_ReviewDossier}); ids absent from the model are ignored by the browser.
 * <p>
 * The library is served as a static file (frontend-vendor/, copied by Maven to {@code /vendor/bpmn-js/}); the custom
 * element is {@code /js/bpmn-viewer-element.js}. No Vaadin frontend build is involved (docs/stack.md). The bpmn.io
 * watermark drawn by bpmn-js must stay visible (its licence): do not cover the bottom right corner.
 */
@Tag("bpmn-viewer")
@JavaScript("context://vendor/bpmn-js/bpmn-navigated-viewer.production.min.js")
@JavaScript("context://js/bpmn-viewer-element.js")
@StyleSheet("context://vendor/bpmn-js/assets/diagram-js.css")
@StyleSheet("context://vendor/bpmn-js/assets/bpmn-js.css")
@StyleSheet("context://js/bpmn-viewer-element.css")
public class BpmnViewer extends Component implements HasSize, HasStyle {
    private List<String> highlighted = List.of();
    private Map<String, String> overlays = Map.of();
    private Map<String, Double> heat = Map.of();

    public BpmnViewer() { }

    public BpmnViewer(String xml) { setXml(xml); }

    /** Draws this BPMN 2.0 XML (replacing any diagram shown); null or blank clears the viewer. */
    public void setXml(String xml) {
        // An empty string rather than a removed property: the element clears itself on it
        getElement().setProperty("xml", xml == null || xml.isBlank() ? "" : xml);
    }

    /** The XML last given to {@link #setXml}, or null. */
    public String getXml() {
        String xml = getElement().getProperty("xml");
        return xml == null || xml.isEmpty() ? null : xml;
    }

    /** Marks these elements as current (e.g. the step a dossier is at); replaces the previous marks, none clears. */
    public void highlight(String... elementIds) {
        highlighted = elementIds == null ? List.of() : Arrays.stream(elementIds).filter(Objects::nonNull).distinct().toList();
        getElement().setPropertyList("highlighted", highlighted);
    }

    /** The elements marked by {@link #highlight}. */
    public List<String> getHighlighted() { return highlighted; }

    /**
     * Short texts shown as badges on elements (elementId → text, e.g. a count or a duration), replacing the previous
     * ones; null or empty removes them all. Texts are shown as plain text, never as markup.
     */
    public void setOverlays(Map<String, String> overlays) {
        var copy = new LinkedHashMap<String, String>();
        if (overlays != null) overlays.forEach((id, text) -> {
            if (id != null && text != null && !text.isBlank()) copy.put(id, text);
        });
        this.overlays = Collections.unmodifiableMap(copy);
        getElement().setPropertyMap("overlays", this.overlays);
    }

    public Map<String, String> getOverlays() { return overlays; }

    /**
     * Heatmap colours (elementId → value from 0, pale yellow, to 1, red), replacing the previous ones; null or empty
     * removes them. Values outside 0..1 are clamped; null and NaN values are ignored.
     */
    public void setHeat(Map<String, Double> heat) {
        var copy = new LinkedHashMap<String, Double>();
        if (heat != null) heat.forEach((id, value) -> {
            if (id != null && value != null && !value.isNaN()) copy.put(id, Math.min(1.0, Math.max(0.0, value)));
        });
        this.heat = Collections.unmodifiableMap(copy);
        getElement().setPropertyMap("heat", this.heat);
    }

    public Map<String, Double> getHeat() { return heat; }

    /** Fits the whole diagram into the viewer again (after the user panned or zoomed). */
    public void fit() { getElement().callJsFunction("fit"); }

    /** A click on a shape or a flow of the diagram (a click on a label counts as a click on its element). */
    public Registration addElementClickListener(ComponentEventListener<ElementClickEvent> listener) {
        return addListener(ElementClickEvent.class, listener);
    }

    /** The diagram has been drawn. */
    public Registration addImportDoneListener(ComponentEventListener<ImportDoneEvent> listener) {
        return addListener(ImportDoneEvent.class, listener);
    }

    /** The XML could not be drawn (not BPMN 2.0, malformed). */
    public Registration addImportErrorListener(ComponentEventListener<ImportErrorEvent> listener) {
        return addListener(ImportErrorEvent.class, listener);
    }

    /** The clicked element: its BPMN id, its name (may be empty) and its BPMN type, e.g. {@code bpmn:UserTask}. */
    @DomEvent("element-click")
    public static class ElementClickEvent extends ComponentEvent<BpmnViewer> {
        private final String elementId;
        private final String name;
        private final String type;

        public ElementClickEvent(BpmnViewer source, boolean fromClient,
                                 @EventData("event.detail.elementId") String elementId,
                                 @EventData("event.detail.name") String name,
                                 @EventData("event.detail.type") String type) {
            super(source, fromClient);
            this.elementId = elementId;
            this.name = name == null ? "" : name;
            this.type = type == null ? "" : type;
        }

        public String getElementId() { return elementId; }

        public String getName() { return name; }

        public String getType() { return type; }
    }

    @DomEvent("import-done")
    public static class ImportDoneEvent extends ComponentEvent<BpmnViewer> {
        private final int warnings;
        private final int elements;

        public ImportDoneEvent(BpmnViewer source, boolean fromClient,
                               @EventData("event.detail.warnings") int warnings,
                               @EventData("event.detail.elements") int elements) {
            super(source, fromClient);
            this.warnings = warnings;
            this.elements = elements;
        }

        /** How many import warnings bpmn-js reported (unknown elements, missing diagram information). */
        public int getWarnings() { return warnings; }

        /** How many elements (shapes, flows, labels) were drawn. */
        public int getElements() { return elements; }
    }

    @DomEvent("import-error")
    public static class ImportErrorEvent extends ComponentEvent<BpmnViewer> {
        private final String message;

        public ImportErrorEvent(BpmnViewer source, boolean fromClient, @EventData("event.detail.message") String message) {
            super(source, fromClient);
            this.message = message == null ? "" : message;
        }

        public String getMessage() { return message; }
    }
}
