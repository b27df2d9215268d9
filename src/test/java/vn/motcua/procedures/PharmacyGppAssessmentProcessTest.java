package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.procedures.ProcedureDriver.HEALTH;

import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.motcua.MotCuaTest;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.organisation.Role;

/**
 * 1.014203 Đánh giá đáp ứng thực hành tốt cơ sở bán lẻ thuốc (processes/pharmacy-gpp-assessment) at the Department
 * of Health: the fee depends on the area, the desk collects it before the on-site assessment.
 */
@MotCuaTest
class PharmacyGppAssessmentProcessTest extends ProcedureProcessTest {
    private static final String CODE = "1.014203";
    private static final String KEY = "pharmacy-gpp-assessment";

    @Override
    ProcedureDriver withUsers(ProcedureDriver driver) {
        return driver
                .ensureUser("healthclerk", HEALTH, Role.CLERK)
                .ensureUser("healthspecialist", HEALTH, Role.SPECIALIST)
                .ensureUser("healthleader", HEALTH, Role.LEADER);
    }

    private String receiveAndReview(boolean difficultArea) {
        var dossier = driver.receive("healthclerk", CODE, Map.of("pharmacyName", "Nhà thuốc Thanh Bình",
                "pharmacyAddress", "Ấp Đông Bình, xã Hòn Tre, Kiên Hải", "businessCertificateNumber", "123/ĐKKDD-KG",
                "pharmacistInCharge", "DS. Trần Thị Thanh Bình"));
        assertThat(driver.instance(dossier.code(), KEY)).isWaitingAt("Task_ReviewDossier").task().hasCandidateGroup("SPECIALIST_" + HEALTH);
        driver.complete("healthspecialist", dossier.code(), Map.of("documentsComplete", true, "difficultArea", difficultArea,
                "reviewOpinion", "Hồ sơ hợp lệ"));
        return dossier.code();
    }

    @Test
    void aPharmacyOnAnIslandPaysTheReducedFeeOf500000DongBeforeTheOnSiteAssessment() {
        String code = receiveAndReview(true);
        var instance = driver.instance(code, KEY);
        assertThat(instance).isWaitingAt("Task_CollectFee").task().hasCandidateGroup("CLERK_" + HEALTH);
        assertThat(driver.variable(code, KEY, "feeAmount")).isEqualTo(500_000L);
        driver.complete("healthclerk", code, Map.of("amountCollected", 500_000, "paymentMethod", "ONLINE", "receiptNumber", "DVC-778899"));
        assertThat(instance).isWaitingAt("Task_AssessPremises");
        Map<String, Object> assessment = Map.of("assessmentResult", "DAP_UNG", "assessmentRecordNumber", "67/BB-SYT");
        driver.complete("healthspecialist", code, assessment);
        driver.complete("healthleader", code, Map.of("decision", "REWORK", "reworkReason", "Bổ sung ảnh chụp khu vực bảo quản"));
        assertThat(instance).isWaitingAt("Task_AssessPremises");
        driver.complete("healthspecialist", code, assessment);
        driver.complete("healthleader", code, Map.of("decision", "APPROVE"));
        driver.complete("healthclerk", code, Map.of("resultHandedOver", true, "receiverName", "Nguyễn Văn An"));
        assertThat(instance).isEnded().hasPassedInOrder("Task_ReviewDossier", "Task_CalculateFee", "Task_CollectFee",
                "Task_AssessPremises", "Task_ApproveConclusion", "Task_MarkProcessed", "Task_ReturnResult");
        assertThat(driver.status(code)).isEqualTo(DossierStatus.RETURNED);
    }

    @Test
    void aPharmacyElsewherePaysTheFullFeeOf1000000Dong() {
        String code = receiveAndReview(false);
        assertThat(driver.variable(code, KEY, "feeAmount")).isEqualTo(1_000_000L);
    }
}
