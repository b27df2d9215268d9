package vn.motcua.catalogue.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The {@code i18n/catalogue} bundles read directly, so that the linter's messages exist without Spring (start-up,
 * plain tests) and the catalogue's views do not depend on how the application's MessageSource is configured.
 * Vietnamese is the default language, English the other one; messages are {@link MessageFormat} patterns.
 */
public final class CatalogueMessages {
    /** Vietnamese, the default language. */
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private static final String BUNDLE = "i18n.catalogue";

    private CatalogueMessages() { }

    /**
     * A message in one language.
     *
     * @param locale English if its language is "en", else Vietnamese
     * @return the formatted message, or {@code !key!} when the key is unknown
     */
    public static String message(Locale locale, String key, Object... args) {
        Locale effective = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : VIETNAMESE;
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, effective, CatalogueMessages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args == null || args.length == 0 ? pattern : new MessageFormat(pattern, effective).format(args);
    }

    /** The message in Vietnamese then English, for logs and start-up failures that no user's language governs. */
    public static String bilingual(String key, Object... args) {
        String vi = message(VIETNAMESE, key, args);
        String en = message(Locale.ENGLISH, key, args);
        return vi.equals(en) ? vi : vi + " | " + en;
    }
}
