package vn.motcua.security.ui;

import java.util.Arrays;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.core.env.Environment;

/** Đăng nhập: the one sign-in for the application and Camunda's webapps. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final LoginForm login = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    public LoginView(Environment environment,
                     org.springframework.beans.factory.ObjectProvider<org.springframework.security.oauth2.client.registration.ClientRegistrationRepository> registrations) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("login.forgot"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        i18n.getErrorMessage().setUsername(getTranslation("login.error.username"));
        i18n.getErrorMessage().setPassword(getTranslation("login.error.password"));
        login.setI18n(i18n);
        login.setForgotPasswordButtonVisible(false);
        login.setAction("login");

        add(new H1(getTranslation("app.title")), new Paragraph(getTranslation("app.subtitle")), login);
        // Citizens sign in with the national e-identity provider, when one is configured
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object r : all) {
                var registration = (org.springframework.security.oauth2.client.registration.ClientRegistration) r;
                var link = new com.vaadin.flow.component.html.Anchor("oauth2/authorization/" + registration.getRegistrationId(),
                        getTranslation("login.eid", registration.getClientName()));
                link.setRouterIgnore(true);
                link.setId("login-eid-" + registration.getRegistrationId());
                link.addClassName("eid-sign-in");
                link.getStyle().set("display", "inline-block").set("padding", "0.6em 1.2em").set("border-radius", "var(--lumo-border-radius-m)")
                        .set("background", "var(--lumo-error-color)").set("color", "var(--lumo-primary-contrast-color)")
                        .set("font-weight", "600").set("text-decoration", "none");
                var box = new Div(new Paragraph(getTranslation("login.eid.hint")), link);
                box.getStyle().set("max-width", "28rem").set("text-align", "center");
                add(box);
            }
        }
        add(new LanguageSwitch());
        if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
            var hint = new Div(new Paragraph(getTranslation("login.demo.hint")));
            hint.setId("demo-hint");
            hint.getStyle().set("max-width", "28rem").set("color", "var(--lumo-secondary-text-color)")
                    .set("font-size", "var(--lumo-font-size-s)");
            add(hint);
        }
    }

    /**
     * {@code ?error}: wrong username or password; {@code ?locked=N}: sign-in locked for N more minutes after too many
     * failures; {@code ?expired}: the form was sent without this session's token (it had expired, or came from
     * elsewhere) and nobody was signed in.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("locked")) {
            Integer minutes = parameters.get("locked").stream().filter(v -> v.matches("\\d{1,5}")).findFirst()
                    .map(Integer::valueOf).orElse(null);
            i18n.getErrorMessage().setTitle(getTranslation("login.locked.title"));
            i18n.getErrorMessage().setMessage(minutes == null ? getTranslation("login.locked.messageNoTime")
                    : getTranslation("login.locked.message", minutes));
        } else if (parameters.containsKey("eid")) {
            String why = parameters.get("eid").stream().filter(v -> v.matches("identity|disabled|provider")).findFirst().orElse("provider");
            i18n.getErrorMessage().setTitle(getTranslation("login.eid.error.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.eid.error." + why));
        } else if (parameters.containsKey("expired")) {
            i18n.getErrorMessage().setTitle(getTranslation("login.expired.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.expired.message"));
        }
        login.setI18n(i18n);
        login.setError(parameters.containsKey("error") || parameters.containsKey("locked") || parameters.containsKey("expired")
                || parameters.containsKey("eid"));
    }

    @Override
    public String getPageTitle() { return getTranslation("login.pageTitle"); }
}
