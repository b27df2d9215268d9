package vn.motcua.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;

/** The login view says why a sign-in was refused: wrong password, locked (and for how long), or an expired form. */
@MotCuaTest
class LoginViewTest {
    @Autowired ApplicationContext context;
    @Autowired TestUsers users;

    @BeforeEach
    void setUp() { KaribuViews.setUp(context); }

    @AfterEach
    void tearDown() { KaribuViews.tearDown(users); }

    private LoginForm open(Map<String, String> parameters) {
        UI.getCurrent().navigate("login", QueryParameters.simple(parameters));
        return _get(LoginForm.class);
    }

    private static String errorText(LoginForm form) {
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }

    @Test
    void aLockedSignInSaysItIsLockedAndForHowManyMinutes() {
        var form = open(Map.of("locked", "15"));
        assertThat(form.isError()).isTrue();
        assertThat(errorText(form)).contains("Đăng nhập tạm thời bị khóa", "thử lại sau 15 phút", "liên hệ quản trị viên");
    }

    @Test
    void aLockWithoutAReadableDurationStillSaysItIsLocked() {
        var form = open(Map.of("locked", "<script>"));
        assertThat(form.isError()).isTrue();
        assertThat(errorText(form)).contains("Đăng nhập tạm thời bị khóa", "thử lại sau hoặc").doesNotContain("<script>");
    }

    @Test
    void anExpiredFormAsksToSignInAgain() {
        var form = open(Map.of("expired", ""));
        assertThat(form.isError()).isTrue();
        assertThat(errorText(form)).contains("Biểu mẫu đăng nhập đã hết hạn");
    }

    @Test
    void aWrongPasswordSaysSo() {
        var form = open(Map.of("error", ""));
        assertThat(form.isError()).isTrue();
        assertThat(errorText(form)).contains("Sai tên đăng nhập hoặc mật khẩu");
        assertThat(open(Map.of()).isError()).isFalse();
    }
}
