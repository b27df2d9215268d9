package vn.motcua.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The state of a form for some data, as form-js would see it just before submitting: defaults applied,
 * dynamic lists given their default items, expression fields computed, hidden components found and their
 * values removed. {@link FormValidator} checks and stores what is left; {@link FormRenderer} shows it.
 *
 * <p>Order of work, and why:
 * <ol>
 * <li>defaults fill missing values, so that conditions and expressions see what the user sees;</li>
 * <li>expression fields are computed until stable (they may depend on each other in any order; a cycle
 * stops after one pass per expression field);</li>
 * <li>{@code conditional.hide} is evaluated in document order, each hidden component's values are removed
 * right away so later conditions see them gone (form-js cascades the same way);</li>
 * <li>expression fields are computed again without the hidden values.</li>
 * </ol>
 *
 * <p>FEEL variables are those of form-js: the root data's keys, plus {@code this} (the object the component
 * binds into: the root, a group's path object or a list item), {@code parent} (the enclosing one) and
 * {@code i} (the 1-based indexes of the enclosing list items), also as {@code _this_}, {@code _parent_},
 * {@code _i_} when the data uses those names itself.
 */
final class Evaluation {

    /** The data object a component binds into, and where it sits. */
    static final class Scope {
        private final Map<String, Object> map;
        private final Scope parent;
        private final List<Integer> indexes;
        private final String prefix;

        private Scope(Map<String, Object> map, Scope parent, List<Integer> indexes, String prefix) {
            this.map = map;
            this.parent = parent;
            this.indexes = indexes;
            this.prefix = prefix;
        }

        /** The object holding this scope's values, or null when the data has none (or not an object). */
        Map<String, Object> map() {
            return map;
        }

        /** The reported path of the scope's object: {@code ""} at the root, {@code "children[0]"}, {@code "me"}. */
        String prefix() {
            return prefix;
        }

        /** The value at the component's key in this scope, or null. */
        Object valueOf(FormComponent component) {
            return map == null ? null : DataPath.get(map, component.keySegments());
        }

        /** The reported path of a component's value in this scope, e.g. {@code "children[0].name"}. */
        String pathOf(List<String> segments) {
            return DataPath.join(prefix, segments);
        }
    }

    private final FormSchema schema;
    private final Feel feel;
    private final Map<String, Object> data;
    private final Scope root;
    private final Set<String> hidden = new HashSet<>();
    private final Map<String, Scope> scopes = new HashMap<>();

    private Evaluation(FormSchema schema, Feel feel, Map<String, Object> data) {
        this.schema = schema;
        this.feel = feel;
        this.data = data;
        this.root = new Scope(data, null, List.of(), "");
    }

    /**
     * A deep copy of the data with defaults applied and dynamic lists given their default items: the data
     * a form shows when it opens.
     */
    static Map<String, Object> withDefaults(FormSchema schema, Map<String, ?> data) {
        Map<String, Object> working = Values.deepCopyMap(data);
        applyDefaults(schema.components(), working);
        return working;
    }

    /** Evaluates the form for the data (which is copied, never modified). */
    static Evaluation of(FormSchema schema, Feel feel, Map<String, ?> data) {
        Evaluation evaluation = new Evaluation(schema, feel, withDefaults(schema, data));
        evaluation.computeExpressions(false);
        evaluation.applyConditions(schema.components(), evaluation.root);
        evaluation.computeExpressions(true);
        evaluation.indexScopes(schema.components(), evaluation.root);
        return evaluation;
    }

    /** The evaluated data: defaults, computed values, hidden values removed; unknown keys still present. */
    Map<String, Object> data() {
        return data;
    }

    /** The root scope, where walks over the schema start. */
    Scope root() {
        return root;
    }

    /** True when the component, in that scope, has been hidden by its {@code conditional.hide}. */
    boolean isHidden(FormComponent component, Scope scope) {
        return hidden.contains(instanceId(component, scope.prefix));
    }

    /** True when the component, in the scope with that prefix, has been hidden by its condition. */
    boolean isHidden(FormComponent component, String scopePrefix) {
        return hidden.contains(instanceId(component, scopePrefix));
    }

    /** Disabled (statically or by its FEEL expression): neither validated nor submitted. */
    boolean isDisabled(FormComponent component, Scope scope) {
        return component.disabled()
                || (component.disabledExpression() != null && feel.isTrue(component.disabledExpression(), context(scope)));
    }

    /** Read-only, statically or by its FEEL expression. */
    boolean isReadonly(FormComponent component, Scope scope) {
        return component.readonly()
                || (component.readonlyExpression() != null && feel.isTrue(component.readonlyExpression(), context(scope)));
    }

    /** The scope with the given prefix, or an empty one there when the data has no such object. */
    Scope scope(String prefix) {
        Scope scope = scopes.get(prefix);
        return scope != null ? scope : new Scope(null, root, List.of(), prefix);
    }

    /** The scope a group's children bind into: its path object, or the group's own scope when it has no path. */
    Scope childScope(FormComponent group, Scope scope) {
        if (group.pathSegments().isEmpty()) {
            return scope;
        }
        Object value = scope.map == null ? null : DataPath.get(scope.map, group.pathSegments());
        return new Scope(asMap(value), scope, scope.indexes, scope.pathOf(group.pathSegments()));
    }

    /** The scopes of a dynamic list's items, one per list element (null map for elements that are not objects). */
    List<Scope> itemScopes(FormComponent list, Scope scope) {
        Object value = scope.map == null ? null : DataPath.get(scope.map, list.pathSegments());
        if (!(value instanceof List<?> items)) {
            return List.of();
        }
        String listPath = scope.pathOf(list.pathSegments());
        List<Scope> result = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            List<Integer> indexes = new ArrayList<>(scope.indexes);
            indexes.add(i + 1);
            result.add(new Scope(asMap(items.get(i)), scope, List.copyOf(indexes), DataPath.item(listPath, i)));
        }
        return result;
    }

    /** Evaluates a FEEL expression against variables (a scope's {@link #context}, a template loop's); null when it fails. */
    Object evaluateIn(String expression, Map<String, Object> variables) {
        return feel.evaluate(expression, variables);
    }

    /** Evaluates a FEEL expression in the scope; null when it fails. */
    Object evaluate(String expression, Scope scope) {
        return feel.evaluate(expression, context(scope));
    }

    /**
     * The options of a choice component in the scope: the static {@code values}, the list found under
     * {@code valuesKey} in the data, or the result of {@code valuesExpression}. Dynamic sources may give
     * {@code {label, value}} objects or plain values.
     */
    List<FormOption> options(FormComponent component, Scope scope) {
        if (component.valuesKey() != null) {
            return toOptions(DataPath.get(data, List.of(component.valuesKey().split("\\."))));
        }
        if (component.valuesExpression() != null) {
            return toOptions(evaluate(component.valuesExpression(), scope));
        }
        return component.values();
    }

    /** The FEEL variables for expressions of components in the scope. */
    Map<String, Object> context(Scope scope) {
        Map<String, Object> context = new HashMap<>();
        Object parent = scope.parent == null ? null : scope.parent.map;
        List<BigDecimal> indexes = scope.indexes.stream().map(BigDecimal::valueOf).toList();
        context.put("this", scope.map);
        context.put("parent", parent);
        context.put("i", indexes);
        context.putAll(data);
        context.put("_this_", scope.map);
        context.put("_parent_", parent);
        context.put("_i_", indexes);
        return context;
    }

    // --- the steps ----------------------------------------------------------------------------------------

    /**
     * Fills missing values of the components (and of their children) in a data object with their defaults,
     * creating group objects and default list items on the way.
     */
    static void applyDefaults(List<FormComponent> components, Map<String, Object> scope) {
        for (FormComponent c : components) {
            if (c.type().isInput() && c.defaultValue() != null && DataPath.get(scope, c.keySegments()) == null) {
                DataPath.put(scope, c.keySegments(), Values.deepCopy(c.defaultValue()));
            } else if (c.type() == ComponentType.GROUP) {
                Map<String, Object> child = groupMap(c, scope);
                if (child != null) {
                    applyDefaults(c.components(), child);
                }
            } else if (c.type() == ComponentType.DYNAMICLIST) {
                Object value = DataPath.get(scope, c.pathSegments());
                if (value == null) {
                    List<Object> items = new ArrayList<>();
                    for (int i = 0; i < c.defaultRepetitions(); i++) {
                        items.add(new LinkedHashMap<String, Object>());
                    }
                    DataPath.put(scope, c.pathSegments(), items);
                    value = items;
                }
                if (value instanceof List<?> items) {
                    for (Object item : items) {
                        Map<String, Object> itemMap = asMap(item);
                        if (itemMap != null) {
                            applyDefaults(c.components(), itemMap);
                        }
                    }
                }
            }
        }
    }

    /**
     * The object a group binds into, created when missing so that the data has the shape the form shows
     * (the renderer always produces it); null when something that is not an object is in the way.
     */
    private static Map<String, Object> groupMap(FormComponent group, Map<String, Object> scope) {
        if (group.pathSegments().isEmpty()) {
            return scope;
        }
        Object value = DataPath.get(scope, group.pathSegments());
        if (value == null) {
            return DataPath.getOrCreateMap(scope, group.pathSegments());
        }
        return asMap(value);
    }

    private void computeExpressions(boolean skipHidden) {
        long expressionFields = schema.allComponents().stream()
                .filter(c -> c.type() == ComponentType.EXPRESSION).count();
        for (long pass = 0; pass <= expressionFields; pass++) {
            if (!computePass(schema.components(), root, skipHidden)) {
                return;
            }
        }
    }

    private boolean computePass(List<FormComponent> components, Scope scope, boolean skipHidden) {
        boolean changed = false;
        for (FormComponent c : components) {
            if (skipHidden && isHidden(c, scope)) {
                continue;
            }
            switch (c.type()) {
                case EXPRESSION -> {
                    if (scope.map != null) {
                        Object value = evaluate(c.expression(), scope);
                        boolean present = DataPath.contains(scope.map, c.keySegments());
                        if (!present || !Objects.equals(value, DataPath.get(scope.map, c.keySegments()))) {
                            DataPath.put(scope.map, c.keySegments(), value);
                            changed = true;
                        }
                    }
                }
                case GROUP -> changed |= computePass(c.components(), childScope(c, scope), skipHidden);
                case DYNAMICLIST -> {
                    for (Scope item : itemScopes(c, scope)) {
                        changed |= computePass(c.components(), item, skipHidden);
                    }
                }
                default -> {
                    // inputs and presentation components compute nothing
                }
            }
        }
        return changed;
    }

    private void applyConditions(List<FormComponent> components, Scope scope) {
        for (FormComponent c : components) {
            if (c.hideCondition() != null && feel.isTrue(c.hideCondition(), context(scope))) {
                hidden.add(instanceId(c, scope.prefix));
                clearValues(c, scope.map);
                continue;
            }
            if (c.type() == ComponentType.GROUP) {
                applyConditions(c.components(), childScope(c, scope));
            } else if (c.type() == ComponentType.DYNAMICLIST) {
                for (Scope item : itemScopes(c, scope)) {
                    applyConditions(c.components(), item);
                }
            }
        }
    }

    /** Removes everything a hidden component would have submitted. */
    private static void clearValues(FormComponent c, Map<String, Object> scope) {
        if (scope == null) {
            return;
        }
        if (c.type().isKeyed()) {
            DataPath.remove(scope, c.keySegments());
        } else if (c.type() == ComponentType.DYNAMICLIST || (c.type() == ComponentType.GROUP && !c.pathSegments().isEmpty())) {
            DataPath.remove(scope, c.pathSegments());
        } else if (c.type() == ComponentType.GROUP) {
            for (FormComponent child : c.components()) {
                clearValues(child, scope);
            }
        }
    }

    /** Remembers every scope by prefix, for the renderer's per-instance questions. */
    private void indexScopes(List<FormComponent> components, Scope scope) {
        scopes.putIfAbsent(scope.prefix, scope);
        for (FormComponent c : components) {
            if (c.type() == ComponentType.GROUP) {
                indexScopes(c.components(), childScope(c, scope));
            } else if (c.type() == ComponentType.DYNAMICLIST) {
                for (Scope item : itemScopes(c, scope)) {
                    indexScopes(c.components(), item);
                }
            }
        }
    }

    private static String instanceId(FormComponent component, String scopePrefix) {
        return scopePrefix + "#" + component.id();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    private static List<FormOption> toOptions(Object source) {
        if (!(source instanceof Collection<?> entries)) {
            return List.of();
        }
        List<FormOption> options = new ArrayList<>();
        for (Object entry : entries) {
            Object value;
            String label = null;
            if (entry instanceof Map<?, ?> map) {
                value = map.get("value");
                Object labelValue = map.get("label");
                label = labelValue == null ? null : Values.toText(labelValue);
            } else {
                value = entry;
            }
            if (value instanceof Number number) {
                value = Values.toBigDecimal(number);
            }
            if (!(value instanceof String || value instanceof BigDecimal || value instanceof Boolean)) {
                continue;
            }
            Object candidate = value;
            if (options.stream().noneMatch(o -> o.matches(candidate))) {
                options.add(new FormOption(label, value));
            }
        }
        return options;
    }
}
