package vn.motcua.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.FieldSet;
import com.vaadin.flow.component.html.Hr;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;

import vn.motcua.forms.Evaluation.Scope;

/**
 * A Camunda form shown with Vaadin's free components, on the server: no form-js in the browser.
 *
 * <p>Each form-js component becomes the matching field: text fields and areas, {@code BigDecimalField} for
 * numbers, date / time / date-time pickers, {@code Select} (or {@code ComboBox} when searchable), radio
 * buttons, a checkbox, a checkbox group for checklists, a {@code MultiSelectComboBox} for taglists, a
 * fieldset for groups, a repeated block with add and remove buttons for dynamic lists, sanitised HTML for
 * Markdown text and HTML components, a rule and white space for separators and spacers. Expression fields
 * have no view; buttons are not rendered (the hosting view owns the actions).
 *
 * <p>On every value change the form is evaluated again: {@code conditional.hide} shows and hides
 * components, expression fields and templated texts are recomputed, dynamic options and FEEL-driven
 * read-only/disabled states follow. After the first {@link #validate()} call, error markers also follow
 * every change.
 *
 * <p>Every input gets the DOM id {@code form-<path>}, the path being its data path with dots and list
 * indexes turned into dashes: {@code form-hoTen}, {@code form-me-hoTen} (group with path {@code me}),
 * {@code form-children-0-name} (first item of dynamic list {@code children}). The add button of a dynamic
 * list is {@code form-<path>-add}, the remove button of an item {@code form-<path>-<index>-remove}.
 *
 * <p>Labels, descriptions and texts come from the form file as the designer wrote them; the locale only
 * chooses the language of the renderer's own buttons, the date pickers and the validation messages.
 *
 * <p>Not thread-safe, like every Vaadin component: use it from its UI's thread. Not serializable (it holds
 * the parsed form and FEEL state), which suits sessions kept in memory, Spring Boot's default.
 */
public class FormRenderer extends Composite<Div> {

    private static final long serialVersionUID = 1L;

    private final FormSchema schema;
    private final Locale locale;
    private final FormValidator validator;
    private final InputField.Settings settings;
    private final List<Node> nodes = new ArrayList<>();
    private Map<String, Object> context = new LinkedHashMap<>();
    private boolean readOnly;
    private boolean updating;
    private boolean showingValidation;

    /** Renders the form in Vietnamese. */
    public FormRenderer(FormSchema schema) {
        this(schema, null);
    }

    /**
     * Renders the form.
     *
     * @param schema the form
     * @param locale language of labels of the renderer's own controls, date pickers and validation messages;
     *               Vietnamese when null
     */
    public FormRenderer(FormSchema schema, Locale locale) {
        this(schema, locale, new FormValidator());
    }

    /**
     * Renders the form with a given validator, whose clock decides "today" (past dates, FEEL's
     * {@code today()}) and whose zone times are stored in.
     */
    public FormRenderer(FormSchema schema, Locale locale, FormValidator validator) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.locale = locale == null ? Messages.VIETNAMESE : locale;
        this.validator = Objects.requireNonNull(validator, "validator");
        Messages messages = Messages.of(this.locale);
        this.settings = new InputField.Settings(this.locale, messages, validator.clock().getZone(), validator.clock());
        Div root = getContent();
        root.addClassName("motcua-form");
        root.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        for (FormComponent c : schema.components()) {
            Node node = build(c, "");
            if (node != null) {
                nodes.add(node);
            }
        }
        layout(nodes, root);
        populate(Map.of());
    }

    /** The form being rendered. */
    public FormSchema getSchema() {
        return schema;
    }

    /**
     * The data as it would be stored: {@link FormValidator#normalize} of what the fields show. Text as
     * {@link String} ({@code ""} when empty), numbers as {@link java.math.BigDecimal} (a {@link String} when
     * the field has {@code serializeToString}), dates {@code yyyy-MM-dd}, times and date-times as ISO text in
     * the field's serialising format, checkboxes as {@link Boolean}, checklists and taglists as lists of
     * option values, groups with a path as maps, dynamic lists as lists of maps. Hidden and disabled fields
     * are left out; expression fields are included.
     *
     * @return a new mutable, JSON-friendly map
     */
    public Map<String, Object> getValues() {
        return validator.normalize(schema, collect());
    }

    /**
     * Shows the given data. Keys the form does not bind (process variables, the data a {@code valuesKey}
     * points at) are kept as the context of FEEL expressions. Missing values get their defaults; dynamic
     * lists without data get their default number of items.
     *
     * @param values JSON-like data (as returned by {@link #getValues()} or read from the dossier); null
     *               clears the form
     */
    public void setValues(Map<String, ?> values) {
        populate(values);
    }

    private void populate(Map<String, ?> values) {
        context = Values.deepCopyMap(values);
        Map<String, Object> data = Evaluation.withDefaults(schema, values);
        updating = true;
        try {
            for (Node node : nodes) {
                node.read(data);
            }
        } finally {
            updating = false;
        }
        update();
    }

    /**
     * Makes the whole form read-only (fields cannot be changed, list items cannot be added or removed), or
     * editable again, where fields then follow their own {@code readonly} setting.
     */
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        update();
    }

    /** Whether {@link #setReadOnly(boolean)} made the form read-only. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * Checks what the fields show with the server's rules ({@link FormValidator#validate}) and marks each
     * invalid field with its first message; from now on the markers follow every change.
     *
     * @return all violations, empty when the form is valid
     */
    public List<FieldViolation> validate() {
        showingValidation = true;
        List<FieldViolation> violations = validator.validate(schema, collect(), locale);
        show(violations);
        return violations;
    }

    /** Removes the error markers and stops following changes with them until {@link #validate()} is called again. */
    public void clearValidation() {
        showingValidation = false;
        show(List.of());
    }

    /**
     * The Vaadin field showing the value at a data path, as reported in {@link FieldViolation#field()}:
     * {@code "hoTen"}, {@code "me.hoTen"}, {@code "children[0].name"}.
     */
    public Optional<Component> getField(String path) {
        return fields().stream().filter(f -> f.path.equals(path)).map(BoundNode::fieldView).findFirst();
    }

    /**
     * Lets the form's file pickers take files, staged where the host says (see {@link FilePickers}); without it they
     * say that files are uploaded when the form is filled in for a dossier.
     */
    public void setFilePickers(FilePickers pickers) {
        Objects.requireNonNull(pickers, "pickers");
        for (BoundNode node : fields()) {
            if (node instanceof FilePickerNode picker) {
                picker.attach(pickers);
            }
        }
        update();
    }

    /** Listens to changes made by the user (or by {@link #setValues}) to any value of the form. */
    public Registration addChangeListener(ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }

    /** Fired when a value of the form changes. */
    public static class ChangeEvent extends ComponentEvent<FormRenderer> {

        private static final long serialVersionUID = 1L;

        /**
         * @param source     the renderer whose values changed
         * @param fromClient true when the user made the change
         */
        public ChangeEvent(FormRenderer source, boolean fromClient) {
            super(source, fromClient);
        }
    }

    // --- evaluation ---------------------------------------------------------------------------------------

    /** What the fields show now, as form data on top of the context given to {@link #setValues}. */
    private Map<String, Object> collect() {
        Map<String, Object> data = Values.deepCopyMap(context);
        for (Node node : nodes) {
            node.write(data);
        }
        return data;
    }

    private void onValueChange() {
        if (updating) {
            return;
        }
        update();
        fireEvent(new ChangeEvent(this, true));
    }

    /**
     * Evaluates the form for what the fields show and updates visibility, computed texts, options and
     * states. Changing options can clear a selection, which changes the data: evaluate again then, a
     * bounded number of times in case options depend on each other.
     */
    private void update() {
        for (int round = 0; round < 3; round++) {
            Map<String, Object> data = collect();
            Evaluation evaluation = validator.evaluate(schema, data);
            updating = true;
            try {
                for (Node node : nodes) {
                    node.refresh(evaluation, evaluation.root());
                }
            } finally {
                updating = false;
            }
            if (collect().equals(data)) {
                break;
            }
        }
        if (showingValidation) {
            show(validator.validate(schema, collect(), locale));
        }
    }

    private void show(List<FieldViolation> violations) {
        Map<String, String> firstMessage = new LinkedHashMap<>();
        for (FieldViolation violation : violations) {
            firstMessage.putIfAbsent(violation.field(), violation.message());
        }
        for (BoundNode field : fields()) {
            field.setError(firstMessage.get(field.path));
        }
    }

    private List<BoundNode> fields() {
        List<BoundNode> fields = new ArrayList<>();
        for (Node node : nodes) {
            node.collectFields(fields);
        }
        return fields;
    }

    // --- building -----------------------------------------------------------------------------------------

    /** The node for a component in a scope; null for components without a view (expressions, buttons). */
    private Node build(FormComponent c, String scopePrefix) {
        return switch (c.type()) {
            case TEXTFIELD, TEXTAREA, NUMBER, DATETIME, SELECT, RADIO, CHECKBOX, CHECKLIST, TAGLIST ->
                    new FieldNode(c, scopePrefix);
            case GROUP -> new GroupNode(c, scopePrefix);
            case DYNAMICLIST -> new ListNode(c, scopePrefix);
            case FILEPICKER -> new FilePickerNode(c, scopePrefix);
            case TEXT, HTML -> new TextNode(c);
            case IMAGE -> new ImageNode(c);
            case TABLE -> new TableNode(c);
            case DOCUMENT_PREVIEW -> new DocumentsNode(c);
            case SEPARATOR -> new StaticNode(c, new Hr());
            case SPACER -> {
                Div spacer = new Div();
                spacer.setHeight(c.height() + "px");
                yield new StaticNode(c, spacer);
            }
            case EXPRESSION, BUTTON -> null;
        };
    }

    /**
     * Adds the nodes' views to a container, components sharing a Modeler layout row side by side (wrapping
     * on narrow screens), each as wide as its columns out of 16, or sharing the row equally.
     */
    private static void layout(List<Node> nodes, Component container) {
        int i = 0;
        while (i < nodes.size()) {
            String row = nodes.get(i).component.layoutRow();
            int end = i + 1;
            while (row != null && end < nodes.size() && row.equals(nodes.get(end).component.layoutRow())) {
                end++;
            }
            if (end - i == 1) {
                container.getElement().appendChild(nodes.get(i).view.getElement());
            } else {
                Div line = new Div();
                line.addClassName("motcua-form-row");
                line.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
                for (Node node : nodes.subList(i, end)) {
                    Integer columns = node.component.layoutColumns();
                    node.view.getStyle().set("flex", columns == null ? "1 1 12em"
                            : "0 1 calc(" + columns + " / 16 * 100% - var(--lumo-space-m))");
                    node.view.getStyle().set("min-width", "12em");
                    line.add(node.view);
                }
                container.getElement().appendChild(line.getElement());
            }
            i = end;
        }
    }

    /** The DOM id of the input at a data path: {@code children[0].name} → {@code form-children-0-name}. */
    static String domId(String path) {
        return "form-" + path.replace("[", "-").replace("]", "").replace('.', '-');
    }

    private String fill(String template, Evaluation evaluation, Scope scope) {
        return SafeHtml.text(template, evaluation.context(scope), evaluation::evaluateIn);
    }

    // --- nodes --------------------------------------------------------------------------------------------

    /** A component in a scope, with its view. */
    private abstract class Node {
        final FormComponent component;
        Component view;

        Node(FormComponent component) {
            this.component = component;
        }

        /** Adds what this node shows to the data of its scope. */
        abstract void write(Map<String, Object> scope);

        /** Shows the values found in the data of its scope. */
        abstract void read(Map<String, Object> scope);

        /** Follows the evaluation: visibility, texts, states. */
        void refresh(Evaluation evaluation, Scope scope) {
            view.setVisible(!evaluation.isHidden(component, scope));
        }

        void collectFields(List<BoundNode> into) {
        }
    }

    /** A node that only shows (texts, images, tables, documents, layout): it binds no data. */
    private abstract class ShownNode extends Node {
        ShownNode(FormComponent component) {
            super(component);
        }

        /** Shows the component's label, filled for the data, as the caption above what it shows; hidden when empty. */
        void showCaption(Div caption, Evaluation evaluation, Scope scope) {
            String label = fill(component.label(), evaluation, scope);
            if (!label.equals(caption.getText())) caption.setText(label);
            caption.setVisible(!label.isBlank());
        }

        @Override
        void write(Map<String, Object> scope) {
        }

        @Override
        void read(Map<String, Object> scope) {
        }
    }

    /** A node bound to a value at a data path, which validation marks. */
    private abstract class BoundNode extends Node {
        final String path;

        BoundNode(FormComponent component, String scopePrefix) {
            super(component);
            this.path = DataPath.join(scopePrefix, component.keySegments());
        }

        /** The Vaadin field showing the value. */
        abstract Component fieldView();

        /** Marks the field invalid with the message, or valid with null. */
        abstract void setError(String message);

        @Override
        void collectFields(List<BoundNode> into) {
            into.add(this);
        }
    }

    /** An input field. */
    private final class FieldNode extends BoundNode {
        final InputField input;

        FieldNode(FormComponent c, String scopePrefix) {
            super(c, scopePrefix);
            this.input = InputField.create(c, settings);
            this.view = input.view();
            view.setId(domId(path));
            input.setLabel(labelOf(c));
            input.setDescription(c.description());
            input.setPrefix(c.prefixAdorner());
            input.setSuffix(c.suffixAdorner());
            input.addValueChangeListener(FormRenderer.this::onValueChange);
        }

        @Override
        void write(Map<String, Object> scope) {
            DataPath.put(scope, component.keySegments(), input.read());
        }

        @Override
        void read(Map<String, Object> scope) {
            input.write(DataPath.get(scope, component.keySegments()));
        }

        @Override
        void refresh(Evaluation evaluation, Scope scope) {
            super.refresh(evaluation, scope);
            FormComponent c = component;
            if (SafeHtml.isDynamic(labelOf(c))) {
                input.setLabel(fill(labelOf(c), evaluation, scope));
            }
            if (SafeHtml.isDynamic(c.description())) {
                input.setDescription(fill(c.description(), evaluation, scope));
            }
            if (SafeHtml.isDynamic(c.prefixAdorner())) {
                input.setPrefix(fill(c.prefixAdorner(), evaluation, scope));
            }
            if (SafeHtml.isDynamic(c.suffixAdorner())) {
                input.setSuffix(fill(c.suffixAdorner(), evaluation, scope));
            }
            if (c.valuesKey() != null || c.valuesExpression() != null) {
                input.setOptions(evaluation.options(c, scope));
            }
            input.setReadOnly(readOnly || evaluation.isReadonly(c, scope));
            input.setEnabled(!evaluation.isDisabled(c, scope));
        }

        @Override
        Component fieldView() {
            return input.view();
        }

        @Override
        void setError(String message) {
            input.setError(message);
        }
    }

    /**
     * A file picker: the field the host's {@link FilePickers} makes (its value the references of the files uploaded
     * through it), or, without one, a note that files are uploaded when the form is filled in for a dossier. Files a
     * stored form already holds (described, no longer references) are named below it.
     */
    private final class FilePickerNode extends BoundNode {
        final Div holder = new Div();
        final Span note = new Span();
        final Span kept = new Span();
        final Span title = new Span();
        CustomField<List<String>> field;
        /** References shown before a field exists. */
        List<String> references = List.of();

        FilePickerNode(FormComponent c, String scopePrefix) {
            super(c, scopePrefix);
            holder.setId(domId(path));
            holder.addClassName("motcua-form-files");
            title.addClassName("motcua-form-files-label");
            note.setText(settings.messages().get("forms.ui.files.unavailable"));
            note.addClassName("muted");
            kept.addClassName("muted");
            kept.setVisible(false);
            holder.add(new Div(title), note, kept);
            this.view = holder;
        }

        void attach(FilePickers pickers) {
            field = pickers.create(component);
            field.setRequiredIndicatorVisible(component.validation().required());
            field.setValue(references);
            field.addValueChangeListener(e -> onValueChange());
            holder.removeAll();
            holder.add(field, kept);
        }

        @Override
        void write(Map<String, Object> scope) {
            List<String> value = field == null ? references : field.getValue();
            DataPath.put(scope, component.keySegments(), value == null || value.isEmpty() ? null : new ArrayList<>(value));
        }

        @Override
        void read(Map<String, Object> scope) {
            Object value = DataPath.get(scope, component.keySegments());
            List<?> list = value instanceof List<?> l ? l : value == null ? List.of() : List.of(value);
            references = list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
            List<String> names = list.stream().filter(Map.class::isInstance).map(m -> ((Map<?, ?>) m).get("metadata"))
                    .filter(Map.class::isInstance).map(m -> String.valueOf(((Map<?, ?>) m).get("fileName"))).toList();
            kept.setText(names.isEmpty() ? "" : settings.messages().get("forms.ui.files.kept", String.join(", ", names)));
            kept.setVisible(!names.isEmpty());
            if (field != null) {
                field.setValue(references);
            }
        }

        @Override
        void refresh(Evaluation evaluation, Scope scope) {
            super.refresh(evaluation, scope);
            String label = SafeHtml.isDynamic(component.label()) ? fill(component.label(), evaluation, scope) : component.label();
            String description = SafeHtml.isDynamic(component.description())
                    ? fill(component.description(), evaluation, scope) : component.description();
            title.setText(label == null ? "" : label);
            if (field != null) {
                field.setLabel(label);
                field.setHelperText(description);
                field.setReadOnly(readOnly || evaluation.isReadonly(component, scope));
                field.setEnabled(!evaluation.isDisabled(component, scope));
            }
        }

        @Override
        Component fieldView() {
            return field == null ? holder : field;
        }

        @Override
        void setError(String message) {
            if (field != null) {
                field.setInvalid(message != null);
                field.setErrorMessage(message);
            } else {
                note.setText(message != null ? message : settings.messages().get("forms.ui.files.unavailable"));
            }
        }
    }

    /** The label of a field; datetime fields use their date/time labels, as form-js does. */
    private static String labelOf(FormComponent c) {
        if (c.type() != ComponentType.DATETIME) {
            return c.label();
        }
        return switch (c.subtype()) {
            case DATE -> c.dateLabel() != null ? c.dateLabel() : c.label();
            case TIME -> c.timeLabel() != null ? c.timeLabel() : c.label();
            case DATETIME -> c.label() != null ? c.label()
                    : c.dateLabel() != null && c.timeLabel() != null ? c.dateLabel() + " – " + c.timeLabel()
                    : c.dateLabel() != null ? c.dateLabel() : c.timeLabel();
        };
    }

    /** A group: a fieldset around its children, binding them into its path object when it has a path. */
    private final class GroupNode extends Node {
        final List<Node> children = new ArrayList<>();
        final FieldSet fieldSet = new FieldSet();

        GroupNode(FormComponent c, String scopePrefix) {
            super(c);
            String childPrefix = DataPath.join(scopePrefix, c.pathSegments());
            for (FormComponent child : c.components()) {
                Node node = build(child, childPrefix);
                if (node != null) {
                    children.add(node);
                }
            }
            fieldSet.addClassName("motcua-form-group");
            if (c.label() != null && !c.label().isEmpty()) {
                fieldSet.setLegendText(c.label());
            }
            outline(fieldSet, c.showOutline());
            Div body = new Div();
            body.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
            layout(children, body);
            fieldSet.add(body);
            this.view = fieldSet;
        }

        @Override
        void write(Map<String, Object> scope) {
            Map<String, Object> target = DataPath.getOrCreateMap(scope, component.pathSegments());
            for (Node child : children) {
                child.write(target);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        void read(Map<String, Object> scope) {
            Object value = component.pathSegments().isEmpty() ? scope : DataPath.get(scope, component.pathSegments());
            Map<String, Object> source = value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
            for (Node child : children) {
                child.read(source);
            }
        }

        @Override
        void refresh(Evaluation evaluation, Scope scope) {
            super.refresh(evaluation, scope);
            if (SafeHtml.isDynamic(component.label())) {
                fieldSet.setLegendText(fill(component.label(), evaluation, scope));
            }
            Scope childScope = evaluation.childScope(component, scope);
            for (Node child : children) {
                child.refresh(evaluation, childScope);
            }
        }

        @Override
        void collectFields(List<BoundNode> into) {
            children.forEach(child -> child.collectFields(into));
        }
    }

    /** A dynamic list: one block of the children per item, with add and remove buttons. */
    private final class ListNode extends Node {
        final String path;
        final FieldSet fieldSet = new FieldSet();
        final Div itemsView = new Div();
        final Button addButton;
        final List<List<Node>> items = new ArrayList<>();
        final List<Button> removeButtons = new ArrayList<>();

        ListNode(FormComponent c, String scopePrefix) {
            super(c);
            this.path = DataPath.join(scopePrefix, c.pathSegments());
            fieldSet.addClassName("motcua-form-list");
            if (c.label() != null && !c.label().isEmpty()) {
                fieldSet.setLegendText(c.label());
            }
            outline(fieldSet, c.showOutline());
            itemsView.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-m)");
            addButton = new Button(settings.messages().get("forms.ui.list.add"), this::add);
            addButton.setId(domId(path) + "-add");
            addButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            fieldSet.add(itemsView, addButton);
            this.view = fieldSet;
        }

        @Override
        void write(Map<String, Object> scope) {
            List<Object> list = new ArrayList<>();
            for (List<Node> item : items) {
                Map<String, Object> itemData = new LinkedHashMap<>();
                for (Node node : item) {
                    node.write(itemData);
                }
                list.add(itemData);
            }
            DataPath.put(scope, component.pathSegments(), list);
        }

        @Override
        void read(Map<String, Object> scope) {
            Object value = DataPath.get(scope, component.pathSegments());
            List<Map<String, Object>> data = new ArrayList<>();
            if (value instanceof List<?> list) {
                for (Object item : list) {
                    data.add(item instanceof Map<?, ?> ? Values.deepCopyMap(castMap(item)) : new LinkedHashMap<>());
                }
            }
            rebuild(data);
        }

        /** Recreates the item blocks for the given item data (paths and ids follow the new positions). */
        private void rebuild(List<Map<String, Object>> data) {
            itemsView.removeAll();
            items.clear();
            removeButtons.clear();
            boolean wasUpdating = updating;
            updating = true;
            try {
                for (int index = 0; index < data.size(); index++) {
                    String itemPrefix = DataPath.item(path, index);
                    List<Node> itemNodes = new ArrayList<>();
                    for (FormComponent child : component.components()) {
                        Node node = build(child, itemPrefix);
                        if (node != null) {
                            itemNodes.add(node);
                        }
                    }
                    for (Node node : itemNodes) {
                        node.read(data.get(index));
                    }
                    Div itemView = new Div();
                    itemView.addClassName("motcua-form-item");
                    itemView.getStyle().set("display", "flex").set("flex-direction", "column")
                            .set("gap", "var(--lumo-space-s)").set("padding", "var(--lumo-space-s)")
                            .set("border", "1px solid var(--lumo-contrast-10pct)")
                            .set("border-radius", "var(--lumo-border-radius-m)");
                    layout(itemNodes, itemView);
                    int position = index;
                    Button remove = new Button(settings.messages().get("forms.ui.list.remove"), e -> remove(position));
                    remove.setId(domId(itemPrefix) + "-remove");
                    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                    remove.getStyle().set("align-self", "flex-end");
                    itemView.add(remove);
                    removeButtons.add(remove);
                    items.add(itemNodes);
                    itemsView.add(itemView);
                }
            } finally {
                updating = wasUpdating;
            }
        }

        private List<Map<String, Object>> currentItems() {
            List<Map<String, Object>> data = new ArrayList<>();
            for (List<Node> item : items) {
                Map<String, Object> itemData = new LinkedHashMap<>();
                for (Node node : item) {
                    node.write(itemData);
                }
                data.add(itemData);
            }
            return data;
        }

        private void add(ClickEvent<Button> event) {
            List<Map<String, Object>> data = currentItems();
            Map<String, Object> item = new LinkedHashMap<>();
            // A new item starts like a default one: with its fields' default values.
            Evaluation.applyDefaults(component.components(), item);
            data.add(item);
            changed(data);
        }

        private void remove(int index) {
            List<Map<String, Object>> data = currentItems();
            if (index < data.size()) {
                data.remove(index);
                changed(data);
            }
        }

        private void changed(List<Map<String, Object>> data) {
            rebuild(data);
            update();
            fireEvent(new ChangeEvent(FormRenderer.this, true));
        }

        @Override
        void refresh(Evaluation evaluation, Scope scope) {
            super.refresh(evaluation, scope);
            if (SafeHtml.isDynamic(component.label())) {
                fieldSet.setLegendText(fill(component.label(), evaluation, scope));
            }
            boolean editable = !readOnly && component.allowAddRemove() && !evaluation.isReadonly(component, scope)
                    && !evaluation.isDisabled(component, scope);
            addButton.setVisible(editable);
            removeButtons.forEach(button -> button.setVisible(editable));
            List<Scope> itemScopes = evaluation.itemScopes(component, scope);
            for (int index = 0; index < items.size(); index++) {
                Scope itemScope = index < itemScopes.size() ? itemScopes.get(index)
                        : evaluation.scope(DataPath.item(path, index));
                for (Node node : items.get(index)) {
                    node.refresh(evaluation, itemScope);
                }
            }
        }

        @Override
        void collectFields(List<BoundNode> into) {
            items.forEach(item -> item.forEach(node -> node.collectFields(into)));
        }
    }

    /** Markdown text or HTML, filled in from the data and sanitised. */
    private final class TextNode extends ShownNode {
        final Div box = new Div();
        final Html html;
        String shown;

        TextNode(FormComponent c) {
            super(c);
            box.addClassName(c.type() == ComponentType.TEXT ? "motcua-form-text" : "motcua-form-html");
            shown = render(c.type() == ComponentType.TEXT ? c.text() : c.content(), Map.of(), (expression, variables) -> null);
            html = new Html(shown);
            box.add(html);
            this.view = box;
        }

        private String render(String source, Map<String, Object> variables, BiFunction<String, Map<String, Object>, Object> evaluator) {
            String body = component.type() == ComponentType.TEXT
                    ? SafeHtml.markdown(SafeHtml.fill(source, variables, evaluator, Markdown::escapeMarkdown))
                    : SafeHtml.sanitize(SafeHtml.fill(source, variables, evaluator, SafeHtml::escape));
            // Html needs exactly one root element.
            return "<div>" + body + "</div>";
        }

        @Override
        void refresh(Evaluation evaluation, Scope scope) {
            super.refresh(evaluation, scope);
            String source = component.type() == ComponentType.TEXT ? component.text() : component.content();
            if (SafeHtml.isDynamic(source)) {
                String rendered = render(source, evaluation.context(scope), evaluation::evaluateIn);
                if (!rendered.equals(shown)) {
                    shown = rendered;
                    html.setHtmlContent(rendered);
                }
            }
        }
    }

    /** An image: a raster data URI or a path of this site, fixed or computed from the data; anything else shows its text. */
    private final class ImageNode extends ShownNode {
        final Image image = new Image();
        String shownSource;

        ImageNode(FormComponent c) {
            super(c);
            image.addClassName("motcua-form-image");
            image.getStyle().set("max-width", "100%");
            this.view = image;
            show(SafeHtml.isDynamic(c.source()) ? null : c.source(), SafeHtml.isDynamic(c.alt()) ? "" : c.alt());
        }

        private void show(String source, String alt) {
            String src = source == null || !Images.allowed(source) ? null : source.strip();
            if (!Objects.equals(src, shownSource)) {
                shownSource = src;
                if (src == null) image.getElement().removeAttribute("src");
                else image.setSrc(src);
            }
            image.setAlt(alt == null ? "" : alt);
        }

        @Override
        void refresh(Evaluation evaluation, Scope scope) {
            super.refresh(evaluation, scope);
            if (SafeHtml.isDynamic(component.source()) || SafeHtml.isDynamic(component.alt())) {
                var variables = evaluation.context(scope);
                show(SafeHtml.text(component.source(), variables, evaluation::evaluateIn),
                        SafeHtml.text(component.alt(), variables, evaluation::evaluateIn));
            }
        }
    }

    /**
     * A read-only table of the rows its data source gives (objects; a row that is not one shows in one column), with
     * the columns written in the form, computed by its columns expression, or else the keys of the first row; paged
     * when it has a row count.
     */
    private final class TableNode extends ShownNode {
        final Div box = new Div();
        final Div caption = new Div();
        final com.vaadin.flow.dom.Element table = new com.vaadin.flow.dom.Element("table");
        final Div pager = new Div();
        final Button previous = new Button("‹");
        final Button next = new Button("›");
        final Span position = new Span();
        List<?> rows = List.of();
        List<FormComponent.TableColumn> columns = List.of();
        int page;

        TableNode(FormComponent c) {
            super(c);
            box.addClassName("motcua-form-table");
            caption.addClassName("motcua-form-table-label");
            caption.getStyle().set("font-weight", "600");
            table.getStyle().set("border-collapse", "collapse").set("width", "100%");
            previous.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            next.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            previous.getElement().setAttribute("aria-label", settings.messages().get("forms.ui.table.previous"));
            next.getElement().setAttribute("aria-label", settings.messages().get("forms.ui.table.next"));
            previous.addClickListener(e -> turn(-1));
            next.addClickListener(e -> turn(1));
            pager.add(previous, position, next);
            pager.setVisible(false);
            box.add(caption);
            box.getElement().appendChild(table);
            box.add(pager);
            this.view = box;
        }

        @Override
        void refresh(Evaluation evaluation, Scope scope) {
            super.refresh(evaluation, scope);
            showCaption(caption, evaluation, scope);
            var variables = evaluation.context(scope);
            Object data = evaluation.evaluateIn(component.dataSource(), variables);
            List<?> newRows = data instanceof List<?> list ? list : List.of();
            List<FormComponent.TableColumn> newColumns = columnsOf(evaluation, variables, newRows);
            if (newRows.equals(rows) && newColumns.equals(columns)) return;
            rows = newRows;
            columns = newColumns;
            page = 0;
            draw();
        }

        private List<FormComponent.TableColumn> columnsOf(Evaluation evaluation, Map<String, Object> variables, List<?> rows) {
            if (!component.columns().isEmpty()) return component.columns();
            if (component.columnsExpression() != null) {
                List<FormComponent.TableColumn> computed = new ArrayList<>();
                if (evaluation.evaluateIn(component.columnsExpression(), variables) instanceof List<?> list) {
                    for (Object item : list) {
                        if (item instanceof Map<?, ?> map && map.get("key") != null) {
                            String key = String.valueOf(map.get("key"));
                            Object label = map.get("label");
                            computed.add(new FormComponent.TableColumn(label == null ? key : String.valueOf(label), key));
                        }
                    }
                }
                return computed;
            }
            if (!rows.isEmpty() && rows.get(0) instanceof Map<?, ?> first) {
                return first.keySet().stream().map(k -> new FormComponent.TableColumn(String.valueOf(k), String.valueOf(k))).toList();
            }
            return List.of();
        }

        private void turn(int delta) {
            int pages = pages();
            page = Math.max(0, Math.min(pages - 1, page + delta));
            draw();
        }

        private int pages() {
            Integer size = component.rowCount();
            return size == null || rows.isEmpty() ? 1 : (rows.size() + size - 1) / size;
        }

        private void draw() {
            table.removeAllChildren();
            var head = new com.vaadin.flow.dom.Element("tr");
            boolean single = columns.isEmpty();
            for (var column : columns) head.appendChild(cell("th", column.label()));
            if (!single) table.appendChild(new com.vaadin.flow.dom.Element("thead").appendChild(head));
            var body = new com.vaadin.flow.dom.Element("tbody");
            Integer size = component.rowCount();
            int from = size == null ? 0 : page * size;
            int to = size == null ? rows.size() : Math.min(rows.size(), from + size);
            for (int i = from; i < to; i++) {
                Object row = rows.get(i);
                var tr = new com.vaadin.flow.dom.Element("tr");
                if (single || !(row instanceof Map<?, ?>)) {
                    tr.appendChild(cell("td", Values.toText(row)).setAttribute("colspan", String.valueOf(Math.max(1, columns.size()))));
                } else {
                    for (var column : columns) {
                        tr.appendChild(cell("td", Values.toText(DataPath.get(castMap(row), List.of(column.key().split("\\."))))));
                    }
                }
                body.appendChild(tr);
            }
            if (rows.isEmpty()) {
                body.appendChild(new com.vaadin.flow.dom.Element("tr").appendChild(
                        cell("td", settings.messages().get("forms.ui.table.empty")).setAttribute("colspan", String.valueOf(Math.max(1, columns.size())))));
            }
            table.appendChild(body);
            int pages = pages();
            pager.setVisible(pages > 1);
            position.setText(settings.messages().get("forms.ui.table.position", from + 1, to, rows.size()));
            previous.setEnabled(page > 0);
            next.setEnabled(page < pages - 1);
        }

        private com.vaadin.flow.dom.Element cell(String tag, String text) {
            var cell = new com.vaadin.flow.dom.Element(tag);
            cell.setText(text == null ? "" : text);
            cell.getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                    .set("text-align", "left");
            return cell;
        }
    }

    /**
     * The documents a FEEL expression gives, as form-js and Camunda describe them ({@code documentId}, {@code endpoint},
     * {@code metadata.fileName}, {@code metadata.contentType}): each a link to its content on this site, with images
     * shown inline; a document whose endpoint is another site's address is listed without a link.
     */
    private final class DocumentsNode extends ShownNode {
        final Div box = new Div();
        final Div caption = new Div();
        final Div list = new Div();
        List<?> shown;

        DocumentsNode(FormComponent c) {
            super(c);
            box.addClassName("motcua-form-documents");
            caption.getStyle().set("font-weight", "600");
            if (c.maxHeight() != null) list.getStyle().set("max-height", c.maxHeight() + "px").set("overflow", "auto");
            box.add(caption, list);
            this.view = box;
        }

        @Override
        void refresh(Evaluation evaluation, Scope scope) {
            super.refresh(evaluation, scope);
            showCaption(caption, evaluation, scope);
            var variables = evaluation.context(scope);
            Object data = evaluation.evaluateIn(component.dataSource(), variables);
            List<?> documents = data instanceof List<?> l ? l : data instanceof Map<?, ?> one ? List.of(one) : List.of();
            if (documents.equals(shown)) return;
            shown = documents;
            list.removeAll();
            if (documents.isEmpty()) {
                var none = new Span(settings.messages().get("forms.ui.documents.none"));
                none.getStyle().set("color", "var(--lumo-secondary-text-color)");
                list.add(none);
            }
            for (Object item : documents) {
                if (!(item instanceof Map<?, ?> document)) continue;
                Object metadata = document.get("metadata");
                Map<?, ?> meta = metadata instanceof Map<?, ?> m ? m : Map.of();
                String id = document.get("documentId") == null ? "" : String.valueOf(document.get("documentId"));
                String name = meta.get("fileName") == null ? id : String.valueOf(meta.get("fileName"));
                String type = meta.get("contentType") == null ? "" : String.valueOf(meta.get("contentType"));
                String endpoint = document.get("endpoint") == null ? null : String.valueOf(document.get("endpoint"));
                var entry = new Div();
                entry.addClassName("motcua-form-document");
                if (endpoint != null && Images.sitePath(endpoint)) {
                    var link = new com.vaadin.flow.component.html.Anchor(endpoint.strip(), name);
                    link.setTarget("_blank");
                    link.getElement().setAttribute("router-ignore", true);
                    entry.add(link);
                    if (type.startsWith("image/") && !type.contains("svg")) {
                        var image = new Image(endpoint.strip(), name);
                        image.getStyle().set("max-width", "100%").set("display", "block");
                        entry.add(image);
                    }
                } else {
                    entry.add(new Span(name));
                }
                list.add(entry);
            }
        }
    }

    /** A separator or spacer. */
    private final class StaticNode extends ShownNode {
        StaticNode(FormComponent c, Component view) {
            super(c);
            this.view = view;
        }

    }

    private static void outline(FieldSet fieldSet, boolean outlined) {
        fieldSet.getStyle().set("margin", "0").set("min-width", "0")
                .set("padding", outlined ? "var(--lumo-space-s) var(--lumo-space-m)" : "0")
                .set("border", outlined ? "1px solid var(--lumo-contrast-20pct)" : "none")
                .set("border-radius", "var(--lumo-border-radius-m)");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
