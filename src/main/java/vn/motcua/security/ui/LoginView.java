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

    public LoginView(Environment environment) {
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

        add(new H1(getTranslation("app.title")), new Paragraph(getTranslation("app.subtitle")), login,
                new LanguageSwitch());
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
        } else if (parameters.containsKey("expired")) {
            i18n.getErrorMessage().setTitle(getTranslation("login.expired.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.expired.message"));
        }
        login.setI18n(i18n);
        login.setError(parameters.containsKey("error") || parameters.containsKey("locked") || parameters.containsKey("expired"));
    }

    @Override
    public String getPageTitle() { return getTranslation("login.pageTitle"); }
}
