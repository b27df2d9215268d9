package vn.motcua.diagram;

import java.util.LinkedHashMap;
import java.util.Map;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.shared.Registration;

/**
 * A BPMN 2.0 diagram edited in the browser with bpmn-js's Modeler, for process designers.
 * <p>
 * The diagram as it stands is kept here: every edit in the browser sends it back ({@link DiagramChangedEvent}), so
 * {@link #getXml()} is what the designer sees, and {@link #setXml} (MotCua's conventions edited beside the diagram)
 * draws it again keeping the viewport. The linter's problems are marked on their elements ({@link #setProblems}).
 * <p>
 * The library is served as a static file (frontend-vendor/, copied by Maven to {@code /vendor/bpmn-js/}); the custom
 * element is {@code /js/bpmn-modeler-element.js}. No Vaadin frontend build is involved (docs/stack.md). The bpmn.io
 * watermark drawn by bpmn-js must stay visible (its licence).
 */
@Tag("bpmn-modeler")
@JavaScript("context://vendor/bpmn-js/bpmn-modeler.production.min.js")
@JavaScript("context://js/bpmn-modeler-element.js")
@StyleSheet("context://vendor/bpmn-js/assets/diagram-js.css")
@StyleSheet("context://vendor/bpmn-js/assets/bpmn-js.css")
@StyleSheet("context://vendor/bpmn-js/assets/bpmn-font/css/bpmn-embedded.css")
@StyleSheet("context://js/bpmn-modeler-element.css")
public class BpmnModeler extends Component implements HasSize, HasStyle {
    private String xml;
    private Map<String, String> problems = Map.of();

    public BpmnModeler() {
        addListener(DiagramChangedEvent.class, e -> xml = e.getXml());
    }

    /** Draws this BPMN 2.0 XML for editing (the same diagram again keeps the viewport); null or blank clears it. */
    public void setXml(String xml) {
        this.xml = xml == null || xml.isBlank() ? null : xml;
        getElement().setProperty("xml", this.xml == null ? "" : this.xml);
    }

    /** The diagram as it stands in the browser (after the designer's last edit), or null. */
    public String getXml() { return xml; }

    /** Marks these elements with their problems (element id → message); replaces the previous marks, none clears. */
    public void setProblems(Map<String, String> problems) {
        this.problems = problems == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(problems));
        getElement().setPropertyMap("problems", this.problems);
    }

    public Map<String, String> getProblems() { return problems; }

    public Registration addDiagramChangedListener(ComponentEventListener<DiagramChangedEvent> listener) {
        return addListener(DiagramChangedEvent.class, listener);
    }

    public Registration addElementSelectedListener(ComponentEventListener<ElementSelectedEvent> listener) {
        return addListener(ElementSelectedEvent.class, listener);
    }

    /** The designer changed the diagram: its XML as it stands now. */
    @DomEvent("diagram-changed")
    public static class DiagramChangedEvent extends ComponentEvent<BpmnModeler> {
        private final String xml;

        public DiagramChangedEvent(BpmnModeler source, boolean fromClient, @EventData("event.detail.xml") String xml) {
            super(source, fromClient);
            this.xml = xml;
        }

        public String getXml() { return xml; }
    }

    /** The designer selected an element (or none: an empty id). */
    @DomEvent("element-selected")
    public static class ElementSelectedEvent extends ComponentEvent<BpmnModeler> {
        private final String elementId;
        private final String type;

        public ElementSelectedEvent(BpmnModeler source, boolean fromClient,
                                    @EventData("event.detail.elementId") String elementId,
                                    @EventData("event.detail.type") String type) {
            super(source, fromClient);
            this.elementId = elementId == null ? "" : elementId;
            this.type = type == null ? "" : type;
        }

        public String getElementId() { return elementId; }

        public String getType() { return type; }
    }
}
