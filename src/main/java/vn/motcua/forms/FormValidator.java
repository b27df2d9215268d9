package vn.motcua.forms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import vn.motcua.forms.Evaluation.Scope;
import vn.motcua.shared.PlainText;
import vn.motcua.forms.ValidationRules.Bound;

/**
 * Server-side validation and normalisation of form data, with the rules form-js applies in the browser (so
 * that a dossier submitted through the API is held to the same rules as one typed into the form) plus type
 * checks the browser does not need.
 *
 * <p>Both operations first evaluate the form for the data: defaults fill missing values, expression fields
 * are computed, and components whose {@code conditional.hide} is true are dropped with everything inside
 * them. Hidden and disabled fields are neither validated nor stored.
 *
 * <p>Data is JSON-like: maps with string keys, lists, strings, numbers, booleans. Dates and times are ISO
 * strings, as form-js stores them. Immutable and thread-safe.
 */
public final class FormValidator {

    /** An address like {@code ten.ho@so-tu-phap.gov.vn}: the HTML standard's rule, with a dotted domain required. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    /**
     * International numbers ({@code +84...}, {@code 0084...}: up to 15 digits, E.164) and Vietnamese national
     * numbers (0 and 9 digits for mobiles, 0 and 10 for landlines), once spaces, dots, dashes and brackets
     * are removed. form-js accepts international numbers only, which would turn away most citizens here.
     */
    private static final Pattern PHONE = Pattern.compile("(?:\\+|00)[1-9]\\d{6,14}|0\\d{9,10}");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s.()\\-]");

    /** The years a declared date may fall in. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2100;
    /** The most files one file picker may bring with one submission. */
    public static final int MAX_FILES = 20;

    private final Clock clock;
    private final Feel feel;

    /** A validator on Vietnamese time ({@link Forms#ZONE}): "today" for {@code disallowPassedDates} and FEEL. */
    public FormValidator() {
        this(Clock.system(Forms.ZONE));
    }

    /**
     * A validator on the given clock, whose zone decides what "today" is for {@code disallowPassedDates}
     * and for FEEL's {@code today()} / {@code now()}; tests pass a fixed clock.
     */
    public FormValidator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.feel = Feel.withClock(clock);
    }

    /** The clock this validator (and renderers using it) consider current. */
    public Clock clock() {
        return clock;
    }

    /**
     * Checks the data against the form's rules.
     *
     * <p>Checked for each visible, enabled input field: required (null, blank text, empty list and an
     * unchecked checkbox count as missing); the type (text for text fields, a number for number fields or
     * a numeric string when {@code serializeToString}, ISO date / time / date-time text for datetime fields,
     * true/false for checkboxes, lists for checklists and taglists); min/max; minLength/maxLength on the
     * trimmed text counted in characters; pattern (the whole text must match, as in form-js);
     * email/phone formats; decimal digits and increment of numbers; options among those declared (static
     * {@code values}, {@code valuesKey} data or {@code valuesExpression}); no past dates when
     * {@code disallowPassedDates}. Also: no control character in text (a text area may have line breaks, a
     * text field may not), and dates and date-times between {@value #FIRST_YEAR} and {@value #LAST_YEAR}. A field
     * gets at most one type violation, after which its other rules are skipped.
     *
     * @param schema the form
     * @param data   the submitted data (not modified); null counts as empty
     * @param locale language of the messages: {@code vi} (also when null) or English for any other
     * @return the violations in form order, empty when the data is valid; never null
     */
    public List<FieldViolation> validate(FormSchema schema, Map<String, ?> data, Locale locale) {
        Objects.requireNonNull(schema, "schema");
        Evaluation evaluation = Evaluation.of(schema, feel, data);
        List<FieldViolation> violations = new ArrayList<>();
        new Check(evaluation, Messages.of(locale), violations).walk(schema.components(), evaluation.root());
        return List.copyOf(violations);
    }

    /**
     * The data as it should be stored with the dossier: only the values of visible, enabled fields of the
     * form (unknown keys and hidden or disabled fields dropped), defaults applied, expression fields
     * computed, values in a stable JSON-friendly shape: text as {@link String} in Unicode NFC (a text area's line
     * breaks as LF), numbers as
     * {@link BigDecimal} (a {@link String} when the field has {@code serializeToString}), dates and times as
     * ISO {@link String}s, checkboxes as {@link Boolean}, checklists and taglists as {@link List}s, groups with
     * a path as nested {@link Map}s, dynamic lists as lists of maps. A field without value gets the value
     * form-js submits for it: {@code ""} for text, {@code false} for a checkbox, an empty list for a
     * checklist, taglist or dynamic list, null otherwise.
     *
     * <p>Meant for data that passed {@link #validate}; a value of the wrong type is kept as given rather
     * than guessed at.
     *
     * @param schema the form
     * @param data   the submitted data (not modified); null counts as empty
     * @return a new mutable map, in form order
     */
    public Map<String, Object> normalize(FormSchema schema, Map<String, ?> data) {
        Objects.requireNonNull(schema, "schema");
        Evaluation evaluation = Evaluation.of(schema, feel, data);
        Map<String, Object> result = new LinkedHashMap<>();
        normalizeInto(schema.components(), evaluation.root(), evaluation, result);
        return result;
    }

    /** The evaluation of the form for the data, for the renderer (same clock, same FEEL engine). */
    Evaluation evaluate(FormSchema schema, Map<String, ?> data) {
        return Evaluation.of(schema, feel, data);
    }

    // --- normalisation ------------------------------------------------------------------------------------

    private static void normalizeInto(List<FormComponent> components, Scope scope, Evaluation evaluation,
                                      Map<String, Object> out) {
        for (FormComponent c : components) {
            if (evaluation.isHidden(c, scope)) {
                continue;
            }
            if (c.type().isKeyed()) {
                if (c.type().isInput() && evaluation.isDisabled(c, scope)) {
                    continue;
                }
                DataPath.put(out, c.keySegments(), normalizeValue(c, scope.valueOf(c)));
            } else if (c.type() == ComponentType.GROUP) {
                if (c.pathSegments().isEmpty()) {
                    normalizeInto(c.components(), scope, evaluation, out);
                } else {
                    Map<String, Object> target = DataPath.getOrCreateMap(out, c.pathSegments());
                    normalizeInto(c.components(), evaluation.childScope(c, scope), evaluation, target);
                    if (target.isEmpty()) {
                        DataPath.remove(out, c.pathSegments());
                    }
                }
            } else if (c.type() == ComponentType.DYNAMICLIST) {
                List<Object> items = new ArrayList<>();
                for (Scope item : evaluation.itemScopes(c, scope)) {
                    if (item.map() != null) {
                        Map<String, Object> itemOut = new LinkedHashMap<>();
                        normalizeInto(c.components(), item, evaluation, itemOut);
                        items.add(itemOut);
                    }
                }
                DataPath.put(out, c.pathSegments(), items);
            }
        }
    }

    private static Object normalizeValue(FormComponent c, Object value) {
        if (value == null) {
            return emptyValue(c.type());
        }
        return switch (c.type()) {
            // Text in NFC, so that lists and searches match however it was typed; a text area's line breaks as LF
            case TEXTFIELD -> value instanceof String text ? PlainText.nfc(text)
                    : value instanceof Number || value instanceof Boolean ? Values.toText(value) : value;
            case TEXTAREA -> value instanceof String text ? PlainText.lineFeeds(PlainText.nfc(text))
                    : value instanceof Number || value instanceof Boolean ? Values.toText(value) : value;
            case NUMBER -> {
                BigDecimal number = Values.toBigDecimal(value);
                if (number == null && value instanceof String text) {
                    if (text.isBlank()) {
                        yield null;
                    }
                    number = Values.parseDecimal(text);
                }
                if (number == null) {
                    yield value;
                }
                yield c.serializeToString() ? number.toPlainString() : number;
            }
            case DATETIME -> value instanceof String text ? (text.isBlank() ? null : text.trim()) : value;
            case SELECT, RADIO -> {
                if (value instanceof String text) {
                    // An option value is kept exactly; only "nothing chosen" becomes null.
                    yield text.isBlank() ? null : text;
                }
                yield value instanceof Number ? Values.toBigDecimal(value) : value;
            }
            case FILEPICKER -> {
                if (value instanceof String reference) {
                    yield new ArrayList<Object>(List.of(reference.strip()));
                }
                if (!(value instanceof List<?> list)) {
                    yield value;
                }
                List<Object> copy = new ArrayList<>(list.size());
                for (Object element : list) {
                    copy.add(element instanceof String reference ? reference.strip() : element);
                }
                yield copy;
            }
            case CHECKLIST, TAGLIST -> {
                if (!(value instanceof List<?> list)) {
                    yield value;
                }
                List<Object> copy = new ArrayList<>(list.size());
                for (Object element : list) {
                    copy.add(element instanceof Number ? Values.toBigDecimal(element) : element);
                }
                yield copy;
            }
            default -> value;
        };
    }

    private static Object emptyValue(ComponentType type) {
        return switch (type) {
            case TEXTFIELD, TEXTAREA -> "";
            case CHECKBOX -> Boolean.FALSE;
            case CHECKLIST, TAGLIST, FILEPICKER -> new ArrayList<>();
            default -> null;
        };
    }

    // --- validation ---------------------------------------------------------------------------------------

    /** One validation run: walks the visible components and collects violations. */
    private final class Check {
        private final Evaluation evaluation;
        private final Messages messages;
        private final List<FieldViolation> violations;

        Check(Evaluation evaluation, Messages messages, List<FieldViolation> violations) {
            this.evaluation = evaluation;
            this.messages = messages;
            this.violations = violations;
        }

        void walk(List<FormComponent> components, Scope scope) {
            for (FormComponent c : components) {
                if (evaluation.isHidden(c, scope)) {
                    continue;
                }
                if (c.type().isInput()) {
                    if (!evaluation.isDisabled(c, scope)) {
                        field(c, scope.valueOf(c), scope.pathOf(c.keySegments()), scope);
                    }
                } else if (c.type() == ComponentType.GROUP) {
                    group(c, scope);
                } else if (c.type() == ComponentType.DYNAMICLIST) {
                    list(c, scope);
                }
            }
        }

        private void group(FormComponent group, Scope scope) {
            if (!group.pathSegments().isEmpty()) {
                Object value = scope.map() == null ? null : DataPath.get(scope.map(), group.pathSegments());
                if (value != null && !(value instanceof Map<?, ?>)) {
                    add(scope.pathOf(group.pathSegments()), FieldViolation.TYPE_OBJECT);
                    return;
                }
            }
            walk(group.components(), evaluation.childScope(group, scope));
        }

        private void list(FormComponent list, Scope scope) {
            Object value = scope.map() == null ? null : DataPath.get(scope.map(), list.pathSegments());
            if (value == null) {
                return;
            }
            if (!(value instanceof List<?>)) {
                add(scope.pathOf(list.pathSegments()), FieldViolation.TYPE_LIST);
                return;
            }
            for (Scope item : evaluation.itemScopes(list, scope)) {
                if (item.map() == null) {
                    add(item.prefix(), FieldViolation.TYPE_OBJECT);
                } else {
                    walk(list.components(), item);
                }
            }
        }

        private void field(FormComponent c, Object value, String path, Scope scope) {
            ValidationRules rules = c.validation();
            if (Values.isEmpty(value, c.type())) {
                if (rules.required()) {
                    add(path, FieldViolation.REQUIRED);
                }
                return;
            }
            switch (c.type()) {
                case TEXTFIELD, TEXTAREA -> text(c, value, path, scope);
                case NUMBER -> number(c, value, path, scope);
                case DATETIME -> dateTime(c, value, path);
                case CHECKBOX -> {
                    if (!(value instanceof Boolean)) {
                        add(path, FieldViolation.TYPE_BOOLEAN);
                    }
                }
                case SELECT, RADIO -> {
                    if (evaluation.options(c, scope).stream().noneMatch(o -> o.matches(value))) {
                        add(path, FieldViolation.OPTION);
                    }
                }
                case FILEPICKER -> files(c, value, path);
                case CHECKLIST, TAGLIST -> {
                    if (!(value instanceof List<?> list)) {
                        add(path, FieldViolation.TYPE_LIST);
                        return;
                    }
                    List<FormOption> options = evaluation.options(c, scope);
                    if (!list.stream().allMatch(v -> options.stream().anyMatch(o -> o.matches(v)))) {
                        add(path, FieldViolation.OPTION);
                    }
                }
                default -> {
                    // only input types reach here
                }
            }
        }

        /** A file picker's value as submitted: the references of files uploaded beforehand, one unless multiple. */
        private void files(FormComponent c, Object value, String path) {
            List<?> list = value instanceof List<?> l ? l : List.of(value);
            if (!list.stream().allMatch(v -> v instanceof String s && !s.isBlank() && s.strip().length() <= 64)) {
                add(path, FieldViolation.TYPE_FILES);
            } else if (!c.multiple() && list.size() > 1) {
                add(path, FieldViolation.SINGLE_FILE);
            } else if (list.size() > MAX_FILES) {
                add(path, FieldViolation.TOO_MANY_FILES, MAX_FILES);
            }
        }

        private void text(FormComponent c, Object value, String path, Scope scope) {
            if (!(value instanceof String text)) {
                add(path, FieldViolation.TYPE_TEXT);
                return;
            }
            PlainText.Problem problem = PlainText.problem(text, c.type() == ComponentType.TEXTAREA);
            if (problem != null) {
                add(path, problem == PlainText.Problem.LINE_BREAK ? FieldViolation.SINGLE_LINE : FieldViolation.CONTROL);
                return;
            }
            ValidationRules rules = c.validation();
            // Characters as the user sees them: Vietnamese typed in decomposed form (e + combining marks)
            // must not count three times.
            String trimmed = Normalizer.normalize(text.trim(), Normalizer.Form.NFC);
            int length = trimmed.codePointCount(0, trimmed.length());
            BigDecimal minLength = resolve(rules.minLength(), scope);
            if (minLength != null && length < minLength.intValue()) {
                add(path, FieldViolation.MIN_LENGTH, minLength.intValue());
            }
            BigDecimal maxLength = resolve(rules.maxLength(), scope);
            if (maxLength != null && length > maxLength.intValue()) {
                add(path, FieldViolation.MAX_LENGTH, maxLength.intValue());
            }
            if (rules.pattern() != null && !rules.pattern().matcher(text).matches()) {
                add(path, FieldViolation.PATTERN, rules.pattern().pattern());
            }
            if (rules.validationType() == ValidationRules.ValidationType.EMAIL
                    && !EMAIL.matcher(text.trim()).matches()) {
                add(path, FieldViolation.EMAIL);
            }
            if (rules.validationType() == ValidationRules.ValidationType.PHONE
                    && !PHONE.matcher(PHONE_SEPARATORS.matcher(text.trim()).replaceAll("")).matches()) {
                add(path, FieldViolation.PHONE);
            }
        }

        private void number(FormComponent c, Object value, String path, Scope scope) {
            BigDecimal number = Values.toBigDecimal(value);
            if (number == null && c.serializeToString() && value instanceof String text) {
                number = Values.parseDecimal(text);
            }
            if (number == null) {
                add(path, FieldViolation.TYPE_NUMBER);
                return;
            }
            ValidationRules rules = c.validation();
            BigDecimal min = resolve(rules.min(), scope);
            if (min != null && number.compareTo(min) < 0) {
                add(path, FieldViolation.MIN, min);
            }
            BigDecimal max = resolve(rules.max(), scope);
            if (max != null && number.compareTo(max) > 0) {
                add(path, FieldViolation.MAX, max);
            }
            Integer digits = c.decimalDigits();
            if (digits != null && Values.canonical(number).scale() > digits) {
                if (digits == 0) {
                    add(path, FieldViolation.INTEGER);
                } else {
                    add(path, FieldViolation.DECIMAL_DIGITS, digits);
                }
            }
            BigDecimal increment = c.increment();
            if (increment != null) {
                BigDecimal lower = number.divide(increment, 0, RoundingMode.FLOOR).multiply(increment);
                if (lower.compareTo(number) != 0) {
                    add(path, FieldViolation.INCREMENT, Values.canonical(lower), Values.canonical(lower.add(increment)));
                }
            }
        }

        private void dateTime(FormComponent c, Object value, String path) {
            if (!(value instanceof String text) || !Temporals.isValid(text, c.subtype())) {
                add(path, switch (c.subtype()) {
                    case DATE -> FieldViolation.TYPE_DATE;
                    case TIME -> FieldViolation.TYPE_TIME;
                    case DATETIME -> FieldViolation.TYPE_DATETIME;
                });
                return;
            }
            LocalDate date = Temporals.dateIn(text, c.subtype(), clock.getZone());
            if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
                add(path, FieldViolation.DATE_RANGE, String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
                return;
            }
            if (c.disallowPassedDates() && date != null && date.isBefore(LocalDate.now(clock))) {
                add(path, FieldViolation.DATE_PASSED);
            }
        }

        /** A bound's value: fixed, or computed by FEEL in the field's scope (a non-number result means no bound). */
        private BigDecimal resolve(Bound bound, Scope scope) {
            if (bound == null) {
                return null;
            }
            return bound.isExpression() ? Values.toBigDecimal(evaluation.evaluate(bound.expression(), scope)) : bound.value();
        }

        private void add(String path, String code, Object... args) {
            violations.add(new FieldViolation(path, code, messages.violation(code, args)));
        }
    }
}
