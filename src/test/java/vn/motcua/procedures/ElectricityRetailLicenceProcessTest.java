package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.procedures.ProcedureDriver.INDUSTRY_TRADE;

import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.motcua.MotCuaTest;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.organisation.Role;

/** 1.013416 Giấy phép hoạt động bán lẻ điện (processes/electricity-retail-licence) at the Department of Industry and Trade. */
@MotCuaTest
class ElectricityRetailLicenceProcessTest extends ProcedureProcessTest {
    private static final String CODE = "1.013416";
    private static final String KEY = "electricity-retail-licence";

    @Override
    ProcedureDriver withUsers(ProcedureDriver driver) {
        return driver
                .ensureUser("tradeclerk", INDUSTRY_TRADE, Role.CLERK)
                .ensureUser("tradespecialist", INDUSTRY_TRADE, Role.SPECIALIST)
                .ensureUser("tradeleader", INDUSTRY_TRADE, Role.LEADER);
    }

    static Map<String, Object> review() {
        return Map.of("documentsComplete", true, "conditionsMet", true, "reviewOpinion", "Đáp ứng điều kiện bán lẻ điện nông thôn");
    }

    @Test
    void theDirectorSignsTheLicenceTheSpecialistRecommendsAfterOneRework() {
        var dossier = driver.receive("tradeclerk", CODE, Map.of("organisationName", "Hợp tác xã điện Bình An",
                "enterpriseCode", "1702233445", "retailArea", "Xã Bình An, huyện Kiên Lương", "customerCount", 1850));
        var instance = driver.instance(dossier.code(), KEY);
        assertThat(instance).isWaitingAt("Task_ReviewApplication").task().hasCandidateGroup("SPECIALIST_" + INDUSTRY_TRADE);
        driver.complete("tradespecialist", dossier.code(), review());
        assertThat(instance).isWaitingAt("Task_ApproveLicence").task().hasCandidateGroup("LEADER_" + INDUSTRY_TRADE);
        driver.complete("tradeleader", dossier.code(), Map.of("decision", "REWORK", "reworkReason", "Bổ sung sơ đồ lưới điện"));
        assertThat(instance).isWaitingAt("Task_ReviewApplication");
        driver.complete("tradespecialist", dossier.code(), review());
        driver.complete("tradeleader", dossier.code(), Map.of("decision", "APPROVE"));
        driver.complete("tradeclerk", dossier.code(), Map.of("resultHandedOver", true, "receiverName", "Nguyễn Văn An"));
        assertThat(instance).isEnded().hasPassedInOrder("Task_ReviewApplication", "Task_ApproveLicence", "Task_ReviewApplication",
                "Task_ApproveLicence", "Task_MarkProcessed", "Task_ReturnResult");
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.RETURNED);
    }
}
