package vn.motcua.shared;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The message bundles (i18n/*.properties), Vietnamese first. Services use it to word errors in the caller's language.
 */
@Component
public class Messages {
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource source;

    public Messages(MessageSource source) { this.source = source; }

    /** The message for the current request's locale (Vietnamese by default). */
    public String get(String key, Object... args) {
        return get(LocaleContextHolder.getLocale(), key, args);
    }

    public String get(Locale locale, String key, Object... args) {
        return source.getMessage(key, args, "!" + key + "!", locale == null ? VIETNAMESE : locale);
    }
}
