package vn.motcua.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;

/**
 * A citizen without an account sends a complaint from the public page and gets its reference; the supervisor finds it
 * in the list's "new" tab, takes it and answers it; the citizen reads the answer on the same public page.
 */
@MotCuaTest
class FeedbackViewsTest {
    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void setUp() { KaribuViews.setUp(context); }

    @AfterEach
    void tearDown() { KaribuViews.tearDown(users); }

    @Test
    void aComplaintSentFromThePublicPageIsAnsweredFromTheStaffListAndTheAnswerReadBack() {
        // the mock browser's address starts without a count (a database kept from an earlier run may hold one)
        jdbc.sql("delete from feedback_attempt where subject = ?")
                .param("address:" + VaadinRequest.getCurrent().getRemoteAddr()).update();
        UI.getCurrent().navigate("gui-phan-anh");
        _click(_get(Button.class, spec -> spec.withId("feedback-form-send")));
        assertThat(text(_get(Div.class, spec -> spec.withId("feedback-form-errors"))))
                .contains("Nội dung phản ánh, kiến nghị (text): trường này là bắt buộc.",
                        "Số điện thoại hoặc thư điện tử liên hệ (contact): trường này là bắt buộc.");
        _get(TextArea.class, spec -> spec.withId("feedback-form-text")).setValue("Cán bộ tiếp nhận hẹn tôi ba lần mà chưa trả lời.");
        _get(TextField.class, spec -> spec.withId("feedback-form-contact")).setValue("phananh@example.vn");
        _click(_get(Button.class, spec -> spec.withId("feedback-form-send")));
        String sent = _get(Paragraph.class, spec -> spec.withId("feedback-form-sent")).getText();
        assertThat(sent).startsWith("Đã nhận phản ánh của ông/bà. Mã phản ánh: PA-");
        String reference = sent.replaceAll("(?s).*Mã phản ánh: (PA-\\d{8}-\\d{4}).*", "$1");

        KaribuViews.signInAs(users, "supervisor");
        UI.getCurrent().navigate("phan-anh", QueryParameters.simple(Map.of("status", "new", "ma", reference)));
        assertThat(Long.parseLong(_get(Span.class, spec -> spec.withId("feedback-count-new")).getText().replace(".", "")))
                .isGreaterThanOrEqualTo(1);
        assertThat(_get(H3.class, spec -> spec.withId("feedback-heading")).getText()).isEqualTo(reference + " · Mới");
        assertThat(_get(Paragraph.class, spec -> spec.withId("feedback-text")).getText()).startsWith("Cán bộ tiếp nhận hẹn tôi");
        _click(_get(Button.class, spec -> spec.withId("feedback-take")));
        assertThat(_get(H3.class, spec -> spec.withId("feedback-heading")).getText()).isEqualTo(reference + " · Đang xử lý");
        _click(_get(Button.class, spec -> spec.withId("feedback-send-answer")));
        assertThat(_get(TextArea.class, spec -> spec.withId("feedback-answer")).isInvalid()).as("an answer needs text").isTrue();
        _get(TextArea.class, spec -> spec.withId("feedback-answer")).setValue("Đơn vị đã kiểm tra và nhắc nhở cán bộ; hồ sơ được trả trong tuần này.");
        _click(_get(Button.class, spec -> spec.withId("feedback-send-answer")));
        assertThat(_get(H3.class, spec -> spec.withId("feedback-heading")).getText()).isEqualTo(reference + " · Đã trả lời");
        assertThat(_get(Paragraph.class, spec -> spec.withId("feedback-answer-text")).getText()).startsWith("Đơn vị đã kiểm tra");
        assertThat(_get(Paragraph.class, spec -> spec.withId("feedback-verdict")).getText())
                .isEqualTo("Người gửi chưa đánh giá câu trả lời.");
        assertThat(Long.parseLong(_get(Span.class, spec -> spec.withId("feedback-count-answered")).getText().replace(".", "")))
                .isGreaterThanOrEqualTo(1);

        users.signOut();
        UI.getCurrent().getSession().close();
        KaribuViews.setUp(context);
        UI.getCurrent().navigate("gui-phan-anh");
        _get(TextField.class, spec -> spec.withId("feedback-lookup-reference")).setValue(reference);
        _get(TextField.class, spec -> spec.withId("feedback-lookup-contact")).setValue("PhanAnh@example.vn");
        _click(_get(Button.class, spec -> spec.withId("feedback-lookup")));
        assertThat(text(_get(Div.class, spec -> spec.withId("feedback-lookup-result"))))
                .contains(reference + " · Đã trả lời", "Đơn vị đã kiểm tra và nhắc nhở cán bộ",
                        "Bạn có hài lòng với câu trả lời không?");

        // the sender rates the answer once: the buttons give way to the verdict, read back by a new look-up too
        _click(_get(Button.class, spec -> spec.withId("feedback-lookup-unsatisfied-" + reference)));
        Div result = _get(Div.class, spec -> spec.withId("feedback-lookup-result"));
        assertThat(text(result)).contains("Bạn đã đánh giá câu trả lời: Không hài lòng.", "Cảm ơn bạn đã đánh giá.")
                .doesNotContain("Bạn có hài lòng với câu trả lời không?");
        assertThat(_find(Button.class, spec -> spec.withId("feedback-lookup-satisfied-" + reference))).isEmpty();
        _click(_get(Button.class, spec -> spec.withId("feedback-lookup")));
        assertThat(text(_get(Div.class, spec -> spec.withId("feedback-lookup-result"))))
                .contains("Bạn đã đánh giá câu trả lời: Không hài lòng.");
        assertThat(jdbc.sql("select verdict from feedback where reference = ?").param(reference).query(String.class).single())
                .isEqualTo("UNSATISFIED");
        // the staff read it under the answer
        UI.getCurrent().getSession().close();
        KaribuViews.setUp(context);
        KaribuViews.signInAs(users, "supervisor");
        UI.getCurrent().navigate("phan-anh", QueryParameters.simple(Map.of("status", "answered", "ma", reference)));
        assertThat(_get(Paragraph.class, spec -> spec.withId("feedback-verdict")).getText())
                .startsWith("Người gửi đánh giá câu trả lời: Không hài lòng (");
    }

    @Test
    void theLeadersWorklistCountsNewFeedbackAndItsTabOpensTheList() {
        KaribuViews.signInAs(users, "leader");
        UI.getCurrent().navigate("tasks");
        var tab = _get(com.vaadin.flow.component.tabs.Tab.class, spec -> spec.withId("tab-feedback-new"));
        assertThat(tab.getElement().getTextRecursively()).startsWith("Phản ánh, kiến nghị mới");
        _get(com.vaadin.flow.component.tabs.Tabs.class, spec -> spec.withId("worklist-tabs")).setSelectedTab(tab);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("phan-anh");
        assertThat(_get(com.vaadin.flow.component.tabs.Tab.class, spec -> spec.withId("feedback-tab-new")).isSelected()).isTrue();
    }

    @Test
    void theClerkCannotOpenTheStaffList() {
        KaribuViews.signInAs(users, "clerk");
        UI.getCurrent().navigate("phan-anh");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.grid.Grid.class,
                spec -> spec.withId("feedback-grid"))).isEmpty();
    }

    private static String text(com.vaadin.flow.component.Component c) {
        return c.getElement().getTextRecursively();
    }
}
