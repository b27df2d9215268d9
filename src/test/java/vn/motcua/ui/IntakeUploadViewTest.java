package vn.motcua.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.attachment.Attachment;
import vn.motcua.attachment.AttachmentService;
import vn.motcua.attachment.AttachmentState;
import vn.motcua.attachment.TestDocuments;
import vn.motcua.catalogue.DossierComponent;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.ui.DossierView;
import vn.motcua.dossier.ui.IntakeView;

/**
 * The desk uploads the dossier's documents in the intake view, before the dossier exists: they are staged, and
 * become the new dossier's attachments (with their components) when it is received.
 */
@MotCuaTest
class IntakeUploadViewTest {
    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired AttachmentService attachments;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        KaribuViews.setUp(context);
        KaribuViews.signInAs(users, "clerk");
    }

    @AfterEach
    void tearDown() { KaribuViews.tearDown(users); }

    @Test
    void aClerkUploadsTheDocumentsBeforeReceivingAndFindsThemOnTheNewDossier() {
        UI.getCurrent().navigate("intake");
        KaribuViews.fillValidBirthRegistration(catalogue);
        byte[] birthCertificate = TestDocuments.pdf(List.of("GIẤY CHỨNG SINH", "Họ và tên mẹ: Trần Thị Mỹ Lệ"));
        upload("GIAY_CHUNG_SINH", "giấy chứng sinh.pdf", "application/pdf", birthCertificate);
        upload("other", "xác nhận cư trú.png", "image/png", TestDocuments.png(List.of("XÁC NHẬN CƯ TRÚ")));
        assertThat(listed("GIAY_CHUNG_SINH")).contains("giấy chứng sinh.pdf");
        assertThat(listed("other")).contains("xác nhận cư trú.png");
        Set<String> references = references();
        assertThat(references).hasSize(2);

        _click(_get(Button.class, spec -> spec.withId("intake-receive")));

        _get(DossierView.class);
        String code = _get(Span.class, spec -> spec.withId("dossier-code")).getText();
        List<Attachment> files = attachments.list(code);
        assertThat(files).extracting(Attachment::fileName, Attachment::componentCode, Attachment::mediaType)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("giấy chứng sinh.pdf", "GIAY_CHUNG_SINH", "application/pdf"),
                        org.assertj.core.groups.Tuple.tuple("xác nhận cư trú.png", null, "image/png"));
        assertThat(files).allSatisfy(a -> assertThat(a.uploadedBy()).isEqualTo("clerk"));
        // No longer staged: they are the dossier's now
        assertThat(staged(references)).isZero();
        // Queued for extraction like any upload, and shown on the dossier's panel
        long pdf = files.stream().filter(Attachment::isPdf).findFirst().orElseThrow().id();
        await().atMost(Duration.ofSeconds(120)).pollInSameThread().until(() -> attachments.get(code, pdf).state().isFinal());
        assertThat(attachments.get(code, pdf).state()).isEqualTo(AttachmentState.EXTRACTED);
        assertThat(attachments.checklist(code)).filteredOn(c -> c.code().equals("GIAY_CHUNG_SINH"))
                .singleElement().satisfies(c -> assertThat(c.status().name()).isEqualTo("FILLED"));
        CaseFileViewsTest.openTab("documents");
        assertThat(_get(Div.class, spec -> spec.withId("attachment-checklist")).getElement().getTextRecursively())
                .contains("giấy chứng sinh.pdf");
    }

    @Test
    void aFileOfATypeTheComponentRefusesShowsTheMessageAndIsNotKept() {
        UI.getCurrent().navigate("intake");
        KaribuViews.fillValidBirthRegistration(catalogue);
        int before = stagedByClerk();
        upload("GIAY_CHUNG_SINH", "giay-chung-sinh.docx", "application/octet-stream", TestDocuments.docx(List.of("Giấy chứng sinh")));

        assertThat(NotificationsKt.getNotifications()).extracting(n -> n.getElement().getProperty("text"))
                .contains("Loại tệp không được chấp nhận: nội dung tệp là DOCX. Thành phần hồ sơ này chỉ nhận: PDF, JPG, PNG.");
        assertThat(listed("GIAY_CHUNG_SINH")).isEmpty();
        assertThat(stagedByClerk()).isEqualTo(before);

        _click(_get(Button.class, spec -> spec.withId("intake-receive")));
        _get(DossierView.class);
        String code = _get(Span.class, spec -> spec.withId("dossier-code")).getText();
        assertThat(attachments.list(code)).isEmpty();
    }

    @Test
    void aReceiptRefusedForItsDataKeepsTheStagedFilesForTheNextAttempt() {
        UI.getCurrent().navigate("intake");
        KaribuViews.fillValidBirthRegistration(catalogue);
        upload("TO_KHAI", "to-khai.pdf", "application/pdf", TestDocuments.pdf(List.of("TỜ KHAI ĐĂNG KÝ KHAI SINH")));
        Set<String> references = references();
        _get(TextField.class, spec -> spec.withId("applicant-phone")).setValue("12345");
        _click(_get(Button.class, spec -> spec.withId("intake-receive")));

        _get(IntakeView.class);
        assertThat(_get(TextField.class, spec -> spec.withId("applicant-phone")).isInvalid()).isTrue();
        assertThat(listed("TO_KHAI")).contains("to-khai.pdf");
        assertThat(staged(references)).isEqualTo(1);

        _get(TextField.class, spec -> spec.withId("applicant-phone")).setValue("0912345678");
        _click(_get(Button.class, spec -> spec.withId("intake-receive")));
        _get(DossierView.class);
        String code = _get(Span.class, spec -> spec.withId("dossier-code")).getText();
        assertThat(attachments.list(code)).extracting(Attachment::fileName, Attachment::componentCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("to-khai.pdf", "TO_KHAI"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUploadedDocumentIsTickedAndARemovedOneIsDiscarded() {
        UI.getCurrent().navigate("intake");
        KaribuViews.fillValidBirthRegistration(catalogue);
        var checklist = (CheckboxGroup<DossierComponent>) _get(CheckboxGroup.class, spec -> spec.withId("intake-checklist"));
        checklist.clear();
        upload("GIAY_CHUNG_SINH", "giay-chung-sinh.pdf", "application/pdf", TestDocuments.pdf(List.of("GIẤY CHỨNG SINH")));
        assertThat(checklist.getSelectedItems()).extracting(DossierComponent::code).containsExactly("GIAY_CHUNG_SINH");

        Set<String> references = references();
        _click(_get(Button.class, spec -> spec.withText("Xóa")));
        assertThat(listed("GIAY_CHUNG_SINH")).isEmpty();
        assertThat(staged(references)).isZero();
    }

    @Test
    void leavingTheViewWithoutReceivingDiscardsTheStagedFiles() {
        UI.getCurrent().navigate("intake");
        KaribuViews.fillValidBirthRegistration(catalogue);
        upload("other", "ghi-chu.txt", "text/plain", "Ghi chú của bộ phận một cửa".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Set<String> references = references();
        assertThat(staged(references)).isEqualTo(1);
        UI.getCurrent().navigate("dossiers");
        assertThat(staged(references)).isZero();
    }

    private void upload(String row, String fileName, String mimeType, byte[] content) {
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("intake-upload-" + row)), fileName, mimeType, content);
    }

    private String listed(String row) {
        return _get(Div.class, spec -> spec.withId("intake-files-" + row)).getElement().getTextRecursively();
    }

    private Set<String> references() {
        var references = new HashSet<String>();
        for (Div row : _find(Div.class, spec -> spec.withId("intake-files"))) {
            row.getElement().getChildren().forEach(c -> collect(c, references));
        }
        return references;
    }

    private static void collect(com.vaadin.flow.dom.Element element, Set<String> into) {
        if (element.hasAttribute("data-reference")) into.add(element.getAttribute("data-reference"));
        element.getChildren().forEach(c -> collect(c, into));
    }

    private int staged(Set<String> references) {
        if (references.isEmpty()) return 0;
        return jdbc.sql("select count(*) from staged_upload where reference in (:r)").param("r", references)
                .query(Integer.class).single();
    }

    private int stagedByClerk() {
        return jdbc.sql("select count(*) from staged_upload where uploaded_by = 'clerk'").query(Integer.class).single();
    }

}
