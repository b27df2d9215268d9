package vn.motcua.security.ui;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinService;
import jakarta.servlet.http.Cookie;

/** Tiếng Việt / English: remembered in a cookie and for the session; the page reloads in the chosen language. */
public class LanguageSwitch extends Select<Locale> {
    public static final String COOKIE = "motcua-lang";
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    public LanguageSwitch() { this("language-switch"); }

    /** A switch with its own id (the header's, or the menu's on a phone). */
    public LanguageSwitch(String id) {
        setId(id);
        setItems(VIETNAMESE, Locale.ENGLISH);
        setItemLabelGenerator(l -> "vi".equals(l.getLanguage()) ? "Tiếng Việt" : "English");
        setAriaLabel("Ngôn ngữ / Language");
        setWidth("9rem");
        UI ui = UI.getCurrent();
        setValue(ui != null && "en".equals(ui.getLocale().getLanguage()) ? Locale.ENGLISH : VIETNAMESE);
        addValueChangeListener(e -> {
            if (!e.isFromClient() || e.getValue() == null) return;
            var cookie = new Cookie(COOKIE, e.getValue().getLanguage());
            cookie.setPath("/");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            // Secure over HTTPS, also behind a TLS proxy (X-Forwarded-Proto), like the session cookie
            cookie.setSecure(VaadinService.getCurrentRequest() != null && VaadinService.getCurrentRequest().isSecure());
            if (VaadinService.getCurrentResponse() != null) VaadinService.getCurrentResponse().addCookie(cookie);
            ui.getSession().setLocale(e.getValue());
            ui.getPage().reload();
        });
    }
}
