package vn.motcua.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.forms.FormRenderer;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Unit;

/** A citizen submits online; the dossier waits (status 1) for the desk of the chosen unit, who accepts it. */
@MotCuaTest
class SubmitOnlineViewTest {
    @Autowired ApplicationContext context;
    @Autowired vn.motcua.catalogue.ProcedureCatalogue catalogue;
    @Autowired vn.motcua.attachment.StagedUploadService staged;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired OrganisationService organisation;
    @Autowired vn.motcua.attachment.AttachmentService attachments;

    @BeforeEach
    void setUp() {
        KaribuViews.setUp(context);
        KaribuViews.signInAs(users, "citizen");
    }

    @AfterEach
    void tearDown() { KaribuViews.tearDown(users); }

    @Test
    @SuppressWarnings("unchecked")
    void aCitizenSubmitsABirthRegistrationToTheWardAndTheDeskSeesItWaiting() {
        UI.getCurrent().navigate("submit", com.vaadin.flow.router.QueryParameters.of("procedure", BirthRegistrationSample.PROCEDURE));
        Unit ward = organisation.unitByIdentifier(BirthRegistrationSample.WARD).orElseThrow();
        ((ComboBox<Unit>) _get(ComboBox.class, spec -> spec.withId("submit-unit"))).setValue(ward);
        _get(FormRenderer.class).setValues(BirthRegistrationSample.intakeData());
        upload("TO_KHAI", "tờ khai khai sinh.pdf", "TỜ KHAI ĐĂNG KÝ KHAI SINH");
        upload("GIAY_CHUNG_SINH", "giấy chứng sinh.pdf", "GIẤY CHỨNG SINH");
        _click(_get(Button.class, spec -> spec.withId("submit-send")));

        _get(vn.motcua.dossier.ui.MyDossierView.class);
        String code = _get(Span.class, spec -> spec.withId("dossier-code")).getText();
        assertThat(code).startsWith(BirthRegistrationSample.WARD + "-");
        assertThat(_get(com.vaadin.flow.component.html.H3.class, spec -> spec.withId("mine-stage")).getText())
                .as("the citizen lands on their own dossier, in their words").isEqualTo("Đã nộp trực tuyến, chờ Bộ phận Một cửa tiếp nhận");

        users.signInAs("clerk");
        assertThat(dossiers.search(DossierStatus.NEW, code, 10)).extracting(d -> d.code()).containsExactly(code);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCitizenSendsTheDocumentsWithTheOnlineSubmission() {
        UI.getCurrent().navigate("submit", com.vaadin.flow.router.QueryParameters.of("procedure", BirthRegistrationSample.PROCEDURE));
        Unit ward = organisation.unitByIdentifier(BirthRegistrationSample.WARD).orElseThrow();
        ((ComboBox<Unit>) _get(ComboBox.class, spec -> spec.withId("submit-unit"))).setValue(ward);
        _get(FormRenderer.class).setValues(BirthRegistrationSample.intakeData());
        upload("TO_KHAI", "tờ khai khai sinh.pdf", "TỜ KHAI ĐĂNG KÝ KHAI SINH");
        upload("GIAY_CHUNG_SINH", "giấy chứng sinh.pdf", "GIẤY CHỨNG SINH");
        _click(_get(Button.class, spec -> spec.withId("submit-send")));

        _get(vn.motcua.dossier.ui.MyDossierView.class);
        String code = _get(Span.class, spec -> spec.withId("dossier-code")).getText();
        assertThat(attachments.list(code)).hasSize(2).filteredOn(a -> "TO_KHAI".equals(a.componentCode())).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("tờ khai khai sinh.pdf");
            assertThat(a.componentCode()).isEqualTo("TO_KHAI");
            assertThat(a.uploadedBy()).isEqualTo("citizen");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSubmissionWithoutRequiredDocumentsIsRefusedNamingThemWithEveryOtherErrorAtOnce() {
        int before = countOwn();
        UI.getCurrent().navigate("submit", com.vaadin.flow.router.QueryParameters.of("procedure", BirthRegistrationSample.PROCEDURE));
        var data = new java.util.HashMap<>(BirthRegistrationSample.intakeData());
        data.remove("motherFullName");
        _get(FormRenderer.class).setValues(data);
        upload("TO_KHAI", "tờ khai khai sinh.pdf", "TỜ KHAI ĐĂNG KÝ KHAI SINH");
        _click(_get(Button.class, spec -> spec.withId("submit-send")));

        // no unit chosen, the mother's name left out, the birth certificate not uploaded: all three, each by its field
        var summary = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("submit-errors"));
        var lines = summary.getChildren().flatMap(c -> c.getChildren()).map(c -> c.getElement()).toList();
        assertThat(lines).extracting(e -> e.getAttribute("data-field"))
                .contains("unit", "data.motherFullName", "stagedFiles");
        assertThat(lines).extracting(e -> e.getText())
                .anySatisfy(t -> assertThat(t).startsWith("Cơ quan giải quyết: "))
                .anySatisfy(t -> assertThat(t).startsWith("Tệp đính kèm: Chưa tải lên thành phần hồ sơ bắt buộc").contains("Giấy chứng sinh")
                        .doesNotContain("Tờ khai đăng ký khai sinh"));
        assertThat(((ComboBox<Unit>) _get(ComboBox.class, spec -> spec.withId("submit-unit"))).isInvalid()).isTrue();
        assertThat(countOwn()).as("nothing submitted").isEqualTo(before);
    }

    @Test
    void eachComponentSaysWhichFilesItTakesAndHowBigWithItsOwnUploadShowingProgress() {
        UI.getCurrent().navigate("submit", com.vaadin.flow.router.QueryParameters.of("procedure", BirthRegistrationSample.PROCEDURE));
        var procedure = catalogue.procedure(BirthRegistrationSample.PROCEDURE).orElseThrow();
        long megabytes = staged.maxSize() / (1024 * 1024);
        for (var component : procedure.components()) {
            String accepts = _get(Span.class, spec -> spec.withId("intake-accepts-" + component.code())).getText();
            assertThat(accepts).as(component.code()).contains("nhận: ", "tối đa " + megabytes + " MB mỗi tệp");
            var upload = _get(com.vaadin.flow.component.upload.Upload.class, spec -> spec.withId("intake-upload-" + component.code()));
            assertThat(upload.getMaxFileSize()).as("the browser refuses a larger file before sending it").isEqualTo((int) staged.maxSize());
            // Vaadin's Upload draws each file's progress bar while it is sent (no auto-upload switched off)
            assertThat(upload.isAutoUpload()).isTrue();
        }
        assertThat(_get(Span.class, spec -> spec.withId("intake-accepts-GIAY_CHUNG_SINH")).getText()).contains("PDF");
    }

    private int countOwn() {
        return dossiers.search(null, null, 1000).size();
    }

    private static void upload(String component, String fileName, String text) {
        com.github.mvysny.kaributesting.v10.UploadKt._upload(
                _get(com.vaadin.flow.component.upload.Upload.class, spec -> spec.withId("intake-upload-" + component)),
                fileName, "application/pdf", vn.motcua.attachment.TestDocuments.pdf(java.util.List.of(text)));
    }
}
