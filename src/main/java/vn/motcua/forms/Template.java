package vn.motcua.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * form-js's templating language (feelers) as Camunda Modeler saves it in texts, labels and descriptions:
 * {@code {{ expr }}} inserts the value of a FEEL expression; {@code {{#if cond}}…{{/if}}} keeps its content only when
 * the condition holds; {@code {{#loop list}}…{{/loop}}} repeats its content for each item of a list, where the item's
 * own fields are variables, {@code this} is the item and {@code parent} the variables outside the loop (so
 * {@code {{parent.currency}}}); blocks nest. A condition holds when it is {@code true}, a non-empty text or list, a
 * non-zero number or any other value that is not null.
 *
 * <p>A template is read once ({@link #parse}) and filled many times; {@link #check} names what is wrong with one
 * (unbalanced or unknown blocks, FEEL that does not parse).
 */
final class Template {
    private static final Pattern TAG = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    /** The most items one loop writes out: a form text is no report. */
    static final int MAX_LOOP_ITEMS = 500;
    /** The deepest nesting of blocks accepted. */
    static final int MAX_DEPTH = 8;

    sealed interface Part permits Text, Insert, If, Loop { }

    record Text(String text) implements Part { }

    record Insert(String expression) implements Part { }

    record If(String condition, List<Part> body) implements Part { }

    record Loop(String expression, List<Part> body) implements Part { }

    /** A template that cannot be read, with the reason in English (the linter's message). */
    static final class Malformed extends IllegalArgumentException {
        Malformed(String message) { super(message); }
    }

    private Template() { }

    /** True when the text uses blocks ({@code {{#if}}}, {@code {{#loop}}}). */
    static boolean hasBlocks(String template) {
        if (template == null) return false;
        Matcher m = TAG.matcher(template);
        while (m.find()) {
            String inner = m.group(1).strip();
            if (inner.startsWith("#") || inner.startsWith("/")) return true;
        }
        return false;
    }

    /**
     * Reads a template into its parts.
     *
     * @throws Malformed when a block is unknown, not closed, closed twice or closed by the wrong tag, or nests deeper
     *                   than {@link #MAX_DEPTH}
     */
    static List<Part> parse(String template) {
        record Open(String kind, String expression, List<Part> body) { }
        List<Open> stack = new ArrayList<>();
        List<Part> root = new ArrayList<>();
        List<Part> current = root;
        Matcher m = TAG.matcher(template == null ? "" : template);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) current.add(new Text(template.substring(last, m.start())));
            last = m.end();
            String inner = m.group(1).strip();
            if (inner.startsWith("#")) {
                String[] split = inner.substring(1).split("\\s+", 2);
                String kind = split[0];
                if (!kind.equals("if") && !kind.equals("loop")) {
                    throw new Malformed("unknown template block {{#" + kind + "}} (only {{#if}} and {{#loop}})");
                }
                if (split.length < 2 || split[1].isBlank()) {
                    throw new Malformed("{{#" + kind + "}} needs an expression, e.g. {{#" + kind + (kind.equals("if") ? " married" : " children") + "}}");
                }
                if (stack.size() >= MAX_DEPTH) throw new Malformed("template blocks nest deeper than " + MAX_DEPTH);
                var open = new Open(kind, split[1].strip(), new ArrayList<>());
                stack.add(open);
                current = open.body();
            } else if (inner.startsWith("/")) {
                String kind = inner.substring(1).strip();
                if (stack.isEmpty()) throw new Malformed("{{/" + kind + "}} closes no block");
                Open open = stack.remove(stack.size() - 1);
                if (!open.kind().equals(kind)) {
                    throw new Malformed("{{#" + open.kind() + "}} is closed by {{/" + kind + "}}");
                }
                current = stack.isEmpty() ? root : stack.get(stack.size() - 1).body();
                current.add(open.kind().equals("if") ? new If(open.expression(), List.copyOf(open.body()))
                        : new Loop(open.expression(), List.copyOf(open.body())));
            } else {
                if (inner.isEmpty()) throw new Malformed("empty placeholder {{ }}");
                current.add(new Insert(inner));
            }
        }
        if (!stack.isEmpty()) throw new Malformed("{{#" + stack.get(stack.size() - 1).kind() + "}} is not closed");
        if (last < (template == null ? 0 : template.length())) current.add(new Text(template.substring(last)));
        return List.copyOf(root);
    }

    /** Every FEEL expression of a template (inserts, conditions, loop lists), in order. */
    static List<String> expressions(List<Part> parts) {
        List<String> into = new ArrayList<>();
        collect(parts, into);
        return into;
    }

    private static void collect(List<Part> parts, List<String> into) {
        for (Part part : parts) {
            if (part instanceof Insert insert) into.add(insert.expression());
            else if (part instanceof If block) {
                into.add(block.condition());
                collect(block.body(), into);
            } else if (part instanceof Loop loop) {
                into.add(loop.expression());
                collect(loop.body(), into);
            }
        }
    }

    /**
     * Fills a template.
     *
     * @param template  the text as written; a text without {@code {{} is returned as it is
     * @param variables the FEEL variables outside any loop
     * @param evaluator evaluates a FEEL expression against variables (null when it fails)
     * @param escape    applied to every inserted value (Markdown or HTML escaping), never to the template's own text
     */
    static String fill(String template, Map<String, Object> variables, BiFunction<String, Map<String, Object>, Object> evaluator,
                       Function<String, String> escape) {
        if (template == null) return "";
        if (!template.contains("{{")) return template;
        List<Part> parts;
        try {
            parts = parse(template);
        } catch (Malformed e) {
            // the linter refuses such forms; a text that slipped through shows as written
            return template;
        }
        StringBuilder out = new StringBuilder();
        write(parts, variables, evaluator, escape, out);
        return out.toString();
    }

    private static void write(List<Part> parts, Map<String, Object> variables, BiFunction<String, Map<String, Object>, Object> evaluator,
                              Function<String, String> escape, StringBuilder out) {
        for (Part part : parts) {
            if (part instanceof Text text) out.append(text.text());
            else if (part instanceof Insert insert) out.append(escape.apply(Values.toText(evaluator.apply(insert.expression(), variables))));
            else if (part instanceof If block) {
                if (holds(evaluator.apply(block.condition(), variables))) write(block.body(), variables, evaluator, escape, out);
            } else if (part instanceof Loop loop && evaluator.apply(loop.expression(), variables) instanceof Collection<?> items) {
                int n = 0;
                for (Object item : items) {
                    if (n++ >= MAX_LOOP_ITEMS) break;
                    Map<String, Object> inner = new HashMap<>(variables);
                    if (item instanceof Map<?, ?> fields) fields.forEach((k, v) -> inner.put(String.valueOf(k), v));
                    inner.put("this", item);
                    inner.put("parent", variables);
                    write(loop.body(), inner, evaluator, escape, out);
                }
            }
        }
    }

    /** feelers' truth: true, a non-empty text or list, a non-zero number, any other value but null. */
    static boolean holds(Object value) {
        if (value == null) return false;
        if (value instanceof Boolean b) return b;
        if (value instanceof String s) return !s.isEmpty();
        if (value instanceof Collection<?> c) return !c.isEmpty();
        if (value instanceof Map<?, ?> map) return !map.isEmpty();
        if (value instanceof BigDecimal d) return d.signum() != 0;
        if (value instanceof Number n) return n.doubleValue() != 0;
        return true;
    }
}
