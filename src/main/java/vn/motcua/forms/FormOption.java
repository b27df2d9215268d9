package vn.motcua.forms;

import java.util.Objects;

/**
 * One choice of a select, radio, checklist or taglist: what the user sees and what is stored.
 *
 * @param label the text shown to the user, never null (the value's text when the file gives no label)
 * @param value the stored value: a {@link String} as Camunda Modeler writes it, or a
 *              {@link java.math.BigDecimal} / {@link Boolean} when a hand-written form or a data source uses
 *              those; never null
 */
public record FormOption(String label, Object value) {

    /** Requires a value; a missing label becomes the value's text. */
    public FormOption {
        Objects.requireNonNull(value, "value");
        label = label == null ? String.valueOf(value) : label;
    }

    /**
     * Whether this option stands for the given data value. Numbers match by numeric value (1, 1.0 and
     * "1" as a BigDecimal are the same choice), everything else by equality, so that data that went
     * through JSON and back still matches its option.
     */
    public boolean matches(Object candidate) {
        return Values.sameValue(value, candidate);
    }
}
