package vn.motcua.calendar;

/**
 * Looks up a message of the {@code i18n/calendar} bundles in a language chosen by the caller (e.g. Vaadin's
 * {@code getTranslation}, or {@link CalendarMessages#resolver(java.util.Locale)}).
 */
@FunctionalInterface
public interface MessageResolver {

    /**
     * @param key  message key
     * @param args {@link java.text.MessageFormat} arguments; pass strings, not numbers, so that they are not
     *             formatted with grouping separators
     * @return the message, never null
     */
    String message(String key, Object... args);
}
