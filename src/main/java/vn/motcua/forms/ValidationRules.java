package vn.motcua.forms;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The {@code validate} block of a form-js component.
 *
 * @param required       a value must be given
 * @param min            lower bound of a number, or null
 * @param max            upper bound of a number, or null
 * @param minLength      minimum length of a text (trimmed, in characters), or null
 * @param maxLength      maximum length of a text (trimmed, in characters), or null
 * @param pattern        Java regular expression the whole text must match, or null. Compiled once at parse
 *                       time; form-js patterns are written for JavaScript, and the common subset (classes,
 *                       quantifiers, groups, Unicode escapes) means the same in Java
 * @param validationType predefined format ({@code email} or {@code phone}), or null
 */
public record ValidationRules(boolean required, Bound min, Bound max, Bound minLength, Bound maxLength,
                              Pattern pattern, ValidationType validationType) {

    /** No rules at all: what a component without a {@code validate} block gets. */
    public static final ValidationRules NONE = new ValidationRules(false, null, null, null, null, null, null);

    /** The predefined formats of {@code validate.validationType}. */
    public enum ValidationType {
        /** An e-mail address ({@code name@domain.tld}). */
        EMAIL,
        /**
         * A phone number: international ({@code +84 912 345 678}, {@code 0084...}) or Vietnamese national
         * ({@code 0912345678}, {@code 024 3825 1234}); spaces, dots and dashes between digits are allowed.
         */
        PHONE
    }

    /**
     * A bound given either as a number or as a FEEL expression (form-js accepts {@code "min": "=minAge"}),
     * evaluated against the form data when validating.
     *
     * @param value      the fixed bound, or null when {@code expression} is set
     * @param expression the FEEL expression including its leading {@code =}, or null when {@code value} is set
     */
    public record Bound(BigDecimal value, String expression) {

        /** Requires exactly one of value and expression. */
        public Bound {
            if ((value == null) == (expression == null)) {
                throw new IllegalArgumentException("a bound is either a value or an expression");
            }
        }

        /** A fixed bound. */
        public static Bound of(BigDecimal value) {
            return new Bound(value, null);
        }

        /** A bound computed from the data by a FEEL expression starting with {@code =}. */
        public static Bound ofExpression(String expression) {
            return new Bound(null, expression);
        }

        /** True when the bound is computed by FEEL. */
        public boolean isExpression() {
            return expression != null;
        }
    }

    /** True when no rule is set. */
    public boolean isEmpty() {
        return !required && min == null && max == null && minLength == null && maxLength == null
                && pattern == null && validationType == null;
    }
}
