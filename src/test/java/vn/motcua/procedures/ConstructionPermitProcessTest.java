package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.procedures.ProcedureDriver.AGRICULTURE;
import static vn.motcua.procedures.ProcedureDriver.WARD;
import static vn.motcua.procedures.ProcedureDriver.INDUSTRY_TRADE;
import static vn.motcua.procedures.ProcedureDriver.CONSTRUCTION;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import vn.motcua.MotCuaTest;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.organisation.Role;
import vn.motcua.tasklist.WorkTask;

/**
 * 1.013225 Cấp giấy phép xây dựng (processes/construction-permit): a decision table names the departments to consult,
 * which answer in parallel within a deadline; silence past the deadline counts as agreement.
 */
@MotCuaTest
class ConstructionPermitProcessTest extends ProcedureProcessTest {
    private static final String CODE = "1.013225";
    private static final String KEY = "construction-permit";

    @Override
    ProcedureDriver withUsers(ProcedureDriver driver) {
        return driver
                .ensureUser("constructionspecialist", CONSTRUCTION, Role.SPECIALIST)
                .ensureUser("tradespecialist", INDUSTRY_TRADE, Role.SPECIALIST)
                .ensureUser("agrispecialist", AGRICULTURE, Role.SPECIALIST);
    }

    static Map<String, Object> intake() {
        return Map.of("constructionType", "NHA_O_RIENG_LE", "lotAddress", "12 Lâm Quang Ky, phường Vĩnh Lạc, Rạch Giá",
                "landParcel", "Thửa 215, tờ bản đồ 12", "floorCount", 3, "totalFloorArea", 240.5);
    }

    static Map<String, Object> review(boolean road, boolean powerLine, boolean irrigation) {
        var data = new HashMap<String, Object>();
        data.put("planningCompliant", true);
        data.put("nearRoadSafetyCorridor", road);
        data.put("nearPowerLineCorridor", powerLine);
        data.put("inIrrigationProtectionZone", irrigation);
        data.put("reviewOpinion", "Phù hợp quy hoạch chi tiết, đủ điều kiện cấp phép");
        return data;
    }

    private void approveAndReturn(String code) {
        driver.complete("leader", code, Map.of("decision", "APPROVE"));
        driver.complete("clerk", code, Map.of("resultHandedOver", true, "receiverName", "Nguyễn Văn An"));
    }

    @Test
    void aHouseOutsideEveryProtectionCorridorNeedsNoConsultation() {
        var dossier = driver.receive("clerk", CODE, intake());
        var instance = driver.instance(dossier.code(), KEY);
        assertThat(instance).isWaitingAt("Task_ReviewApplication").task().hasCandidateGroup("SPECIALIST_" + WARD);
        driver.complete("specialist", dossier.code(), review(false, false, false));

        assertThat(driver.variable(dossier.code(), KEY, "consultedUnits")).isEqualTo(List.of());
        assertThat(instance).isWaitingAt("Task_ApprovePermit").task().hasCandidateGroup("LEADER_" + WARD);
        approveAndReturn(dossier.code());
        assertThat(instance).isEnded().hasPassedInOrder("Task_ReviewApplication", "Task_DetermineConsultedUnits",
                        "Task_ApprovePermit", "Task_MarkProcessed", "Task_ReturnResult")
                .hasNotPassed("Task_ConsultUnit");
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.RETURNED);
    }

    @Test
    void eachCorridorTheHouseLiesInAddsItsDepartmentToTheParallelConsultation() {
        var dossier = driver.receive("clerk", CODE, intake());
        driver.complete("specialist", dossier.code(), review(true, true, false));

        assertThat(driver.variable(dossier.code(), KEY, "consultedUnits")).isEqualTo(List.of(CONSTRUCTION, INDUSTRY_TRADE));
        List<Task> consultations = driver.openTasks(dossier.code(), KEY, "Task_ConsultUnit");
        assertThat(consultations).hasSize(2);
        assertThat(consultations).extracting(t -> engine.getTaskService().getIdentityLinksForTask(t.getId()).get(0).getGroupId())
                .containsExactlyInAnyOrder("SPECIALIST_" + CONSTRUCTION, "SPECIALIST_" + INDUSTRY_TRADE);
        assertThat(consultations).allSatisfy(t -> assertThat(t.getDueDate()).isNotNull());
        // The consulted departments find the step in their own task lists; the irrigation department is not asked
        assertThat(driver.taskOf("constructionspecialist", dossier.code()).stepKey()).isEqualTo("Task_ConsultUnit");
        assertThat(driver.taskOf("tradespecialist", dossier.code()).stepKey()).isEqualTo("Task_ConsultUnit");
        users.signInAs("agrispecialist");
        assertThat(tasks.tasksOf(dossier.code())).isEmpty();
    }

    @Test
    void departmentsSilentPastTheDeadlineAreDeemedToAgreeAndTheLeaderSignsTheNext() {
        var dossier = driver.receive("clerk", CODE, intake());
        var instance = driver.instance(dossier.code(), KEY);
        driver.complete("specialist", dossier.code(), review(true, false, true));
        assertThat(driver.openTasks(dossier.code(), KEY, "Task_ConsultUnit")).hasSize(2);

        var deadline = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("Boundary_ConsultationDeadline").singleResult();
        assertThat(deadline).as("the consultation deadline is a timer on the consultation step").isNotNull();
        engine.getManagementService().executeJob(deadline.getId());

        assertThat(driver.openTasks(dossier.code(), KEY, "Task_ConsultUnit")).isEmpty();
        assertThat(instance).isWaitingAt("Task_ApprovePermit");
        approveAndReturn(dossier.code());
        assertThat(instance).isEnded().hasPassedInOrder("Task_ConsultUnit", "Boundary_ConsultationDeadline",
                "Gateway_ConsultationClosed", "Task_ApprovePermit", "Task_MarkProcessed");
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.RETURNED);
    }

    @Test
    void consultedDepartmentsAnswerThroughTheirTaskListsAndTheLeaderSignsWhenAllHaveAnswered() {
        var dossier = driver.receive("clerk", CODE, intake());
        var instance = driver.instance(dossier.code(), KEY);
        driver.complete("specialist", dossier.code(), review(true, true, false));

        driver.complete("constructionspecialist", dossier.code(), Map.of("consultationOpinion", "AGREE", "officialLetterNumber", "215/SXD-QLHT"));
        assertThat(instance).isWaitingAt("Task_ConsultUnit");
        driver.complete("tradespecialist", dossier.code(), Map.of("consultationOpinion", "AGREE_WITH_CONDITIONS",
                "consultationRemarks", "Giữ khoảng cách an toàn 4 m đến đường dây 22 kV", "officialLetterNumber", "88/SCT-KTAT"));
        assertThat(instance).isWaitingAt("Task_ApprovePermit");
        approveAndReturn(dossier.code());
        assertThat(instance).isEnded().hasPassed("Task_ConsultUnit").hasNotPassed("Boundary_ConsultationDeadline");
    }

    @Test
    void theLeaderSendingThePermitBackReturnsItToTheReviewingSpecialist() {
        var dossier = driver.receive("clerk", CODE, intake());
        var instance = driver.instance(dossier.code(), KEY);
        driver.complete("specialist", dossier.code(), review(false, false, false));
        driver.complete("leader", dossier.code(), Map.of("decision", "REWORK", "reworkReason", "Bổ sung kiểm tra khoảng lùi"));
        assertThat(instance).isWaitingAt("Task_ReviewApplication");
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.IN_PROCESS);
    }
}
