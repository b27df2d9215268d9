package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.procedures.ProcedureDriver.WARD;

import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.motcua.MotCuaTest;
import vn.motcua.dossier.DossierStatus;

/** 3.000465 Cấp bản sao văn bằng, chứng chỉ từ sổ gốc (processes/diploma-copy-from-register): one specialist decides. */
@MotCuaTest
class DiplomaCopyFromRegisterProcessTest extends ProcedureProcessTest {
    private static final String CODE = "3.000465";
    private static final String KEY = "diploma-copy-from-register";


    static Map<String, Object> intake() {
        return Map.of("diplomaKind", "BANG_TOT_NGHIEP_THCS", "holderName", "Nguyễn Văn An", "holderBirthDate", "2004-05-19",
                "graduationYear", 2019, "copiesRequested", 2);
    }

    @Test
    void aSingleSpecialistDecisionIssuesTheCopyWithoutALeaderStep() {
        var dossier = driver.receive("clerk", CODE, intake());
        var instance = driver.instance(dossier.code(), KEY);
        assertThat(instance).isWaitingAt("Task_IssueCopy").task().hasCandidateGroup("SPECIALIST_" + WARD);
        driver.complete("specialist", dossier.code(), Map.of("decision", "ISSUE", "registerEntry", "THCS-2019/0456", "copiesIssued", 2));
        assertThat(instance).isWaitingAt("Task_ReturnResult").task().hasCandidateGroup("CLERK_" + WARD);
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.PROCESSED);
        driver.complete("clerk", dossier.code(), Map.of("resultHandedOver", true, "receiverName", "Nguyễn Văn An"));
        assertThat(instance).isEnded().hasPassedInOrder("Task_StartProcessing", "Task_IssueCopy", "Task_MarkProcessed",
                "Task_ReturnResult", "Task_RecordResultReturned");
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.RETURNED);
    }

    @Test
    void aDiplomaMissingFromTheRegisterIsRefusedInTheSameSingleStep() {
        var dossier = driver.receive("clerk", CODE, intake());
        var instance = driver.instance(dossier.code(), KEY);
        driver.complete("specialist", dossier.code(), Map.of("decision", "REFUSE", "refusalReason", "Không có tên trong sổ gốc năm 2019"));
        assertThat(instance).isWaitingAt("Task_ReturnResult");
        assertThat(driver.variable(dossier.code(), KEY, "decision")).isEqualTo("REFUSE");
    }
}
