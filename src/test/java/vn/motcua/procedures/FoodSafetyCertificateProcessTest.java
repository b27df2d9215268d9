package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.procedures.ProcedureDriver.AGRICULTURE;

import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.motcua.MotCuaTest;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.organisation.Role;

/** 2.001827 GCN cơ sở đủ điều kiện ATTP nông, lâm, thủy sản (processes/food-safety-certificate). */
@MotCuaTest
class FoodSafetyCertificateProcessTest extends ProcedureProcessTest {
    private static final String CODE = "2.001827";
    private static final String KEY = "food-safety-certificate";

    @Override
    ProcedureDriver withUsers(ProcedureDriver driver) {
        return driver
                .ensureUser("agriclerk", AGRICULTURE, Role.CLERK)
                .ensureUser("agrispecialist", AGRICULTURE, Role.SPECIALIST)
                .ensureUser("agrileader", AGRICULTURE, Role.LEADER);
    }

    @Test
    void theDossierIsReviewedThenInspectedOnSiteAndALeaderSentBackInspectionIsRedoneBeforeSigning() {
        var dossier = driver.receive("agriclerk", CODE, Map.of("facilityName", "Cơ sở nước mắm Hòa Phát",
                "facilityAddress", "Ấp Ba Hòn, Kiên Lương", "activity", "SAN_XUAT", "products", "Nước mắm cá cơm"));
        var instance = driver.instance(dossier.code(), KEY);
        assertThat(instance).isWaitingAt("Task_ReviewDossier").task().hasCandidateGroup("SPECIALIST_" + AGRICULTURE);
        driver.complete("agrispecialist", dossier.code(), Map.of("documentsComplete", true, "inspectionDate", "2026-12-03",
                "reviewOpinion", "Hồ sơ đầy đủ"));
        assertThat(instance).isWaitingAt("Task_InspectPremises").task().hasCandidateGroup("SPECIALIST_" + AGRICULTURE);
        Map<String, Object> inspection = Map.of("inspectionResult", "DAT", "inspectionRecordNumber", "45/BB-QLCL",
                "inspectionRemarks", "Đạt yêu cầu về điều kiện bảo đảm ATTP");
        driver.complete("agrispecialist", dossier.code(), inspection);
        assertThat(instance).isWaitingAt("Task_ApproveCertificate").task().hasCandidateGroup("LEADER_" + AGRICULTURE);
        driver.complete("agrileader", dossier.code(), Map.of("decision", "REWORK", "reworkReason", "Biên bản thiếu chữ ký đại diện cơ sở"));
        assertThat(instance).isWaitingAt("Task_InspectPremises");
        driver.complete("agrispecialist", dossier.code(), inspection);
        driver.complete("agrileader", dossier.code(), Map.of("decision", "APPROVE"));
        driver.complete("agriclerk", dossier.code(), Map.of("resultHandedOver", true, "receiverName", "Nguyễn Văn An"));
        assertThat(instance).isEnded().hasPassedInOrder("Task_ReviewDossier", "Task_InspectPremises", "Task_ApproveCertificate",
                "Task_MarkProcessed", "Task_ReturnResult");
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.RETURNED);
    }
}
