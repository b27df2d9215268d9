package vn.motcua.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import vn.motcua.organisation.Role;
import vn.motcua.security.CurrentUser;

/** The start page sends each user where their work is. */
@Route("")
@AnonymousAllowed
public class HomeView extends Div implements BeforeEnterObserver {
    private final CurrentUser currentUser;

    public HomeView(CurrentUser currentUser) { this.currentUser = currentUser; }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var user = currentUser.get().orElse(null);
        if (user == null) event.forwardTo("procedures");
        else if (user.has(Role.CLERK) || user.has(Role.SPECIALIST) || user.has(Role.LEADER)) event.forwardTo("tasks");
        else event.forwardTo("dossiers");
    }
}
