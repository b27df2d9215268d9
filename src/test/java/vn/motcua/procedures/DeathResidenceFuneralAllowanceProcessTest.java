package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.procedures.ProcedureDriver.WARD;

import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.motcua.MotCuaTest;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierStep;

/**
 * Joined-up death registration, removal of permanent residence and funeral allowance (Decree 63/2024/NĐ-CP;
 * processes/death-residence-funeral-allowance): one dossier at the commune desk, the police and the social insurance
 * each take their step, one result at the desk.
 */
@MotCuaTest
class DeathResidenceFuneralAllowanceProcessTest extends ProcedureProcessTest {
    static final String CODE = "1.012695";
    private static final String KEY = "death-residence-funeral-allowance";

    static Map<String, Object> intake() {
        return Map.of("deceasedFullName", "Trần Văn Bình", "deathDate", "2026-11-30", "deathPlace", "Tại nhà",
                "deathCause", "Già yếu", "residenceAddress", "5 Trần Phú, phường Vĩnh Thanh Vân", "insuredStatus", "PENSIONER",
                "socialInsuranceNumber", "9112345678", "beneficiaryName", "Trần Thị Cúc");
    }

    @Test
    void thePoliceRemoveTheResidenceTheSocialInsuranceGrantsTheAllowanceAndTheDeskReturnsOneResult() {
        var dossier = driver.receive("clerk", CODE, intake());
        var instance = driver.instance(dossier.code(), KEY);
        assertThat(instance).isWaitingAt("Task_RegisterDeath").task().hasCandidateGroup("SPECIALIST_" + WARD);
        driver.complete("specialist", dossier.code(), Map.of("documentsComplete", true, "registerNumber", "31/2026",
                "reviewOpinion", "Giấy báo tử hợp lệ"));
        assertThat(instance).isWaitingAt("Task_SignDeathExtract").task().hasCandidateGroup("LEADER_" + WARD);
        driver.complete("leader", dossier.code(), Map.of("decision", "APPROVE"));

        assertThat(instance).isWaitingAt("Task_RemoveResidence", "Task_SettleFuneralAllowance");
        assertThat(driver.openTasks(dossier.code(), KEY, "Task_RemoveResidence")).singleElement()
                .satisfies(t -> assertThat(t).hasCandidateGroup("SPECIALIST_" + BirthResidenceHealthInsuranceProcessTest.WARD_POLICE));
        assertThat(driver.openTasks(dossier.code(), KEY, "Task_SettleFuneralAllowance")).singleElement()
                .satisfies(t -> assertThat(t).hasCandidateGroup("SPECIALIST_" + BirthResidenceHealthInsuranceProcessTest.RACH_GIA_INSURANCE));
        driver.complete("police", dossier.code(), Map.of("residenceOutcome", "REMOVED"));
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.IN_PROCESS);
        driver.complete("insurance", dossier.code(), Map.of("allowanceOutcome", "GRANTED", "allowanceAmount", 23_400_000));

        assertThat(instance).isWaitingAt("Task_ReturnResult").task().hasCandidateGroup("CLERK_" + WARD);
        driver.complete("clerk", dossier.code(), Map.of("resultHandedOver", true, "receiverName", "Trần Thị Cúc"));
        assertThat(instance).isEnded().hasPassed("Task_RemoveResidence", "Task_SettleFuneralAllowance", "Task_MarkProcessed");
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.RETURNED);
        assertThat(driver.steps(dossier.code())).extracting(DossierStep::actor)
                .containsExactly("specialist", "leader", "police", "insurance", "clerk");
    }

    @Test
    void anAllowanceRefusedByTheSocialInsuranceStillEndsInOneResultAtTheDesk() {
        var dossier = driver.receive("clerk", CODE, intake());
        var instance = driver.instance(dossier.code(), KEY);
        driver.complete("specialist", dossier.code(), Map.of("documentsComplete", true, "registerNumber", "32/2026",
                "reviewOpinion", "Hợp lệ"));
        driver.complete("leader", dossier.code(), Map.of("decision", "APPROVE"));
        driver.complete("insurance", dossier.code(), Map.of("allowanceOutcome", "REFUSED",
                "allowanceRefusalReason", "Người chết không có thời gian đóng bảo hiểm xã hội"));
        driver.complete("police", dossier.code(), Map.of("residenceOutcome", "REMOVED"));
        assertThat(instance).isWaitingAt("Task_ReturnResult");
        assertThat(driver.steps(dossier.code())).filteredOn(step -> step.stepKey().equals("Task_SettleFuneralAllowance"))
                .singleElement().satisfies(step -> {
                    assertThat(step.actor()).isEqualTo("insurance");
                    assertThat(step.data()).containsEntry("allowanceOutcome", "REFUSED");
                });
    }
}
