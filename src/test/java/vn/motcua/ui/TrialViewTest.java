package vn.motcua.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.MotCuaTest;
import vn.motcua.ProcedureUploads;
import vn.motcua.TestClock;
import vn.motcua.TestUsers;
import vn.motcua.diagram.BpmnViewer;
import vn.motcua.diagram.ui.DesignView;
import vn.motcua.forms.FormRenderer;
import vn.motcua.organisation.Unit;
import vn.motcua.sandbox.TrialRun;
import vn.motcua.sandbox.TrialRuns;
import vn.motcua.sandbox.ui.TrialView;

/**
 * Chạy thử (/design/{code}/try, issue 14 point 4): from the design page the designer opens a test run of a procedure,
 * receives a test dossier through the real intake form, acts as the specialist through the review form (refused while
 * the form is incomplete), sees the step marked done on the diagram, the leader's step waiting, the statuses and the
 * due date, fires the nearly-due timer, and starts over.
 */
@MotCuaTest
class TrialViewTest {
    private static final String BIRTH = vn.motcua.BirthRegistrationSample.PROCEDURE;
    private static final Instant MONDAY_NINE = OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.ofHours(7)).toInstant();

    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired TestClock clock;
    @Autowired TrialRuns runs;
    @Autowired vn.motcua.catalogue.ProcedureDesigns designs;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        clock.setTo(MONDAY_NINE);
        KaribuViews.setUp(context);
    }

    @AfterEach
    void tearDown() {
        users.signInAs("designer");
        runs.discard(BIRTH);
        runs.discard(ProcedureUploads.CODE);
        clock.reset();
        KaribuViews.tearDown(users);
        ProcedureUploads.restore(designs, users, jdbc);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAutomaticStepFailingAfterTheSpecialistsStepIsShownStoppedWithTheReasonAndTheStepStaysDone() {
        users.signInAs("designer");
        designs.upload(ProcedureUploads.uploads(ProcedureUploads.failingAfterTheStep()));
        KaribuViews.signInAs(users, "designer");
        UI.getCurrent().navigate("design/" + ProcedureUploads.CODE + "/try");
        var unit = (Select<Unit>) _get(Select.class, spec -> spec.withId("trial-unit"));
        unit.setValue(unit.getListDataView().getItems().filter(u -> u.identifier().equals("000.01.15.H33")).findFirst().orElseThrow());
        _get(FormRenderer.class, spec -> spec.withId("trial-intake")).setValues(ProcedureUploads.intake());
        _click(_get(Button.class, spec -> spec.withId("trial-start")));

        _click(_get(Button.class, spec -> spec.withId("trial-act-" + ProcedureUploads.STEP)));
        _get(FormRenderer.class, spec -> spec.withId("trial-step-form")).setValues(Map.of("decision", "ISSUE",
                "registerEntry", "Số 125, quyển 03/2016", "copiesIssued", 2));
        _click(_get(Button.class, spec -> spec.withId("trial-complete")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("trial-error")).getText())
                .startsWith("Đã thực hiện ").contains("bước tự động sau đó, " + ProcedureUploads.FAILING_STEP_NAME)
                .contains("amount must be >= 0");
        assertThat(_find(Span.class)).filteredOn(span -> "Task_MarkProcessed".equals(span.getElement().getAttribute("data-stopped")))
                .singleElement().satisfies(span -> assertThat(span.getText())
                        .startsWith(ProcedureUploads.FAILING_STEP_NAME + " · bước tự động dừng do lỗi: ").contains("amount must be >= 0"));
        var diagram = _get(BpmnViewer.class, spec -> spec.withId("trial-diagram"));
        assertThat(diagram.getHighlighted()).contains("Task_MarkProcessed");
        assertThat(diagram.getOverlays()).containsEntry(ProcedureUploads.STEP, "✓");
        var done = (Grid<TrialRun.DoneStep>) _get(Grid.class, spec -> spec.withId("trial-done"));
        assertThat(done.getListDataView().getItems().toList()).extracting(TrialRun.DoneStep::stepKey).containsExactly(ProcedureUploads.STEP);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDesignerReceivesATestDossierActsAsTheSpecialistSeesThePathAndStartsOver() {
        KaribuViews.signInAs(users, "designer");
        UI.getCurrent().navigate(DesignView.class);
        var procedures = (Grid<vn.motcua.catalogue.ProcedureDesigns.DesignedProcedure>) _get(Grid.class, spec -> spec.withId("design-procedures"));
        procedures.select(procedures.getListDataView().getItems().filter(p -> p.code().equals(BIRTH)).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("design-try")));
        _get(TrialView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("trial-origin")).getText())
                .isEqualTo("Thủ tục chưa có bản nháp: chạy theo phiên bản đang áp dụng.");
        var unit = (Select<Unit>) _get(Select.class, spec -> spec.withId("trial-unit"));
        unit.setValue(unit.getListDataView().getItems().filter(u -> u.identifier().equals("000.01.15.H33")).findFirst().orElseThrow());

        var intake = _get(FormRenderer.class, spec -> spec.withId("trial-intake"));
        intake.setValues(vn.motcua.BirthRegistrationSample.intakeData());
        _click(_get(Button.class, spec -> spec.withId("trial-start")));

        var status = _get(Paragraph.class, spec -> spec.withId("trial-status"));
        assertThat(status.getElement().getAttribute("data-status")).isEqualTo("4");
        assertThat(status.getText()).contains(TrialRuns.KEY_PREFIX).contains("Đang xử lý");
        assertThat(_get(Paragraph.class, spec -> spec.withId("trial-dates")).getText()).contains("hẹn trả 08/12/2026");
        var diagram = _get(BpmnViewer.class, spec -> spec.withId("trial-diagram"));
        assertThat(diagram.getHighlighted()).containsExactly("Task_ReviewDossier");
        assertThat(diagram.getOverlays()).containsEntry("Task_StartProcessing", "✓");

        // the specialist's form incomplete: refused in Vietnamese, the step still open
        _click(_get(Button.class, spec -> spec.withId("trial-act-Task_ReviewDossier")));
        _click(_get(Button.class, spec -> spec.withId("trial-complete")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("trial-error")).getText()).startsWith("Có ").contains("trường chưa hợp lệ");
        assertThat(_find(Button.class, spec -> spec.withId("trial-act-Task_ApproveResult"))).isEmpty();

        _get(FormRenderer.class, spec -> spec.withId("trial-step-form")).setValues(Map.of("documentsComplete", true,
                "reviewOpinion", "Hồ sơ đầy đủ, đề nghị đăng ký", "proposedResult", "GRANT", "registerNumber", "125/2026"));
        _click(_get(Button.class, spec -> spec.withId("trial-complete")));
        assertThat(_find(Paragraph.class, spec -> spec.withId("trial-error"))).as("no error shown").isEmpty();
        _get(Button.class, spec -> spec.withId("trial-act-Task_ApproveResult"));
        assertThat(diagram.getHighlighted()).containsExactly("Task_ApproveResult");
        assertThat(diagram.getOverlays()).containsEntry("Task_ReviewDossier", "✓");
        var done = (Grid<TrialRun.DoneStep>) _get(Grid.class, spec -> spec.withId("trial-done"));
        assertThat(done.getListDataView().getItems().toList()).singleElement()
                .satisfies(s -> assertThat(s.opinion()).contains("Hồ sơ đầy đủ, đề nghị đăng ký"));
        // the leader sees the specialist's opinion above the approval form
        _click(_get(Button.class, spec -> spec.withId("trial-act-Task_ApproveResult")));
        assertThat(_find(Paragraph.class, spec -> spec.withClasses("trial-previous"))).anySatisfy(p ->
                assertThat(p.getText()).contains("Hồ sơ đầy đủ, đề nghị đăng ký"));
        assertThat(_find(_get(UnorderedList.class, spec -> spec.withId("trial-statuses")), ListItem.class))
                .extracting(i -> i.getElement().getAttribute("data-status")).containsExactly("2", "4");

        // the nearly-due warning fired now: the leader's delay decision opens
        _click(_get(Button.class, spec -> spec.withId("trial-fire-Boundary_NearlyDue")));
        _get(Button.class, spec -> spec.withId("trial-act-Task_DecideOnDelay"));

        _click(_get(Button.class, spec -> spec.withId("trial-restart")));
        assertThat(_find(Paragraph.class, spec -> spec.withId("trial-status"))).isEmpty();
        _get(Button.class, spec -> spec.withId("trial-start"));
        users.signInAs("designer");
        assertThat(runs.current(BIRTH)).isEmpty();
    }
}
