package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.tasklist.TaskListService;

/** 1.000894 Đăng ký kết hôn (processes/marriage-registration): specialist, then the chairman signs or sends back. */
@MotCuaTest
class MarriageRegistrationProcessTest {
    private static final String CODE = "1.000894";
    private static final String KEY = "marriage-registration";

    @Autowired ProcessEngine engine;
    @Autowired DossierService dossiers;
    @Autowired TaskListService tasks;
    @Autowired TestUsers users;
    @Autowired OrganisationService organisation;
    ProcedureDriver driver;

    @AfterEach
    void signOut() { driver.signOut(); }

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        driver = new ProcedureDriver(engine, dossiers, tasks, users, organisation);
    }

    static Map<String, Object> intake() {
        return Map.of("brideFullName", "Lê Thị Thu Hà", "brideBirthDate", "1998-03-12", "brideResidence", "Ấp Hòa Lập, xã Bình An",
                "groomFullName", "Trần Minh Khang", "groomBirthDate", "1996-08-01", "groomResidence", "Ấp Hòa Lập, xã Bình An",
                "firstMarriageDeclared", true);
    }

    static Map<String, Object> review() {
        return Map.of("maritalStatusChecked", true, "conditionsMet", true, "reviewOpinion", "Hai bên đủ điều kiện kết hôn",
                "registerNumber", "15/2026");
    }

    @Test
    void theChairmanSignsAfterTheSpecialistAndBothPartiesSignTheRegisterWhenTheCertificateIsHandedOver() {
        var dossier = driver.receive("clerk2", CODE, intake());
        var instance = driver.instance(dossier.code(), KEY);
        assertThat(instance).isWaitingAt("Task_ReviewDossier").task().hasCandidateGroup("SPECIALIST_" + ProcedureDriver.COMMUNE);
        driver.complete("specialist2", dossier.code(), review());
        assertThat(instance).isWaitingAt("Task_ApproveRegistration").task().hasCandidateGroup("LEADER_" + ProcedureDriver.COMMUNE);
        driver.complete("leader2", dossier.code(), Map.of("decision", "APPROVE"));
        assertThat(instance).isWaitingAt("Task_ReturnResult").task().hasCandidateGroup("CLERK_" + ProcedureDriver.COMMUNE);
        driver.complete("clerk2", dossier.code(), Map.of("bothPartiesSigned", true, "resultHandedOver", true, "receiverName", "Lê Thị Thu Hà"));
        assertThat(instance).isEnded().hasPassedInOrder("Task_ReviewDossier", "Task_ApproveRegistration", "Task_MarkProcessed",
                "Task_ReturnResult", "Task_RecordResultReturned");
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.RETURNED);
    }

    @Test
    void theChairmanSendingTheDraftBackReturnsItToTheSpecialist() {
        var dossier = driver.receive("clerk2", CODE, intake());
        var instance = driver.instance(dossier.code(), KEY);
        driver.complete("specialist2", dossier.code(), review());
        driver.complete("leader2", dossier.code(), Map.of("decision", "REWORK", "reworkReason", "Ghi lại nơi cư trú theo dữ liệu dân cư"));
        assertThat(instance).isWaitingAt("Task_ReviewDossier");
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.IN_PROCESS);
        driver.complete("specialist2", dossier.code(), review());
        driver.complete("leader2", dossier.code(), Map.of("decision", "APPROVE"));
        assertThat(instance).isWaitingAt("Task_ReturnResult");
    }
}
