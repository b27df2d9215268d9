package vn.motcua.forms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One component of a {@link FormSchema}, immutable, with the form-js properties MotCua understands.
 *
 * <p>Accessors return null (or false / an empty list) for properties the file does not set, except where
 * form-js defines a default, which is then applied here (documented per accessor). Texts that form-js lets
 * designers template ({@link #label()}, {@link #description()}, {@link #text()}, {@link #content()}, the
 * adorners and date/time labels) are returned as written: either plain text, text with {@code {{ expr }}}
 * placeholders, or a FEEL expression starting with {@code =}; {@link FormRenderer} evaluates them.
 */
public final class FormComponent {

    /** Which inputs a {@link ComponentType#DATETIME} component shows and stores. */
    public enum DateTimeSubtype {
        /** A date, stored as {@code yyyy-MM-dd}. */
        DATE,
        /** A time of day, stored as {@code HH:mm} with an offset depending on the serialising format. */
        TIME,
        /** A date and time, stored as {@code yyyy-MM-ddTHH:mm} with an offset depending on the format. */
        DATETIME
    }

    /** How times are written to the data (form-js {@code timeSerializingFormat}). */
    public enum TimeSerializingFormat {
        /** Local time with the offset of the renderer's zone, e.g. {@code 14:30+07:00} (form-js default). */
        UTC_OFFSET,
        /** The same instant in UTC, e.g. {@code 07:30Z}. */
        UTC_NORMALIZED,
        /** Local time without offset, e.g. {@code 14:30}. */
        NO_TIMEZONE
    }

    /** When an {@link ComponentType#EXPRESSION} field is computed in form-js. */
    public enum ComputeOn {
        /** On every change of the data. */
        CHANGE,
        /** Only when the form is submitted. MotCua computes both kinds whenever it normalises the data. */
        PRESUBMIT
    }

    private final ComponentType type;
    private final String id;
    private final String key;
    private final String path;
    private final String bindingPath;
    private final String label;
    private final String description;
    private final Object defaultValue;
    private final boolean readonly;
    private final String readonlyExpression;
    private final boolean disabled;
    private final String disabledExpression;
    private final ValidationRules validation;
    private final String hideCondition;
    private final String prefixAdorner;
    private final String suffixAdorner;
    private final List<FormOption> values;
    private final String valuesKey;
    private final String valuesExpression;
    private final DateTimeSubtype subtype;
    private final String dateLabel;
    private final String timeLabel;
    private final boolean use24h;
    private final TimeSerializingFormat timeSerializingFormat;
    private final int timeInterval;
    private final boolean disallowPassedDates;
    private final Integer decimalDigits;
    private final BigDecimal increment;
    private final boolean serializeToString;
    private final boolean searchable;
    private final List<FormComponent> components;
    private final boolean showOutline;
    private final boolean repeating;
    private final int defaultRepetitions;
    private final boolean allowAddRemove;
    private final String text;
    private final String content;
    private final String expression;
    private final ComputeOn computeOn;
    private final int height;
    private final String action;
    private final Map<String, String> properties;
    private final String layoutRow;
    private final Integer layoutColumns;
    private final String source;
    private final String alt;
    private final String dataSource;
    private final Integer rowCount;
    private final List<TableColumn> columns;
    private final String columnsExpression;
    private final Integer maxHeight;
    private final String accept;
    private final boolean multiple;

    /** A column of a table: its header and the key of each row's value it shows. */
    public record TableColumn(String label, String key) { }

    private FormComponent(Builder b) {
        this.type = Objects.requireNonNull(b.type, "type");
        this.id = Objects.requireNonNull(b.id, "id");
        this.key = b.key;
        this.path = b.path;
        this.bindingPath = b.bindingPath;
        this.label = b.label;
        this.description = b.description;
        this.defaultValue = b.defaultValue;
        this.readonly = b.readonly;
        this.readonlyExpression = b.readonlyExpression;
        this.disabled = b.disabled;
        this.disabledExpression = b.disabledExpression;
        this.validation = b.validation == null ? ValidationRules.NONE : b.validation;
        this.hideCondition = b.hideCondition;
        this.prefixAdorner = b.prefixAdorner;
        this.suffixAdorner = b.suffixAdorner;
        this.values = List.copyOf(b.values);
        this.valuesKey = b.valuesKey;
        this.valuesExpression = b.valuesExpression;
        this.subtype = b.subtype;
        this.dateLabel = b.dateLabel;
        this.timeLabel = b.timeLabel;
        this.use24h = b.use24h;
        this.timeSerializingFormat = b.timeSerializingFormat;
        this.timeInterval = b.timeInterval;
        this.disallowPassedDates = b.disallowPassedDates;
        this.decimalDigits = b.decimalDigits;
        this.increment = b.increment;
        this.serializeToString = b.serializeToString;
        this.searchable = b.searchable;
        this.components = List.copyOf(b.components);
        this.showOutline = b.showOutline;
        this.repeating = b.repeating;
        this.defaultRepetitions = b.defaultRepetitions;
        this.allowAddRemove = b.allowAddRemove;
        this.text = b.text;
        this.content = b.content;
        this.expression = b.expression;
        this.computeOn = b.computeOn;
        this.height = b.height;
        this.action = b.action;
        this.properties = Map.copyOf(b.properties);
        this.layoutRow = b.layoutRow;
        this.layoutColumns = b.layoutColumns;
        this.source = b.source;
        this.alt = b.alt;
        this.dataSource = b.dataSource;
        this.rowCount = b.rowCount;
        this.columns = List.copyOf(b.columns);
        this.columnsExpression = b.columnsExpression;
        this.maxHeight = b.maxHeight;
        this.accept = b.accept;
        this.multiple = b.multiple;
    }

    /** An image's source as written: a {@code data:image/...} URI, a path of this site, a template or a FEEL expression. */
    public String source() {
        return source;
    }

    /** An image's alternative text as written (plain, templated or FEEL), or null. */
    public String alt() {
        return alt;
    }

    /** A table's rows or a document preview's documents: a FEEL expression (with {@code =}), or null. */
    public String dataSource() {
        return dataSource;
    }

    /** A table's rows per page, or null for all rows on one page. */
    public Integer rowCount() {
        return rowCount;
    }

    /** A table's columns as written; empty when {@link #columnsExpression()} gives them, or when the rows' keys do. */
    public List<TableColumn> columns() {
        return columns;
    }

    /** A FEEL expression giving a table's columns ({@code [{label, key}]}), or null. */
    public String columnsExpression() {
        return columnsExpression;
    }

    /** A document preview's greatest height in pixels, or null. */
    public Integer maxHeight() {
        return maxHeight;
    }

    /** The component type. */
    public ComponentType type() {
        return type;
    }

    /** The component id (e.g. {@code Field_0x1abc}); generated as {@code Field_<position>} when the file has none. */
    public String id() {
        return id;
    }

    /**
     * The data key of a keyed component ({@link ComponentType#isKeyed()}), possibly dot-separated
     * ({@code "applicant.name"} nests the value); null for other components.
     */
    public String key() {
        return key;
    }

    /**
     * The data path of a group or dynamic list, possibly dot-separated; null when a group has none (its
     * children then bind next to it). Always set for a dynamic list.
     */
    public String path() {
        return path;
    }

    /**
     * Where this component's value lives in the submitted data, from the form root: keys and paths joined
     * by dots, with {@code []} after a dynamic list's path for "each item", e.g. {@code "hoTen"},
     * {@code "me.hoTen"}, {@code "children[].name"}; for a dynamic list its own path. Null for components
     * that bind no data (layout, text, groups without path).
     */
    public String bindingPath() {
        return bindingPath;
    }

    /** The label as written (plain, templated or FEEL), or null. For datetime fields see {@link #dateLabel()}. */
    public String label() {
        return label;
    }

    /** The help text shown below the field, as written, or null. */
    public String description() {
        return description;
    }

    /**
     * The value used when the data has none: a {@link String}, {@link BigDecimal}, {@link Boolean} or an
     * unmodifiable {@link List} of those, as the file gives it; null when not set.
     */
    public Object defaultValue() {
        return defaultValue;
    }

    /** True when the file sets {@code "readonly": true}. See also {@link #readonlyExpression()}. */
    public boolean readonly() {
        return readonly;
    }

    /** The FEEL expression (with {@code =}) deciding read-only state from the data, or null. */
    public String readonlyExpression() {
        return readonlyExpression;
    }

    /**
     * True when the file sets {@code "disabled": true}. Like form-js, a disabled field is neither validated
     * nor submitted. See also {@link #disabledExpression()}.
     */
    public boolean disabled() {
        return disabled;
    }

    /** The FEEL expression (with {@code =}) deciding disabled state from the data, or null. */
    public String disabledExpression() {
        return disabledExpression;
    }

    /** The validation rules; {@link ValidationRules#NONE} when the component has none. Never null. */
    public ValidationRules validation() {
        return validation;
    }

    /**
     * The FEEL expression of {@code conditional.hide}, including its leading {@code =}, or null. When it
     * evaluates to {@code true} the component (and everything in it) is hidden: not shown, not validated,
     * not submitted.
     */
    public String hideCondition() {
        return hideCondition;
    }

    /** Text shown before the input ({@code appearance.prefixAdorner}), or null. */
    public String prefixAdorner() {
        return prefixAdorner;
    }

    /** Text shown after the input ({@code appearance.suffixAdorner}), or null. */
    public String suffixAdorner() {
        return suffixAdorner;
    }

    /** The static options of a choice component, in file order; empty when none (or for other types). */
    public List<FormOption> values() {
        return values;
    }

    /** The data key holding the options of a choice component ({@code valuesKey}), or null. */
    public String valuesKey() {
        return valuesKey;
    }

    /** The FEEL expression (with {@code =}) computing the options of a choice component, or null. */
    public String valuesExpression() {
        return valuesExpression;
    }

    /** For datetime components the subtype (form-js default {@link DateTimeSubtype#DATE}); null otherwise. */
    public DateTimeSubtype subtype() {
        return subtype;
    }

    /** Label of the date input of a datetime component, or null. */
    public String dateLabel() {
        return dateLabel;
    }

    /** Label of the time input of a datetime component, or null. */
    public String timeLabel() {
        return timeLabel;
    }

    /** Whether the time input uses the 24-hour clock. */
    public boolean use24h() {
        return use24h;
    }

    /** How times are stored (form-js default {@link TimeSerializingFormat#UTC_OFFSET}); null for non-datetime types. */
    public TimeSerializingFormat timeSerializingFormat() {
        return timeSerializingFormat;
    }

    /** Minutes between the choices of a time input, 1 to 60 (form-js default 15). */
    public int timeInterval() {
        return timeInterval;
    }

    /** Whether dates before today are refused. */
    public boolean disallowPassedDates() {
        return disallowPassedDates;
    }

    /** Maximum digits after the decimal separator of a number, or null for no limit; 0 means whole numbers. */
    public Integer decimalDigits() {
        return decimalDigits;
    }

    /** Step a number must be a multiple of, or null. */
    public BigDecimal increment() {
        return increment;
    }

    /** Whether a number is stored as a string (form-js, for precision beyond JavaScript numbers). */
    public boolean serializeToString() {
        return serializeToString;
    }

    /** Whether a select lets the user type to filter its options. */
    public boolean searchable() {
        return searchable;
    }

    /** The children of a group or dynamic list, in file order; empty for other types. */
    public List<FormComponent> components() {
        return components;
    }

    /** Whether a group or dynamic list draws a border around its children. */
    public boolean showOutline() {
        return showOutline;
    }

    /** form-js {@code isRepeating}: true for dynamic lists (default true). */
    public boolean repeating() {
        return repeating;
    }

    /** Number of items a dynamic list starts with when the data has none (form-js default 1). */
    public int defaultRepetitions() {
        return defaultRepetitions;
    }

    /** Whether the user may add and remove items of a dynamic list (form-js default true). */
    public boolean allowAddRemove() {
        return allowAddRemove;
    }

    /** The Markdown source of a text component, as written; null for other types. */
    public String text() {
        return text;
    }

    /** The HTML source of an html component, as written; null for other types. */
    public String content() {
        return content;
    }

    /** The FEEL expression (with {@code =}) of an expression field; null for other types. */
    public String expression() {
        return expression;
    }

    /** When an expression field is computed (form-js default {@link ComputeOn#CHANGE}); null for other types. */
    public ComputeOn computeOn() {
        return computeOn;
    }

    /** Height in pixels of a spacer (form-js default 60); 0 for other types. */
    public int height() {
        return height;
    }

    /** Action of a button ({@code submit} or {@code reset}); null for other types. */
    public String action() {
        return action;
    }

    /** The designer's custom properties ({@code properties}), values as text; empty when none. */
    public Map<String, String> properties() {
        return properties;
    }

    /** The layout row id Modeler assigns ({@code layout.row}); components sharing it sit side by side. */
    public String layoutRow() {
        return layoutRow;
    }

    /** Width in columns out of 16 ({@code layout.columns}), or null for automatic width. */
    public Integer layoutColumns() {
        return layoutColumns;
    }

    /**
     * The files a file picker takes, as form-js writes it ({@code accept}: {@code ".pdf,.jpg"}, {@code "image/*"}), or
     * null for any file MotCua accepts; null for other types.
     */
    public String accept() {
        return accept;
    }

    /** Whether a file picker takes several files (form-js {@code multiple}, default false); false for other types. */
    public boolean multiple() {
        return multiple;
    }

    /** The segments of {@link #key()}, split at dots; empty when there is no key. */
    List<String> keySegments() {
        return key == null ? List.of() : List.of(key.split("\\."));
    }

    /** The segments of {@link #path()}, split at dots; empty when there is no path. */
    List<String> pathSegments() {
        return path == null || path.isEmpty() ? List.of() : List.of(path.split("\\."));
    }

    /** A short reference for messages: {@code 'Field_1' (key 'hoTen')}. */
    String describe() {
        StringBuilder sb = new StringBuilder("'").append(id).append('\'');
        if (key != null) {
            sb.append(" (key '").append(key).append("')");
        } else if (path != null && !path.isEmpty()) {
            sb.append(" (path '").append(path).append("')");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return type.typeName() + " " + describe();
    }

    /** Assembles a component; used by the parser only, so that instances stay immutable and validated. */
    static final class Builder {
        ComponentType type;
        String id;
        String key;
        String path;
        String bindingPath;
        String label;
        String description;
        Object defaultValue;
        boolean readonly;
        String readonlyExpression;
        boolean disabled;
        String disabledExpression;
        ValidationRules validation;
        String hideCondition;
        String prefixAdorner;
        String suffixAdorner;
        List<FormOption> values = List.of();
        String valuesKey;
        String valuesExpression;
        DateTimeSubtype subtype;
        String dateLabel;
        String timeLabel;
        boolean use24h;
        TimeSerializingFormat timeSerializingFormat;
        int timeInterval = 15;
        boolean disallowPassedDates;
        Integer decimalDigits;
        BigDecimal increment;
        boolean serializeToString;
        boolean searchable;
        List<FormComponent> components = List.of();
        boolean showOutline;
        boolean repeating;
        int defaultRepetitions;
        boolean allowAddRemove;
        String text;
        String content;
        String expression;
        ComputeOn computeOn;
        int height;
        String action;
        Map<String, String> properties = Map.of();
        String layoutRow;
        Integer layoutColumns;
        String source;
        String alt;
        String dataSource;
        Integer rowCount;
        List<TableColumn> columns = List.of();
        String columnsExpression;
        Integer maxHeight;
        String accept;
        boolean multiple;

        FormComponent build() {
            return new FormComponent(this);
        }
    }
}
