package vn.motcua.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import java.util.HashSet;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import kotlin.jvm.functions.Function0;
import org.springframework.context.ApplicationContext;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.TestUsers;
import vn.motcua.catalogue.DossierComponent;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.forms.FormRenderer;

/** Vaadin views without a browser (Karibu-Testing) inside the real Spring application, signed in as a demo user. */
public final class KaribuViews {
    private static final Routes ROUTES = new Routes().autoDiscoverViews("vn.motcua");

    private KaribuViews() { }

    public static void setUp(ApplicationContext context) {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
    }

    /** Signs in for the service layer and for the view access checks (request principal and roles). */
    public static void signInAs(TestUsers users, String username) {
        principal(users.signInAs(username));
    }

    /** As the browser reloads the page: a new UI with its layout built again, the same signed-in context. */
    public static void reload(ApplicationContext context) {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        MockVaadin.tearDown();
        setUp(context);
        if (auth != null) principal(auth);
    }

    private static void principal(org.springframework.security.core.Authentication auth) {
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, role) -> auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
    }

    /** Fills the intake view with a valid birth registration (1.001193), every component ticked, not yet received. */
    @SuppressWarnings("unchecked")
    static void fillValidBirthRegistration(ProcedureCatalogue catalogue) {
        Procedure birth = catalogue.procedure(BirthRegistrationSample.PROCEDURE).orElseThrow();
        ((ComboBox<Procedure>) _get(ComboBox.class, spec -> spec.withId("intake-procedure"))).setValue(birth);
        _get(TextField.class, spec -> spec.withId("applicant-fullName")).setValue("Trần Thị Mỹ Lệ");
        _get(TextField.class, spec -> spec.withId("applicant-phone")).setValue("0912345678");
        _get(FormRenderer.class).setValues(BirthRegistrationSample.intakeData());
        ((CheckboxGroup<DossierComponent>) _get(CheckboxGroup.class, spec -> spec.withId("intake-checklist")))
                .setValue(new HashSet<>(birth.components()));
    }

    public static void tearDown(TestUsers users) {
        users.signOut();
        MockVaadin.tearDown();
    }
}
