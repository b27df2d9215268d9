package vn.motcua.ui;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import kotlin.jvm.functions.Function0;
import org.springframework.context.ApplicationContext;
import vn.motcua.TestUsers;

/** Vaadin views without a browser (Karibu-Testing) inside the real Spring application, signed in as a demo user. */
final class KaribuViews {
    private static final Routes ROUTES = new Routes().autoDiscoverViews("vn.motcua");

    private KaribuViews() { }

    static void setUp(ApplicationContext context) {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
    }

    /** Signs in for the service layer and for the view access checks (request principal and roles). */
    static void signInAs(TestUsers users, String username) {
        var auth = users.signInAs(username);
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, role) -> auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
    }

    static void tearDown(TestUsers users) {
        users.signOut();
        MockVaadin.tearDown();
    }
}
