package vn.motcua.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading and writing values at dot-separated paths in nested maps, the way form-js binds keys such as
 * {@code "applicant.address.city"}, and formatting the paths reported in {@link FieldViolation#field()}.
 */
final class DataPath {

    private DataPath() {
    }

    /** The value at the path, or null when any step is missing or not a map. */
    static Object get(Map<String, Object> root, List<String> segments) {
        Object current = root;
        for (String segment : segments) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(segment);
        }
        return current;
    }

    /** True when the path leads to an entry (even one holding null). */
    static boolean contains(Map<String, Object> root, List<String> segments) {
        if (segments.isEmpty()) {
            return true;
        }
        Object parent = get(root, segments.subList(0, segments.size() - 1));
        return parent instanceof Map<?, ?> map && map.containsKey(segments.get(segments.size() - 1));
    }

    /**
     * Stores a value at the path, creating (or replacing non-map values by) intermediate maps. The maps
     * along the way must be mutable, as those made by {@link Values#deepCopy(Object)} are.
     */
    @SuppressWarnings("unchecked")
    static void put(Map<String, Object> root, List<String> segments, Object value) {
        Map<String, Object> current = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            Object next = current.get(segments.get(i));
            if (!(next instanceof Map<?, ?>)) {
                next = new LinkedHashMap<String, Object>();
                current.put(segments.get(i), next);
            }
            current = (Map<String, Object>) next;
        }
        current.put(segments.get(segments.size() - 1), value);
    }

    /** The map at the path, created when missing (a non-map value there is replaced). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> getOrCreateMap(Map<String, Object> root, List<String> segments) {
        if (segments.isEmpty()) {
            return root;
        }
        Object existing = get(root, segments);
        if (existing instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        Map<String, Object> created = new LinkedHashMap<>();
        put(root, segments, created);
        return created;
    }

    /** Removes the entry at the path, if there is one. */
    @SuppressWarnings("unchecked")
    static void remove(Map<String, Object> root, List<String> segments) {
        if (segments.isEmpty()) {
            return;
        }
        Object parent = get(root, segments.subList(0, segments.size() - 1));
        if (parent instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).remove(segments.get(segments.size() - 1));
        }
    }

    /**
     * Appends segments to a reported path: {@code join("children[0]", "name")} is {@code "children[0].name"},
     * {@code join("", "hoTen")} is {@code "hoTen"}.
     */
    static String join(String prefix, List<String> segments) {
        String tail = String.join(".", segments);
        if (prefix.isEmpty()) {
            return tail;
        }
        return tail.isEmpty() ? prefix : prefix + "." + tail;
    }

    /** The reported path of a list item: {@code item("children", 1)} is {@code "children[1]"}. */
    static String item(String listPath, int index) {
        return listPath + "[" + index + "]";
    }
}
