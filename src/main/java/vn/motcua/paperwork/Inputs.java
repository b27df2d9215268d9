package vn.motcua.paperwork;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Defensive copies of the input records' lists. */
final class Inputs {

    private Inputs() {
    }

    /**
     * An unmodifiable copy; null becomes empty, so that the renderer reports an empty required list by name
     * rather than failing on null.
     *
     * @throws IllegalArgumentException naming the list if it contains null
     */
    static <T> List<T> copy(List<T> list, String name) {
        if (list == null) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(list);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i) == null) {
                throw new IllegalArgumentException(name + "[" + i + "] is null");
            }
        }
        return Collections.unmodifiableList(copy);
    }
}
