package vn.motcua.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import vn.motcua.forms.FormComponent.ComputeOn;
import vn.motcua.forms.FormComponent.DateTimeSubtype;
import vn.motcua.forms.FormComponent.TimeSerializingFormat;
import vn.motcua.forms.ValidationRules.Bound;
import vn.motcua.forms.ValidationRules.ValidationType;

/**
 * Turns the JSON of a {@code .form} file into a {@link FormSchema}, refusing anything MotCua could not
 * validate or render faithfully. One instance per parse (it tracks ids and keys seen so far).
 */
final class FormSchemaParser {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** form-js key syntax: word characters, optionally dot-separated. */
    private static final Pattern KEY = Pattern.compile("\\w+(\\.\\w+)*");

    /** form-js types MotCua knows of but does not render; named in the error so designers know why. */
    private static final Set<String> UNSUPPORTED = Set.of(
            "iframe", "multipage", "page");

    /** One entry of a file picker's {@code accept}: a file extension, a media type or a family of them. */
    private static final Pattern ACCEPT_ENTRY = Pattern.compile("\\.[A-Za-z0-9]{1,10}|[a-z]+/(\\*|[a-z0-9.+-]+)");


    private final Feel feel = Feel.standard();
    private final Set<String> ids = new HashSet<>();
    private final List<Claim> claims = new ArrayList<>();

    /** A data path taken by a component: closed for values (fields, lists), open for group paths. */
    private record Claim(String path, boolean closed, String component) {
    }

    FormSchema parse(String json) {
        if (json == null || json.isBlank()) {
            throw new FormSchemaException("Invalid form JSON: the document is empty", null);
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new FormSchemaException("Invalid form JSON" + where + ": " + e.getOriginalMessage(), null, e);
        }
        if (root == null || !root.isObject()) {
            throw new FormSchemaException("Invalid form JSON: the document must be an object", null);
        }
        String id = text(root, "id", "Form");
        if (id == null || id.isBlank()) {
            throw new FormSchemaException("Form has no id: Camunda links forms by their id (formRef)", null);
        }
        String type = text(root, "type", "Form");
        if (type != null && !"default".equals(type)) {
            throw new FormSchemaException("Form '" + id + "': unknown form type '" + type
                    + "' (expected \"default\")", null);
        }
        JsonNode components = root.get("components");
        if (components == null || !components.isArray()) {
            throw new FormSchemaException("Form '" + id + "': 'components' must be an array", null);
        }
        int schemaVersion = 0;
        JsonNode version = root.get("schemaVersion");
        if (version != null && !version.isNull()) {
            if (!version.canConvertToExactIntegral() || version.asInt() < 0) {
                throw new FormSchemaException("Form '" + id + "': 'schemaVersion' must be a whole number", null);
            }
            schemaVersion = version.asInt();
        }
        String exporterName = null;
        String exporterVersion = null;
        JsonNode exporter = root.get("exporter");
        if (exporter != null && exporter.isObject()) {
            exporterName = text(exporter, "name", "Form exporter");
            exporterVersion = text(exporter, "version", "Form exporter");
        }
        List<FormComponent> parsed = parseComponents(components, "components", "", false);
        checkPathConflicts();
        return new FormSchema(id, schemaVersion, exporterName, exporterVersion,
                text(root, "executionPlatform", "Form"), text(root, "executionPlatformVersion", "Form"), parsed);
    }

    private List<FormComponent> parseComponents(JsonNode array, String location, String bindingPrefix,
                                                boolean insideList) {
        List<FormComponent> result = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            result.add(parseComponent(array.get(i), location + "[" + i + "]", bindingPrefix, insideList));
        }
        return result;
    }

    private FormComponent parseComponent(JsonNode node, String location, String bindingPrefix, boolean insideList) {
        if (node == null || !node.isObject()) {
            throw new FormSchemaException("Component at " + location + ": must be an object", location);
        }
        FormComponent.Builder b = new FormComponent.Builder();
        Ref ref = new Ref(location);

        b.id = text(node, "id", ref);
        if (b.id != null && !b.id.isBlank()) {
            ref.id = b.id;
        }
        String typeName = text(node, "type", ref);
        if (typeName == null || typeName.isBlank()) {
            throw ref.fail("has no type");
        }
        ref.type = typeName;
        if (UNSUPPORTED.contains(typeName)) {
            throw ref.fail("component type '" + typeName + "' is not supported by MotCua forms");
        }
        b.type = ComponentType.fromTypeName(typeName)
                .orElseThrow(() -> ref.fail("unknown component type '" + typeName + "'"));

        if (b.id == null || b.id.isBlank()) {
            // Hand-written forms may omit ids; a position-based id keeps DOM ids and messages stable.
            b.id = "Field_" + location.replaceAll("\\D+", "_").replaceAll("^_|_$", "");
            ref.id = b.id;
        }
        if (!ids.add(b.id)) {
            throw ref.fail("duplicate id '" + b.id + "'");
        }

        if (b.type.isKeyed()) {
            String key = text(node, "key", ref);
            if (key == null || key.isBlank()) {
                throw ref.fail("missing key (every " + typeName + " needs the data key it is stored under)");
            }
            if (!KEY.matcher(key).matches()) {
                throw ref.fail("invalid key '" + key
                        + "' (letters, digits and underscores, optionally separated by dots)");
            }
            b.key = key;
            ref.key = key;
            b.bindingPath = join(bindingPrefix, key);
            claim(b.bindingPath, true, ref);
        }

        b.label = template(node, "label", ref);
        b.description = template(node, "description", ref);
        readFlags(node, b, ref);
        b.hideCondition = hideCondition(node, ref);
        readAppearance(node, b, ref);
        readLayout(node, b, ref);
        b.properties = properties(node, ref);
        if (b.type.isInput()) {
            b.validation = validation(node.get("validate"), b.type, ref);
        }

        switch (b.type) {
            case NUMBER -> readNumber(node, b, ref);
            case DATETIME -> readDateTime(node, b, ref);
            case SELECT, RADIO, CHECKLIST, TAGLIST -> readOptions(node, b, ref);
            case GROUP -> readGroup(node, b, ref, location, bindingPrefix, insideList);
            case DYNAMICLIST -> readDynamicList(node, b, ref, location, bindingPrefix);
            case TEXT -> b.text = orEmpty(template(node, "text", ref));
            case HTML -> b.content = orEmpty(template(node, "content", ref));
            case EXPRESSION -> readExpression(node, b, ref);
            case SPACER -> b.height = integer(node, "height", ref, 0, 10_000, 60);
            case IMAGE -> readImage(node, b, ref);
            case TABLE -> readTable(node, b, ref);
            case DOCUMENT_PREVIEW -> {
                b.dataSource = dataSource(node, ref);
                if (node.hasNonNull("maxHeight")) b.maxHeight = integer(node, "maxHeight", ref, 50, 5_000, 320);
            }
            case BUTTON -> b.action = enumText(node, "action", ref, Set.of("submit", "reset"), "submit");
            case FILEPICKER -> readFilePicker(node, b, ref, insideList);
            default -> {
                // textfield, textarea, checkbox, separator: no type-specific properties
            }
        }
        if (b.type.isInput()) {
            b.defaultValue = defaultValue(node.get("defaultValue"), b, ref);
        }
        return b.build();
    }

    // --- common properties -------------------------------------------------------------------------------

    private void readFlags(JsonNode node, FormComponent.Builder b, Ref ref) {
        JsonNode readonly = node.get("readonly");
        if (readonly != null && !readonly.isNull()) {
            if (readonly.isBoolean()) {
                b.readonly = readonly.booleanValue();
            } else {
                b.readonlyExpression = flagExpression(readonly, "readonly", ref);
            }
        }
        JsonNode disabled = node.get("disabled");
        if (disabled != null && !disabled.isNull()) {
            if (disabled.isBoolean()) {
                b.disabled = disabled.booleanValue();
            } else {
                b.disabledExpression = flagExpression(disabled, "disabled", ref);
            }
        }
    }

    private String flagExpression(JsonNode value, String property, Ref ref) {
        if (!value.isTextual() || !Feel.isExpression(value.textValue())) {
            throw ref.fail("'" + property + "' must be true, false or a FEEL expression starting with '=', got "
                    + value);
        }
        return feel(value.textValue(), property, ref);
    }

    private String hideCondition(JsonNode node, Ref ref) {
        JsonNode conditional = node.get("conditional");
        if (conditional == null || conditional.isNull()) {
            return null;
        }
        if (!conditional.isObject()) {
            throw ref.fail("'conditional' must be an object");
        }
        String hide = text(conditional, "hide", ref);
        if (hide == null || hide.isBlank()) {
            return null;
        }
        if (!Feel.isExpression(hide)) {
            throw ref.fail("conditional.hide must be a FEEL expression starting with '=', got '" + hide + "'");
        }
        return feel(hide, "conditional.hide", ref);
    }

    private void readAppearance(JsonNode node, FormComponent.Builder b, Ref ref) {
        JsonNode appearance = node.get("appearance");
        if (appearance == null || appearance.isNull()) {
            return;
        }
        if (!appearance.isObject()) {
            throw ref.fail("'appearance' must be an object");
        }
        b.prefixAdorner = blankToNull(template(appearance, "prefixAdorner", ref));
        b.suffixAdorner = blankToNull(template(appearance, "suffixAdorner", ref));
    }

    private void readLayout(JsonNode node, FormComponent.Builder b, Ref ref) {
        JsonNode layout = node.get("layout");
        if (layout == null || layout.isNull()) {
            return;
        }
        if (!layout.isObject()) {
            throw ref.fail("'layout' must be an object");
        }
        b.layoutRow = blankToNull(text(layout, "row", ref));
        JsonNode columns = layout.get("columns");
        if (columns != null && !columns.isNull()) {
            if (!columns.canConvertToExactIntegral() || columns.asInt() < 1 || columns.asInt() > 16) {
                throw ref.fail("layout.columns must be a whole number from 1 to 16, got " + columns);
            }
            b.layoutColumns = columns.asInt();
        }
    }

    private Map<String, String> properties(JsonNode node, Ref ref) {
        JsonNode properties = node.get("properties");
        if (properties == null || properties.isNull()) {
            return Map.of();
        }
        if (!properties.isObject()) {
            throw ref.fail("'properties' must be an object");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : properties.properties()) {
            if (!e.getValue().isValueNode()) {
                throw ref.fail("custom property '" + e.getKey() + "' must be a text, number or boolean");
            }
            result.put(e.getKey(), e.getValue().asText());
        }
        return result;
    }

    // --- validate -----------------------------------------------------------------------------------------

    private ValidationRules validation(JsonNode validate, ComponentType type, Ref ref) {
        if (validate == null || validate.isNull()) {
            return ValidationRules.NONE;
        }
        if (!validate.isObject()) {
            throw ref.fail("'validate' must be an object");
        }
        boolean required = false;
        JsonNode requiredNode = validate.get("required");
        if (requiredNode != null && !requiredNode.isNull()) {
            if (!requiredNode.isBoolean()) {
                throw ref.fail("validate.required must be true or false, got " + requiredNode);
            }
            required = requiredNode.booleanValue();
        }
        Bound min = bound(validate, "min", false, ref);
        Bound max = bound(validate, "max", false, ref);
        Bound minLength = bound(validate, "minLength", true, ref);
        Bound maxLength = bound(validate, "maxLength", true, ref);
        checkOrder(min, max, "min", "max", ref);
        checkOrder(minLength, maxLength, "minLength", "maxLength", ref);

        Pattern pattern = null;
        String patternText = text(validate, "pattern", ref);
        if (patternText != null && !patternText.isEmpty()) {
            try {
                pattern = Pattern.compile(patternText);
            } catch (PatternSyntaxException e) {
                throw ref.fail("validate.pattern '" + patternText + "' is not a valid regular expression: "
                        + e.getDescription());
            }
        }
        ValidationType validationType = null;
        String typeText = text(validate, "validationType", ref);
        if (typeText != null && !typeText.isEmpty() && !"custom".equals(typeText)) {
            validationType = switch (typeText) {
                case "email" -> ValidationType.EMAIL;
                case "phone" -> ValidationType.PHONE;
                default -> throw ref.fail("validate.validationType must be email, phone or custom, got '"
                        + typeText + "'");
            };
        }
        if ((minLength != null || maxLength != null || pattern != null || validationType != null)
                && type != ComponentType.TEXTFIELD && type != ComponentType.TEXTAREA) {
            throw ref.fail("text rules (minLength, maxLength, pattern, validationType) apply to textfield and "
                    + "textarea only, not to " + type.typeName());
        }
        if ((min != null || max != null) && type != ComponentType.NUMBER) {
            throw ref.fail("validate.min and validate.max apply to number fields only, not to " + type.typeName());
        }
        return new ValidationRules(required, min, max, minLength, maxLength, pattern, validationType);
    }

    private Bound bound(JsonNode validate, String property, boolean length, Ref ref) {
        JsonNode value = validate.get(property);
        if (value == null || value.isNull() || (value.isTextual() && value.textValue().isBlank())) {
            return null;
        }
        String name = "validate." + property;
        if (value.isTextual() && Feel.isExpression(value.textValue())) {
            return Bound.ofExpression(feel(value.textValue(), name, ref));
        }
        BigDecimal number = value.isNumber() ? value.decimalValue()
                : value.isTextual() ? Values.parseDecimal(value.textValue()) : null;
        if (number == null) {
            throw ref.fail(name + " must be a number or a FEEL expression starting with '=', got " + value);
        }
        if (length && (number.signum() < 0 || Values.canonical(number).scale() > 0)) {
            throw ref.fail(name + " must be a whole number of characters, 0 or more, got " + value);
        }
        return Bound.of(number);
    }

    private static void checkOrder(Bound low, Bound high, String lowName, String highName, Ref ref) {
        if (low != null && high != null && !low.isExpression() && !high.isExpression()
                && low.value().compareTo(high.value()) > 0) {
            throw ref.fail("validate." + lowName + " (" + low.value().toPlainString() + ") is greater than validate."
                    + highName + " (" + high.value().toPlainString() + ")");
        }
    }

    // --- type-specific properties ------------------------------------------------------------------------

    private void readNumber(JsonNode node, FormComponent.Builder b, Ref ref) {
        JsonNode digits = node.get("decimalDigits");
        if (digits != null && !digits.isNull() && !(digits.isTextual() && digits.textValue().isBlank())) {
            BigDecimal value = digits.isNumber() ? digits.decimalValue()
                    : digits.isTextual() ? Values.parseDecimal(digits.textValue()) : null;
            if (value == null || value.signum() < 0 || Values.canonical(value).scale() > 0) {
                throw ref.fail("decimalDigits must be a whole number, 0 or more, got " + digits);
            }
            b.decimalDigits = value.intValueExact();
        }
        JsonNode increment = node.get("increment");
        if (increment != null && !increment.isNull() && !(increment.isTextual() && increment.textValue().isBlank())) {
            BigDecimal value = increment.isNumber() ? increment.decimalValue()
                    : increment.isTextual() ? Values.parseDecimal(increment.textValue()) : null;
            if (value == null || value.signum() <= 0) {
                throw ref.fail("increment must be a number greater than 0, got " + increment);
            }
            b.increment = value;
        }
        b.serializeToString = bool(node, "serializeToString", ref, false);
    }

    private void readDateTime(JsonNode node, FormComponent.Builder b, Ref ref) {
        b.subtype = switch (enumText(node, "subtype", ref, Set.of("date", "time", "datetime"), "date")) {
            case "time" -> DateTimeSubtype.TIME;
            case "datetime" -> DateTimeSubtype.DATETIME;
            default -> DateTimeSubtype.DATE;
        };
        b.timeSerializingFormat = switch (enumText(node, "timeSerializingFormat", ref,
                Set.of("utc_offset", "utc_normalized", "no_timezone"), "utc_offset")) {
            case "utc_normalized" -> TimeSerializingFormat.UTC_NORMALIZED;
            case "no_timezone" -> TimeSerializingFormat.NO_TIMEZONE;
            default -> TimeSerializingFormat.UTC_OFFSET;
        };
        b.dateLabel = template(node, "dateLabel", ref);
        b.timeLabel = template(node, "timeLabel", ref);
        b.use24h = bool(node, "use24h", ref, false);
        b.timeInterval = integer(node, "timeInterval", ref, 1, 60, 15);
        b.disallowPassedDates = bool(node, "disallowPassedDates", ref, false);
    }

    private void readOptions(JsonNode node, FormComponent.Builder b, Ref ref) {
        b.searchable = bool(node, "searchable", ref, false);
        b.valuesKey = blankToNull(text(node, "valuesKey", ref));
        if (b.valuesKey != null && !KEY.matcher(b.valuesKey).matches()) {
            throw ref.fail("invalid valuesKey '" + b.valuesKey + "'");
        }
        String valuesExpression = blankToNull(text(node, "valuesExpression", ref));
        if (valuesExpression != null) {
            if (!Feel.isExpression(valuesExpression)) {
                throw ref.fail("valuesExpression must be a FEEL expression starting with '='");
            }
            b.valuesExpression = feel(valuesExpression, "valuesExpression", ref);
        }
        JsonNode values = node.get("values");
        if (values == null || values.isNull()) {
            return;
        }
        if (!values.isArray()) {
            throw ref.fail("'values' must be an array of {label, value}");
        }
        List<FormOption> options = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            JsonNode option = values.get(i);
            if (!option.isObject()) {
                throw ref.fail("values[" + i + "] must be an object {label, value}");
            }
            Object value = scalar(option.get("value"));
            if (value == null) {
                throw ref.fail("values[" + i + "] has no value (a text, number or boolean)");
            }
            for (FormOption existing : options) {
                if (existing.matches(value)) {
                    throw ref.fail("duplicate option value '" + Values.toText(value) + "'");
                }
            }
            JsonNode label = option.get("label");
            if (label != null && !label.isNull() && !label.isTextual()) {
                throw ref.fail("values[" + i + "].label must be a text");
            }
            options.add(new FormOption(label == null || label.isNull() ? null : label.textValue(), value));
        }
        b.values = options;
    }

    private void readGroup(JsonNode node, FormComponent.Builder b, Ref ref, String location, String bindingPrefix,
                           boolean insideList) {
        b.showOutline = bool(node, "showOutline", ref, false);
        b.path = blankToNull(text(node, "path", ref));
        String childPrefix = bindingPrefix;
        if (b.path != null) {
            if (!KEY.matcher(b.path).matches()) {
                throw ref.fail("invalid path '" + b.path + "' (letters, digits and underscores, optionally separated by dots)");
            }
            ref.path = b.path;
            b.bindingPath = join(bindingPrefix, b.path);
            claim(b.bindingPath, false, ref);
            childPrefix = b.bindingPath;
        }
        b.components = children(node, ref, location, childPrefix, insideList);
    }

    private void readDynamicList(JsonNode node, FormComponent.Builder b, Ref ref, String location,
                                 String bindingPrefix) {
        b.path = blankToNull(text(node, "path", ref));
        if (b.path == null) {
            throw ref.fail("a dynamic list needs a path: its items are stored as a list under that path");
        }
        if (!KEY.matcher(b.path).matches()) {
            throw ref.fail("invalid path '" + b.path + "' (letters, digits and underscores, optionally separated by dots)");
        }
        ref.path = b.path;
        b.bindingPath = join(bindingPrefix, b.path);
        claim(b.bindingPath, true, ref);
        b.showOutline = bool(node, "showOutline", ref, true);
        b.repeating = bool(node, "isRepeating", ref, true);
        b.allowAddRemove = bool(node, "allowAddRemove", ref, true);
        b.defaultRepetitions = integer(node, "defaultRepetitions", ref, 0, 1000, 1);
        b.components = children(node, ref, location, b.bindingPath + "[]", true);
    }

    private List<FormComponent> children(JsonNode node, Ref ref, String location, String prefix, boolean insideList) {
        JsonNode children = node.get("components");
        if (children == null || children.isNull()) {
            return List.of();
        }
        if (!children.isArray()) {
            throw ref.fail("'components' must be an array");
        }
        return parseComponents(children, location + ".components", prefix, insideList);
    }

    private void readExpression(JsonNode node, FormComponent.Builder b, Ref ref) {
        String expression = text(node, "expression", ref);
        if (expression == null || expression.isBlank()) {
            throw ref.fail("an expression field needs its 'expression'");
        }
        if (!Feel.isExpression(expression)) {
            throw ref.fail("'expression' must be a FEEL expression starting with '=', got '" + expression + "'");
        }
        b.expression = feel(expression, "expression", ref);
        b.computeOn = "presubmit".equals(enumText(node, "computeOn", ref, Set.of("change", "presubmit"), "change"))
                ? ComputeOn.PRESUBMIT : ComputeOn.CHANGE;
    }

    // --- image, table, document preview -------------------------------------------------------------------

    /**
     * An image's source: a FEEL expression or template (checked when shown), or a fixed {@code data:image/...} URI or
     * path of this site. A fixed address elsewhere is refused: the pages' Content-Security-Policy would not load it.
     */
    private void readImage(JsonNode node, FormComponent.Builder b, Ref ref) {
        String source = template(node, "source", ref);
        if (source == null || source.isBlank()) {
            throw ref.fail("an image needs its 'source' (a data:image URI, a path of this site or a FEEL expression)");
        }
        if (!Feel.isExpression(source) && !source.contains("{{") && !Images.allowed(source)) {
            throw ref.fail("image source '" + abbreviate(source) + "' is not allowed: only data:image/png, jpeg, gif or webp"
                    + " URIs and paths of this site (/...) load under the pages' Content-Security-Policy");
        }
        b.source = source;
        b.alt = blankToNull(template(node, "alt", ref));
    }

    private void readFilePicker(JsonNode node, FormComponent.Builder b, Ref ref, boolean insideList) {
        if (insideList) {
            throw ref.fail("a filepicker inside a dynamic list is not supported by MotCua forms: place it outside the list");
        }
        String accept = text(node, "accept", ref);
        if (accept != null && !accept.isBlank()) {
            if (Feel.isExpression(accept) || accept.contains("{{")) {
                throw ref.fail("'accept' must be written out (e.g. .pdf,.jpg or image/*), not computed");
            }
            for (String entry : accept.split(",")) {
                if (!ACCEPT_ENTRY.matcher(entry.strip()).matches()) {
                    throw ref.fail("'accept' entry '" + entry.strip() + "' is neither a file extension (.pdf) nor a media type"
                            + " (application/pdf, image/*)");
                }
            }
            b.accept = accept.strip();
        }
        JsonNode multiple = node.get("multiple");
        if (multiple != null && !multiple.isNull() && !multiple.isBoolean()) {
            throw ref.fail("'multiple' must be true or false, not computed, got " + multiple);
        }
        b.multiple = multiple != null && multiple.booleanValue();
    }

    private void readTable(JsonNode node, FormComponent.Builder b, Ref ref) {
        b.dataSource = dataSource(node, ref);
        if (node.hasNonNull("rowCount")) b.rowCount = integer(node, "rowCount", ref, 1, 1_000, 10);
        String expression = text(node, "columnsExpression", ref);
        if (expression != null && !expression.isBlank()) {
            if (!Feel.isExpression(expression)) {
                throw ref.fail("'columnsExpression' must be a FEEL expression starting with '=', got '" + expression + "'");
            }
            b.columnsExpression = feel(expression, "columnsExpression", ref);
        }
        JsonNode columns = node.get("columns");
        if (columns != null && !columns.isNull()) {
            if (!columns.isArray()) throw ref.fail("'columns' must be a list of {label, key}");
            List<FormComponent.TableColumn> list = new ArrayList<>();
            for (JsonNode column : columns) {
                if (!column.isObject()) throw ref.fail("each of 'columns' must be an object {label, key}");
                String key = text(column, "key", ref);
                if (key == null || key.isBlank()) throw ref.fail("a column of the table has no 'key'");
                if (!KEY.matcher(key).matches()) throw ref.fail("invalid column key '" + key + "'");
                String label = text(column, "label", ref);
                list.add(new FormComponent.TableColumn(label == null || label.isBlank() ? key : label, key));
            }
            b.columns = List.copyOf(list);
        }
    }

    /** A table's or preview's data: a FEEL expression, or a key path of the data (read as that variable). */
    private String dataSource(JsonNode node, Ref ref) {
        String source = text(node, "dataSource", ref);
        if (source == null || source.isBlank()) {
            throw ref.fail("'dataSource' is missing: a FEEL expression giving the list to show, e.g. =items");
        }
        if (!Feel.isExpression(source)) {
            if (!KEY.matcher(source.strip()).matches()) {
                throw ref.fail("'dataSource' must be a FEEL expression starting with '=' or a key path, got '" + source + "'");
            }
            source = "=" + source.strip();
        }
        return feel(source, "dataSource", ref);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    // --- default values -----------------------------------------------------------------------------------

    private Object defaultValue(JsonNode value, FormComponent.Builder b, Ref ref) {
        if (value == null || value.isNull()) {
            return null;
        }
        switch (b.type) {
            case TEXTFIELD, TEXTAREA -> {
                if (!value.isTextual()) {
                    throw ref.fail("defaultValue must be a text, got " + value);
                }
                return value.textValue();
            }
            case NUMBER -> {
                if (value.isTextual() && value.textValue().isBlank()) {
                    return null;
                }
                BigDecimal number = value.isNumber() ? value.decimalValue()
                        : value.isTextual() ? Values.parseDecimal(value.textValue()) : null;
                if (number == null) {
                    throw ref.fail("defaultValue must be a number, got " + value);
                }
                return number;
            }
            case CHECKBOX -> {
                if (!value.isBoolean()) {
                    throw ref.fail("defaultValue must be true or false, got " + value);
                }
                return value.booleanValue();
            }
            case DATETIME -> {
                if (!value.isTextual()) {
                    throw ref.fail("defaultValue must be an ISO date/time text, got " + value);
                }
                if (!value.textValue().isBlank() && !Temporals.isValid(value.textValue(), b.subtype)) {
                    throw ref.fail("defaultValue '" + value.textValue() + "' is not a valid ISO "
                            + b.subtype.name().toLowerCase(Locale.ROOT));
                }
                return blankToNull(value.textValue());
            }
            case SELECT, RADIO -> {
                Object scalar = scalar(value);
                if (scalar == null) {
                    throw ref.fail("defaultValue must be a text, number or boolean, got " + value);
                }
                requireOption(b, scalar, ref);
                return scalar;
            }
            case CHECKLIST, TAGLIST -> {
                if (!value.isArray()) {
                    throw ref.fail("defaultValue must be an array, got " + value);
                }
                List<Object> list = new ArrayList<>();
                for (JsonNode element : value) {
                    Object scalar = scalar(element);
                    if (scalar == null) {
                        throw ref.fail("defaultValue entries must be texts, numbers or booleans, got " + element);
                    }
                    requireOption(b, scalar, ref);
                    list.add(scalar);
                }
                return List.copyOf(list);
            }
            default -> {
                return null;
            }
        }
    }

    private static void requireOption(FormComponent.Builder b, Object value, Ref ref) {
        boolean staticOptions = b.valuesKey == null && b.valuesExpression == null;
        if (staticOptions && b.values.stream().noneMatch(o -> o.matches(value))) {
            throw ref.fail("defaultValue '" + Values.toText(value) + "' is not one of the declared values");
        }
    }

    // --- FEEL and templates ------------------------------------------------------------------------------

    /** Checks that a FEEL expression parses; returns it unchanged (with its {@code =}). */
    private String feel(String expression, String property, Ref ref) {
        Optional<String> error = feel.syntaxError(expression);
        if (error.isPresent()) {
            throw ref.fail("unparsable FEEL in " + property + " '" + expression + "': " + error.get());
        }
        return expression;
    }

    /**
     * Reads a templatable text and checks its FEEL: a whole-text expression ({@code =...}) or the
     * placeholders and blocks of a template ({@code {{ expr }}}, {@code {{#if}}}, {@code {{#loop}}}: {@link Template}).
     */
    private String template(JsonNode node, String property, Ref ref) {
        String text = text(node, property, ref);
        if (text == null) {
            return null;
        }
        if (Feel.isExpression(text)) {
            return feel(text, property, ref);
        }
        List<Template.Part> parts;
        try {
            parts = Template.parse(text);
        } catch (Template.Malformed e) {
            throw ref.fail(property + ": " + e.getMessage());
        }
        for (String expression : Template.expressions(parts)) {
            feel(expression, property + " placeholder", ref);
        }
        return text;
    }

    // --- data paths ---------------------------------------------------------------------------------------

    private void claim(String path, boolean closed, Ref ref) {
        for (Claim other : claims) {
            if (other.path().equals(path) && (closed || other.closed())) {
                throw ref.fail((closed && other.closed() ? "duplicate key '" : "key conflict on '") + path
                        + "', already used by component " + other.component());
            }
        }
        claims.add(new Claim(path, closed, ref.describe()));
    }

    /** A value (field or list) cannot sit where another component needs an object, and vice versa. */
    private void checkPathConflicts() {
        for (Claim value : claims) {
            if (!value.closed()) {
                continue;
            }
            for (Claim other : claims) {
                // A list's own children bind under "path[]"; keys cannot contain brackets, so only a
                // dotted path can reach into another component's value from outside.
                if (other != value && other.path().startsWith(value.path() + ".")) {
                    throw new FormSchemaException("Component " + other.component() + ": key conflict, '"
                            + other.path() + "' lies inside the value of component " + value.component(),
                            other.component());
                }
            }
        }
    }

    private static String join(String prefix, String tail) {
        return prefix.isEmpty() ? tail : prefix + "." + tail;
    }

    // --- JSON helpers -------------------------------------------------------------------------------------

    private static String text(JsonNode node, String property, Object owner) {
        JsonNode value = node.get(property);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            String message = "'" + property + "' must be a text, got " + value;
            if (owner instanceof Ref ref) {
                throw ref.fail(message);
            }
            throw new FormSchemaException(owner + ": " + message, null);
        }
        return value.textValue();
    }

    private static boolean bool(JsonNode node, String property, Ref ref, boolean fallback) {
        JsonNode value = node.get(property);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw ref.fail("'" + property + "' must be true or false, got " + value);
        }
        return value.booleanValue();
    }

    private static int integer(JsonNode node, String property, Ref ref, int min, int max, int fallback) {
        JsonNode value = node.get(property);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToExactIntegral() || value.asLong() < min || value.asLong() > max) {
            throw ref.fail("'" + property + "' must be a whole number from " + min + " to " + max + ", got " + value);
        }
        return value.asInt();
    }

    private static String enumText(JsonNode node, String property, Ref ref, Set<String> allowed, String fallback) {
        String value = text(node, property, ref);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            throw ref.fail("'" + property + "' must be one of " + new TreeSet<>(allowed) + ", got '"
                    + value + "'");
        }
        return value;
    }

    /** A JSON scalar as stored: text, decimal or boolean; null for anything else. */
    private static Object scalar(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** What the messages call a component, filled in as its properties are read. */
    private static final class Ref {
        final String location;
        String id;
        String type;
        String key;
        String path;

        Ref(String location) {
            this.location = location;
        }

        String describe() {
            StringBuilder sb = new StringBuilder(id != null ? "'" + id + "'" : "at " + location);
            List<String> details = new ArrayList<>();
            if (type != null) {
                details.add(type);
            }
            if (key != null) {
                details.add("key '" + key + "'");
            } else if (path != null) {
                details.add("path '" + path + "'");
            }
            if (!details.isEmpty()) {
                sb.append(" (").append(String.join(", ", details)).append(')');
            }
            return sb.toString();
        }

        FormSchemaException fail(String problem) {
            return new FormSchemaException("Component " + describe() + ": " + problem,
                    id != null ? id : key != null ? key : location);
        }
    }
}
