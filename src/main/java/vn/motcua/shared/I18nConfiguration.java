package vn.motcua.shared;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Vietnamese is the default language everywhere; English is the second. Vaadin views and the REST API read the same
 * bundles through Spring's MessageSource.
 */
@Configuration(proxyBeanMethods = false)
class I18nConfiguration {
    static final List<Locale> SUPPORTED = List.of(Messages.VIETNAMESE, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(SUPPORTED);
        resolver.setDefaultLocale(Messages.VIETNAMESE);
        return resolver;
    }

    @Bean
    I18NProvider i18nProvider(MessageSource source) {
        return new I18NProvider() {
            @Override
            public List<Locale> getProvidedLocales() { return SUPPORTED; }

            @Override
            public String getTranslation(String key, Locale locale, Object... params) {
                Locale effective = locale == null || !"en".equals(locale.getLanguage()) ? Messages.VIETNAMESE : Locale.ENGLISH;
                return source.getMessage(key, params, "!" + key + "!", effective);
            }
        };
    }
}
