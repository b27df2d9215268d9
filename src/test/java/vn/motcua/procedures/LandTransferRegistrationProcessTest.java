package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.procedures.ProcedureDriver.NATURAL_RESOURCES;
import static vn.motcua.procedures.ProcedureDriver.TAX_OFFICE;

import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.motcua.LandTransferSample;
import vn.motcua.MotCuaTest;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierStep;
import vn.motcua.organisation.Role;

/**
 * 1.013831 Đăng ký biến động – chuyển nhượng, thừa kế, tặng cho (processes/land-transfer-registration): the land
 * registration office hands the dossier over to the tax office a decision table picks for the parcel's area.
 */
@MotCuaTest
class LandTransferRegistrationProcessTest extends ProcedureProcessTest {
    private static final String CODE = "1.013831";
    private static final String KEY = "land-transfer-registration";

    @Override
    ProcedureDriver withUsers(ProcedureDriver driver) {
        return driver
                .ensureUser("landclerk", NATURAL_RESOURCES, Role.CLERK)
                .ensureUser("landofficer", NATURAL_RESOURCES, Role.SPECIALIST)
                .ensureUser("landleader", NATURAL_RESOURCES, Role.LEADER);
    }

    private String receiveAndCheck(String landArea) {
        var dossier = driver.receive("landclerk", CODE, LandTransferSample.intakeData());
        assertThat(driver.instance(dossier.code(), KEY)).isWaitingAt("Task_CheckConditions")
                .task().hasCandidateGroup("SPECIALIST_" + NATURAL_RESOURCES);
        driver.complete("landofficer", dossier.code(), Map.of("landArea", landArea, "conditionsMet", true,
                "checkOpinion", "Đủ điều kiện chuyển nhượng theo Điều 45 Luật Đất đai"));
        return dossier.code();
    }

    @Test
    void aParcelInRachGiaIsHandedOverToTheRachGiaKienHaiTaxOfficeWhichSeesItInItsTaskList() {
        String code = receiveAndCheck("RACH_GIA");
        var instance = driver.instance(code, KEY);
        assertThat(driver.variable(code, KEY, "taxOffice")).isEqualTo(TAX_OFFICE);
        assertThat(instance).isWaitingAt("Task_DetermineFinancialObligation").task()
                .hasCandidateGroup("SPECIALIST_" + TAX_OFFICE);
        assertThat(driver.openTasks(code, KEY, "Task_DetermineFinancialObligation").get(0).getDueDate()).isNotNull();
        assertThat(driver.taskOf("tax", code).stepKey()).isEqualTo("Task_DetermineFinancialObligation");
        // Nobody of the receiving office takes the tax office's step
        users.signInAs("landofficer");
        assertThat(tasks.tasksOf(code)).isEmpty();
    }

    @Test
    void aParcelInKienHaiGoesToTheSameRegionalTaxOffice() {
        String code = receiveAndCheck("KIEN_HAI");
        assertThat(driver.variable(code, KEY, "taxOffice")).isEqualTo(TAX_OFFICE);
    }

    @Test
    void afterTheTaxOfficeNotifiesTheObligationTheOfficeUpdatesTheCadastreAndTheLeaderSigns() {
        String code = receiveAndCheck("RACH_GIA");
        var instance = driver.instance(code, KEY);
        driver.complete("tax", code, Map.of("personalIncomeTax", 30_000_000, "registrationFee", 7_500_000,
                "taxNoticeNumber", "TB-2026/001234"));
        assertThat(instance).isWaitingAt("Task_UpdateCadastralRecords").task().hasCandidateGroup("SPECIALIST_" + NATURAL_RESOURCES);
        driver.complete("landofficer", code, Map.of("obligationsFulfilled", true, "cadastreUpdated", true));
        driver.complete("landleader", code, Map.of("decision", "REWORK", "reworkReason", "Ghi thiếu nguồn gốc sử dụng đất trên trang 3"));
        assertThat(instance).isWaitingAt("Task_UpdateCadastralRecords");
        driver.complete("landofficer", code, Map.of("obligationsFulfilled", true, "cadastreUpdated", true, "newCertificateSerial", "DA 654321"));
        driver.complete("landleader", code, Map.of("decision", "APPROVE"));
        driver.complete("landclerk", code, Map.of("resultHandedOver", true, "receiverName", "Nguyễn Văn An"));
        assertThat(instance).isEnded().hasPassedInOrder("Task_CheckConditions", "Task_RouteToTaxOffice",
                "Task_DetermineFinancialObligation", "Task_UpdateCadastralRecords", "Task_SignCertificate",
                "Task_MarkProcessed", "Task_ReturnResult");
        assertThat(driver.status(code)).isEqualTo(DossierStatus.RETURNED);
        assertThat(driver.steps(code)).extracting(DossierStep::actor).contains("tax");
    }
}
