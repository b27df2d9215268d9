package vn.motcua.security.ui;


import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.motcua.security.LoginLock;
import vn.motcua.security.LoginLocks;
import vn.motcua.shared.Formats;

/**
 * Khóa đăng nhập: the administrator's list of locked accounts and client addresses (and those failing in the current
 * window), with a button to lift each lock.
 */
@Route("admin/login-locks")
@Menu(title = "menu.loginLocks", order = 97)
@RolesAllowed("ADMIN")
public class LoginLocksView extends VerticalLayout implements HasDynamicTitle {
    private final LoginLocks locks;
    private final Grid<LoginLock> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();

    public LoginLocksView(LoginLocks locks, java.time.Clock clock) {
        this.locks = locks;
        grid.setId("login-locks");
        grid.addColumn(l -> getTranslation("security.locks.kind." + l.kind().name())).setHeader(getTranslation("security.locks.kind"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LoginLock::subject).setHeader(getTranslation("security.locks.subject")).setFlexGrow(2);
        grid.addColumn(LoginLock::failures).setHeader(getTranslation("security.locks.failures")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> Formats.dateTime(l.lastFailureAt())).setHeader(getTranslation("security.locks.lastFailure")).setAutoWidth(true);
        grid.addColumn(l -> l.lockedAt(clock.instant()) ? Formats.dateTime(l.lockedUntil()) : getTranslation("security.locks.notLocked"))
                .setHeader(getTranslation("security.locks.lockedUntil")).setAutoWidth(true);
        grid.addComponentColumn(this::unlockButton).setKey("unlock").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        empty.setId("login-locks-empty");
        empty.setText(getTranslation("security.locks.empty"));
        var refresh = new Button(getTranslation("security.locks.refresh"), e -> refresh());
        refresh.setId("login-locks-refresh");
        add(new H2(getTranslation("security.locks.title")), new Paragraph(getTranslation("security.locks.intro")), refresh, grid, empty);
        refresh();
    }

    private Component unlockButton(LoginLock lock) {
        var button = new Button(getTranslation("security.locks.unlock"), e -> unlock(lock));
        button.setId("unlock-" + lock.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + lock.subject().replaceAll("[^A-Za-z0-9_-]", "_"));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void unlock(LoginLock lock) {
        boolean lifted = lock.kind() == LoginLock.Kind.ACCOUNT ? locks.unlockAccount(lock.subject()) : locks.unlockAddress(lock.subject());
        if (lifted) {
            Notification.show(getTranslation("security.locks.unlocked", lock.subject()), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
        refresh();
    }

    private void refresh() {
        var entries = locks.list();
        grid.setItems(entries);
        grid.setVisible(!entries.isEmpty());
        empty.setVisible(entries.isEmpty());
    }

    @Override
    public String getPageTitle() { return getTranslation("security.locks.title"); }
}
