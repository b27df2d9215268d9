package vn.motcua.security;

import java.util.Locale;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinRequestInterceptor;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.motcua.security.ui.LanguageSwitch;

/**
 * Vietnamese first: a new session speaks Vietnamese unless the user chose English before (cookie), whatever the
 * browser's language; and the services called from the UI word their messages in the session's language.
 */
@Component
class LocaleSetup implements VaadinServiceInitListener {
    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setLocale(chosen(e.getRequest())));
        event.getSource().addUIInitListener(e -> {
            var session = e.getUI().getSession();
            e.getUI().setLocale(session.getLocale() != null && "en".equals(session.getLocale().getLanguage())
                    ? Locale.ENGLISH : LanguageSwitch.VIETNAMESE);
        });
        event.addVaadinRequestInterceptor(new VaadinRequestInterceptor() {
            @Override
            public void requestStart(VaadinRequest request, VaadinResponse response) {
                VaadinSession session = VaadinSession.getCurrent();
                if (session != null && session.getLocale() != null) LocaleContextHolder.setLocale(session.getLocale());
            }

            @Override
            public void handleException(VaadinRequest request, VaadinResponse response, VaadinSession session, Exception t) { }

            @Override
            public void requestEnd(VaadinRequest request, VaadinResponse response, VaadinSession session) {
                LocaleContextHolder.resetLocaleContext();
            }
        });
    }

    private static Locale chosen(VaadinRequest request) {
        if (request != null && request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (LanguageSwitch.COOKIE.equals(c.getName()) && "en".equals(c.getValue())) return Locale.ENGLISH;
            }
        }
        return LanguageSwitch.VIETNAMESE;
    }
}
