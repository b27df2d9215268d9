package vn.motcua.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.ThreadLocalRandom;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;
import vn.motcua.security.LoginLock;
import vn.motcua.security.LoginLocks;
import vn.motcua.security.SignInLockedException;
import vn.motcua.security.SystemAccess;
import vn.motcua.security.ui.LoginLocksView;

/** Khóa đăng nhập (/admin/login-locks): administrators see the locked accounts and lift a lock; nobody else opens it. */
@MotCuaTest
class LoginLocksViewTest {
    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired OrganisationService organisation;
    @Autowired LoginLocks locks;

    @BeforeEach
    void setUp() { KaribuViews.setUp(context); }

    @AfterEach
    void tearDown() { KaribuViews.tearDown(users); }

    @Test
    @SuppressWarnings("unchecked")
    void anAdministratorSeesALockedAccountAndLiftsTheLock() {
        String username = "lock-view-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        SystemAccess.run(() -> organisation.createUser(username, "right-password-1", "Người thử khóa", null, null, EnumSet.of(Role.CITIZEN)));
        lockBySignIns(username);

        KaribuViews.signInAs(users, "admin");
        UI.getCurrent().navigate("admin/login-locks");
        _get(LoginLocksView.class);
        Grid<LoginLock> grid = _get(Grid.class, spec -> spec.withId("login-locks"));
        LoginLock lock = GridKt._findAll(grid).stream().filter(l -> l.subject().equals(username)).findFirst().orElseThrow();
        assertThat(lock.kind()).isEqualTo(LoginLock.Kind.ACCOUNT);
        assertThat(lock.lockedAt(Instant.now())).isTrue();
        assertThat(GridKt._getFormattedRow(grid, GridKt._findAll(grid).indexOf(lock))).contains("Tài khoản", username);

        var unlock = (Button) GridKt._getCellComponent(grid, GridKt._findAll(grid).indexOf(lock), "unlock");
        assertThat(unlock.getText()).isEqualTo("Mở khóa");
        _click(unlock);
        assertThat(locks.list()).noneMatch(l -> l.subject().equals(username));
        assertThat(GridKt._findAll(grid)).noneMatch(l -> l.subject().equals(username));
    }

    @Test
    void nobodyElseOpensIt() {
        KaribuViews.signInAs(users, "supervisor");
        UI.getCurrent().navigate("admin/login-locks");
        // the application's access-denied page instead of the view
        _get(vn.motcua.security.ui.AccessDeniedView.class);
        assertThatThrownBy(() -> _get(LoginLocksView.class)).hasMessageContaining("No visible LoginLocksView");
        assertThatThrownBy(locks::list).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    /** Five wrong passwords through the application's authentication, as any sign-in would. */
    private void lockBySignIns(String username) {
        AuthenticationManager manager;
        try {
            manager = context.getBean(AuthenticationConfiguration.class).getAuthenticationManager();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        AuthenticationException last = null;
        for (int i = 1; i <= 5; i++) {
            try {
                manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, "wrong-" + i));
            } catch (AuthenticationException e) {
                last = e;
            }
        }
        assertThat(last).isInstanceOf(SignInLockedException.class);
        assertThatThrownBy(() -> manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, "right-password-1")))
                .isInstanceOf(SignInLockedException.class).isNotInstanceOf(BadCredentialsException.class);
    }
}
