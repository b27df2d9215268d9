package vn.motcua.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The query string of a paged list at the API: {@code page} (from 0, default 0), {@code size} (1..1000, default 50;
 * {@code limit} is read as {@code size} for older callers), {@code sort=column[,asc|desc]} and typed filters. A value
 * that does not parse answers 400 naming the parameter; nothing is guessed.
 */
public final class ListQuery {
    public static final int DEFAULT_SIZE = 50;

    private final Map<String, String> values;
    private final Messages messages;

    public ListQuery(Map<String, String> values, Messages messages) {
        this.values = values;
        this.messages = messages;
    }

    /** The sort column and direction. */
    public record Sort<T>(T column, boolean ascending) { }

    public String text(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) return null;
        var problem = PlainText.problem(v, false);
        if (problem == PlainText.Problem.CONTROL) throw new InvalidInputException(name, messages.get("error.field.control", name));
        if (problem == PlainText.Problem.LINE_BREAK) throw new InvalidInputException(name, messages.get("error.field.singleLine", name));
        return PlainText.normalize(v, false);
    }

    public int page() {
        Integer p = integer("page");
        if (p == null) return 0;
        if (p < 0) throw new InvalidInputException("page", messages.get("error.field.range", "page", 0, Integer.MAX_VALUE));
        return p;
    }

    public int size() {
        Integer s = integer("size");
        if (s == null) s = integer("limit");
        if (s == null) return DEFAULT_SIZE;
        if (s < 1 || s > ResultPage.MAX_SIZE) {
            String name = values.containsKey("size") ? "size" : "limit";
            throw new InvalidInputException(name, messages.get("error.field.range", name, 1, ResultPage.MAX_SIZE));
        }
        return s;
    }

    public Integer integer(String name) {
        String v = text(name);
        if (v == null) return null;
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, messages.get("error.field.invalid", name));
        }
    }

    public LocalDate date(String name) {
        String v = text(name);
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, messages.get("error.field.invalid", name));
        }
    }

    public Boolean bool(String name) {
        String v = text(name);
        if (v == null) return null;
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidInputException(name, messages.get("error.field.invalid", name));
        };
    }

    /** {@code sort=column} or {@code sort=column,asc|desc}; an unknown column answers 400 listing the known ones. */
    public <T> Sort<T> sort(Function<String, Optional<T>> columns, T defaultColumn, List<String> known) {
        String v = text("sort");
        if (v == null) return new Sort<>(defaultColumn, true);
        String[] parts = v.split(",");
        T column = columns.apply(parts[0].trim()).orElseThrow(() -> invalid("sort", known));
        boolean ascending = true;
        if (parts.length > 1) {
            switch (parts[1].trim().toLowerCase(Locale.ROOT)) {
                case "asc" -> ascending = true;
                case "desc" -> ascending = false;
                default -> throw invalid("sort", List.of("asc", "desc"));
            }
        }
        return new Sort<>(column, ascending);
    }

    public InvalidInputException invalid(String name, List<String> allowed) {
        return new InvalidInputException(name, messages.get("error.field.oneOf", name, allowed.toString()));
    }
}
