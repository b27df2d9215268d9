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

    /** The message in the current user's language (Vietnamese by default). */
    public String get(String key, Object... args) {
        return get(locale(), key, args);
    }

    /**
     * The current user's language: the Vaadin UI's when called from a view, else the REST request's
     * (Accept-Language), else Vietnamese — never the server's own default locale.
     */
    public static Locale locale() {
        var ui = com.vaadin.flow.component.UI.getCurrent();
        if (ui != null && ui.getLocale() != null) return supported(ui.getLocale());
        var context = LocaleContextHolder.getLocaleContext();
        if (context != null && context.getLocale() != null) return supported(context.getLocale());
        return VIETNAMESE;
    }

    /**
     * The language of a request outside Spring MVC (a servlet filter, an error written by the container): English
     * when its Accept-Language asks for it, else Vietnamese.
     */
    public static Locale locale(jakarta.servlet.http.HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? VIETNAMESE : supported(request.getLocale());
    }

    private static Locale supported(Locale locale) {
        return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : VIETNAMESE;
    }

    public String get(Locale locale, String key, Object... args) {
        return source.getMessage(key, args, "!" + key + "!", locale == null ? VIETNAMESE : locale);
    }
}
