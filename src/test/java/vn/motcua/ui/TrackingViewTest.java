package vn.motcua.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.dossier.DossierService;

/** The tracking page, for someone not signed in: opened with the code from the receipt's QR code, it shows the stage. */
@MotCuaTest
class TrackingViewTest {
    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired vn.motcua.tasklist.TaskListService tasks;

    @BeforeEach
    void setUp() { KaribuViews.setUp(context); }

    @AfterEach
    void tearDown() { KaribuViews.tearDown(users); }

    @Test
    void theReceiptsAddressFillsTheCodeAndTheLastDigitsShowTheStage() {
        users.signInAs("clerk");
        String code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
        users.signOut();

        UI.getCurrent().navigate("tra-cuu", QueryParameters.simple(Map.of("ma", code)));
        assertThat(_get(TextField.class, spec -> spec.withId("tracking-code")).getValue()).isEqualTo(code);
        _get(TextField.class, spec -> spec.withId("tracking-key")).setValue("1234");
        _get(Button.class, spec -> spec.withId("tracking-search")).click();
        assertThat(_get(Paragraph.class, spec -> spec.withId("tracking-error")).getText()).startsWith("Không tìm thấy hồ sơ");

        _get(TextField.class, spec -> spec.withId("tracking-key")).setValue("5678");
        _get(Button.class, spec -> spec.withId("tracking-search")).click();
        assertThat(_get(H3.class, spec -> spec.withId("tracking-stage")).getText()).isEqualTo("Đang giải quyết");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.html.Anchor.class,
                spec -> spec.withId("tracking-result-download"))).as("no result while in processing").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void afterTheResultTheApplicantRatesTheServiceOnce() {
        users.signInAs("clerk");
        String code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
        complete("specialist", code, Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ đầy đủ"));
        complete("leader", code, Map.of("decision", "APPROVE"));
        complete("clerk", code, Map.of("resultHandedOver", true, "receiverName", "Trần Thị Mỹ Lệ"));
        users.signOut();

        UI.getCurrent().navigate("tra-cuu", QueryParameters.simple(Map.of("ma", code, "khoa", "5678")));
        assertThat(_get(H3.class, spec -> spec.withId("tracking-stage")).getText()).isEqualTo("Đã trả kết quả");
        // the electronic result the leader's approval issued, signed by the ward, downloaded with the same key
        var download = _get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("tracking-result-download"));
        assertThat(download.getText()).isEqualTo("Tải kết quả (PDF có chữ ký số)");
        byte[] pdf = com.github.mvysny.kaributesting.v10.DownloadKt._download(download);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("/ETSI.CAdES.detached");
        ((com.vaadin.flow.component.radiobutton.RadioButtonGroup<Integer>) _get(
                com.vaadin.flow.component.radiobutton.RadioButtonGroup.class, spec -> spec.withId("tracking-rating-score"))).setValue(5);
        _get(Button.class, spec -> spec.withId("tracking-rating-send")).click();
        assertThat(_get(Paragraph.class, spec -> spec.withId("tracking-rating-thanks")).getText()).startsWith("Xin cảm ơn");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withId("tracking-rating"))).as("rated once: the form is gone").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLowRatingAsksWhatWentWrong() {
        users.signInAs("clerk");
        String code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
        complete("specialist", code, Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ đầy đủ"));
        complete("leader", code, Map.of("decision", "APPROVE"));
        complete("clerk", code, Map.of("resultHandedOver", true, "receiverName", "Trần Thị Mỹ Lệ"));
        users.signOut();

        UI.getCurrent().navigate("tra-cuu", QueryParameters.simple(Map.of("ma", code, "khoa", "5678")));
        var score = (com.vaadin.flow.component.radiobutton.RadioButtonGroup<Integer>) _get(
                com.vaadin.flow.component.radiobutton.RadioButtonGroup.class, spec -> spec.withId("tracking-rating-score"));
        score.setValue(5);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.checkbox.CheckboxGroup.class,
                spec -> spec.withId("tracking-rating-criteria"))).as("not asked when satisfied").isEmpty();
        score.setValue(2);
        var criteria = (com.vaadin.flow.component.checkbox.CheckboxGroup<vn.motcua.dossier.RatingCriterion>) _get(
                com.vaadin.flow.component.checkbox.CheckboxGroup.class, spec -> spec.withId("tracking-rating-criteria"));
        assertThat(criteria.getListDataView().getItems().map(c -> criteria.getItemLabelGenerator().apply(c)))
                .contains("Thời gian giải quyết, trễ hẹn", "Thái độ, hướng dẫn của cán bộ, công chức");
        criteria.setValue(java.util.Set.of(vn.motcua.dossier.RatingCriterion.TIME));
        _get(Button.class, spec -> spec.withId("tracking-rating-send")).click();
        assertThat(_get(Paragraph.class, spec -> spec.withId("tracking-rating-thanks")).getText()).startsWith("Xin cảm ơn");
        users.signInAs("clerk");
        assertThat(dossiers.ratingCriteria(code)).containsExactly(vn.motcua.dossier.RatingCriterion.TIME);
    }

    private void complete(String user, String code, Map<String, Object> data) {
        users.signInAs(user);
        tasks.complete(tasks.tasksOf(code).get(0).id(), data);
    }
}
