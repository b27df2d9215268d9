package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.procedures.ProcedureDriver.INDUSTRY_TRADE;

import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.motcua.MotCuaTest;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.organisation.Role;

/** 1.014721 GCN đủ điều kiện sản xuất hóa chất có điều kiện (processes/chemical-production-certificate). */
@MotCuaTest
class ChemicalProductionCertificateProcessTest extends ProcedureProcessTest {
    private static final String CODE = "1.014721";
    private static final String KEY = "chemical-production-certificate";

    @Override
    ProcedureDriver withUsers(ProcedureDriver driver) {
        return driver
                .ensureUser("tradeclerk", INDUSTRY_TRADE, Role.CLERK)
                .ensureUser("tradespecialist", INDUSTRY_TRADE, Role.SPECIALIST)
                .ensureUser("tradeleader", INDUSTRY_TRADE, Role.LEADER);
    }

    @Test
    void theFacilityIsInspectedOnSiteBeforeTheDirectorSignsTheCertificate() {
        var dossier = driver.receive("tradeclerk", CODE, Map.of("enterpriseName", "Công ty TNHH Hóa chất Kiên Giang",
                "enterpriseCode", "1701122334", "plantAddress", "Khu công nghiệp Thạnh Lộc, Châu Thành",
                "chemicals", "Natri hypoclorit (CAS 7681-52-9), 2.000 tấn/năm"));
        var instance = driver.instance(dossier.code(), KEY);
        assertThat(instance).isWaitingAt("Task_ReviewDossier").task().hasCandidateGroup("SPECIALIST_" + INDUSTRY_TRADE);
        driver.complete("tradespecialist", dossier.code(), Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ hợp lệ"));
        assertThat(instance).isWaitingAt("Task_InspectFacility");
        driver.complete("tradespecialist", dossier.code(), Map.of("inspectionResult", "DAT", "inspectionRecordNumber", "12/BB-SCT",
                "inspectionRemarks", "Kho chứa, thiết bị và người phụ trách đáp ứng điều kiện"));
        assertThat(instance).isWaitingAt("Task_ApproveCertificate").task().hasCandidateGroup("LEADER_" + INDUSTRY_TRADE);
        driver.complete("tradeleader", dossier.code(), Map.of("decision", "APPROVE"));
        driver.complete("tradeclerk", dossier.code(), Map.of("resultHandedOver", true, "receiverName", "Nguyễn Văn An"));
        assertThat(instance).isEnded().hasPassedInOrder("Task_ReviewDossier", "Task_InspectFacility", "Task_ApproveCertificate",
                "Task_MarkProcessed", "Task_ReturnResult");
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.RETURNED);
    }
}
