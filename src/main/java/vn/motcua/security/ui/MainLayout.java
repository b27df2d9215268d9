package vn.motcua.security.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.component.dependency.StyleSheet;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.security.CurrentUser;
import vn.motcua.security.WorkingUnits;

/**
 * The frame of every view: the application's name, the signed-in user and their unit, the language, sign-out, and
 * the menu of the views this user may open (each view declares itself with {@code @Menu}).
 */
@Layout
@AnonymousAllowed
@StyleSheet("context://css/motcua.css")
public class MainLayout extends AppLayout {

    public MainLayout(CurrentUser currentUser, OrganisationService organisation, AuthenticationContext authentication,
                      WorkingUnits workingUnits) {
        var title = new Span(getTranslation("app.title"));
        title.addClassName("app-title");
        var header = new HorizontalLayout(new DrawerToggle(), title);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.addClassName("app-header");
        header.expand(title);
        var narrowExtras = new com.vaadin.flow.component.html.Div();
        narrowExtras.setId("menu-extras");
        narrowExtras.addClassName("narrow-only");

        currentUser.get().ifPresentOrElse(user -> {
            String unit = user.unitId() == null ? "" : organisation.unit(user.unitId())
                    .map(u -> " · " + u.displayName(getLocale())).orElse("");
            var who = new Span(user.fullName() + unit);
            who.setId("current-user");
            who.addClassName("current-user");
            var logout = new Button(getTranslation("action.logout"), e -> authentication.logout());
            logout.setId("logout");
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            header.add(who);
            var units = workingUnits.choices();
            if (units.size() > 1) header.add(workingUnit(units, workingUnits));
            header.add(wide(new LanguageSwitch()), logout);
            var whoInMenu = new Span(user.fullName() + unit);
            whoInMenu.addClassName("current-user-menu");
            narrowExtras.add(whoInMenu);
        }, () -> {
            var login = new Button(getTranslation("action.login"), e -> getUI().ifPresent(ui -> ui.navigate("login")));
            login.setId("header-login");
            header.add(wide(new LanguageSwitch()), login);
        });
        addToNavbar(header);
        // On a phone the header keeps one line (the menu button, the name, sign-in or sign-out): the language and
        // the user's name move into the menu
        narrowExtras.add(new LanguageSwitch("language-switch-menu"));

        var nav = new SideNav();
        nav.setId("main-menu");
        MenuConfiguration.getMenuEntries().forEach(entry ->
                nav.addItem(new SideNavItem(translated(entry.title()), entry.path())));
        addToDrawer(nav, narrowExtras);
        setPrimarySection(Section.DRAWER);
    }

    /**
     * A person who works for several units chooses the one they work in: kept in their session, and the page is shown
     * again for that unit (its dossiers, tasks, desk and reports).
     */
    private com.vaadin.flow.component.Component workingUnit(java.util.List<vn.motcua.organisation.Unit> units,
                                                            WorkingUnits workingUnits) {
        var select = new com.vaadin.flow.component.select.Select<vn.motcua.organisation.Unit>();
        select.setId("working-unit");
        select.setAriaLabel(getTranslation("layout.workingUnit"));
        select.setTooltipText(getTranslation("layout.workingUnit"));
        select.setItems(units);
        select.setItemLabelGenerator(u -> u.displayName(getLocale()));
        select.setValue(units.get(0));
        select.addValueChangeListener(e -> {
            if (e.getValue() == null || e.getValue().equals(e.getOldValue())) return;
            var context = workingUnits.switchTo(e.getValue().identifier());
            var session = com.vaadin.flow.server.VaadinSession.getCurrent();
            if (session != null && session.getSession() != null) {
                session.getSession().setAttribute(org.springframework.security.web.context
                        .HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            }
            com.vaadin.flow.component.notification.Notification.show(
                    getTranslation("layout.workingUnit.switched", e.getValue().displayName(getLocale())));
            getUI().ifPresent(ui -> ui.getPage().reload());
        });
        return select;
    }

    private static <T extends com.vaadin.flow.component.Component> T wide(T component) {
        component.addClassName("wide-only");
        return component;
    }

    /** Menu titles are message keys; a literal title is shown as written. */
    private String translated(String title) {
        String text = getTranslation(title);
        return text.startsWith("!") ? title : text;
    }
}
