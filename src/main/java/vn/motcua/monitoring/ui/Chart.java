package vn.motcua.monitoring.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.shared.Registration;

/**
 * An Apache ECharts chart drawn in the browser from an option object built on the server and sent as JSON. The
 * library is served as a static file (frontend-vendor/, copied by Maven to {@code /vendor/echarts/}); the custom
 * element is {@code /js/motcua-chart.js}. No Vaadin frontend build is involved (docs/stack.md). Give it a height.
 */
@Tag("motcua-chart")
@JavaScript("context://vendor/echarts/echarts.min.js")
@JavaScript("context://js/motcua-chart.js")
public class Chart extends Component implements HasSize, HasStyle {

    public Chart() {
        setWidthFull();
        setHeight("320px");
    }

    /** Draws the chart described by this ECharts option (replacing the previous one); null clears it. */
    public void setOption(JsonNode option) {
        getElement().setProperty("option", option == null ? "" : option.toString());
    }

    /** The option last set, as JSON text, or null. */
    public String getOption() {
        String option = getElement().getProperty("option");
        return option == null || option.isEmpty() ? null : option;
    }

    /** A click on a data item of the chart (a bar, a point). */
    public Registration addChartClickListener(ComponentEventListener<ChartClickEvent> listener) {
        return addListener(ChartClickEvent.class, listener);
    }

    /** The clicked item: its category name, series and index. */
    @DomEvent("chart-click")
    public static class ChartClickEvent extends ComponentEvent<Chart> {
        private final String name;
        private final String seriesName;
        private final int dataIndex;

        public ChartClickEvent(Chart source, boolean fromClient, @EventData("event.detail.name") String name,
                               @EventData("event.detail.seriesName") String seriesName,
                               @EventData("event.detail.dataIndex") int dataIndex) {
            super(source, fromClient);
            this.name = name == null ? "" : name;
            this.seriesName = seriesName == null ? "" : seriesName;
            this.dataIndex = dataIndex;
        }

        public String getName() { return name; }

        public String getSeriesName() { return seriesName; }

        public int getDataIndex() { return dataIndex; }
    }
}
