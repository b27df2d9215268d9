package vn.motcua.catalogue.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.FunctionNode;
import org.camunda.bpm.impl.juel.IdentifierNode;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Camunda's expression language (JUEL) read with the engine's own parser, so that what fails here fails there:
 * a text with {@code ${...}} or {@code #{...}} parts, e.g. {@code SPECIALIST_${unit}}.
 */
final class Expressions {
    // The engine's expression factory parses with method invocations and varargs enabled
    private static final Builder BUILDER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    private Expressions() { }

    /** Whether the text is an expression for the engine rather than a literal. */
    static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /**
     * The names an expression reads: its top-level identifiers ({@code deadlines}, {@code execution} in
     * {@code ${deadlines.workingHours(execution, 4)}}) and the functions it calls.
     *
     * @throws IllegalArgumentException with the parser's explanation when the expression does not parse
     */
    static Names names(String expression) {
        Tree tree;
        try {
            tree = BUILDER.build(expression);
        } catch (TreeBuilderException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Set<String> identifiers = new LinkedHashSet<>();
        for (IdentifierNode node : tree.getIdentifierNodes()) identifiers.add(node.getName());
        Set<String> functions = new LinkedHashSet<>();
        for (FunctionNode node : tree.getFunctionNodes()) functions.add(node.getName());
        return new Names(identifiers, functions);
    }

    record Names(Set<String> identifiers, Set<String> functions) { }
}
