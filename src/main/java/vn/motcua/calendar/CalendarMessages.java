package vn.motcua.calendar;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The {@code i18n/calendar} bundles read directly, for code that runs without Vaadin's I18NProvider (the REST API,
 * tests). Vietnamese is the default language; English is the other supported one. Messages without arguments are
 * returned as written; with arguments they are {@link MessageFormat} patterns, as with Spring's MessageSource.
 */
public final class CalendarMessages {

    /** Vietnamese, the default language. */
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    /** The languages the bundles provide, the default first. */
    public static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);

    private static final String BUNDLE = "i18n.calendar";

    private CalendarMessages() {
    }

    /**
     * The supported language best matching an HTTP {@code Accept-Language} header.
     *
     * @param acceptLanguage the header value, possibly null, blank or malformed
     * @return {@link Locale#ENGLISH} or {@link #VIETNAMESE}; Vietnamese when nothing matches
     */
    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return VIETNAMESE;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return match == null ? VIETNAMESE : match;
        } catch (IllegalArgumentException malformed) {
            return VIETNAMESE;
        }
    }

    /**
     * A resolver for one language.
     *
     * @param locale English if its language is "en", else Vietnamese
     */
    public static MessageResolver resolver(Locale locale) {
        Locale effective = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : VIETNAMESE;
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, effective, CalendarMessages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return (key, args) -> format(bundle, effective, key, args);
    }

    /** A message in one language; see {@link #resolver(Locale)}. Unknown keys give {@code !key!}. */
    public static String message(Locale locale, String key, Object... args) {
        return resolver(locale).message(key, args);
    }

    private static String format(ResourceBundle bundle, Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args == null || args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
