package vn.motcua.diagram.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.motcua.MotCuaTest;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.diagram.BpmnViewer;

/** The public page of a procedure, without a browser (Karibu-Testing), for a visitor who has not signed in. */
@MotCuaTest
class ProcedureDetailViewTest {
    private static final Routes ROUTES = new Routes().autoDiscoverViews("vn.motcua");
    private static final String BIRTH_REGISTRATION = "1.001193";

    @Autowired ApplicationContext context;
    @Autowired ProcedureCatalogue catalogue;

    @BeforeEach
    void setUp() {
        SecurityContextHolder.clearContext();
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
    }

    @AfterEach
    void tearDown() { MockVaadin.tearDown(); }

    @Test
    void aVisitorReadsTheProcedureInVietnamese() {
        UI.getCurrent().navigate("procedures/" + BIRTH_REGISTRATION);

        assertThat(_get(H2.class, spec -> spec.withId("procedure-name")).getText()).isEqualTo("Thủ tục đăng ký khai sinh");
        assertThat(text("procedure-code")).isEqualTo("1.001193");
        assertThat(text("procedure-sector")).isEqualTo("Tư pháp - Hộ tịch");
        assertThat(text("procedure-level")).isEqualTo("cấp xã");
        assertThat(text("procedure-online-level")).isEqualTo("Toàn trình");
        assertThat(text("procedure-processing-time")).isEqualTo("1 ngày làm việc");
        assertThat(text("procedure-online-processing-time")).isEqualTo("Như thời hạn giải quyết");
        assertThat(text("procedure-fee")).isEqualTo("Miễn phí");
        assertThat(text("procedure-fee-note")).contains("8.000 đồng/bản");
        assertThat(text("procedure-result")).isEqualTo("Giấy khai sinh (bản chính)");
        assertThat(text("procedure-result-type")).isEqualTo("Bản giấy và bản điện tử");
        String components = _get(UnorderedList.class, spec -> spec.withId("procedure-components")).getElement().getTextRecursively();
        assertThat(components)
                .contains("Tờ khai đăng ký khai sinh theo mẫu (bắt buộc)")
                .contains("Giấy chứng sinh (hoặc văn bản của người làm chứng, giấy cam đoan về việc sinh) (bắt buộc)")
                .contains("Giấy tờ tùy thân của người đi đăng ký (xuất trình) (nếu có)")
                .contains("Định dạng tệp chấp nhận: PDF, JPEG, PNG");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Thủ tục đăng ký khai sinh");
    }

    @Test
    void theViewerReceivesTheDeployedModelAndAClickNamesTheStep() {
        UI.getCurrent().navigate("procedures/" + BIRTH_REGISTRATION);

        var viewer = _get(BpmnViewer.class, spec -> spec.withId("procedure-diagram"));
        assertThat(viewer.getXml()).isEqualTo(catalogue.processModel(BIRTH_REGISTRATION).orElseThrow())
                .contains("id=\"Task_ReviewDossier\"");
        assertThat(viewer.getElement().getProperty("xml")).isEqualTo(viewer.getXml());

        // What the browser sends when the step is clicked (the browser test checks the real round trip)
        ComponentUtil.fireEvent(viewer, new BpmnViewer.ElementClickEvent(viewer, true, "Task_ReviewDossier",
                "Thẩm định hồ sơ, dự thảo kết quả", "bpmn:UserTask"));

        assertThat(text("diagram-selection"))
                .isEqualTo("Bước đã chọn: Thẩm định hồ sơ, dự thảo kết quả · bước do công chức thực hiện");
        assertThat(viewer.getHighlighted()).containsExactly("Task_ReviewDossier");
    }

    @Test
    void theSameProcedureInEnglish() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("procedures/" + BIRTH_REGISTRATION);

        assertThat(_get(H2.class, spec -> spec.withId("procedure-name")).getText()).isEqualTo("Birth registration");
        assertThat(text("procedure-fee")).isEqualTo("Free of charge");
        assertThat(text("procedure-online-level")).isNotBlank().doesNotStartWith("!");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("procedure-components")).getElement().getTextRecursively())
                .contains("Birth certificate from the health facility").contains("(required)").contains("Accepted files: PDF, JPEG, PNG");
    }

    @Test
    void anUnknownCodeIsSaidPlainly() {
        UI.getCurrent().navigate("procedures/9.999999");

        assertThat(_get(H2.class, spec -> spec.withId("procedure-not-found")).getText()).isEqualTo("Không tìm thấy thủ tục 9.999999.");
    }

    @Test
    void fileTypesAreShownByTheNamesApplicantsKnow() {
        assertThat(ProcedureDetailView.fileTypes(List.of("application/pdf", "image/jpeg", "IMAGE/PNG", "image/jpeg",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "image/webp")))
                .isEqualTo("PDF, JPEG, PNG, DOCX, WEBP");
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }
}
