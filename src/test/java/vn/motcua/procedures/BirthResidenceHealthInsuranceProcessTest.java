package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.procedures.ProcedureDriver.COMMUNE;
import static vn.motcua.procedures.ProcedureDriver.WARD;

import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.motcua.MotCuaTest;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierStep;

/**
 * Joined-up birth registration, permanent residence and health insurance card for a child under six (Decree
 * 63/2024/NĐ-CP; processes/birth-residence-health-insurance): one dossier at the commune desk; the justice officer
 * registers the birth, the chairman signs, then the police and the social insurance each take their step, and the
 * desk returns one result.
 */
@MotCuaTest
class BirthResidenceHealthInsuranceProcessTest extends ProcedureProcessTest {
    static final String CODE = "1.012694";
    private static final String KEY = "birth-residence-health-insurance";
    /** Demo Công an phường Vĩnh Thanh Vân and Bảo hiểm xã hội cơ sở Rạch Giá (DemoOrganisation). */
    static final String WARD_POLICE = "000.01.33.G12";
    static final String RACH_GIA_INSURANCE = "000.01.33.G22";

    static Map<String, Object> intake() {
        return Map.of("childFullName", "Nguyễn Thị Mai", "childSex", "NU", "childBirthDate", "2026-11-20",
                "childBirthPlace", "Bệnh viện Sản Nhi Kiên Giang", "motherFullName", "Lê Thị Hoa",
                "fatherFullName", "Nguyễn Văn An", "residenceAddress", "5 Trần Phú, phường Vĩnh Thanh Vân",
                "householdHead", "Nguyễn Văn An", "healthFacility", "Trạm Y tế phường Vĩnh Thanh Vân");
    }

    @Test
    void oneDossierAtTheCommuneDeskGoesThroughThePoliceAndTheSocialInsuranceAndComesBackAsOneResult() {
        var dossier = driver.receive("clerk", CODE, intake());
        var instance = driver.instance(dossier.code(), KEY);
        assertThat(instance).isWaitingAt("Task_RegisterBirth").task().hasCandidateGroup("SPECIALIST_" + WARD);
        driver.complete("specialist", dossier.code(), Map.of("documentsComplete", true, "registerNumber", "215/2026",
                "personalIdNumber", "091326000123", "reviewOpinion", "Hồ sơ hợp lệ"));
        assertThat(instance).isWaitingAt("Task_SignBirthCertificate").task().hasCandidateGroup("LEADER_" + WARD);
        driver.complete("leader", dossier.code(), Map.of("decision", "APPROVE"));

        // The two agencies work side by side, each in its own candidate group
        assertThat(instance).isWaitingAt("Task_RegisterResidence", "Task_IssueHealthInsuranceCard");
        assertThat(driver.openTasks(dossier.code(), KEY, "Task_RegisterResidence")).singleElement()
                .satisfies(t -> assertThat(t).hasCandidateGroup("SPECIALIST_" + WARD_POLICE));
        assertThat(driver.openTasks(dossier.code(), KEY, "Task_IssueHealthInsuranceCard")).singleElement()
                .satisfies(t -> assertThat(t).hasCandidateGroup("SPECIALIST_" + RACH_GIA_INSURANCE));
        assertThat(driver.taskOf("police", dossier.code()).stepKey()).isEqualTo("Task_RegisterResidence");
        assertThat(driver.taskOf("insurance", dossier.code()).stepKey()).isEqualTo("Task_IssueHealthInsuranceCard");

        driver.complete("insurance", dossier.code(), Map.of("insuranceOutcome", "ISSUED", "healthInsuranceCardNumber", "9126001234"));
        assertThat(instance).isWaitingAt("Task_RegisterResidence");
        assertThat(driver.status(dossier.code())).as("not processed until every agency has answered").isEqualTo(DossierStatus.IN_PROCESS);
        driver.complete("police", dossier.code(), Map.of("residenceOutcome", "REGISTERED"));

        assertThat(instance).isWaitingAt("Task_ReturnResult").task().hasCandidateGroup("CLERK_" + WARD);
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.PROCESSED);
        driver.complete("clerk", dossier.code(), Map.of("resultHandedOver", true, "receiverName", "Nguyễn Văn An"));
        assertThat(instance).isEnded();
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.RETURNED);
        assertThat(driver.steps(dossier.code())).extracting(DossierStep::actor)
                .containsExactly("specialist", "leader", "insurance", "police", "clerk");
    }

    @Test
    void theChairmanSendsItBackBeforeAnyAgencyIsAsked() {
        var dossier = driver.receive("clerk", CODE, intake());
        var instance = driver.instance(dossier.code(), KEY);
        driver.complete("specialist", dossier.code(), Map.of("documentsComplete", true, "registerNumber", "216/2026",
                "personalIdNumber", "091326000124", "reviewOpinion", "Hồ sơ hợp lệ"));
        driver.complete("leader", dossier.code(), Map.of("decision", "REWORK", "reworkReason", "Ghi đúng nơi sinh"));
        assertThat(instance).isWaitingAt("Task_RegisterBirth").hasNotPassed("Task_RegisterResidence", "Task_IssueHealthInsuranceCard");
    }

    @Test
    void eachCommuneDeskSendsTheResidenceStepToItsOwnCommunePolice() {
        var dossier = driver.receive("clerk2", CODE, intake());
        driver.complete("specialist2", dossier.code(), Map.of("documentsComplete", true, "registerNumber", "216/2026",
                "personalIdNumber", "091326000124", "reviewOpinion", "Hồ sơ hợp lệ"));
        driver.complete("leader2", dossier.code(), Map.of("decision", "APPROVE"));
        assertThat(driver.openTasks(dossier.code(), KEY, "Task_RegisterResidence")).singleElement()
                .satisfies(t -> assertThat(t).hasCandidateGroup("SPECIALIST_000.02.33.G12"));
        assertThat(driver.openTasks(dossier.code(), KEY, "Task_IssueHealthInsuranceCard")).singleElement()
                .satisfies(t -> assertThat(t).hasCandidateGroup("SPECIALIST_" + RACH_GIA_INSURANCE));
        assertThat(driver.variable(dossier.code(), KEY, "unit")).isEqualTo(COMMUNE);
    }
}
