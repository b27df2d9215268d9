package vn.motcua.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.dossier.ui.IntakeView;

/** Vietnamese first, whatever the browser says; English when the user chooses it. */
@MotCuaTest
class LanguageTest {
    @Autowired ApplicationContext context;
    @Autowired TestUsers users;

    @BeforeEach
    void setUp() {
        KaribuViews.setUp(context);
        KaribuViews.signInAs(users, "clerk");
    }

    @AfterEach
    void tearDown() { KaribuViews.tearDown(users); }

    @Test
    void theDeskSpeaksVietnameseByDefault() {
        UI.getCurrent().navigate("intake");
        _get(IntakeView.class);
        assertThat(_get(H2.class).getText()).isEqualTo("Tiếp nhận hồ sơ");
    }

    @Test
    void theDeskSpeaksEnglishWhenChosen() {
        VaadinSession.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("intake");
        assertThat(_get(H2.class).getText()).isEqualTo("Receive a dossier");
    }
}
