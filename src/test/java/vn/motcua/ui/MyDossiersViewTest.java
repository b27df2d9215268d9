package vn.motcua.ui;

import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.tabs.Tab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.dossier.ui.MyDossierView;
import vn.motcua.dossier.ui.MyDossiersView;

/**
 * The citizen's own view (hồ sơ của tôi): their dossiers in plain language, the four steps, their papers 01–05 —
 * and nothing of the staff's, not even hidden in the page: no step name, no civil servant's name or login, no notes,
 * no register, no other person's dossier.
 */
@MotCuaTest
class MyDossiersViewTest {
    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired vn.motcua.attachment.StagedUploadService staged;
    @Autowired vn.motcua.tasklist.TaskListService tasks;

    String own;
    String other;

    @BeforeEach
    void setUp() {
        KaribuViews.setUp(context);
        users.signInAs("citizen");
        own = dossiers.receive(vn.motcua.Intakes.uploaded(new ReceiveDossier(BirthRegistrationSample.PROCEDURE, Channel.ONLINE,
                new Applicant("Ngô Thị Công Dân", null, "0987654321", null, null), BirthRegistrationSample.intakeData(),
                BirthRegistrationSample.WARD, java.util.List.of()), staged)).code();
        users.signInAs("clerk");
        other = dossiers.receive(vn.motcua.Intakes.checked(new ReceiveDossier(BirthRegistrationSample.PROCEDURE, Channel.IN_PERSON,
                new Applicant("Lâm Thị Người Khác", null, "0911222333", null, null), BirthRegistrationSample.intakeData(),
                null, java.util.List.of()))).code();
    }

    @AfterEach
    void tearDown() { KaribuViews.tearDown(users); }

    @Test
    void theCitizensListIsTheirOwnDossiersInPlainWordsAndTheStaffsListSendsThemThere() {
        KaribuViews.signInAs(users, "citizen");
        UI.getCurrent().navigate("dossiers");
        _get(MyDossiersView.class);
        assertThat(_find(Grid.class)).as("no staff's grid").isEmpty();
        assertThat(_get(Div.class, spec -> spec.withId("mine-stage-" + own)).getElement().getTextRecursively())
                .isEqualTo("Đã nộp trực tuyến, chờ Bộ phận Một cửa tiếp nhận");
        assertThat(_find(Div.class, spec -> spec.withId("mine-" + other))).as("another person's dossier").isEmpty();
        assertThat(page()).doesNotContain(other, "Người Khác");
        assertThat(_get(Button.class, spec -> spec.withId("mine-submit")).getText()).isEqualTo("Nộp hồ sơ mới");
    }

    @Test
    void theCitizensDossierShowsTheFourStepsTheirPapersAndNothingOfTheStaffs() {
        users.signInAs("clerk");
        dossiers.act(own, DossierAction.ACCEPT, null);

        KaribuViews.signInAs(users, "citizen");
        UI.getCurrent().navigate("dossiers/" + own);
        _get(MyDossierView.class);
        assertThat(_find(ListItem.class, spec -> spec.withClasses("current")).stream().map(ListItem::getText).toList())
                .as("where it stands, in the applicant's words").containsAnyOf("Đã tiếp nhận", "Đang giải quyết");
        assertThat(_find(ListItem.class).stream().map(ListItem::getText).toList())
                .contains("Đã tiếp nhận", "Đang giải quyết", "Đang chờ ông/bà", "Đã có kết quả");
        assertThat(_get(H3.class, spec -> spec.withId("mine-stage")).getText()).isIn("Bộ phận Một cửa đã tiếp nhận", "Đang giải quyết");
        assertThat(_get(Anchor.class, spec -> spec.withId("document-01")).getText()).contains("Giấy tiếp nhận hồ sơ");
        assertThat(_find(Anchor.class, spec -> spec.withId("document-06"))).as("the control sheet is the staff's").isEmpty();
        assertThat(_find(Anchor.class, spec -> spec.withId("document-07"))).as("the register is the staff's").isEmpty();
        assertThat(_find(Tab.class)).as("no staff's tabs (steps, notes, diagram)").isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("action-withdraw"))).as("they may withdraw").hasSize(1);
        users.signInAs("citizen");
        String key = dossiers.trackingKey(own).orElseThrow();
        assertThat(_get(Div.class, spec -> spec.withId("mine-facts")).getElement().getTextRecursively())
                .as("the receipt's tracking key, to pass on").contains("Mã tra cứu (in trên giấy tiếp nhận): " + key);

        String page = page();
        String step = dossiers.get(own).currentStep();
        assertThat(step).as("the staff's step exists").isNotBlank();
        assertThat(page).as("nothing of the staff's in the page, not even hidden")
                .doesNotContain(step, "Phạm Thị Tiếp Nhận", "\"clerk\"", ">clerk<", "clerk ·", "dossier-notes", "dossier-diagram",
                        "dossier-steps", "Lâm Thị Người Khác");
        assertThat(_get(Div.class, spec -> spec.withId("mine-history")).getElement().getTextRecursively())
                .as("in the applicant's words").contains("Đã nộp trực tuyến", "Bộ phận Một cửa đã tiếp nhận")
                .doesNotContain("clerk", "Phạm Thị Tiếp Nhận");
    }

    @Test
    void onceTheLeaderApprovesTheCitizenDownloadsTheSignedResultFromTheirDossier() {
        users.signInAs("clerk");
        dossiers.act(own, DossierAction.ACCEPT, null);
        for (var step : java.util.List.of(
                Map.<String, Object>of("documentsComplete", true, "reviewOpinion", "Hồ sơ đầy đủ"),
                Map.<String, Object>of("decision", "APPROVE"))) {
            users.signInAs(step.containsKey("decision") ? "leader" : "specialist");
            tasks.complete(tasks.tasksOf(own).get(0).id(), step);
        }

        KaribuViews.signInAs(users, "citizen");
        UI.getCurrent().navigate("dossiers/" + own);
        _get(MyDossierView.class);
        var download = _get(Anchor.class, spec -> spec.withId("dossier-result-download"));
        assertThat(download.getText()).isEqualTo("Tải kết quả điện tử (PDF)");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("dossier-result-signature")).getText())
                .startsWith("Đã ký số bởi UBND phường");
        byte[] pdf = com.github.mvysny.kaributesting.v10.DownloadKt._download(download);
        assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-").contains("/ETSI.CAdES.detached");
    }

    @Test
    void anotherPersonsDossierIsNotFound() {
        KaribuViews.signInAs(users, "citizen");
        UI.getCurrent().navigate("ho-so-cua-toi/" + other);
        assertThat(_get(H2.class).getText()).startsWith("Không tìm thấy hồ sơ " + other);
        assertThat(page()).doesNotContain("Người Khác");
        UI.getCurrent().navigate("dossiers/" + other);
        assertThat(_get(H2.class).getText()).startsWith("Không tìm thấy hồ sơ " + other);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRefusedDossierSaysWhyAndTheCitizenRatesTheServiceOnce() {
        users.signInAs("clerk");
        dossiers.act(own, DossierAction.REFUSE, "Thiếu bản chính giấy chứng sinh");
        KaribuViews.signInAs(users, "citizen");
        UI.getCurrent().navigate("ho-so-cua-toi/" + own);
        assertThat(_get(H3.class, spec -> spec.withId("mine-stage")).getText()).isEqualTo("Không được tiếp nhận");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("mine-reason")).getText())
                .isEqualTo("Lý do: Thiếu bản chính giấy chứng sinh");
        assertThat(_find(com.vaadin.flow.component.html.OrderedList.class)).as("no step was taken").isEmpty();

        com.github.mvysny.kaributesting.v10.LocatorJ._click(_get(Button.class, spec -> spec.withId("mine-rating-send")));
        assertThat(_get(com.vaadin.flow.component.radiobutton.RadioButtonGroup.class, spec -> spec.withId("mine-rating-score"))
                .isInvalid()).as("a score first").isTrue();
        ((com.vaadin.flow.component.radiobutton.RadioButtonGroup<Integer>) _get(
                com.vaadin.flow.component.radiobutton.RadioButtonGroup.class, spec -> spec.withId("mine-rating-score"))).setValue(2);
        // a low score asks what went wrong, as the tracking page does
        ((com.vaadin.flow.component.checkbox.CheckboxGroup<vn.motcua.dossier.RatingCriterion>) _get(
                com.vaadin.flow.component.checkbox.CheckboxGroup.class, spec -> spec.withId("mine-rating-criteria")))
                .setValue(java.util.Set.of(vn.motcua.dossier.RatingCriterion.PROCEDURE));
        com.github.mvysny.kaributesting.v10.LocatorJ._click(_get(Button.class, spec -> spec.withId("mine-rating-send")));
        assertThat(_find(Div.class, spec -> spec.withId("mine-rating"))).as("rated once").isEmpty();
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("mine-rating-thanks")).getText())
                .startsWith("Xin cảm ơn");
        users.signInAs("clerk");
        assertThat(dossiers.history(own)).anySatisfy(e -> assertThat(e.action()).isEqualTo("RATED"));
        assertThat(dossiers.ratingCriteria(own)).containsExactly(vn.motcua.dossier.RatingCriterion.PROCEDURE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theProceduresPageLeadsTheCitizenToItsSubmissionFormAndTheDeskToNone() {
        KaribuViews.signInAs(users, "citizen");
        UI.getCurrent().navigate("procedures/" + BirthRegistrationSample.PROCEDURE);
        var submit = _get(Button.class, spec -> spec.withId("procedure-submit"));
        assertThat(submit.getText()).isEqualTo("Nộp hồ sơ");
        com.github.mvysny.kaributesting.v10.LocatorJ._click(submit);
        _get(vn.motcua.dossier.ui.SubmitOnlineView.class);
        assertThat(((com.vaadin.flow.component.combobox.ComboBox<vn.motcua.catalogue.Procedure>) _get(
                com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("submit-procedure"))).getValue().code())
                .as("the form of that procedure").isEqualTo(BirthRegistrationSample.PROCEDURE);

        KaribuViews.signInAs(users, "clerk");
        UI.getCurrent().navigate("procedures/" + BirthRegistrationSample.PROCEDURE);
        assertThat(_find(Button.class, spec -> spec.withId("procedure-submit"))).as("the desk receives at the intake").isEmpty();
    }

    private static String page() { return UI.getCurrent().getElement().getOuterHTML(); }
}
