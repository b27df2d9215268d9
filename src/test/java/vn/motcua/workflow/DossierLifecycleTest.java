package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.AuditEntry;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DeskQueue;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.PublicTracking;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.tasklist.TaskListService;

/**
 * The lifecycle every procedure shares: online acceptance, clock stops, withdrawal, timers and the apology (form 04),
 * and the stop that ends a dossier (the default, {@code motcua.dossier.resume-stopped} off; resuming is
 * {@code ResumeStoppedDossiersIT}'s).
 */
@MotCuaTest
class DossierLifecycleTest {
    @Autowired ProcessEngine engine;
    @Autowired DossierService dossiers;
    @Autowired vn.motcua.attachment.StagedUploadService staged;
    @Autowired TaskListService tasks;
    @Autowired WorkingCalendar calendar;
    @Autowired JdbcClient jdbc;
    @Autowired TestUsers users;
    @Autowired DossierQueries queues;
    @Autowired PublicTracking tracking;

    @AfterEach
    void signOut() { users.signOut(); }

    @Test
    void anOnlineSubmissionWaitsForTheDeskThenStartsItsProcessWhenAccepted() {
        users.signInAs("citizen");
        var submitted = dossiers.receive(vn.motcua.Intakes.uploaded(new ReceiveDossier(BirthRegistrationSample.PROCEDURE, Channel.ONLINE,
                BirthRegistrationSample.inPerson().applicant(), BirthRegistrationSample.intakeData(), BirthRegistrationSample.WARD), staged));
        assertThat(submitted.status()).isEqualTo(DossierStatus.NEW);
        assertThat(submitted.dueAt()).isNull();
        assertThat(instances(submitted.code())).isZero();

        users.signInAs("clerk");
        var accepted = dossiers.act(submitted.code(), DossierAction.ACCEPT, null);
        assertThat(accepted.status()).isEqualTo(DossierStatus.IN_PROCESS);
        assertThat(accepted.dueAt()).isAfter(accepted.acceptedAt());
        assertThat(instances(submitted.code())).as("lifecycle and procedure").isEqualTo(2);
        assertThat(dossiers.history(submitted.code())).extracting(AuditEntry::statusAfter).containsExactly(1, 2, 4);
    }

    @Test
    void aRefusalNeedsAReasonAndEndsTheSubmission() {
        users.signInAs("citizen");
        var submitted = dossiers.receive(vn.motcua.Intakes.uploaded(new ReceiveDossier(BirthRegistrationSample.PROCEDURE, Channel.ONLINE,
                BirthRegistrationSample.inPerson().applicant(), BirthRegistrationSample.intakeData(), BirthRegistrationSample.WARD), staged));
        users.signInAs("clerk");
        assertThatThrownBy(() -> dossiers.act(submitted.code(), DossierAction.REFUSE, " "))
                .isInstanceOf(InvalidInputException.class);
        var refused = dossiers.act(submitted.code(), DossierAction.REFUSE, "Thủ tục không thuộc thẩm quyền của phường");
        assertThat(refused.status()).isEqualTo(DossierStatus.REFUSED);
        assertThat(refused.statusReason()).isEqualTo("Thủ tục không thuộc thẩm quyền của phường");
        assertThatThrownBy(() -> dossiers.act(submitted.code(), DossierAction.ACCEPT, null))
                .isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void aSupplementStopsTheClockBlocksTheStepsAndMovesEveryDueDateByTheStoppedWorkingTime() {
        users.signInAs("clerk");
        var dossier = dossiers.receive(BirthRegistrationSample.inPerson());
        Instant due = dossier.dueAt();
        users.signInAs("specialist");
        var review = tasks.tasksOf(dossier.code()).stream().findFirst().orElseThrow();
        Instant taskDue = review.dueAt();

        var waiting = dossiers.act(dossier.code(), DossierAction.REQUEST_SUPPLEMENT, "Thiếu giấy chứng sinh bản chính");
        assertThat(waiting.status()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
        assertThat(waiting.clockStoppedAt()).isNotNull();
        assertThat(waiting.supplementCount()).isEqualTo(1);
        assertThatThrownBy(() -> tasks.complete(review.id(), Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ hợp lệ")))
                .isInstanceOf(BusinessRuleException.class);
        assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceBusinessKey(dossier.code())
                .activityId("Task_WaitClockResumed").count()).isEqualTo(1);

        // The supplement takes three days: the clock was stopped since then
        Instant stoppedAt = waiting.clockStoppedAt().minus(3, ChronoUnit.DAYS);
        jdbc.sql("update dossier set clock_stopped_at = ? where code = ?").params(stoppedAt.atOffset(ZoneOffset.UTC), dossier.code()).update();

        users.signInAs("clerk");
        Instant before = Instant.now();
        var resumed = dossiers.act(dossier.code(), DossierAction.RECEIVE_SUPPLEMENT, null);
        Instant after = Instant.now();
        assertThat(resumed.status()).isEqualTo(DossierStatus.IN_PROCESS);
        assertThat(resumed.clockStoppedAt()).isNull();
        Duration shortest = calendar.workingTimeBetween(stoppedAt, before, BirthRegistrationSample.WARD);
        Duration longest = calendar.workingTimeBetween(stoppedAt, after, BirthRegistrationSample.WARD);
        assertThat(shortest).as("three days hold working time").isPositive();
        assertThat(resumed.dueAt()).isBetween(calendar.addWorkingTime(due, shortest, BirthRegistrationSample.WARD),
                calendar.addWorkingTime(due, longest, BirthRegistrationSample.WARD));
        assertThat(Duration.ofSeconds(resumed.stoppedSeconds())).isBetween(shortest.minusSeconds(1), longest.plusSeconds(1));

        users.signInAs("specialist");
        var moved = tasks.task(review.id());
        assertThat(moved.dueAt()).isBetween(calendar.addWorkingTime(taskDue, shortest, BirthRegistrationSample.WARD).minusMillis(1),
                calendar.addWorkingTime(taskDue, longest, BirthRegistrationSample.WARD).plusMillis(1));
        tasks.complete(review.id(), Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ hợp lệ sau bổ sung"));
        assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceBusinessKey(dossier.code())
                .activityId("Task_WaitClockResumed").count()).isZero();
    }

    @Test
    void rolesAndStatusesDecideWhoMayTakeWhichAction() {
        users.signInAs("clerk");
        var dossier = dossiers.receive(BirthRegistrationSample.inPerson());
        users.signInAs("specialist");
        assertThatThrownBy(() -> dossiers.act(dossier.code(), DossierAction.STOP, "Chờ xác minh")).isInstanceOf(AccessDeniedException.class);
        users.signInAs("clerk");
        assertThatThrownBy(() -> dossiers.act(dossier.code(), DossierAction.RETURN_RESULT, null))
                .isInstanceOf(BusinessRuleException.class);
        users.signInAs("leader");
        assertThat(dossiers.act(dossier.code(), DossierAction.STOP, "Chờ kết quả xác minh của công an").status())
                .isEqualTo(DossierStatus.STOPPED);
        users.signInAs("specialist");
        assertThatThrownBy(() -> dossiers.act(dossier.code(), DossierAction.RESUME, null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void byDefaultAStopEndsTheDossierItsLifecycleAndEveryStepAndTimerAndAResumeIsRefused() {
        users.signInAs("clerk");
        var dossier = dossiers.receive(BirthRegistrationSample.inPerson());
        var lifecycle = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(dossier.code())
                .processDefinitionKey(DossierProcess.LIFECYCLE).singleResult();
        var procedure = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(lifecycle.getId()).singleResult();
        // the nearly-due warning opened the leader's decision beside the procedure's own step
        var warning = engine.getManagementService().createJobQuery().processInstanceId(lifecycle.getId()).timers().list().stream()
                .min((a, b) -> a.getDuedate().compareTo(b.getDuedate())).orElseThrow();
        engine.getManagementService().executeJob(warning.getId());
        assertThat(workItems(dossier.code())).as("the review and the delay decision").isEqualTo(2);
        var queuesBefore = queues.counts(BirthRegistrationSample.WARD);

        users.signInAs("leader");
        assertThat(dossiers.availableActions(dossier.code())).contains(DossierAction.STOP).doesNotContain(DossierAction.RESUME);
        assertThat(dossiers.stoppingEnds()).isTrue();
        var stopped = dossiers.act(dossier.code(), DossierAction.STOP, "Chờ kết quả xác minh của công an");

        assertThat(stopped.status()).isEqualTo(DossierStatus.STOPPED);
        assertThat(stopped.finishedAt()).as("ended when its clock stopped").isNotNull().isEqualTo(stopped.clockStoppedAt());
        assertThat(stopped.workingSeconds()).isNotNull().isGreaterThanOrEqualTo(0L);
        assertThat(instances(dossier.code())).as("lifecycle and procedure ended").isZero();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(dossier.code()).count()).isZero();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(lifecycle.getId()).count()).as("timers").isZero();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(procedure.getId()).count()).isZero();
        assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(lifecycle.getId()).count()).isZero();
        assertThat(workItems(dossier.code())).as("no step left in any worklist").isZero();
        assertThat(tasks.tasksOf(dossier.code())).isEmpty();
        assertThat(dossiers.history(dossier.code())).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("STOP");
            assertThat(entry.statusAfter()).isEqualTo(8);
            assertThat(entry.actor()).isEqualTo("leader");
        });

        assertThat(dossiers.availableActions(dossier.code())).isEmpty();
        assertThatThrownBy(() -> dossiers.act(dossier.code(), DossierAction.RESUME, null))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.messageKey()).isEqualTo("dossier.resume.off"));
        assertThat(dossiers.get(dossier.code()).status()).isEqualTo(DossierStatus.STOPPED);

        users.signInAs("clerk");
        var queuesAfter = queues.counts(BirthRegistrationSample.WARD);
        assertThat(queuesAfter.get(DeskQueue.IN_PROCESSING)).isEqualTo(queuesBefore.get(DeskQueue.IN_PROCESSING) - 1);
        queuesAfter.forEach((queue, count) -> assertThat(count).as(queue.key()).isLessThanOrEqualTo(queuesBefore.get(queue)));
        var tracked = tracking.track(dossier.code(), "5678", "192.0.2.8", java.util.Locale.forLanguageTag("vi"));
        assertThat(tracked.stage()).isEqualTo(vn.motcua.dossier.PublicTracking.Stage.STOPPED);
        assertThat(tracked.finishedAt()).isEqualTo(stopped.finishedAt());
    }

    @Test
    void theLifecycleEndsThroughItsStopBoundaryAndTerminateEndWhileTheClockWaitsForASupplement() {
        AbstractAssertions.init(engine);
        users.signInAs("clerk");
        var dossier = dossiers.receive(BirthRegistrationSample.inPerson());
        var waiting = dossiers.act(dossier.code(), DossierAction.REQUEST_SUPPLEMENT, "Thiếu giấy chứng sinh bản chính");
        var lifecycle = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(dossier.code())
                .processDefinitionKey(DossierProcess.LIFECYCLE).singleResult();
        BpmnAwareTests.assertThat(lifecycle).isWaitingAt("Task_WaitClockResumed", "CallActivity_Procedure");

        users.signInAs("leader");
        var stopped = dossiers.act(dossier.code(), DossierAction.STOP, "Người nộp không bổ sung được giấy chứng sinh");

        assertThat(stopped.finishedAt()).as("ended when the clock stopped for the supplement").isEqualTo(waiting.clockStoppedAt());
        BpmnAwareTests.assertThat(lifecycle).hasPassed("Boundary_Stopped", "EndEvent_Stopped")
                .hasNotPassed("EndEvent_ClockResumed", "EndEvent_Withdrawn", "EndEvent_Done").isEnded();
        assertThat(instances(dossier.code())).isZero();
        assertThat(workItems(dossier.code())).isZero();
    }

    @Test
    void aWithdrawalEndsTheProcessAndTheDossier() {
        users.signInAs("clerk");
        var dossier = dossiers.receive(BirthRegistrationSample.inPerson());
        var withdrawn = dossiers.act(dossier.code(), DossierAction.WITHDRAW, "Công dân có đơn xin rút hồ sơ");
        assertThat(withdrawn.status()).isEqualTo(DossierStatus.WITHDRAWN);
        assertThat(withdrawn.finishedAt()).isNotNull();
        assertThat(instances(dossier.code())).isZero();
        users.signInAs("specialist");
        assertThat(tasks.tasksOf(dossier.code())).isEmpty();
    }

    @Test
    void aWithdrawalWhileTheClockWaitsForASupplementEndsEveryBranchOfTheLifecycle() {
        var received = receivedByTheClerk();
        var dossier = received.dossier();
        var lifecycle = received.lifecycle();
        dossiers.act(dossier.code(), DossierAction.REQUEST_SUPPLEMENT, "Thiếu giấy chứng sinh bản chính");
        BpmnAwareTests.assertThat(lifecycle).isWaitingAt("Task_WaitClockResumed", "CallActivity_Procedure");

        dossiers.act(dossier.code(), DossierAction.WITHDRAW, "Công dân có đơn xin rút hồ sơ");
        BpmnAwareTests.assertThat(lifecycle).hasPassed("Boundary_Withdrawn", "EndEvent_Withdrawn").isEnded();
        assertThat(instances(dossier.code())).isZero();
        assertThat(workItems(dossier.code())).isZero();
    }

    @Test
    void theLeadersDelayDecisionStillOpenEndsWithAWithdrawal() {
        var received = receivedByTheClerk();
        var dossier = received.dossier();
        var lifecycle = received.lifecycle();
        fireNearlyDue(lifecycle.getId(), dossier.dueAt());
        users.signInAs("leader");
        assertThat(tasks.tasksOf(dossier.code())).extracting(t -> t.stepKey()).contains("Task_DecideOnDelay");

        users.signInAs("clerk");
        dossiers.act(dossier.code(), DossierAction.WITHDRAW, "Công dân có đơn xin rút hồ sơ");
        BpmnAwareTests.assertThat(lifecycle).isEnded();
        assertThat(instances(dossier.code())).isZero();
        assertThat(workItems(dossier.code())).as("no leader's step left on the worklists").isZero();
    }

    @Test
    void theLeadersDelayDecisionStillOpenEndsWhenTheResultIsReturned() {
        var received = receivedByTheClerk();
        var dossier = received.dossier();
        var lifecycle = received.lifecycle();
        fireNearlyDue(lifecycle.getId(), dossier.dueAt());

        complete("specialist", dossier.code(), "Task_ReviewDossier", Map.of("documentsComplete", true,
                "reviewOpinion", "Hồ sơ đầy đủ, đề nghị đăng ký"));
        complete("leader", dossier.code(), "Task_ApproveResult", Map.of("decision", "APPROVE"));
        complete("clerk", dossier.code(), "Task_ReturnResult", Map.of("resultHandedOver", true, "receiverName", "Trần Thị Mỹ Lệ"));

        users.signInAs("clerk");
        assertThat(dossiers.get(dossier.code()).status()).isEqualTo(DossierStatus.RETURNED);
        BpmnAwareTests.assertThat(lifecycle).hasPassed("EndEvent_Done").isEnded();
        assertThat(instances(dossier.code())).isZero();
        assertThat(workItems(dossier.code())).as("the leader's delay decision ended with the dossier").isZero();
    }

    private record Received(vn.motcua.dossier.Dossier dossier, org.camunda.bpm.engine.runtime.ProcessInstance lifecycle) { }

    /** A birth registration the clerk received (signed in as the clerk), with its lifecycle, for the engine's assertions. */
    private Received receivedByTheClerk() {
        AbstractAssertions.init(engine);
        users.signInAs("clerk");
        var dossier = dossiers.receive(BirthRegistrationSample.inPerson());
        return new Received(dossier, lifecycle(dossier.code()));
    }

    private org.camunda.bpm.engine.runtime.ProcessInstance lifecycle(String code) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(code)
                .processDefinitionKey(DossierProcess.LIFECYCLE).singleResult();
    }

    private void fireNearlyDue(String lifecycleId, java.time.Instant dueAt) {
        var warning = engine.getManagementService().createJobQuery().processInstanceId(lifecycleId).timers().list().stream()
                .filter(j -> j.getDuedate().toInstant().isBefore(dueAt)).findFirst().orElseThrow();
        engine.getManagementService().executeJob(warning.getId());
    }

    private void complete(String user, String code, String stepKey, Map<String, Object> data) {
        users.signInAs(user);
        var step = tasks.tasksOf(code).stream().filter(t -> stepKey.equals(t.stepKey())).findFirst().orElseThrow();
        tasks.complete(step.id(), data);
    }

    @Test
    void theNearlyDueWarningAsksTheLeaderForTheApologyAndRecordsTheNewDate() {
        users.signInAs("clerk");
        var dossier = dossiers.receive(BirthRegistrationSample.inPerson());
        var parent = lifecycle(dossier.code());
        var timers = engine.getManagementService().createJobQuery().processInstanceId(parent.getId()).timers().list();
        assertThat(timers).hasSize(2);
        assertThat(timers).extracting(j -> j.getDuedate().toInstant()).contains(dossier.dueAt());
        var warning = timers.stream().filter(j -> j.getDuedate().toInstant().isBefore(dossier.dueAt())).findFirst().orElseThrow();
        assertThat(warning.getDuedate().toInstant()).isAfter(dossier.receivedAt());

        engine.getManagementService().executeJob(warning.getId());
        users.signInAs("leader");
        var decision = tasks.tasksOf(dossier.code()).stream()
                .filter(t -> "Task_DecideOnDelay".equals(t.stepKey())).findFirst().orElseThrow();
        assertThatThrownBy(() -> tasks.complete(decision.id(), Map.of("willBeLate", "YES")))
                .isInstanceOf(InvalidInputException.class);
        String newDay = LocalDate.now(WorkingCalendar.ZONE).plusDays(10).toString();
        tasks.complete(decision.id(), Map.of("willBeLate", "YES", "newDueDate", newDay,
                "apologyReason", "Cần xác minh thêm thông tin nơi sinh với bệnh viện"));

        users.signInAs("clerk");
        var extended = dossiers.get(dossier.code());
        assertThat(extended.extendedDueAt()).isNotNull();
        assertThat(extended.extendedDueAt().atZone(WorkingCalendar.ZONE).toLocalDate()).hasToString(newDay);
        assertThat(dossiers.history(dossier.code())).extracting(AuditEntry::action).contains("EXTENDED");
        assertThat(extended.currentStep()).as("the warning is not a step of the procedure").isEqualTo("Thẩm định hồ sơ, dự thảo kết quả");
    }

    @Test
    void aPaymentStopsTheClockAndItsMethodIsKeptForTheIndicators() {
        users.signInAs("clerk");
        var dossier = dossiers.receive(BirthRegistrationSample.inPerson());
        assertThat(dossiers.act(dossier.code(), DossierAction.REQUEST_PAYMENT, "Lệ phí cấp bản sao trích lục: 8.000 đồng").status())
                .isEqualTo(DossierStatus.PAYMENT_REQUESTED);
        assertThatThrownBy(() -> dossiers.act(dossier.code(), DossierAction.CONFIRM_PAYMENT, null, "BITCOIN"))
                .isInstanceOf(InvalidInputException.class);
        var paid = dossiers.act(dossier.code(), DossierAction.CONFIRM_PAYMENT, null, "online");
        assertThat(paid.status()).isEqualTo(DossierStatus.IN_PROCESS);
        assertThat(paid.paymentMethod()).isEqualTo("ONLINE");
        assertThat(paid.paidAt()).isNotNull();
    }

    @Test
    void theOwnerRatesAnEndedDossierAndItsWorkingTimeIsKept() {
        users.signInAs("citizen");
        var submitted = dossiers.receive(vn.motcua.Intakes.uploaded(new ReceiveDossier(BirthRegistrationSample.PROCEDURE, Channel.ONLINE,
                BirthRegistrationSample.inPerson().applicant(), BirthRegistrationSample.intakeData(), BirthRegistrationSample.WARD), staged));
        assertThatThrownBy(() -> dossiers.rate(submitted.code(), 5, false, null)).isInstanceOf(BusinessRuleException.class);
        var withdrawn = dossiers.act(submitted.code(), DossierAction.WITHDRAW, "Tôi nộp nhầm thủ tục");
        assertThat(withdrawn.status()).isEqualTo(DossierStatus.WITHDRAWN);
        assertThat(withdrawn.workingSeconds()).isNotNull().isGreaterThanOrEqualTo(0L);
        assertThatThrownBy(() -> dossiers.rate(submitted.code(), 9, false, null)).isInstanceOf(InvalidInputException.class);
        dossiers.rate(submitted.code(), 2, true, "Hướng dẫn chưa rõ ràng");
        assertThat(jdbc.sql("select score from dossier_rating r join dossier d on d.id = r.dossier_id where d.code = ?")
                .param(submitted.code()).query(Integer.class).single()).isEqualTo(2);
        users.signInAs("clerk");
        assertThatThrownBy(() -> dossiers.rate(submitted.code(), 5, false, null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aLifecycleStartedBeforeItsStopEventExistedIsDeletedWithItsProcedureWhenTheStopEndsTheDossier() throws Exception {
        String model;
        try (var in = getClass().getResourceAsStream("/processes/_shared/dossier-lifecycle.bpmn")) {
            model = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        // the lifecycle as it was: no boundary event for the stop, no terminate end event
        for (String element : new String[] {"bpmn:boundaryEvent id=\"Boundary_Stopped\"", "bpmn:endEvent id=\"EndEvent_Stopped\"",
                "bpmndi:BPMNShape id=\"Boundary_Stopped_di\"", "bpmndi:BPMNShape id=\"EndEvent_Stopped_di\"",
                "bpmndi:BPMNEdge id=\"Flow_ToStopped_di\""}) {
            String tag = element.substring(0, element.indexOf(' '));
            model = model.replaceAll("(?s)<" + java.util.regex.Pattern.quote(element) + ".*?</" + tag + ">", "");
        }
        model = model.replaceAll("<bpmn:sequenceFlow id=\"Flow_ToStopped\"[^>]*/>", "");
        assertThat(model).doesNotContain("Boundary_Stopped", "EndEvent_Stopped", "Flow_ToStopped");
        var former = engine.getRepositoryService().createDeployment().name("dossier-lifecycle before status 8 ended dossiers")
                .addString("dossier-lifecycle.bpmn", model).deploy();
        try {
            users.signInAs("clerk");
            var dossier = dossiers.receive(BirthRegistrationSample.inPerson());
            var lifecycle = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(dossier.code())
                    .processDefinitionKey(DossierProcess.LIFECYCLE).singleResult();
            assertThat(engine.getRepositoryService().getProcessDefinition(lifecycle.getProcessDefinitionId()).getDeploymentId())
                    .isEqualTo(former.getId());
            assertThat(workItems(dossier.code())).isEqualTo(1);

            users.signInAs("leader");
            var stopped = dossiers.act(dossier.code(), DossierAction.STOP, "Chờ kết quả xác minh của công an");

            assertThat(stopped.finishedAt()).isNotNull();
            assertThat(instances(dossier.code())).isZero();
            assertThat(engine.getManagementService().createJobQuery().processInstanceId(lifecycle.getId()).count()).isZero();
            assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(dossier.code()).count()).isZero();
            assertThat(workItems(dossier.code())).isZero();
        } finally {
            engine.getRepositoryService().deleteDeployment(former.getId(), true);
        }
    }

    private long workItems(String code) {
        return jdbc.sql("select count(*) from work_item where dossier_code = ?").param(code).query(Long.class).single();
    }

    private long instances(String code) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(code).count();
    }
}
