package vn.motcua.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.ProcedureUploads;
import vn.motcua.TestClock;
import vn.motcua.TestUsers;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalogue.ProcedureDesigns;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.organisation.UnitLevel;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.ForbiddenException;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.NotFoundException;

/**
 * Chạy thử (issue 14 point 4): a designer test-runs a procedure in the sandbox, receiving a test dossier with the real
 * intake form and acting as each role in turn through the steps' real forms, with the statuses, due dates and path the
 * real dossier would have; bad input changes nothing; a test run never reaches the application's dossiers, engine,
 * audit or outbox, and only designers may run one.
 */
@MotCuaTest
class TrialRunsTest {
    private static final String BIRTH = BirthRegistrationSample.PROCEDURE;
    private static final String WARD = BirthRegistrationSample.WARD;
    /** Monday 7 December 2026, 09:00 in Viet Nam: a working day. */
    private static final Instant MONDAY_NINE = OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.ofHours(7)).toInstant();

    @Autowired TrialRuns runs;
    @Autowired TestUsers users;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngine engine;
    @Autowired WorkingCalendar calendar;
    @Autowired ProcedureDesigns designs;

    @BeforeEach
    void setUp() { clock.setTo(MONDAY_NINE); }

    @AfterEach
    void tearDown() {
        users.signInAs("designer");
        runs.discard(BIRTH);
        runs.discard(ProcedureUploads.CODE);
        users.signOut();
        clock.reset();
        ProcedureUploads.restore(designs, users, jdbc);
    }

    static Map<String, Object> intake() {
        return BirthRegistrationSample.intakeData();
    }

    static Map<String, Object> review(String opinion) {
        return Map.of("documentsComplete", true, "reviewOpinion", opinion, "proposedResult", "GRANT", "registerNumber", "125/2026");
    }

    @Test
    void aDesignerActsAsEveryRoleThroughTheRealFormsWithTheDossiersStatusesDatesAndPathAndNothingReachesRealDossiers() {
        long dossiers = count("select count(*) from dossier");
        long events = count("select count(*) from dossier_event");
        long realInstances = engine.getRuntimeService().createProcessInstanceQuery().count();
        long realHistory = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
        users.signInAs("designer");

        var setup = runs.setup(BIRTH);
        assertThat(setup.trial().fromDraft()).as("no draft: the published version").isFalse();
        assertThat(setup.intakeForm().id()).isEqualTo("birth-registration-intake");
        assertThat(setup.units()).extracting(u -> u.identifier()).contains(WARD);
        assertThat(setup.units()).allSatisfy(u -> assertThat(u.level()).isEqualTo(UnitLevel.COMMUNE));

        // the intake form's rules, as at the desk: nothing started
        var missing = intake();
        missing.remove("childFullName");
        assertThatThrownBy(() -> runs.start(BIRTH, WARD, missing)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting(InvalidInputException.Violation::field).contains("data.childFullName"));
        assertThatThrownBy(() -> runs.start(BIRTH, "000.99.99.X99", intake())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("000.99.99.X99");
        assertThat(runs.current(BIRTH)).isEmpty();

        TrialRun run = runs.start(BIRTH, WARD, intake());
        assertThat(run.key()).startsWith(TrialRuns.KEY_PREFIX);
        assertThat(run.receivedAt()).isEqualTo(MONDAY_NINE);
        assertThat(run.dueAt()).as("1 working day, by the ward's calendar")
                .isEqualTo(calendar.addWorkingTime(MONDAY_NINE, Duration.ofHours(8), WARD))
                .isAfter(MONDAY_NINE.plus(Duration.ofHours(20)));
        assertThat(run.statuses()).extracting(TrialRun.StatusChange::to).containsExactly(DossierStatus.RECEIVED, DossierStatus.IN_PROCESS);
        assertThat(run.status()).isEqualTo(DossierStatus.IN_PROCESS);
        var review = only(run);
        assertThat(review.stepKey()).isEqualTo("Task_ReviewDossier");
        assertThat(review.role()).isEqualTo("SPECIALIST");
        assertThat(review.unitIdentifier()).isEqualTo(WARD);
        assertThat(review.dueAt()).as("4 working hours").isEqualTo(calendar.addWorkingTime(MONDAY_NINE, Duration.ofHours(4), WARD));
        assertThat(run.current()).containsExactly("Task_ReviewDossier");
        assertThat(run.passed()).containsEntry("Task_StartProcessing", 1);
        assertThat(run.timers()).extracting(TrialRun.Timer::elementId).containsExactly("Boundary_NearlyDue", "Boundary_Overdue");
        assertThat(run.timers().get(1).dueAt()).isEqualTo(run.dueAt());
        assertThat(run.timers().get(0).dueAt()).isBefore(run.dueAt()).isAfter(MONDAY_NINE);
        assertThat(runs.stepForm(BIRTH, review.taskId())).get().extracting(f -> f.id()).isEqualTo("birth-registration-review");

        // the review form's rules: nothing done
        assertThatThrownBy(() -> runs.complete(BIRTH, review.taskId(), Map.of("documentsComplete", true, "proposedResult", "GRANT")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(InvalidInputException.Violation::field).contains("data.reviewOpinion"));
        assertThat(only(runs.current(BIRTH).orElseThrow()).taskId()).isEqualTo(review.taskId());

        clock.setTo(MONDAY_NINE.plus(Duration.ofHours(1)));
        run = runs.complete(BIRTH, review.taskId(), review("Hồ sơ đầy đủ, đề nghị đăng ký"));
        var approval = only(run);
        assertThat(approval.stepKey()).isEqualTo("Task_ApproveResult");
        assertThat(approval.role()).isEqualTo("LEADER");
        assertThat(run.doneSteps()).singleElement().satisfies(s -> {
            assertThat(s.stepKey()).isEqualTo("Task_ReviewDossier");
            assertThat(s.opinion()).contains("Hồ sơ đầy đủ, đề nghị đăng ký");
            assertThat(s.decision()).contains("125/2026");
            assertThat(s.late()).isFalse();
        });

        // the leader sends it back: the specialist's step opens again, passed twice in the end
        run = runs.complete(BIRTH, approval.taskId(), Map.of("decision", "REWORK", "reworkReason", "Ghi lại nơi sinh theo giấy chứng sinh"));
        assertThat(only(run).stepKey()).isEqualTo("Task_ReviewDossier");
        assertThat(run.doneSteps().get(1).opinion()).contains("Ghi lại nơi sinh theo giấy chứng sinh");

        // the nearly-due warning fired now: the leader decides on the delay and promises a later date (form 04)
        var warning = run.timers().get(0);
        run = runs.fireTimer(BIRTH, warning.jobId());
        var delay = run.openSteps().stream().filter(TrialRun.OpenStep::lifecycle).findFirst().orElseThrow();
        assertThat(delay.stepKey()).isEqualTo("Task_DecideOnDelay");
        assertThat(run.timers()).extracting(TrialRun.Timer::elementId).containsExactly("Boundary_Overdue");
        LocalDate later = LocalDate.of(2026, 12, 10);
        run = runs.complete(BIRTH, delay.taskId(), Map.of("willBeLate", "YES", "newDueDate", later.toString(),
                "apologyReason", "Cần xác minh thêm nơi sinh của trẻ"));
        assertThat(run.extendedDueAt()).isNotNull();
        assertThat(run.extendedDueAt().atZone(WorkingCalendar.ZONE).toLocalDate()).isEqualTo(later);
        Instant extended = run.extendedDueAt();
        // a second promise no later than the first is refused by the extension rule: the run stays as it was
        assertThat(run.openSteps()).extracting(TrialRun.OpenStep::stepKey).containsExactly("Task_ReviewDossier");

        run = runs.complete(BIRTH, only(run).taskId(), review("Đã ghi lại nơi sinh, đề nghị đăng ký"));
        run = runs.complete(BIRTH, only(run).taskId(), Map.of("decision", "APPROVE"));
        assertThat(run.status()).isEqualTo(DossierStatus.PROCESSED);
        var giveBack = only(run);
        assertThat(giveBack.stepKey()).isEqualTo("Task_ReturnResult");
        assertThat(giveBack.role()).isEqualTo("CLERK");
        run = runs.complete(BIRTH, giveBack.taskId(), Map.of("resultHandedOver", true, "receiverName", "Lê Thị Hoa"));

        assertThat(run.ended()).isTrue();
        assertThat(run.status()).isEqualTo(DossierStatus.RETURNED);
        assertThat(run.extendedDueAt()).isEqualTo(extended);
        assertThat(run.statuses()).extracting(TrialRun.StatusChange::to).containsExactly(
                DossierStatus.RECEIVED, DossierStatus.IN_PROCESS, DossierStatus.PROCESSED, DossierStatus.RETURNED);
        assertThat(run.passed()).containsEntry("Task_ReviewDossier", 2).containsEntry("Task_ApproveResult", 2)
                .containsEntry("Task_ReturnResult", 1).containsEntry("EndEvent_ResultReturned", 1);
        assertThat(run.openSteps()).isEmpty();
        assertThat(run.timers()).as("the overdue timer ended with the dossier").isEmpty();
        assertThat(run.doneSteps()).extracting(TrialRun.DoneStep::stepKey).containsExactly("Task_ReviewDossier", "Task_ApproveResult",
                "Task_DecideOnDelay", "Task_ReviewDossier", "Task_ApproveResult", "Task_ReturnResult");

        // nothing of it in the application's own dossiers, audit or engine
        assertThat(count("select count(*) from dossier")).isEqualTo(dossiers);
        assertThat(count("select count(*) from dossier_event")).isEqualTo(events);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(realInstances);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(realHistory);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKeyLike(TrialRuns.KEY_PREFIX + "%").count()).isZero();

        // start over
        runs.discard(BIRTH);
        assertThat(runs.current(BIRTH)).isEmpty();
        assertThatThrownBy(() -> runs.complete(BIRTH, giveBack.taskId(), Map.of())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anExtensionNoLaterThanTheDueDateIsRefusedAndTheRunStaysAsItWas() {
        users.signInAs("designer");
        TrialRun run = runs.start(BIRTH, WARD, intake());
        run = runs.fireTimer(BIRTH, run.timers().get(0).jobId());
        var delay = run.openSteps().stream().filter(TrialRun.OpenStep::lifecycle).findFirst().orElseThrow();
        String sameDay = run.dueAt().atZone(WorkingCalendar.ZONE).toLocalDate().minusDays(1).toString();
        assertThatThrownBy(() -> runs.complete(BIRTH, delay.taskId(), Map.of("willBeLate", "YES", "newDueDate", sameDay,
                "apologyReason", "Cần xác minh thêm nơi sinh của trẻ")))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.messageKey()).isEqualTo("design.trial.failed"));
        var after = runs.current(BIRTH).orElseThrow();
        assertThat(after.extendedDueAt()).isNull();
        assertThat(after.openSteps()).extracting(TrialRun.OpenStep::stepKey).contains("Task_DecideOnDelay", "Task_ReviewDossier");
        assertThat(after.doneSteps()).isEmpty();
    }

    @Test
    void aDraftIsRunAsDraftedWithItsRenamedStepNewDeadlineAndNewField() {
        users.signInAs("designer");
        designs.upload(ProcedureUploads.uploads(ProcedureUploads.revised()));
        var setup = runs.setup(ProcedureUploads.CODE);
        assertThat(setup.trial().fromDraft()).isTrue();
        assertThat(setup.intakeForm().id()).isEqualTo("diploma-copy-from-register-intake");
        TrialRun run = runs.start(ProcedureUploads.CODE, WARD, ProcedureUploads.intake());
        assertThat(run.fromDraft()).isTrue();
        var step = only(run);
        assertThat(step.stepKey()).isEqualTo(ProcedureUploads.STEP);
        assertThat(step.name()).isEqualTo(ProcedureUploads.REVISED_STEP_NAME);
        assertThat(step.dueAt()).as("6 working hours in the draft").isEqualTo(calendar.addWorkingTime(MONDAY_NINE, Duration.ofHours(6), WARD));
        assertThat(runs.stepForm(ProcedureUploads.CODE, step.taskId()).orElseThrow().inputKeys())
                .contains(ProcedureUploads.ADDED_FIELD);
        assertThat(run.bpmnXml()).contains(ProcedureUploads.REVISED_STEP_NAME);
    }

    @Test
    void anAutomaticStepFailingAfterACompletedStepLeavesThatStepDoneAndWaitsWithoutBeingRetriedAtEveryAction() {
        users.signInAs("designer");
        designs.upload(ProcedureUploads.uploads(ProcedureUploads.failingAfterTheStep()));
        TrialRun run = runs.start(ProcedureUploads.CODE, WARD, ProcedureUploads.intake());
        var step = only(run);
        var statusesBefore = run.statuses().size();

        assertThatThrownBy(() -> runs.complete(ProcedureUploads.CODE, step.taskId(),
                Map.of("decision", "ISSUE", "registerEntry", "Số 125, quyển 03/2016", "copiesIssued", 2)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("design.trial.failedAfter");
                    assertThat(e.args()).hasSize(3);
                    assertThat(e.args()[0]).isEqualTo(step.name());
                    assertThat(e.args()[1]).isEqualTo(ProcedureUploads.FAILING_STEP_NAME);
                    assertThat((String) e.args()[2]).as("the engine's reason").contains("amount must be >= 0");
                });

        var after = runs.current(ProcedureUploads.CODE).orElseThrow();
        assertThat(after.doneSteps()).as("the step the engine committed is done").extracting(TrialRun.DoneStep::stepKey)
                .containsExactly(ProcedureUploads.STEP);
        assertThat(after.openSteps()).as("the process waits at the automatic step, nothing to act on").isEmpty();
        assertThat(after.ended()).isFalse();
        assertThat(after.statuses()).as("the failed step told the run nothing").hasSize(statusesBefore);
        assertThat(after.stopped()).as("the automatic step waits, stopped, with the engine's reason").singleElement()
                .satisfies(stopped -> {
                    assertThat(stopped.elementId()).isEqualTo("Task_MarkProcessed");
                    assertThat(stopped.name()).isEqualTo(ProcedureUploads.FAILING_STEP_NAME);
                    assertThat(stopped.reason()).contains("amount must be >= 0");
                });
        assertThat(after.current()).as("marked on the diagram").contains("Task_MarkProcessed");

        var again = runs.current(ProcedureUploads.CODE).orElseThrow();
        assertThat(again.doneSteps()).hasSize(1);
        assertThat(again.stopped()).as("not tried again at every action: its retries are spent").hasSize(1);
    }

    @Test
    void onlyDesignersRunTests() {
        for (String username : List.of("clerk", "specialist", "leader", "supervisor", "admin", "citizen")) {
            users.signInAs(username);
            assertThatThrownBy(() -> runs.setup(BIRTH)).as(username).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> runs.start(BIRTH, WARD, intake())).as(username).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> runs.current(BIRTH)).as(username).isInstanceOf(ForbiddenException.class);
            users.signOut();
        }
    }

    private static TrialRun.OpenStep only(TrialRun run) {
        assertThat(run.openSteps()).hasSize(1);
        return run.openSteps().get(0);
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
