package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.procedures.ProcedureDriver.TAX_OFFICE;

import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.motcua.MotCuaTest;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.organisation.Role;

/**
 * 1.007277 Khai lệ phí trước bạ nhà, đất (processes/registration-fee-declaration) at the tax office: a decision
 * table computes 0.5% of the assessed value or the exemption.
 */
@MotCuaTest
class RegistrationFeeDeclarationProcessTest extends ProcedureProcessTest {
    private static final String CODE = "1.007277";
    private static final String KEY = "registration-fee-declaration";

    @Override
    ProcedureDriver withUsers(ProcedureDriver driver) {
        return driver
                .ensureUser("taxclerk", TAX_OFFICE, Role.CLERK)
                .ensureUser("taxleader", TAX_OFFICE, Role.LEADER);
    }

    static Map<String, Object> intake() {
        return Map.of("propertyKind", "NHA_DAT", "propertyAddress", "27 Nguyễn Trung Trực, Rạch Giá",
                "declaredValue", 1_500_000_000, "transferorName", "Phạm Văn Bình");
    }

    private String declare(String transferKind, long assessedValue) {
        var dossier = driver.receive("taxclerk", CODE, intake());
        assertThat(driver.instance(dossier.code(), KEY)).isWaitingAt("Task_ReviewDeclaration")
                .task().hasCandidateGroup("SPECIALIST_" + TAX_OFFICE);
        driver.complete("tax", dossier.code(), Map.of("transferKind", transferKind, "assessedValue", assessedValue,
                "reviewOpinion", "Tờ khai đầy đủ, giá tính theo bảng giá đất"));
        return dossier.code();
    }

    @Test
    void aSaleIsChargedHalfAPercentOfTheAssessedValueAndTheNoticeIsSignedAndReturned() {
        String code = declare("CHUYEN_NHUONG", 2_000_000_000L);
        var instance = driver.instance(code, KEY);
        assertThat(driver.variable(code, KEY, "registrationFee")).isEqualTo(10_000_000L);
        assertThat(instance).isWaitingAt("Task_ApproveNotice").task().hasCandidateGroup("LEADER_" + TAX_OFFICE);
        driver.complete("taxleader", code, Map.of("decision", "APPROVE"));
        driver.complete("taxclerk", code, Map.of("resultHandedOver", true, "receiverName", "Nguyễn Văn An"));
        assertThat(instance).isEnded().hasPassedInOrder("Task_ReviewDeclaration", "Task_CalculateRegistrationFee",
                "Task_ApproveNotice", "Task_MarkProcessed", "Task_ReturnResult");
        assertThat(driver.status(code)).isEqualTo(DossierStatus.RETURNED);
    }

    @Test
    void aGiftBetweenParentsAndChildrenIsExempt() {
        String code = declare("THUA_KE_TANG_CHO_NGUOI_THAN", 2_000_000_000L);
        assertThat(driver.variable(code, KEY, "registrationFee")).isEqualTo(0L);
    }

    @Test
    void theLeaderSendingTheNoticeBackReopensTheReviewAndTheFeeIsComputedAgain() {
        String code = declare("THUA_KE_TANG_CHO_KHAC", 800_000_000L);
        var instance = driver.instance(code, KEY);
        assertThat(driver.variable(code, KEY, "registrationFee")).isEqualTo(4_000_000L);
        driver.complete("taxleader", code, Map.of("decision", "REWORK", "reworkReason", "Áp giá theo bảng giá đất năm 2026"));
        assertThat(instance).isWaitingAt("Task_ReviewDeclaration");
        driver.complete("tax", code, Map.of("transferKind", "THUA_KE_TANG_CHO_KHAC", "assessedValue", 900_000_000L,
                "reviewOpinion", "Đã áp giá theo bảng giá đất năm 2026"));
        assertThat(driver.variable(code, KEY, "registrationFee")).isEqualTo(4_500_000L);
    }
}
