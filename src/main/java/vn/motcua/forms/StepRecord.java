package vn.motcua.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a completed step decided and why, read from its form's values: the convention by which every step's work
 * shows in the case file (README, <em>Steps, decisions and opinions</em>).
 * <p>
 * A designer marks the fields of a step's form with the custom property {@value #PROPERTY} (in Camunda Modeler:
 * <em>Custom properties</em>): {@code decision} for what the step decided or established (the leader's approval or
 * send-back, the specialist's finding, the register number, the consulted agency's answer, the amount assessed),
 * {@code opinion} for the free text that explains it (the assessment, the send-back reason, the refusal reason, the
 * agency's remarks). A step's decision is its decision fields' values in form order, joined by "; ": a choice shows
 * the label of the option chosen, a yes/no box its label with "có"/"không", any other field its label and value. Its
 * opinion is the text of its opinion fields, one paragraph each. A field without a value (hidden by its condition,
 * left empty) adds nothing.
 *
 * @param decision the step's decision, or null when its form records none
 * @param opinion  the step's opinion, or null when its form records none
 */
public record StepRecord(String decision, String opinion) {
    /** The custom property of a form field that says what it records. */
    public static final String PROPERTY = "recordAs";
    /** {@value #PROPERTY} of the fields that make a step's decision. */
    public static final String DECISION = "decision";
    /** {@value #PROPERTY} of the fields that make a step's opinion. */
    public static final String OPINION = "opinion";

    /** Nothing recorded. */
    public static final StepRecord NONE = new StepRecord(null, null);

    /** The fields of a form marked {@code decision}, in form order. */
    public static List<FormComponent> decisionFields(FormSchema form) { return marked(form, DECISION); }

    /** The fields of a form marked {@code opinion}, in form order. */
    public static List<FormComponent> opinionFields(FormSchema form) { return marked(form, OPINION); }

    /**
     * The decision and opinion of a step completed with this form and these (stored) values, in the given language
     * (null: Vietnamese) for the words the form does not carry itself ("có", "không").
     */
    public static StepRecord of(FormSchema form, Map<String, ?> data, Locale locale) {
        if (form == null || data == null) return NONE;
        Messages messages = Messages.of(locale);
        List<String> decisions = new ArrayList<>();
        for (FormComponent field : decisionFields(form)) {
            String shown = decisionText(field, data.get(field.key()), messages);
            if (shown != null) decisions.add(shown);
        }
        List<String> opinions = new ArrayList<>();
        for (FormComponent field : opinionFields(form)) {
            String text = text(data.get(field.key()), messages);
            if (text != null) opinions.add(text);
        }
        return new StepRecord(decisions.isEmpty() ? null : String.join("; ", decisions),
                opinions.isEmpty() ? null : String.join("\n\n", opinions));
    }

    private static List<FormComponent> marked(FormSchema form, String kind) {
        return form.allComponents().stream()
                .filter(c -> c.key() != null && kind.equals(c.properties().get(PROPERTY)))
                .toList();
    }

    private static String decisionText(FormComponent field, Object value, Messages messages) {
        if (value == null || value instanceof String s && s.isBlank()) return null;
        if (field.type() == ComponentType.CHECKBOX) {
            boolean yes = Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value));
            return label(field) + ": " + messages.get(yes ? "forms.record.yes" : "forms.record.no");
        }
        if (field.type().hasOptions()) {
            List<String> chosen = new ArrayList<>();
            Collection<?> values = value instanceof Collection<?> many ? many : List.of(value);
            for (Object one : values) {
                chosen.add(field.values().stream().filter(o -> o.matches(one)).map(FormOption::label).findFirst()
                        .orElse(String.valueOf(one)));
            }
            return field.type().isMultiValued() ? label(field) + ": " + String.join(", ", chosen) : String.join(", ", chosen);
        }
        String text = text(value, messages);
        return text == null ? null : label(field) + ": " + text;
    }

    private static String text(Object value, Messages messages) {
        if (value == null) return null;
        if (value instanceof BigDecimal d) return d.stripTrailingZeros().toPlainString();
        String text = String.valueOf(value).strip();
        if (text.isEmpty()) return null;
        if (text.length() == 10) {
            try {
                LocalDate day = LocalDate.parse(text);
                return day.format(java.time.format.DateTimeFormatter.ofPattern(messages.get("forms.ui.date.format")));
            } catch (DateTimeParseException notADate) {
                return text;
            }
        }
        return text;
    }

    private static String label(FormComponent field) {
        String label = field.label();
        return label == null || label.isBlank() ? field.key() : label.strip();
    }
}
