package vn.motcua.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import org.junit.jupiter.api.Test;

/** The server side of the viewer: what it hands to the browser element, and the events it takes back. */
class BpmnViewerTest {

    @Test
    void theXmlIsAPropertyAndBlankClearsIt() {
        var viewer = new BpmnViewer("<definitions/>");
        assertThat(viewer.getXml()).isEqualTo("<definitions/>");
        assertThat(viewer.getElement().getProperty("xml")).isEqualTo("<definitions/>");

        viewer.setXml("  ");
        assertThat(viewer.getXml()).isNull();
        assertThat(viewer.getElement().getProperty("xml")).isEmpty();
    }

    @Test
    void highlightingReplacesThePreviousMarks() {
        var viewer = new BpmnViewer();
        viewer.highlight("Task_ReviewDossier", null, "Task_ReviewDossier", "Gateway_Approved");
        assertThat(viewer.getHighlighted()).containsExactly("Task_ReviewDossier", "Gateway_Approved");
        assertThat(viewer.getElement().getPropertyRaw("highlighted")).isNotNull();

        viewer.highlight();
        assertThat(viewer.getHighlighted()).isEmpty();
    }

    @Test
    void heatIsClampedToZeroToOneAndNonNumbersAreDropped() {
        var heat = new HashMap<String, Double>();
        heat.put("Task_ReviewDossier", 1.7);
        heat.put("Task_ApproveResult", -0.2);
        heat.put("Task_ReturnResult", 0.4);
        heat.put("Gateway_Approved", Double.NaN);
        heat.put("Task_MarkProcessed", null);
        var viewer = new BpmnViewer();
        viewer.setHeat(heat);

        assertThat(viewer.getHeat()).containsOnly(Map.entry("Task_ReviewDossier", 1.0),
                Map.entry("Task_ApproveResult", 0.0), Map.entry("Task_ReturnResult", 0.4));
        assertThat(viewer.getElement().getPropertyRaw("heat")).isNotNull();
        viewer.setHeat(null);
        assertThat(viewer.getHeat()).isEmpty();
    }

    @Test
    void blankBadgesAreDroppedAndTheOrderIsKept() {
        var overlays = new LinkedHashMap<String, String>();
        overlays.put("Task_ReviewDossier", "12");
        overlays.put("Task_ApproveResult", " ");
        overlays.put("Task_ReturnResult", "3,5 giờ");
        var viewer = new BpmnViewer();
        viewer.setOverlays(overlays);

        assertThat(viewer.getOverlays()).containsExactly(Map.entry("Task_ReviewDossier", "12"), Map.entry("Task_ReturnResult", "3,5 giờ"));
        assertThat(viewer.getElement().getPropertyRaw("overlays")).isNotNull();
    }

    @Test
    void clicksComeBackAsEventsWithTheElement() {
        var viewer = new BpmnViewer();
        var clicked = new AtomicReference<BpmnViewer.ElementClickEvent>();
        viewer.addElementClickListener(clicked::set);

        ComponentUtil.fireEvent(viewer, new BpmnViewer.ElementClickEvent(viewer, true, "Gateway_Approved", null, "bpmn:ExclusiveGateway"));

        assertThat(clicked.get().getElementId()).isEqualTo("Gateway_Approved");
        assertThat(clicked.get().getName()).isEmpty();
        assertThat(clicked.get().getType()).isEqualTo("bpmn:ExclusiveGateway");
    }

    @Test
    void theLibraryIsLoadedAsStaticFilesWithoutAFrontendBuild() {
        assertThat(BpmnViewer.class.getAnnotation(Tag.class).value()).isEqualTo("bpmn-viewer");
        assertThat(List.of(BpmnViewer.class.getAnnotationsByType(JavaScript.class))).extracting(JavaScript::value)
                .containsExactly("context://vendor/bpmn-js/bpmn-navigated-viewer.production.min.js", "context://js/bpmn-viewer-element.js");
        assertThat(List.of(BpmnViewer.class.getAnnotationsByType(StyleSheet.class))).extracting(StyleSheet::value)
                .allMatch(url -> url.startsWith("context://"));
        // The files those URLs name are on the classpath (vendor/ is copied there by Maven from frontend-vendor/)
        var urls = new java.util.ArrayList<String>();
        for (JavaScript script : BpmnViewer.class.getAnnotationsByType(JavaScript.class)) urls.add(script.value());
        for (StyleSheet sheet : BpmnViewer.class.getAnnotationsByType(StyleSheet.class)) urls.add(sheet.value());
        urls.addAll(List.of("context://vendor/bpmn-js/LICENSE", "context://vendor/echarts/echarts.min.js"));
        for (String url : urls) {
            String path = "META-INF/resources/" + url.substring("context://".length());
            assertThat(getClass().getClassLoader().getResource(path)).as(path).isNotNull();
        }
    }
}
