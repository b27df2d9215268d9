package vn.motcua.forms;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * The forms capability as the rest of MotCua uses it: parse a Camunda form, check submitted data against it
 * and get the data to store with the dossier. Views render forms with {@link FormRenderer}.
 *
 * <p>Stateless and thread-safe. Forms are Camunda Modeler {@code .form} files (form-js schema); FEEL in them
 * is evaluated by Camunda's own FEEL engine.
 */
@Service
public class Forms {

    /** Vietnamese time, in which "today" and submitted times are understood unless a caller says otherwise. */
    public static final ZoneId ZONE = vn.motcua.shared.Formats.ZONE;

    private final FormValidator validator;

    /** @param clock the application's clock: it decides "today" (past dates, FEEL's {@code today()}) */
    public Forms(java.time.Clock clock) {
        this.validator = new FormValidator(clock);
    }

    /** A renderer of the form for a screen, with the application's clock and this service's validation rules. */
    public FormRenderer renderer(FormSchema schema, java.util.Locale locale) {
        return new FormRenderer(schema, locale, validator);
    }

    /**
     * Parses a form.
     *
     * @param json the content of a {@code .form} file
     * @return the checked, immutable schema
     * @throws FormSchemaException when the form is unusable; the message names the component and the problem
     * @see FormSchema#parse(String)
     */
    public FormSchema parse(String json) {
        return FormSchema.parse(json);
    }

    /**
     * Checks data against a form (see {@link FormValidator#validate} for the rules).
     *
     * @param locale language of the messages, Vietnamese when null
     * @return the violations, empty when valid
     */
    public List<FieldViolation> validate(FormSchema schema, Map<String, ?> data, Locale locale) {
        return validator.validate(schema, data, locale);
    }

    /**
     * The data to store for a form (see {@link FormValidator#normalize}): visible fields only, defaults and
     * computed values applied, JSON-friendly types.
     */
    public Map<String, Object> normalize(FormSchema schema, Map<String, ?> data) {
        return validator.normalize(schema, data);
    }

    /**
     * Validates and, when valid, normalises in one call: what a service does when a citizen or an officer
     * submits a form.
     *
     * @return the violations, and the data to store (empty map when there are violations)
     */
    public FormSubmission submit(FormSchema schema, Map<String, ?> data, Locale locale) {
        List<FieldViolation> violations = validator.validate(schema, data, locale);
        return new FormSubmission(violations, violations.isEmpty() ? validator.normalize(schema, data) : Map.of());
    }

    /**
     * The files picked in a form's file pickers, as submitted (normalised) data holds them before they are filed: per
     * picker with files, its data path ({@code "banVe"}, {@code "hoSo.banVe"}) and the references given.
     */
    public List<FilePick> filePicks(FormSchema schema, Map<String, Object> data) {
        var picks = new java.util.ArrayList<FilePick>();
        for (FormComponent c : schema.allComponents()) {
            if (c.type() != ComponentType.FILEPICKER || c.bindingPath() == null) continue;
            Object value = DataPath.get(data, List.of(c.bindingPath().split("\\.")));
            if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(String.class::isInstance)) {
                picks.add(new FilePick(c.bindingPath(), c, list.stream().map(String.class::cast).toList()));
            }
        }
        return picks;
    }

    /**
     * Replaces each file picker's references in normalised data by what the resolver makes of them (the files filed
     * with the dossier, or described), in the form's order. Every picker is tried: the resolver's refusals
     * ({@link vn.motcua.shared.InvalidInputException}) are thrown together at the end, one violation per refused
     * picker, so that the user reads them all at once; the caller's transaction then keeps nothing.
     */
    public void resolveFilePicks(FormSchema schema, Map<String, Object> data, java.util.function.Function<FilePick, Object> resolver) {
        var refused = new java.util.ArrayList<vn.motcua.shared.InvalidInputException.Violation>();
        for (FilePick pick : filePicks(schema, data)) {
            try {
                DataPath.put(data, List.of(pick.field().split("\\.")), resolver.apply(pick));
            } catch (vn.motcua.shared.InvalidInputException e) {
                refused.addAll(e.violations());
            }
        }
        if (!refused.isEmpty()) throw new vn.motcua.shared.InvalidInputException(refused);
    }

    /**
     * A file picker's files in submitted data.
     *
     * @param field      the data path of the field, as violations name it
     * @param component  the picker (its {@link FormComponent#accept()} and label)
     * @param references the references of the files uploaded beforehand, in the order given
     */
    public record FilePick(String field, FormComponent component, List<String> references) {
        public FilePick {
            references = List.copyOf(references);
        }
    }

    /**
     * The outcome of {@link #submit}.
     *
     * @param violations the broken rules, empty when the data is valid
     * @param data       the normalised data to store, empty when there are violations
     */
    public record FormSubmission(List<FieldViolation> violations, Map<String, Object> data) {

        /** Copies the violations; the data map is handed over as is (it may hold null values). */
        public FormSubmission {
            violations = List.copyOf(violations);
        }

        /** True when the data broke no rule. */
        public boolean isValid() {
            return violations.isEmpty();
        }
    }
}
