package vn.motcua.paperwork;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The {@code i18n/paperwork} bundles read directly: the documents are rendered outside any request, and the
 * application's MessageSource is not needed for that. Messages with arguments are {@link MessageFormat} patterns;
 * pass strings so that numbers are not formatted with grouping separators.
 */
final class PaperworkMessages {

    /** The language of every document: they are official Vietnamese documents. */
    static final Locale VIETNAMESE = vn.motcua.shared.Messages.VIETNAMESE;

    private static final String BUNDLE = "i18n.paperwork";

    private final ResourceBundle bundle;
    private final Locale locale;

    private PaperworkMessages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The Vietnamese messages, which the documents are written in. */
    static PaperworkMessages vietnamese() {
        return of(VIETNAMESE);
    }

    /** English if the locale's language is "en", else Vietnamese (also for null). */
    static PaperworkMessages of(Locale locale) {
        Locale effective = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : VIETNAMESE;
        // No fallback to the JVM's default locale: a server running in English must still print Vietnamese.
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, effective, PaperworkMessages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new PaperworkMessages(bundle, effective);
    }

    /**
     * A message; a missing key is a packaging error and fails loudly rather than printing a placeholder on an
     * official document.
     *
     * @throws IllegalStateException if the key is not in the bundle
     */
    String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("message " + key + " is missing from the i18n/paperwork bundle", e);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
