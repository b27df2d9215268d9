package vn.motcua.catalogue;

import static vn.motcua.shared.PlainText.blank;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.organisation.UnitLevel;

/**
 * A procedure's descriptor ({@code procedure.json}) as a designer edits it in a form: names, sector, level, online
 * level, processing time, fee, result and the dossier's components. Read from and written into the JSON keeping
 * everything the form does not show (the code, the process and intake form, a component's file types, the fee's
 * source kind...). The catalogue linter checks the result like any uploaded descriptor.
 */
public final class DescriptorEdit {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The file types a component added in the form accepts. */
    static final List<String> DEFAULT_FILE_TYPES = List.of("application/pdf", "image/jpeg", "image/png");

    /** One document of the dossier: its code (unique in the procedure), names and whether it is required. */
    public record Component(String code, String nameVi, String nameEn, boolean required) { }

    /** The descriptor's fields the form shows; null for what the descriptor leaves out. */
    public record Fields(String code, String nameVi, String nameEn, Sector sector, UnitLevel level, OnlineLevel onlineLevel,
                         Integer timeAmount, ProcessingTime.Unit timeUnit, String timeSource, BigDecimal feeAmount,
                         String feeNoteVi, String feeNoteEn, String feeSource, String resultVi, String resultEn,
                         Procedure.ResultType resultType, List<Component> components) {
        public Fields {
            components = components == null ? List.of() : List.copyOf(components);
        }
    }

    private DescriptorEdit() { }

    /** The form's fields of a descriptor. */
    public static Fields read(String json) {
        JsonNode d = parse(json);
        List<Component> components = new ArrayList<>();
        for (JsonNode c : d.path("components")) {
            components.add(new Component(text(c, "code"), text(c.path("name"), "vi"), text(c.path("name"), "en"),
                    c.path("required").asBoolean(false)));
        }
        JsonNode time = d.path("processingTime");
        JsonNode fee = d.path("fee");
        return new Fields(text(d, "code"), text(d.path("name"), "vi"), text(d.path("name"), "en"),
                constant(Sector.class, text(d, "sector")), constant(UnitLevel.class, text(d, "level")),
                constant(OnlineLevel.class, text(d, "onlineLevel")),
                time.has("amount") ? time.get("amount").asInt() : null, constant(ProcessingTime.Unit.class, text(time, "unit")),
                text(time, "source"), fee.has("amount") ? fee.get("amount").decimalValue() : null,
                text(fee.path("note"), "vi"), text(fee.path("note"), "en"), text(fee, "source"),
                text(d.path("result"), "vi"), text(d.path("result"), "en"),
                constant(Procedure.ResultType.class, text(d, "resultType")), components);
    }

    /** The descriptor with the form's fields written into it, everything else kept. */
    public static String write(String json, Fields fields) {
        ObjectNode d = (ObjectNode) parse(json);
        names(d, "name", fields.nameVi(), fields.nameEn());
        put(d, "sector", fields.sector() == null ? null : fields.sector().name());
        put(d, "level", fields.level() == null ? null : fields.level().name());
        put(d, "onlineLevel", fields.onlineLevel() == null ? null : fields.onlineLevel().name());
        ObjectNode time = object(d, "processingTime");
        if (fields.timeAmount() == null) time.remove("amount"); else time.put("amount", fields.timeAmount());
        put(time, "unit", fields.timeUnit() == null ? null : fields.timeUnit().name());
        put(time, "source", fields.timeSource());
        ObjectNode fee = object(d, "fee");
        if (fields.feeAmount() == null) fee.remove("amount"); else fee.put("amount", fields.feeAmount());
        names(fee, "note", fields.feeNoteVi(), fields.feeNoteEn());
        put(fee, "source", fields.feeSource());
        names(d, "result", fields.resultVi(), fields.resultEn());
        put(d, "resultType", fields.resultType() == null ? null : fields.resultType().name());

        Map<String, JsonNode> before = new HashMap<>();
        for (JsonNode c : d.path("components")) if (c.hasNonNull("code")) before.put(c.get("code").asText(), c);
        ArrayNode components = JSON.createArrayNode();
        for (Component c : fields.components()) {
            JsonNode kept = c.code() == null ? null : before.get(c.code().strip());
            ObjectNode node = kept instanceof ObjectNode o ? o.deepCopy() : JSON.createObjectNode();
            put(node, "code", c.code() == null ? null : c.code().strip());
            names(node, "name", c.nameVi(), c.nameEn());
            node.put("required", c.required());
            if (!node.has("fileTypes")) {
                ArrayNode types = node.putArray("fileTypes");
                DEFAULT_FILE_TYPES.forEach(types::add);
            }
            components.add(node);
        }
        d.set("components", components);
        try {
            return JSON.writeValueAsString(d) + "\n";
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void names(ObjectNode parent, String field, String vi, String en) {
        if (blank(vi) && blank(en)) {
            parent.remove(field);
            return;
        }
        ObjectNode names = object(parent, field);
        put(names, "vi", vi);
        put(names, "en", en);
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        return parent.get(field) instanceof ObjectNode o ? o : parent.putObject(field);
    }

    private static void put(ObjectNode node, String field, String value) {
        if (blank(value)) node.remove(field); else node.put(field, value.strip());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
        if (name == null) return null;
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (!(node instanceof ObjectNode)) throw new IllegalArgumentException("not a descriptor object");
            return node;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a readable descriptor: " + e.getMessage(), e);
        }
    }
}
