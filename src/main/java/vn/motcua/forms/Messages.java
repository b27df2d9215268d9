package vn.motcua.forms;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts of the {@code i18n/forms} bundles: Vietnamese ({@code forms_vi.properties}) by default and for
 * {@code vi}, English ({@code forms.properties}) for every other language. Java reads the bundles as UTF-8.
 */
final class Messages {

    /** The language of the product's users, used when the caller gives none. */
    static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private static final String BUNDLE = "i18n/forms";

    // Without this, an English request on a server whose default locale is Vietnamese would get Vietnamese.
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(), NO_FALLBACK);
    }

    /** The texts for the locale; null means Vietnamese. */
    static Messages of(Locale locale) {
        return new Messages(locale == null ? VIETNAMESE : locale);
    }

    Locale locale() {
        return locale;
    }

    /** The text for the key with {@link MessageFormat} arguments (numbers formatted for the locale). */
    String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            // A missing text must not break validation; the key at least tells support what is missing.
            return key;
        }
        // Always through MessageFormat, so that bundle texts escape quotes the same way with or without arguments.
        return new MessageFormat(pattern, locale).format(args);
    }

    /**
     * The message of a violation code (see {@link FieldViolation}). Decimal arguments are written in full
     * with the locale's separators (1.000,5 in Vietnamese): MessageFormat alone would round them to three
     * decimals.
     */
    String violation(String code, Object... args) {
        Object[] formatted = args.clone();
        for (int i = 0; i < formatted.length; i++) {
            if (formatted[i] instanceof BigDecimal decimal) {
                NumberFormat format = NumberFormat.getNumberInstance(locale);
                format.setMaximumFractionDigits(Math.max(0, decimal.scale()));
                formatted[i] = format.format(decimal);
            }
        }
        return get("forms.violation." + code, formatted);
    }
}
