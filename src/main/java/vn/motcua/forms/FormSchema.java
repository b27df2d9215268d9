package vn.motcua.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Camunda form (form-js schema, as Camunda Modeler 5 saves {@code .form} files), parsed and checked.
 * Immutable and thread-safe: parse a form once and share it between requests and UIs.
 *
 * <pre>{@code
 * FormSchema schema = FormSchema.parse(json);           // throws FormSchemaException if unusable
 * List<FieldViolation> problems = new FormValidator().validate(schema, data, locale);
 * Map<String, Object> stored = new FormValidator().normalize(schema, data);
 * }</pre>
 */
public final class FormSchema {

    private final String id;
    private final int schemaVersion;
    private final String exporterName;
    private final String exporterVersion;
    private final String executionPlatform;
    private final String executionPlatformVersion;
    private final List<FormComponent> components;
    private final List<FormComponent> allComponents;
    private final List<String> inputKeys;
    private final Map<String, FormComponent> byId;
    private final Map<String, FormComponent> byBindingPath;

    FormSchema(String id, int schemaVersion, String exporterName, String exporterVersion,
               String executionPlatform, String executionPlatformVersion, List<FormComponent> components) {
        this.id = id;
        this.schemaVersion = schemaVersion;
        this.exporterName = exporterName;
        this.exporterVersion = exporterVersion;
        this.executionPlatform = executionPlatform;
        this.executionPlatformVersion = executionPlatformVersion;
        this.components = List.copyOf(components);
        List<FormComponent> all = new ArrayList<>();
        collect(this.components, all);
        this.allComponents = List.copyOf(all);
        Map<String, FormComponent> ids = new LinkedHashMap<>();
        Map<String, FormComponent> paths = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        for (FormComponent c : all) {
            ids.put(c.id(), c);
            if (c.bindingPath() != null) {
                paths.put(c.bindingPath(), c);
            }
            if (c.type().isKeyed()) {
                keys.add(c.bindingPath());
            }
        }
        this.byId = Map.copyOf(ids);
        this.byBindingPath = Map.copyOf(paths);
        this.inputKeys = List.copyOf(keys);
    }

    /**
     * Parses and checks a form.
     *
     * @param json the content of a {@code .form} file
     * @return the schema, never null
     * @throws FormSchemaException when the JSON is invalid, a component type is unknown or unsupported, a
     *                             keyed component lacks its key, a key is used twice, a {@code validate}
     *                             value is wrong, or a FEEL expression does not parse. The message names the
     *                             component (id and key) and the problem.
     */
    public static FormSchema parse(String json) {
        return new FormSchemaParser().parse(json);
    }

    /** The form id ({@code Form_...}), which Camunda 7 form references ({@code camunda:formRef}) point at. */
    public String id() {
        return id;
    }

    /** The form-js schema version the file was written with (16 for Modeler 5.3x); 0 when not stated. */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** The tool that wrote the file ({@code exporter.name}, e.g. "Camunda Modeler"), or null. */
    public String exporterName() {
        return exporterName;
    }

    /** The version of the tool that wrote the file ({@code exporter.version}), or null. */
    public String exporterVersion() {
        return exporterVersion;
    }

    /** {@code executionPlatform} as Modeler writes it (e.g. "Camunda Platform"), or null. */
    public String executionPlatform() {
        return executionPlatform;
    }

    /** {@code executionPlatformVersion} as Modeler writes it (e.g. "7.24.0"), or null. */
    public String executionPlatformVersion() {
        return executionPlatformVersion;
    }

    /** The top-level components, in file order (children are in {@link FormComponent#components()}). */
    public List<FormComponent> components() {
        return components;
    }

    /** Every component of the form, depth first in file order. */
    public List<FormComponent> allComponents() {
        return allComponents;
    }

    /**
     * The binding paths of every component that contributes a value to the submitted data (input fields
     * and expression fields), in file order: {@code "hoTen"}, {@code "me.hoTen"} for a field in a group
     * with path {@code me}, {@code "children[].name"} for a field of the items of a dynamic list. See
     * {@link FormComponent#bindingPath()}.
     */
    public List<String> inputKeys() {
        return inputKeys;
    }

    /** The custom property by which a designer marks a field as routing data for the process. */
    public static final String PROCESS_VARIABLE_PROPERTY = "processVariable";

    /**
     * The keys of the fields the designer marked as routing data (custom property {@code processVariable=true}): the
     * only form values that become process variables; everything else stays in the dossier.
     */
    public List<String> processVariableKeys() {
        return allComponents.stream()
                .filter(c -> c.key() != null && "true".equalsIgnoreCase(c.properties().get(PROCESS_VARIABLE_PROPERTY)))
                .map(FormComponent::key).toList();
    }

    /**
     * The routing values of submitted (normalised) data as the process takes them: whole numbers as {@code Long},
     * other numbers as {@code Double} (so that DMN and expressions compare numbers), text and booleans as they are,
     * anything else as its text; fields without a value are left out.
     */
    public java.util.Map<String, Object> processVariables(java.util.Map<String, Object> data) {
        var variables = new java.util.LinkedHashMap<String, Object>();
        for (String key : processVariableKeys()) {
            Object value = data == null ? null : data.get(key);
            if (value != null) variables.put(key, processValue(value));
        }
        return variables;
    }

    private static Object processValue(Object value) {
        if (value instanceof java.math.BigDecimal d) {
            return d.scale() <= 0 && d.abs().compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                    ? (Object) d.longValue() : d.doubleValue();
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Number) return value;
        return String.valueOf(value);
    }

    /** The component with the given id. */
    public Optional<FormComponent> componentById(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * A field's label as the user sees it, by the field's path in the data ({@code items[2].name} as
     * {@code items[].name}), or the path itself when its label is missing or computed.
     */
    public String labelOf(String field) {
        if (field == null) return null;
        String path = field.replaceAll("\\[\\d+]", "[]");
        return componentByBindingPath(path).map(FormComponent::label)
                .filter(l -> l != null && !l.isBlank() && !l.startsWith("=") && !l.contains("{{"))
                .map(String::strip).orElse(field);
    }

    /** The component bound to the given binding path (as listed by {@link #inputKeys()}, or a list path). */
    public Optional<FormComponent> componentByBindingPath(String bindingPath) {
        return Optional.ofNullable(byBindingPath.get(bindingPath));
    }

    private static void collect(List<FormComponent> components, List<FormComponent> into) {
        for (FormComponent c : components) {
            into.add(c);
            collect(c.components(), into);
        }
    }

    @Override
    public String toString() {
        return "FormSchema[" + id + ", " + allComponents.size() + " components]";
    }
}
