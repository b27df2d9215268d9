package vn.motcua.attachment;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinServletRequest;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.dossier.DossierService;

/** The attachment panel in the dossier view and the search view, without a browser (Karibu-Testing). */
@MotCuaTest
class AttachmentViewTest {
    private static final Routes ROUTES = new Routes().autoDiscoverViews("vn.motcua");

    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired AttachmentService attachments;
    String code;
    long id;

    @BeforeEach
    void setUp() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
        users.signInAs("clerk");
        // Received with no paper checked (the scans come later): each component's status comes from the files
        code = dossiers.receive(BirthRegistrationSample.inPerson().withCheckedComponents(java.util.List.of())
                .withMissingComponentsReason("Công dân gửi bản quét sau khi tiếp nhận")).code();
        byte[] pdf = TestDocuments.pdf(List.of("GIẤY CHỨNG SINH", "Họ và tên mẹ: Trần Thị Mỹ Lệ"));
        id = attachments.upload(code, "GIAY_CHUNG_SINH", "giay-chung-sinh.pdf", new ByteArrayInputStream(pdf)).id();
        await().atMost(Uploads.EXTRACTION).pollInSameThread().until(() -> attachments.get(code, id).state().isFinal());
    }

    @AfterEach
    void tearDown() {
        users.signOut();
        MockVaadin.tearDown();
    }

    /** The files are on the dossier view's documents tab. */
    private static void openDocumentsTab() {
        var tab = _get(com.vaadin.flow.component.tabs.Tab.class, spec -> spec.withId("dossier-tab-documents"));
        _get(com.vaadin.flow.component.tabs.TabSheet.class).setSelectedTab(tab);
        MockVaadin.clientRoundtrip();
    }

    private void signInAs(String username) {
        var auth = users.signInAs(username);
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, role) -> auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theClerkSeesTheFilesTheirStateTheChecksAndAPreview() {
        signInAs("clerk");
        UI.getCurrent().navigate("dossiers/" + code);
        openDocumentsTab();
        assertThat(_find(Upload.class, spec -> spec.withId("attachment-upload"))).hasSize(1);
        Grid<Attachment> grid = _get(Grid.class, spec -> spec.withId("attachment-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        Attachment row = GridKt._get(grid, 0);
        assertThat(row.fileName()).isEqualTo("giay-chung-sinh.pdf");
        assertThat(row.state()).isEqualTo(AttachmentState.EXTRACTED);

        assertThat(GridKt._getFormattedRow(grid, 0)).as("a paper of the dossier: the applicant sees it").contains("Có");
        assertThat(_get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withId("attachment-for-applicant"))
                .getValue()).as("the staff's own files are internal unless given").isFalse();

        var checklist = _get(Div.class, spec -> spec.withId("attachment-checklist"));
        var lines = checklist.getChildren().map(c -> c.getElement().getAttribute("data-component") + "=" + c.getElement().getAttribute("data-status")).toList();
        assertThat(lines).contains("GIAY_CHUNG_SINH=FILLED", "TO_KHAI=MISSING");
        assertThat(checklist.getElement().getTextRecursively()).contains("Đã có", "Còn thiếu", "giay-chung-sinh.pdf");

        grid.asSingleSelect().setValue(row);
        assertThat(_get(Pre.class, spec -> spec.withId("attachment-text")).getText()).contains("GIẤY CHỨNG SINH");
        assertThat(_find(IFrame.class, spec -> spec.withId("attachment-pdf"))).hasSize(1);
        assertThat(_get(Div.class, spec -> spec.withId("attachment-preview-state")).getElement().getTextRecursively())
                .contains("Đã trích xuất nội dung");
        assertThat(_get(Div.class, spec -> spec.withId("attachment-signatures")).getElement().getTextRecursively())
                .contains("Không có chữ ký số");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSignatureSaysWhetherItsCertificateIsTrusted() {
        byte[] signed = TestDocuments.sign(TestDocuments.pdf(List.of("QUYẾT ĐỊNH")), TestDocuments.Signer.selfSigned("Lãnh Đạo Phường"));
        long signedId = attachments.upload(code, null, "quyet-dinh.pdf", new ByteArrayInputStream(signed)).id();
        await().atMost(Uploads.EXTRACTION).pollInSameThread().until(() -> attachments.get(code, signedId).state().isFinal());
        signInAs("clerk");
        UI.getCurrent().navigate("dossiers/" + code);
        openDocumentsTab();
        Grid<Attachment> grid = _get(Grid.class, spec -> spec.withId("attachment-grid"));
        var signedRow = GridKt._findAll(grid).stream().filter(a -> a.id() == signedId).findFirst().orElseThrow();
        assertThat(GridKt._getFormattedRow(grid, GridKt._findAll(grid).indexOf(signedRow)))
                .as("the clerk's file without a component is the unit's").contains("Nội bộ");
        grid.asSingleSelect().setValue(signedRow);
        var signatures = _get(Div.class, spec -> spec.withId("attachment-signatures"));
        // No trust store in the tests: the view says that trust was not checked, and why
        assertThat(signatures.getElement().getTextRecursively())
                .contains("Chưa kiểm tra độ tin cậy của chứng thư số", "chưa cấu hình chứng thư gốc tin cậy");
        assertThat(signatures.getChildren().skip(1).findFirst().orElseThrow().getElement().getAttribute("data-trusted")).isEqualTo("null");
    }

    @Test
    void onlyAnAdministratorSeesTheSearchBackfillAction() {
        signInAs("clerk");
        UI.getCurrent().navigate("search");
        assertThat(_find(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("search-backfill"))).isEmpty();
        UI.getCurrent().navigate("dossiers/" + code);
        openDocumentsTab();
        signInAs("admin");
        UI.getCurrent().navigate("search");
        var button = _get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("search-backfill"));
        com.github.mvysny.kaributesting.v10.LocatorJ._click(button);
        assertThat(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications())
                .extracting(n -> n.getElement().getProperty("text"))
                .anySatisfy(text -> assertThat(text).isIn("Các hồ sơ chưa có trong chỉ mục tìm kiếm đang được đưa vào hàng đợi "
                        + "lập chỉ mục; vài phút nữa sẽ tìm được.", "Việc lập chỉ mục lại đang chạy."));
    }

    @Test
    void aSupervisorReadsButDoesNotUpload() {
        signInAs("supervisor");
        UI.getCurrent().navigate("dossiers/" + code);
        openDocumentsTab();
        assertThat(_find(Upload.class, spec -> spec.withId("attachment-upload"))).isEmpty();
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("attachment-grid")))).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSearchViewFindsTheDossierByItsAttachmentWithoutDiacritics() {
        signInAs("clerk");
        UI.getCurrent().navigate("search", QueryParameters.simple(Map.of("q", "giay chung sinh ho va ten me")));
        Grid<SearchHit> results = _get(Grid.class, spec -> spec.withId("search-results"));
        var codes = GridKt._findAll(results).stream().map(SearchHit::dossierCode).toList();
        assertThat(codes).contains(code);
        var hit = GridKt._findAll(results).stream().filter(h -> h.dossierCode().equals(code)).findFirst().orElseThrow();
        assertThat(hit.source()).isEqualTo(SearchHit.Source.ATTACHMENT);
        assertThat(hit.snippet()).contains("GIẤY CHỨNG SINH");
    }
}
