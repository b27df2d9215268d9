package vn.motcua.calendar;

import java.util.Arrays;
import java.util.Objects;

/**
 * Input the calendar refuses; nothing was changed. Carries the name of the offending field or parameter and the key
 * of an explanatory message of the {@code i18n/calendar} bundles, to be worded in the reader's language.
 */
public class CalendarValidationException extends RuntimeException {

    /** A required value is missing. */
    public static final String MISSING = "missing_parameter";
    /** A value is malformed or breaks a rule. */
    public static final String INVALID = "invalid_parameter";
    /** Values contradict each other (e.g. two processing-time units). */
    public static final String CONFLICT = "conflicting_parameters";
    /** A value lies outside the supported range. */
    public static final String OUT_OF_RANGE = "out_of_range";
    /** A value names something that does not exist (an unknown unit); answered with 404 rather than 400. */
    public static final String NOT_FOUND = "not_found";

    private final String code;
    private final String field;
    private final String messageKey;
    private final Object[] args;

    /**
     * @param code       one of the constants of this class
     * @param field      the field or request parameter at fault
     * @param messageKey key of the message in the {@code i18n/calendar} bundles
     * @param args       message arguments, as strings so that they are not reformatted
     */
    public CalendarValidationException(String code, String field, String messageKey, Object... args) {
        super(code + " " + field + ": " + messageKey);
        this.code = Objects.requireNonNull(code, "code");
        this.field = Objects.requireNonNull(field, "field");
        this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
        this.args = args == null ? new Object[0] : args.clone();
    }

    /** Machine-readable reason, one of the constants of this class. */
    public String code() {
        return code;
    }

    /** The field or request parameter at fault. */
    public String field() {
        return field;
    }

    /** Key of the explanation in the {@code i18n/calendar} bundles. */
    public String messageKey() {
        return messageKey;
    }

    /** Arguments of the message. */
    public Object[] args() {
        return args.clone();
    }

    /** The explanation in the language of {@code messages}. */
    public String message(MessageResolver messages) {
        return messages.message(messageKey, args);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + code + ", " + field + ", " + messageKey + ", "
                + Arrays.toString(args) + "]";
    }
}
