package vn.motcua.calendar.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.i18n.I18NProvider;

import vn.motcua.calendar.CalendarMessages;

/** Serves the calendar bundles to Vaadin in view tests, as the application's MessageSource-backed provider does. */
public class CalendarTestI18NProvider implements I18NProvider {

    @Override
    public List<Locale> getProvidedLocales() {
        return CalendarMessages.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return CalendarMessages.message(locale, key, params);
    }
}
