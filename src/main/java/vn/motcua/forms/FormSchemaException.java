package vn.motcua.forms;

/**
 * A {@code .form} file that MotCua cannot use: invalid JSON, an unknown or unsupported component type, a
 * missing or duplicate key, a bad {@code validate} value, or a FEEL expression that does not parse.
 *
 * <p>The message is meant for the form designer: it names the component (its id, and its key when it has
 * one) and the problem, e.g. {@code Component 'Field_1x2' (key 'hoTen'): duplicate key 'hoTen', already
 * used by component 'Field_0ab'}.
 */
public class FormSchemaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String component;

    /**
     * @param message   the full explanation, already naming the component
     * @param component the id (or, failing that, key) of the offending component; null for problems of the
     *                  form as a whole
     */
    public FormSchemaException(String message, String component) {
        super(message);
        this.component = component;
    }

    FormSchemaException(String message, String component, Throwable cause) {
        super(message, cause);
        this.component = component;
    }

    /** The id (or key) of the component at fault, or null when the problem concerns the whole form. */
    public String component() {
        return component;
    }
}
