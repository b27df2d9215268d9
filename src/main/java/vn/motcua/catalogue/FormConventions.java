package vn.motcua.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which fields of a step's form become process variables (routing data), read from and written into the form as
 * Camunda Modeler saves it: the custom property {@code processVariable: "true"} of a field
 * ({@link vn.motcua.forms.FormSchema#PROCESS_VARIABLE_PROPERTY}). Everything else in the form is kept as it is.
 */
public final class FormConventions {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String PROPERTY = "processVariable";

    /** A field of a form that holds a value. */
    public record Field(String key, String label, String type, boolean processVariable) { }

    private FormConventions() { }

    /** The form's id (what a step's {@code camunda:formRef} names), or null when it has none. */
    public static String id(String json) {
        return read(json).path("id").asText(null);
    }

    /** The fields holding a value (those with a key), in the form's order, groups included. */
    public static List<Field> fields(String json) {
        List<Field> fields = new ArrayList<>();
        collect(read(json).path("components"), fields);
        return fields;
    }

    /**
     * The form with exactly these fields marked as process variables (the others unmarked).
     *
     * @throws IllegalArgumentException when a key is not a field of the form
     */
    public static String withProcessVariables(String json, Set<String> keys) {
        JsonNode form = read(json);
        var known = fields(json).stream().map(Field::key).toList();
        for (String key : keys) if (!known.contains(key)) throw new IllegalArgumentException("no field " + key);
        mark(form.path("components"), keys);
        try {
            return JSON.writeValueAsString(form) + "\n";
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(JsonNode components, List<Field> fields) {
        for (JsonNode c : components) {
            if (c.hasNonNull("key")) {
                fields.add(new Field(c.get("key").asText(), c.path("label").asText(c.get("key").asText()), c.path("type").asText(),
                        "true".equalsIgnoreCase(c.path("properties").path(PROPERTY).asText())));
            }
            if (c.has("components")) collect(c.get("components"), fields);
        }
    }

    private static void mark(JsonNode components, Set<String> keys) {
        for (JsonNode c : components) {
            if (c.hasNonNull("key") && c instanceof ObjectNode component) {
                boolean wanted = keys.contains(c.get("key").asText());
                JsonNode properties = component.get("properties");
                if (wanted) {
                    ObjectNode p = properties instanceof ObjectNode o ? o : component.putObject("properties");
                    p.put(PROPERTY, "true");
                } else if (properties instanceof ObjectNode p) {
                    p.remove(PROPERTY);
                    if (p.isEmpty()) component.remove("properties");
                }
            }
            if (c.has("components")) mark(c.get("components"), keys);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a readable form: " + e.getMessage(), e);
        }
    }
}
