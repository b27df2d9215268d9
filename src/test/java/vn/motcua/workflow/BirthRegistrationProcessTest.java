package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.AuditEntry;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.NotFoundException;
import vn.motcua.tasklist.TaskListService;
import vn.motcua.tasklist.WorkTask;

/** The birth registration process (processes/birth-registration) driven through the application's services. */
@MotCuaTest
class BirthRegistrationProcessTest {
    @Autowired ProcessEngine engine;
    @Autowired DossierService dossiers;
    @Autowired TaskListService tasks;
    @Autowired WorkingCalendar calendar;
    @Autowired TestUsers users;

    @BeforeEach
    void init() { AbstractAssertions.init(engine); }

    @AfterEach
    void signOut() { users.signOut(); }

    @Test
    void approvedDossierGoesFromReceiptToReturnedResultThroughNationalStatuses2_4_9_10() {
        users.signInAs("clerk");
        var dossier = dossiers.receive(BirthRegistrationSample.inPerson());
        assertThat(dossier.code()).matches("000\\.01\\.15\\.H33-\\d{6}-\\d{4}");
        assertThat(dossier.status()).isEqualTo(DossierStatus.IN_PROCESS);
        assertThat(dossier.dueAt()).isEqualTo(calendar.dueAt(dossier.receivedAt(), ProcessingTime.workingDays(1),
                BirthRegistrationSample.WARD));

        ProcessInstance instance = instanceOf(dossier.code());
        assertThat(instance).isWaitingAt("Task_ReviewDossier");
        assertThat(instance).task().hasCandidateGroup("SPECIALIST_" + BirthRegistrationSample.WARD);
        assertThat(dossiers.get(dossier.code()).currentStep()).isEqualTo("Thẩm định hồ sơ, dự thảo kết quả");

        complete("specialist", dossier.code(), Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ đầy đủ, hợp lệ"));
        assertThat(instance).isWaitingAt("Task_ApproveResult");
        assertThat(instance).task().hasCandidateGroup("LEADER_" + BirthRegistrationSample.WARD);

        complete("leader", dossier.code(), Map.of("decision", "APPROVE"));
        assertThat(instance).isWaitingAt("Task_ReturnResult");
        users.signInAs("clerk");
        assertThat(dossiers.get(dossier.code()).status()).isEqualTo(DossierStatus.PROCESSED);
        assertThat(dossiers.get(dossier.code()).finishedAt()).isNotNull();

        complete("clerk", dossier.code(), Map.of("resultHandedOver", true, "receiverName", "Trần Thị Mỹ Lệ"));
        assertThat(instance).isEnded().hasPassedInOrder("Task_StartProcessing", "Task_ReviewDossier",
                "Task_ApproveResult", "Task_MarkProcessed", "Task_ReturnResult", "Task_RecordResultReturned");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(dossier.code()).count())
                .as("the lifecycle ends with the procedure").isZero();

        users.signInAs("clerk");
        var returned = dossiers.get(dossier.code());
        assertThat(returned.status()).isEqualTo(DossierStatus.RETURNED);
        assertThat(dossiers.history(dossier.code())).extracting(AuditEntry::statusAfter).containsSubsequence(2, 4, 9, 10);
        assertThat(dossiers.steps(dossier.code())).extracting(s -> s.actor()).containsExactly("specialist", "leader", "clerk");
        users.signInAs("supervisor");
        assertThat(dossiers.verifyHistory(dossier.code())).as("audit chain intact").isNull();
    }

    @Test
    void leaderSendingTheDraftBackReturnsTheDossierToTheSpecialist() {
        users.signInAs("clerk");
        var dossier = dossiers.receive(BirthRegistrationSample.inPerson());
        complete("specialist", dossier.code(), Map.of("documentsComplete", true, "reviewOpinion", "Đề nghị phê duyệt"));
        complete("leader", dossier.code(), Map.of("decision", "REWORK", "reworkReason", "Ghi lại nơi sinh theo giấy chứng sinh"));

        ProcessInstance instance = instanceOf(dossier.code());
        assertThat(instance).isWaitingAt("Task_ReviewDossier");
        users.signInAs("clerk");
        assertThat(dossiers.get(dossier.code()).status()).isEqualTo(DossierStatus.IN_PROCESS);
    }

    @Test
    void reworkWithoutAReasonIsRefusedAndTheTaskStaysOpen() {
        users.signInAs("clerk");
        var dossier = dossiers.receive(BirthRegistrationSample.inPerson());
        complete("specialist", dossier.code(), Map.of("documentsComplete", true, "reviewOpinion", "Đề nghị phê duyệt"));
        users.signInAs("leader");
        WorkTask approval = taskOf(dossier.code());
        assertThatThrownBy(() -> tasks.complete(approval.id(), Map.of("decision", "REWORK")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations().get(0).field()).isEqualTo("data.reworkReason"));
        assertThat(instanceOf(dossier.code())).isWaitingAt("Task_ApproveResult");
    }

    @Test
    void aSpecialistOfAnotherUnitNeitherSeesNorCompletesTheTask() {
        users.signInAs("clerk");
        var dossier = dossiers.receive(BirthRegistrationSample.inPerson());
        users.signInAs("specialist");
        WorkTask review = taskOf(dossier.code());

        users.signInAs("specialist2");
        assertThat(tasks.tasksOf(dossier.code())).isEmpty();
        assertThatThrownBy(() -> tasks.task(review.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tasks.complete(review.id(), Map.of("documentsComplete", true, "reviewOpinion", "xxxxx")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dossiers.get(dossier.code())).isInstanceOf(NotFoundException.class);
        assertThat(instanceOf(dossier.code())).isWaitingAt("Task_ReviewDossier");
    }

    private void complete(String username, String code, Map<String, Object> data) {
        users.signInAs(username);
        tasks.complete(taskOf(code).id(), data);
    }

    private WorkTask taskOf(String code) {
        return tasks.tasksOf(code).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no task of " + code + " for this user"));
    }

    private ProcessInstance instanceOf(String code) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(code)
                .processDefinitionKey("birth-registration").singleResult();
    }
}
