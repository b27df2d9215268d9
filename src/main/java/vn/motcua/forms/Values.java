package vn.motcua.forms;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Conversions between the loosely typed data a form works on (maps from JSON, Vaadin field values, FEEL
 * results) and the JSON-friendly shape MotCua stores: {@link String}, {@link BigDecimal}, {@link Boolean},
 * {@link List} and {@link Map} with string keys, nothing else.
 */
final class Values {

    private Values() {
    }

    /**
     * A deep, mutable copy of JSON-like data: maps become {@link LinkedHashMap}s with string keys,
     * collections and arrays become {@link ArrayList}s, scalars are shared (they are immutable).
     */
    @SuppressWarnings("unchecked")
    static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return copy;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> copy = new ArrayList<>(collection.size());
            collection.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        if (value instanceof Object[] array) {
            List<Object> copy = new ArrayList<>(array.length);
            for (Object v : array) {
                copy.add(deepCopy(v));
            }
            return copy;
        }
        return value;
    }

    /** {@link #deepCopy(Object)} of a map; null becomes an empty map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopyMap(Map<String, ?> map) {
        return map == null ? new LinkedHashMap<>() : (Map<String, Object>) deepCopy(map);
    }

    /** True for {@link Number}s that stand for a finite value. */
    static boolean isFiniteNumber(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d);
        }
        if (value instanceof Float f) {
            return Float.isFinite(f);
        }
        return value instanceof Number;
    }

    /** The exact decimal value of a finite number; null for anything else (including NaN and infinities). */
    static BigDecimal toBigDecimal(Object value) {
        if (!isFiniteNumber(value)) {
            return null;
        }
        if (value instanceof BigDecimal bd) {
            return bd;
        }
        if (value instanceof BigInteger bi) {
            return new BigDecimal(bi);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        // Doubles through their shortest decimal text, so that 0.1 stays 0.1 and not 0.1000000000000000055...
        return new BigDecimal(value.toString());
    }

    /** A decimal parsed from text, or null when the text is not a plain decimal number. */
    static BigDecimal parseDecimal(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        if (trimmed.isEmpty() || !trimmed.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        return new BigDecimal(trimmed);
    }

    /**
     * Whether two data values stand for the same choice: numbers by numeric value, anything else by
     * equality. Used to match data against declared options.
     */
    static boolean sameValue(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            BigDecimal x = toBigDecimal(a);
            BigDecimal y = toBigDecimal(b);
            return x != null && y != null && x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    /**
     * Whether a value counts as "not given" for the {@code required} rule: null, blank text (a value of
     * spaces only is not an answer on an administrative form, even though form-js accepts it), an empty
     * list, or {@code false} for a checkbox.
     */
    static boolean isEmpty(Object value, ComponentType type) {
        if (value == null) {
            return true;
        }
        if (value instanceof String s) {
            return s.isBlank();
        }
        if (value instanceof Collection<?> c) {
            return c.isEmpty();
        }
        return type == ComponentType.CHECKBOX && Boolean.FALSE.equals(value);
    }

    /**
     * A FEEL result in the stored shape: numbers as {@link BigDecimal} without trailing zeros, temporal
     * values as ISO text (like the strings form-js stores), lists and contexts converted recursively;
     * anything that has no JSON form (functions, ranges) becomes null.
     */
    static Object fromFeel(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number) {
            BigDecimal decimal = toBigDecimal(value);
            return decimal == null ? null : canonical(decimal);
        }
        if (value instanceof LocalDate || value instanceof LocalTime || value instanceof LocalDateTime
                || value instanceof OffsetTime || value instanceof Period || value instanceof Duration) {
            return value.toString();
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        if (value instanceof ZonedDateTime zdt) {
            return zdt.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), fromFeel(v)));
            return copy;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> copy = new ArrayList<>(collection.size());
            collection.forEach(v -> copy.add(fromFeel(v)));
            return copy;
        }
        return null;
    }

    /** A decimal without trailing zeros and never in exponent form for whole numbers (5.0 → 5, 1E+3 → 1000). */
    static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * A value rendered as plain text for templates and labels: null as empty, numbers without exponent,
     * lists joined with commas.
     */
    static String toText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal bd) {
            return bd.toPlainString();
        }
        if (value instanceof Collection<?> collection) {
            List<String> parts = new ArrayList<>();
            collection.forEach(v -> parts.add(toText(v)));
            return String.join(", ", parts);
        }
        return String.valueOf(value);
    }
}
