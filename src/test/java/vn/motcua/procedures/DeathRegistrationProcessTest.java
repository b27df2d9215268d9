package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.procedures.ProcedureDriver.WARD;

import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.motcua.MotCuaTest;
import vn.motcua.dossier.DossierStatus;

/** 1.000656 Đăng ký khai tử (processes/death-registration): justice officer, the chairman signs, rework possible. */
@MotCuaTest
class DeathRegistrationProcessTest extends ProcedureProcessTest {
    private static final String CODE = "1.000656";
    private static final String KEY = "death-registration";

    static Map<String, Object> intake() {
        return Map.of("deceasedFullName", "Trần Văn Bình", "deathDate", "2026-11-30", "deathPlace", "Bệnh viện Đa khoa tỉnh Kiên Giang",
                "deathCause", "Bệnh", "requesterRelationship", "CON");
    }

    @Test
    void theOfficerRegistersTheChairmanSignsAfterOneReworkAndTheDeskReturnsTheExtract() {
        var dossier = driver.receive("clerk", CODE, intake());
        var instance = driver.instance(dossier.code(), KEY);
        assertThat(dossier.feeAmount()).isEqualByComparingTo("0");
        assertThat(instance).isWaitingAt("Task_ReviewDossier").task().hasCandidateGroup("SPECIALIST_" + WARD);
        driver.complete("specialist", dossier.code(), Map.of("documentsComplete", true, "registerNumber", "12/2026",
                "reviewOpinion", "Giấy báo tử hợp lệ"));
        assertThat(instance).isWaitingAt("Task_ApproveResult").task().hasCandidateGroup("LEADER_" + WARD);
        driver.complete("leader", dossier.code(), Map.of("decision", "REWORK", "reworkReason", "Ghi lại nơi chết theo giấy báo tử"));
        assertThat(instance).isWaitingAt("Task_ReviewDossier");
        driver.complete("specialist", dossier.code(), Map.of("documentsComplete", true, "registerNumber", "12/2026",
                "reviewOpinion", "Đã sửa nơi chết"));
        driver.complete("leader", dossier.code(), Map.of("decision", "APPROVE"));
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.PROCESSED);
        driver.complete("clerk", dossier.code(), Map.of("resultHandedOver", true, "receiverName", "Trần Thị Cúc"));
        assertThat(instance).isEnded();
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.RETURNED);
    }
}
