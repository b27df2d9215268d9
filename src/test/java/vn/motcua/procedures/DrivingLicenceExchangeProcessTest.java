package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.procedures.ProcedureDriver.COMMUNE;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.MotCuaTest;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.shared.InvalidInputException;

/** 3.000347 Đổi giấy phép lái xe (processes/driving-licence-exchange) at the commune desk: one step, 5 working days. */
@MotCuaTest
class DrivingLicenceExchangeProcessTest extends ProcedureProcessTest {
    private static final String CODE = "3.000347";
    private static final String KEY = "driving-licence-exchange";

    @Autowired WorkingCalendar calendar;

    @Test
    void theOfficerExchangesTheLicenceInOneStepWithinFiveWorkingDays() {
        var dossier = driver.receive("clerk2", CODE, Map.of("licenceNumber", "910123456789", "licenceClass", "B", "reason", "HET_HAN"));
        assertThat(dossier.dueAt()).isEqualTo(calendar.dueAt(dossier.receivedAt(), ProcessingTime.workingDays(5), COMMUNE));
        var instance = driver.instance(dossier.code(), KEY);
        assertThat(instance).isWaitingAt("Task_VerifyAndExchange").task().hasCandidateGroup("SPECIALIST_" + COMMUNE);
        driver.complete("specialist2", dossier.code(), Map.of("recordChecked", true, "decision", "EXCHANGE", "newLicenceNumber", "910123456790"));
        driver.complete("clerk2", dossier.code(), Map.of("resultHandedOver", true, "receiverName", "Nguyễn Văn An"));
        assertThat(instance).isEnded().hasPassedInOrder("Task_VerifyAndExchange", "Task_MarkProcessed", "Task_ReturnResult");
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.RETURNED);
    }

    @Test
    void aNewLicenceNumberThatIsNotTwelveDigitsIsRefusedAndTheStepStaysOpen() {
        var dossier = driver.receive("clerk2", CODE, Map.of("licenceNumber", "910123456789", "licenceClass", "A1", "reason", "HONG"));
        var task = driver.taskOf("specialist2", dossier.code());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(task.id(),
                        Map.of("recordChecked", true, "decision", "EXCHANGE", "newLicenceNumber", "12345")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(driver.instance(dossier.code(), KEY)).isWaitingAt("Task_VerifyAndExchange");
    }
}
