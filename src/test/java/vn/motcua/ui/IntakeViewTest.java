package vn.motcua.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;


import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.ui.DossierView;
import vn.motcua.dossier.ui.IntakeView;

/** The one-stop desk's intake view, without a browser. */
@MotCuaTest
class IntakeViewTest {
    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired DossierService dossiers;

    @BeforeEach
    void setUp() {
        KaribuViews.setUp(context);
        KaribuViews.signInAs(users, "clerk");
    }

    @AfterEach
    void tearDown() { KaribuViews.tearDown(users); }

    @Test
    void aClerkReceivesABirthRegistrationAndLandsOnTheNewDossierInProcess() {
        UI.getCurrent().navigate("intake");
        KaribuViews.fillValidBirthRegistration(catalogue);
        _click(_get(Button.class, spec -> spec.withId("intake-receive")));

        _get(DossierView.class);
        String code = _get(Span.class, spec -> spec.withId("dossier-code")).getText();
        assertThat(code).matches("000\\.01\\.15\\.H33-\\d{6}-\\d{4}");
        assertThat(dossiers.get(code).status()).isEqualTo(DossierStatus.IN_PROCESS);
        assertThat(_get(Span.class, spec -> spec.withId("dossier-status")).getText()).isEqualTo("4 · Đang xử lý");
    }

    @Test
    void missingRequiredDocumentsAreNamedAndNothingIsReceived() {
        int before = dossiers.search(null, null, 1000).size();
        UI.getCurrent().navigate("intake");
        KaribuViews.fillValidBirthRegistration(catalogue);
        _get(CheckboxGroup.class, spec -> spec.withId("intake-checklist")).clear();
        _click(_get(Button.class, spec -> spec.withId("intake-receive")));

        _get(IntakeView.class);
        assertThat(NotificationsKt.getNotifications()).extracting(n -> n.getElement().getProperty("text"))
                .anySatisfy(text -> assertThat(text).startsWith("Còn thiếu giấy tờ bắt buộc").contains("Giấy chứng sinh"));
        assertThat(dossiers.search(null, null, 1000)).hasSize(before);
    }

    @Test
    void anInvalidPhoneNumberIsShownOnItsFieldInVietnamese() {
        UI.getCurrent().navigate("intake");
        KaribuViews.fillValidBirthRegistration(catalogue);
        _get(TextField.class, spec -> spec.withId("applicant-phone")).setValue("12345");
        _click(_get(Button.class, spec -> spec.withId("intake-receive")));

        var phone = _get(TextField.class, spec -> spec.withId("applicant-phone"));
        assertThat(phone.isInvalid()).isTrue();
        assertThat(phone.getErrorMessage()).startsWith("Số điện thoại không hợp lệ");
        _get(IntakeView.class);
    }

    @Test
    void aCitizenCannotOpenTheDesk() {
        KaribuViews.signInAs(users, "citizen");
        // the application's access-denied page instead of the desk
        UI.getCurrent().navigate("intake");
        _get(vn.motcua.security.ui.AccessDeniedView.class);
        Throwable refused = catchThrowable(() -> _get(IntakeView.class));
        assertThat(refused).as("the desk is refused to a citizen").isNotNull().hasMessageContaining("No visible IntakeView");
    }

}
