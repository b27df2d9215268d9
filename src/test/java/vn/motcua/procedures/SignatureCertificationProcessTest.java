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
 * 2.000884 Chứng thực chữ ký (processes/signature-certification): the justice officer witnesses the signature, the
 * commune chairman or a vice-chairman signs the certification (Decree 23/2015/NĐ-CP, art. 5), the desk collects
 * VND 10,000 (Circular 226/2016/TT-BTC, art. 4).
 */
@MotCuaTest
class SignatureCertificationProcessTest extends ProcedureProcessTest {
    private static final String CODE = "2.000884";
    private static final String KEY = "signature-certification";

    static Map<String, Object> intake() {
        return Map.of("documentTitle", "Giấy ủy quyền nhận lương hưu", "signerName", "Nguyễn Văn An", "requestedCopies", 1);
    }

    @Test
    void theOfficerWitnessesTheChairmanSignsAndTheDeskCollectsTheFee() {
        var dossier = driver.receive("clerk", CODE, intake());
        var instance = driver.instance(dossier.code(), KEY);
        assertThat(dossier.feeAmount()).isEqualByComparingTo("10000");
        assertThat(instance).isWaitingAt("Task_VerifySignature").task().hasCandidateGroup("SPECIALIST_" + WARD);

        driver.complete("specialist", dossier.code(), Map.of("identityChecked", true, "decision", "CERTIFY",
                "certificationNumber", "88/2026/SCT-CK"));
        assertThat(instance).isWaitingAt("Task_SignCertification").task().hasCandidateGroup("LEADER_" + WARD);
        driver.complete("leader", dossier.code(), Map.of("decision", "SIGN", "signerTitle", "Chủ tịch UBND"));
        assertThat(instance).isWaitingAt("Task_CollectFee").task().hasCandidateGroup("CLERK_" + WARD);
        driver.complete("clerk", dossier.code(), Map.of("amountCollected", 10_000, "paymentMethod", "CASH", "receiptNumber", "0002001"));
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.PROCESSED);
        driver.complete("clerk", dossier.code(), Map.of("resultHandedOver", true, "receiverName", "Nguyễn Văn An"));

        assertThat(instance).isEnded().hasPassedInOrder("Task_VerifySignature", "Task_SignCertification", "Task_CollectFee",
                "Task_MarkProcessed", "Task_ReturnResult");
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.RETURNED);
        assertThat(driver.steps(dossier.code())).extracting(DossierStep::actor).containsExactly("specialist", "leader", "clerk", "clerk");
    }

    @Test
    void aRefusalGoesStraightToTheDeskWithoutSignatureOrFee() {
        var dossier = driver.receive("clerk", CODE, intake());
        var instance = driver.instance(dossier.code(), KEY);
        driver.complete("specialist", dossier.code(), Map.of("identityChecked", true, "decision", "REFUSE",
                "refusalReason", "Người yêu cầu không xuất trình được giấy tờ tùy thân còn giá trị"));
        assertThat(instance).isWaitingAt("Task_ReturnResult");
        assertThat(instance).hasNotPassed("Task_SignCertification", "Task_CollectFee");
    }
}
