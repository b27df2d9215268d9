package vn.motcua.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;


import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
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
    @SuppressWarnings("unchecked")
    void theDeskReceivesForAnApplicantOfAnotherCommuneOfTheProvinceAndTheDossierSaysSo() {
        UI.getCurrent().navigate("intake");
        KaribuViews.fillValidBirthRegistration(catalogue);
        var residence = (com.vaadin.flow.component.combobox.ComboBox<vn.motcua.organisation.Unit>)
                _get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("applicant-residence"));
        var offered = com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems(residence);
        assertThat(offered).as("the province's communes, wards and special zones, open")
                .allSatisfy(u -> assertThat(u.kind().communeGovernment() && u.active()).isTrue())
                .extracting(u -> u.identifier()).contains("000.01.15.H33", "000.02.17.H33", "000.00.126.H33");
        residence.setValue(offered.stream().filter(u -> u.identifier().equals("000.02.17.H33")).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("intake-receive")));

        _get(DossierView.class);
        String code = _get(Span.class, spec -> spec.withId("dossier-code")).getText();
        assertThat(code).as("the receiving ward owns it").startsWith("000.01.15.H33-");
        assertThat(dossiers.get(code).applicant().residence()).isEqualTo("000.02.17.H33");
        assertThat(_get(Span.class, spec -> spec.withId("dossier-residence")).getElement().getText()).isEqualTo("Xã Bình An");
        assertThat(_get(Span.class, spec -> spec.withId("dossier-residence-away")).getText())
                .isEqualTo("Tiếp nhận ngoài nơi cư trú");
    }

    @Test
    void missingRequiredDocumentsNeedTheDesksReasonWhichTheAuditTrailKeeps() {
        int before = dossiers.search(null, null, 1000).size();
        UI.getCurrent().navigate("intake");
        KaribuViews.fillValidBirthRegistration(catalogue);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(TextArea.class, spec -> spec.withId("intake-missing-reason")))
                .as("nothing missing: no reason asked").isEmpty();
        _get(CheckboxGroup.class, spec -> spec.withId("intake-checklist")).clear();
        var reason = _get(TextArea.class, spec -> spec.withId("intake-missing-reason"));
        assertThat(reason.getHelperText()).contains("Giấy chứng sinh");
        _click(_get(Button.class, spec -> spec.withId("intake-receive")));

        _get(IntakeView.class);
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).startsWith("Còn thiếu thành phần hồ sơ bắt buộc").contains("Giấy chứng sinh")
                .contains("Tờ khai đăng ký khai sinh");
        assertThat(summary()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("Lý do tiếp nhận khi thiếu thành phần hồ sơ: Còn thiếu thành phần hồ sơ bắt buộc"));
        assertThat(dossiers.search(null, null, 1000)).as("nothing received").hasSize(before);

        reason.setValue("Công dân bổ sung giấy chứng sinh bản gốc trong ngày");
        _click(_get(Button.class, spec -> spec.withId("intake-receive")));
        _get(DossierView.class);
        String code = _get(Span.class, spec -> spec.withId("dossier-code")).getText();
        assertThat(dossiers.checkedComponents(code)).isEmpty();
        assertThat(dossiers.history(code)).filteredOn(e -> e.action().equals("COMPONENTS_MISSING")).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("TO_KHAI, GIAY_CHUNG_SINH: Công dân bổ sung giấy chứng sinh bản gốc trong ngày"));
    }

    @Test
    void theTickedPapersAreStoredWithTheDossier() {
        UI.getCurrent().navigate("intake");
        KaribuViews.fillValidBirthRegistration(catalogue);
        _click(_get(Button.class, spec -> spec.withId("intake-receive")));
        String code = _get(Span.class, spec -> spec.withId("dossier-code")).getText();
        assertThat(dossiers.checkedComponents(code)).extracting(c -> c.componentCode())
                .containsExactlyInAnyOrder("TO_KHAI", "GIAY_CHUNG_SINH", "GIAY_TO_TUY_THAN");
        assertThat(dossiers.checkedComponents(code)).allSatisfy(c -> assertThat(c.checkedBy()).isEqualTo("clerk"));
    }

    @Test
    void everyErrorIsShownAtOnceEachNamingItsField() {
        UI.getCurrent().navigate("intake");
        KaribuViews.fillValidBirthRegistration(catalogue);
        _get(TextField.class, spec -> spec.withId("applicant-fullName")).setValue("");
        _get(TextField.class, spec -> spec.withId("applicant-phone")).setValue("12345");
        var data = new java.util.HashMap<>(vn.motcua.BirthRegistrationSample.intakeData());
        data.remove("motherFullName");
        _get(vn.motcua.forms.FormRenderer.class).setValues(data);
        _get(CheckboxGroup.class, spec -> spec.withId("intake-checklist")).clear();
        _click(_get(Button.class, spec -> spec.withId("intake-receive")));

        _get(IntakeView.class);
        var summary = _get(Div.class, spec -> spec.withId("intake-errors"));
        assertThat(summary.getChildren().flatMap(c -> c.getChildren()).map(c -> c.getElement().getAttribute("data-field")))
                .contains("applicant.fullName", "applicant.phone", "data.motherFullName", "missingComponentsReason");
        assertThat(summary()).anySatisfy(l -> assertThat(l).startsWith("Họ và tên người nộp: "))
                .anySatisfy(l -> assertThat(l).startsWith("Số điện thoại: Số điện thoại không hợp lệ"))
                .anySatisfy(l -> assertThat(l).startsWith("Lý do tiếp nhận khi thiếu thành phần hồ sơ: "));
        assertThat(_get(TextField.class, spec -> spec.withId("applicant-fullName")).isInvalid()).isTrue();
        assertThat(_get(TextField.class, spec -> spec.withId("applicant-phone")).isInvalid()).isTrue();
    }

    @Test
    void inEnglishTheErrorsNameTheirFieldsInEnglish() {
        com.vaadin.flow.server.VaadinSession.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate("intake");
        KaribuViews.fillValidBirthRegistration(catalogue);
        _get(CheckboxGroup.class, spec -> spec.withId("intake-checklist")).clear();
        _click(_get(Button.class, spec -> spec.withId("intake-receive")));
        assertThat(summary()).anySatisfy(l -> assertThat(l)
                .startsWith("Reason for receiving without required components: Required dossier components missing")
                .contains("Birth certificate from the health facility"));
    }

    private static java.util.List<String> summary() {
        var summary = _get(Div.class, spec -> spec.withId("intake-errors"));
        assertThat(summary.isVisible()).isTrue();
        return summary.getChildren().flatMap(c -> c.getChildren()).map(c -> c.getElement().getText()).toList();
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
