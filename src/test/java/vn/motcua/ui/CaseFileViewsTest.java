package vn.motcua.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.dossier.ui.MyDossierView;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.diagram.BpmnViewer;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierWork;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.tasklist.TaskListService;
import vn.motcua.tasklist.ui.TaskView;

/**
 * The case file carries the work: the dossier view in tabs (steps with people's and units' names, decisions and
 * opinions; staff-only internal notes; the timeline with full names; the diagram with the current step highlighted
 * and the completed ones marked), the task view with the earlier steps' opinions and, on a rework, why the dossier came
 * back, every invalid field named at once, and a confirmation before the actions that cannot be undone.
 */
@MotCuaTest
class CaseFileViewsTest {
    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired vn.motcua.attachment.StagedUploadService staged;
    @Autowired DossierService dossiers;
    @Autowired DossierWork work;
    @Autowired TaskListService tasks;

    String code;

    @BeforeEach
    void setUp() {
        KaribuViews.setUp(context);
        users.signInAs("clerk");
        code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
    }

    @AfterEach
    void tearDown() { KaribuViews.tearDown(users); }

    @Test
    void theStepsTabShowsNamesUnitsDecisionsAndOpinionsNeverLoginNamesOrUnitIdentifiers() {
        sendBackOnce();
        KaribuViews.signInAs(users, "clerk");
        UI.getCurrent().navigate("dossiers/" + code);
        assertThat(_find(Tab.class).stream().map(Component::getId).map(id -> id.orElse("")).toList())
                .containsExactly("dossier-tab-summary", "dossier-tab-declaration", "dossier-tab-documents",
                        "dossier-tab-steps", "dossier-tab-notes", "dossier-tab-timeline", "dossier-tab-diagram");

        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("dossier-unit")).getText())
                .as("the unit's name, not its identifier").startsWith("UBND phường");

        openTab("steps");
        String review = text(_get(Div.class, spec -> spec.withId("dossier-step-0")));
        assertThat(review).contains("Thẩm định hồ sơ, dự thảo kết quả", "Hoàng Văn Xử Lý", "UBND phường",
                "Hồ sơ đầy đủ, hợp lệ theo quy định: có", "Ý kiến: Hồ sơ đầy đủ, đề nghị phê duyệt");
        String sendBack = text(_get(Div.class, spec -> spec.withId("dossier-step-1")));
        assertThat(sendBack).contains("Võ Thị Lãnh Đạo", "Trả lại chuyên viên xử lý lại", "Ghi sai nơi sinh");
        assertThat(review + sendBack).doesNotContain("specialist", "leader", "000.01.15.H33");

        openTab("timeline");
        String timeline = text(_get(Div.class, spec -> spec.withId("dossier-history")));
        assertThat(timeline).contains("Phạm Thị Tiếp Nhận", "Hoàng Văn Xử Lý", "Võ Thị Lãnh Đạo", "Hoàn thành bước");
        assertThat(timeline).doesNotContain("· clerk", "specialist ·", "leader ·");
    }

    @Test
    void theDiagramHighlightsTheCurrentStepAndMarksTheCompletedOnes() {
        sendBackOnce();
        KaribuViews.signInAs(users, "clerk");
        UI.getCurrent().navigate("dossiers/" + code);
        openTab("diagram");
        BpmnViewer diagram = _get(BpmnViewer.class, spec -> spec.withId("dossier-diagram"));
        assertThat(diagram.getXml()).contains("Task_ReviewDossier");
        assertThat(diagram.getHighlighted()).as("back at the review").containsExactly("Task_ReviewDossier");
        assertThat(diagram.getOverlays()).containsEntry("Task_ReviewDossier", "✓").containsEntry("Task_ApproveResult", "✓")
                .doesNotContainKey("Task_ReturnResult");
    }

    @Test
    void staffAddInternalNotesThatTheApplicantNeverSees() {
        KaribuViews.signInAs(users, "specialist");
        UI.getCurrent().navigate("dossiers/" + code);
        openTab("notes");
        _click(_get(Button.class, spec -> spec.withId("dossier-note-add")));
        assertThat(_get(TextArea.class, spec -> spec.withId("dossier-note-text")).isInvalid()).as("a note needs text").isTrue();
        _get(TextArea.class, spec -> spec.withId("dossier-note-text")).setValue("Gọi điện cho mẹ để xác minh nơi sinh");
        _click(_get(Button.class, spec -> spec.withId("dossier-note-add")));
        String notes = text(_get(Div.class, spec -> spec.withId("dossier-notes")));
        assertThat(notes).contains("Hoàng Văn Xử Lý", "Gọi điện cho mẹ để xác minh nơi sinh").doesNotContain("specialist");
        assertThat(work.notes(code)).hasSize(1);

        users.signInAs("citizen");
        var sample = BirthRegistrationSample.inPerson();
        String online = dossiers.receive(vn.motcua.Intakes.uploaded(new ReceiveDossier(sample.procedureCode(), Channel.ONLINE, sample.applicant(),
                sample.data(), BirthRegistrationSample.WARD), staged)).code();
        KaribuViews.signInAs(users, "citizen");
        UI.getCurrent().navigate("dossiers/" + online);
        // the applicant gets their own presentation of the dossier: no notes, no steps, no staff's tabs at all
        _get(MyDossierView.class);
        assertThat(_find(Tab.class, spec -> spec.withId("dossier-tab-notes"))).as("no notes for the applicant").isEmpty();
        assertThat(_find(Tab.class, spec -> spec.withId("dossier-tab-steps"))).as("no steps for the applicant").isEmpty();
    }

    @Test
    void theTaskShowsTheEarlierOpinionsAndWhyTheDossierCameBack() {
        users.signInAs("specialist");
        var review = tasks.tasksOf(code).get(0);
        KaribuViews.signInAs(users, "specialist");
        UI.getCurrent().navigate("tasks/" + review.id());
        _get(TaskView.class);
        assertThat(_find(Div.class, spec -> spec.withId("task-rework"))).as("a first review is no rework").isEmpty();
        assertThat(text(_get(Div.class, spec -> spec.withId("task-previous-steps")))).contains("Đây là bước đầu tiên");

        sendBackOnce();
        users.signInAs("specialist");
        var rework = tasks.tasksOf(code).get(0);
        KaribuViews.signInAs(users, "specialist");
        UI.getCurrent().navigate("tasks/" + rework.id());
        assertThat(text(_get(Div.class, spec -> spec.withId("task-rework")))).contains("Võ Thị Lãnh Đạo", "UBND phường",
                "Phê duyệt, ký kết quả");
        assertThat(_get(Paragraph.class, spec -> spec.withId("task-rework-reason")).getText())
                .isEqualTo("Lý do trả lại: Ghi sai nơi sinh\ntheo giấy chứng sinh");
        String previous = text(_get(Div.class, spec -> spec.withId("task-previous-steps")));
        assertThat(previous).contains("Hoàng Văn Xử Lý", "Ý kiến: Hồ sơ đầy đủ, đề nghị phê duyệt", "Trả lại chuyên viên xử lý lại");
        assertThat(previous.indexOf("Hoàng Văn Xử Lý")).as("in order").isLessThan(previous.indexOf("Võ Thị Lãnh Đạo"));
    }

    @Test
    void completingAStepWithSeveralInvalidFieldsNamesEachOfThem() {
        KaribuViews.signInAs(users, "specialist");
        var review = tasks.tasksOf(code).get(0);
        UI.getCurrent().navigate("tasks/" + review.id());
        _click(_get(Button.class, spec -> spec.withId("task-complete")));
        var errors = _get(Div.class, spec -> spec.withId("task-errors"));
        assertThat(text(errors)).contains("2 trường chưa hợp lệ");
        assertThat(_find(ListItem.class).stream().map(ListItem::getText).toList())
                .anySatisfy(t -> assertThat(t).startsWith("Hồ sơ đầy đủ, hợp lệ theo quy định: "))
                .anySatisfy(t -> assertThat(t).startsWith("Ý kiến thẩm định: "));
        assertThat(dossiers.steps(code)).as("nothing completed").isEmpty();
    }

    @Test
    void acceptingReturningAndRefusingAskForAConfirmationFirst() {
        users.signInAs("citizen");
        var sample = BirthRegistrationSample.inPerson();
        String online = dossiers.receive(vn.motcua.Intakes.uploaded(new ReceiveDossier(sample.procedureCode(), Channel.ONLINE, sample.applicant(),
                sample.data(), BirthRegistrationSample.WARD), staged)).code();
        String other = dossiers.receive(vn.motcua.Intakes.uploaded(new ReceiveDossier(sample.procedureCode(), Channel.ONLINE, sample.applicant(),
                sample.data(), BirthRegistrationSample.WARD), staged)).code();
        KaribuViews.signInAs(users, "clerk");

        UI.getCurrent().navigate("dossiers/" + online);
        _click(_get(Button.class, spec -> spec.withId("action-accept")));
        var confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Xác nhận: Tiếp nhận hồ sơ");
        assertThat(ConfirmDialogKt.getText(confirm)).contains(online, "không thể hoàn tác");
        ConfirmDialogKt._fireCancel(confirm);
        assertThat(dossiers.get(online).status()).as("cancelled: nothing happened").isEqualTo(DossierStatus.NEW);
        _click(_get(Button.class, spec -> spec.withId("action-accept")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(dossiers.get(online).status()).isIn(DossierStatus.RECEIVED, DossierStatus.IN_PROCESS);

        UI.getCurrent().navigate("dossiers/" + other);
        _click(_get(Button.class, spec -> spec.withId("action-refuse")));
        _click(_get(Button.class, spec -> spec.withId("action-confirm")));
        assertThat(_get(TextArea.class, spec -> spec.withId("action-reason")).isInvalid()).as("the reason first").isTrue();
        assertThat(_find(ConfirmDialog.class)).isEmpty();
        _get(TextArea.class, spec -> spec.withId("action-reason")).setValue("Thiếu giấy chứng sinh bản chính");
        _click(_get(Button.class, spec -> spec.withId("action-confirm")));
        assertThat(dossiers.get(other).status()).as("not before the confirmation").isEqualTo(DossierStatus.NEW);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(dossiers.get(other).status()).isEqualTo(DossierStatus.REFUSED);
    }

    /** Review, send-back with a reason; the review is open again. */
    private void sendBackOnce() {
        users.signInAs("specialist");
        tasks.complete(tasks.tasksOf(code).get(0).id(), Map.of("documentsComplete", true,
                "reviewOpinion", "Hồ sơ đầy đủ, đề nghị phê duyệt"));
        users.signInAs("leader");
        tasks.complete(tasks.tasksOf(code).get(0).id(), Map.of("decision", "REWORK",
                "reworkReason", "Ghi sai nơi sinh\ntheo giấy chứng sinh"));
    }

    static void openTab(String name) {
        Tab tab = _get(Tab.class, spec -> spec.withId("dossier-tab-" + name));
        _get(TabSheet.class).setSelectedTab(tab);
        MockVaadin.clientRoundtrip();
    }

    private static String text(Component component) { return component.getElement().getTextRecursively(); }
}
