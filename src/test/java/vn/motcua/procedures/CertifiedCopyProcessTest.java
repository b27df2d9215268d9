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
 * 2.000815 Chứng thực bản sao từ bản chính (processes/certified-copy): the justice officer checks the original, the
 * commune chairman or a vice-chairman signs (Decree 23/2015/NĐ-CP, art. 5), a fee table, the desk collects.
 */
@MotCuaTest
class CertifiedCopyProcessTest extends ProcedureProcessTest {
    private static final String CODE = "2.000815";
    private static final String KEY = "certified-copy";


    static Map<String, Object> intake() {
        return Map.of("documentTitle", "Bằng tốt nghiệp trung học phổ thông",
                "issuingAuthority", "Sở Giáo dục và Đào tạo tỉnh Kiên Giang", "requestedCopies", 2);
    }

    @Test
    void theOfficerChecksTheChairmanSignsAndTheDeskCollectsTheFeeTheTableComputesFromPagesAndCopies() {
        var dossier = driver.receive("clerk", CODE, intake());
        var instance = driver.instance(dossier.code(), KEY);
        assertThat(instance).isWaitingAt("Task_CertifyCopy").task().hasCandidateGroup("SPECIALIST_" + WARD);

        driver.complete("specialist", dossier.code(), Map.of("originalChecked", true, "decision", "CERTIFY",
                "pageCount", 3, "copyCount", 2, "certificationNumber", "125/2026/SCT-BS"));
        assertThat(instance).isWaitingAt("Task_SignCertification").task().hasCandidateGroup("LEADER_" + WARD);
        driver.complete("leader", dossier.code(), Map.of("decision", "SIGN", "signerTitle", "Phó Chủ tịch UBND"));
        assertThat(instance).isWaitingAt("Task_CollectFee").task().hasCandidateGroup("CLERK_" + WARD);
        // (2 x 2.000 + 1 x 1.000) per copy, 2 copies
        assertThat(driver.variable(dossier.code(), KEY, "feeAmount")).isEqualTo(10_000L);

        driver.complete("clerk", dossier.code(), Map.of("amountCollected", 10_000, "paymentMethod", "CASH", "receiptNumber", "0001234"));
        assertThat(instance).isWaitingAt("Task_ReturnResult");
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.PROCESSED);

        driver.complete("clerk", dossier.code(), Map.of("resultHandedOver", true, "receiverName", "Nguyễn Văn An"));
        assertThat(instance).isEnded().hasPassedInOrder("Task_StartProcessing", "Task_CertifyCopy", "Task_SignCertification", "Task_CalculateFee",
                "Task_CollectFee", "Task_MarkProcessed", "Task_ReturnResult", "Task_RecordResultReturned");
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.RETURNED);
        assertThat(driver.steps(dossier.code())).extracting(DossierStep::actor).containsExactly("specialist", "leader", "clerk", "clerk");
    }

    @Test
    void theFeeIsCappedAt200000DongPerCopy() {
        var dossier = driver.receive("clerk", CODE, intake());
        driver.complete("specialist", dossier.code(), Map.of("originalChecked", true, "decision", "CERTIFY",
                "pageCount", 250, "copyCount", 1, "certificationNumber", "126/2026/SCT-BS"));
        driver.complete("leader", dossier.code(), Map.of("decision", "SIGN"));
        assertThat(driver.variable(dossier.code(), KEY, "feeAmount")).isEqualTo(200_000L);
    }

    @Test
    void aRefusedCopyIsReturnedWithoutCollectingAFee() {
        var dossier = driver.receive("clerk", CODE, intake());
        var instance = driver.instance(dossier.code(), KEY);
        driver.complete("specialist", dossier.code(), Map.of("originalChecked", true, "decision", "REFUSE",
                "refusalReason", "Bản chính bị tẩy xóa, sửa chữa"));
        assertThat(instance).isWaitingAt("Task_ReturnResult");
        driver.complete("clerk", dossier.code(), Map.of("resultHandedOver", true, "receiverName", "Nguyễn Văn An"));
        assertThat(instance).isEnded().hasNotPassed("Task_SignCertification", "Task_CalculateFee", "Task_CollectFee");
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.RETURNED);
    }

    @Test
    void theSignerSendsACopyBackToTheOfficerWhoChecksItAgain() {
        var dossier = driver.receive("clerk", CODE, intake());
        var instance = driver.instance(dossier.code(), KEY);
        driver.complete("specialist", dossier.code(), Map.of("originalChecked", true, "decision", "CERTIFY",
                "pageCount", 1, "copyCount", 1, "certificationNumber", "127/2026/SCT-BS"));
        driver.complete("leader", dossier.code(), Map.of("decision", "REWORK", "reworkReason", "Đối chiếu lại trang 1 với bản chính"));
        assertThat(instance).isWaitingAt("Task_CertifyCopy");
        assertThat(driver.variable(dossier.code(), KEY, "feeAmount")).isNull();
    }
}
