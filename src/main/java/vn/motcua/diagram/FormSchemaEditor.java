package vn.motcua.diagram;

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
 * A form (as Camunda Modeler saves it) edited in the browser with bpmn.io's form editor (form-js), for process
 * designers. The form as it stands is kept here: every edit in the browser sends it back ({@link SchemaChangedEvent}),
 * so {@link #getSchema()} is what the designer sees.
 * <p>
 * The library is served as a static file (frontend-vendor/, copied by Maven to {@code /vendor/form-js/}); the custom
 * element is {@code /js/form-editor-element.js}. No Vaadin frontend build is involved (docs/stack.md). The bpmn.io
 * watermark drawn by form-js must stay visible (its licence).
 */
@Tag("form-schema-editor")
@JavaScript("context://vendor/form-js/form-editor.umd.js")
@JavaScript("context://js/form-editor-element.js")
@StyleSheet("context://vendor/form-js/assets/form-js.css")
@StyleSheet("context://vendor/form-js/assets/form-js-editor.css")
@StyleSheet("context://vendor/form-js/assets/properties-panel.css")
@StyleSheet("context://vendor/form-js/assets/draggle.css")
@StyleSheet("context://vendor/form-js/assets/flatpickr/light.css")
@StyleSheet("context://js/form-editor-element.css")
public class FormSchemaEditor extends Component implements HasSize, HasStyle {
    private String schema;

    public FormSchemaEditor() {
        addListener(SchemaChangedEvent.class, e -> schema = e.getSchema());
    }

    /** Edits this form (JSON as Camunda Modeler saves it); null or blank clears the editor. */
    public void setSchema(String schema) {
        this.schema = schema == null || schema.isBlank() ? null : schema;
        getElement().setProperty("schema", this.schema == null ? "" : this.schema);
    }

    /** The form as it stands in the browser (after the designer's last edit), or null. */
    public String getSchema() { return schema; }

    public Registration addSchemaChangedListener(ComponentEventListener<SchemaChangedEvent> listener) {
        return addListener(SchemaChangedEvent.class, listener);
    }

    /** The designer changed the form: its JSON as it stands now. */
    @DomEvent("schema-changed")
    public static class SchemaChangedEvent extends ComponentEvent<FormSchemaEditor> {
        private final String schema;

        public SchemaChangedEvent(FormSchemaEditor source, boolean fromClient, @EventData("event.detail.schema") String schema) {
            super(source, fromClient);
            this.schema = schema;
        }

        public String getSchema() { return schema; }
    }
}
