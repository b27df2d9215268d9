package vn.motcua.forms;

import java.util.Objects;

/**
 * One broken rule found by {@link FormValidator#validate}.
 *
 * @param field   where the problem is: the data path of the field, e.g. {@code "hoTen"}, {@code "me.hoTen"}
 *                inside a group with a path, or {@code "children[1].name"} inside a dynamic list (list indexes
 *                start at 0, like the stored JSON array)
 * @param code    a stable, language-independent code, one of the constants of this class, for callers that
 *                react to a kind of problem (and for tests)
 * @param message the explanation for the user in the requested locale, from the {@code i18n/forms} bundle
 */
public record FieldViolation(String field, String code, String message) {

    /** A value is required and none was given (empty text, unchecked required box, empty choice list). */
    public static final String REQUIRED = "required";
    /** A text field holds something that is not text. */
    public static final String TYPE_TEXT = "type.text";
    /** A number field holds something that is not a number. */
    public static final String TYPE_NUMBER = "type.number";
    /** A checkbox holds something that is not true/false. */
    public static final String TYPE_BOOLEAN = "type.boolean";
    /** A date field does not hold an ISO date ({@code yyyy-MM-dd}). */
    public static final String TYPE_DATE = "type.date";
    /** A time field does not hold an ISO time ({@code HH:mm}, optionally with seconds and offset). */
    public static final String TYPE_TIME = "type.time";
    /** A date-time field does not hold an ISO date-time ({@code yyyy-MM-ddTHH:mm}, optionally with offset). */
    public static final String TYPE_DATETIME = "type.datetime";
    /** A checklist, taglist or dynamic list does not hold a list. */
    public static final String TYPE_LIST = "type.list";
    /** A group with a path, or an item of a dynamic list, does not hold an object. */
    public static final String TYPE_OBJECT = "type.object";
    /** A number is below {@code validate.min}. */
    public static final String MIN = "min";
    /** A number is above {@code validate.max}. */
    public static final String MAX = "max";
    /** A text is shorter than {@code validate.minLength}. */
    public static final String MIN_LENGTH = "minLength";
    /** A text is longer than {@code validate.maxLength}. */
    public static final String MAX_LENGTH = "maxLength";
    /** A text does not match {@code validate.pattern} as a whole. */
    public static final String PATTERN = "pattern";
    /** A text is not an e-mail address ({@code validate.validationType = "email"}). */
    public static final String EMAIL = "email";
    /** A text is not a phone number ({@code validate.validationType = "phone"}). */
    public static final String PHONE = "phone";
    /** A choice is not among the declared options. */
    public static final String OPTION = "option";
    /** A number has a fractional part although the field allows none ({@code decimalDigits = 0}). */
    public static final String INTEGER = "integer";
    /** A number has more decimal digits than {@code decimalDigits}. */
    public static final String DECIMAL_DIGITS = "decimalDigits";
    /** A number is not a multiple of the field's {@code increment}. */
    public static final String INCREMENT = "increment";
    /** A text holds a control character (NUL, ESC, BEL, DEL...), which would be stored and printed as is. */
    public static final String CONTROL = "control";
    /** A text field (one line) holds a line break, which would print as a forged line of a document. */
    public static final String SINGLE_LINE = "singleLine";
    /** A date lies before 1900 or after 2100: no declaration is about such a date. */
    public static final String DATE_RANGE = "dateRange";
    /** A file picker holds something other than references of files uploaded beforehand. */
    public static final String TYPE_FILES = "type.files";
    /** A file picker without {@code multiple} holds more than one file. */
    public static final String SINGLE_FILE = "singleFile";
    /** A file picker holds more files than one form may bring ({@link FormValidator#MAX_FILES}). */
    public static final String TOO_MANY_FILES = "tooManyFiles";
    /** A date lies in the past although the field has {@code disallowPassedDates}. */
    public static final String DATE_PASSED = "datePassed";

    /** Checks that no component is null. */
    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
