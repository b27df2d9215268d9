package vn.motcua.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.security.ui.AccessDeniedView;
import vn.motcua.security.ui.LoginView;
import vn.motcua.security.ui.MainLayout;
import vn.motcua.security.ui.NotFoundView;

/**
 * An unknown address and a view the user may not open show a translated page inside the application's frame (menu,
 * user, language) with the way back to the start page, not a bare error page.
 */
@MotCuaTest
class ErrorViewsTest {
    @Autowired ApplicationContext context;
    @Autowired TestUsers users;

    @BeforeEach
    void setUp() { KaribuViews.setUp(context); }

    @AfterEach
    void tearDown() { KaribuViews.tearDown(users); }

    @Test
    void anUnknownAddressShowsATranslatedNotFoundPageInsideTheMainLayoutWithTheWayHome() {
        KaribuViews.signInAs(users, "clerk");
        open("khong-co-trang-nay");

        assertThat(chain()).hasSize(2);
        assertThat(chain().get(0)).isInstanceOf(NotFoundView.class);
        assertThat(chain().get(1)).as("inside the application's frame").isInstanceOf(MainLayout.class);
        assertThat(_get(NotFoundView.class, spec -> spec.withId("error-not-found")).getChildren()
                .filter(H2.class::isInstance).map(h -> ((H2) h).getText()).findFirst()).contains("Không tìm thấy trang");
        RouterLink home = _get(RouterLink.class, spec -> spec.withId("error-home"));
        assertThat(home.getHref()).as("the start page").isEmpty();
        assertThat(home.getText()).isEqualTo("Về trang chủ");
    }

    @Test
    void aViewTheRolesDoNotOpenShowsATranslatedAccessDeniedPageInsideTheMainLayout() {
        KaribuViews.signInAs(users, "clerk");
        UI.getCurrent().navigate("supervision");

        assertThat(chain().get(0)).isInstanceOf(AccessDeniedView.class);
        assertThat(chain().get(1)).isInstanceOf(MainLayout.class);
        assertThat(_get(AccessDeniedView.class).getChildren().filter(H2.class::isInstance)
                .map(h -> ((H2) h).getText()).findFirst()).contains("Không có quyền truy cập");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Không có quyền truy cập");
        assertThat(_get(RouterLink.class, spec -> spec.withId("error-home")).getHref()).isEmpty();
    }

    @Test
    void theErrorPagesSpeakEnglishWhenChosen() {
        KaribuViews.signInAs(users, "clerk");
        VaadinSession.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("admin/users");
        assertThat(_get(AccessDeniedView.class).getChildren().filter(H2.class::isInstance)
                .map(h -> ((H2) h).getText()).findFirst()).contains("Access denied");
        open("no-such-page");
        assertThat(_get(NotFoundView.class).getChildren().filter(H2.class::isInstance)
                .map(h -> ((H2) h).getText()).findFirst()).contains("Page not found");
        assertThat(_get(RouterLink.class, spec -> spec.withId("error-home")).getText()).isEqualTo("Go to the start page");
    }

    /** A screen whose service refuses the user while it opens (as a {@code @PreAuthorize} method does). */
    @jakarta.annotation.security.PermitAll
    public static class RefusingScreen extends com.vaadin.flow.component.html.Div {
        public RefusingScreen() {
            throw new org.springframework.security.access.AccessDeniedException("unit 42 is not the caller's");
        }
    }

    @Test
    void aServiceRefusalWhileAScreenOpensShowsTheSameAccessDeniedPageWithoutItsReason() {
        KaribuViews.signInAs(users, "clerk");
        com.vaadin.flow.router.RouteConfiguration.forSessionScope().setRoute("refusing", RefusingScreen.class, MainLayout.class);
        UI.getCurrent().navigate("refusing");

        assertThat(chain().get(0)).isInstanceOf(vn.motcua.security.ui.ForbiddenView.class);
        assertThat(chain().get(1)).isInstanceOf(MainLayout.class);
        var page = (com.vaadin.flow.component.Component) chain().get(0);
        assertThat(page.getChildren().filter(H2.class::isInstance).map(h -> ((H2) h).getText()).findFirst())
                .contains("Không có quyền truy cập");
        assertThat(page.getElement().getOuterHTML()).doesNotContain("unit 42");
    }

    @Test
    void visitorsWhoAreNotSignedInStillGoToTheSignInPage() {
        UI.getCurrent().navigate("supervision");
        assertThat(chain().get(0)).isInstanceOf(LoginView.class);
    }

    /**
     * Opens an address as the browser does when it is typed or bookmarked (a page load handled by the server's router;
     * {@code UI.navigate} hands addresses without a server route to the client-side router instead).
     */
    private static void open(String address) {
        UI ui = UI.getCurrent();
        ui.getInternals().getRouter().navigate(ui, new Location(address), NavigationTrigger.PAGE_LOAD);
    }

    private static List<HasElement> chain() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain();
    }
}
