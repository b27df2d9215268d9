package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.procedures.ProcedureDriver.TOURISM;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.MotCuaTest;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierStep;

/**
 * 1.001432 Cấp đổi thẻ hướng dẫn viên du lịch (processes/tour-guide-card-renewal) at the Department of Tourism:
 * specialist and director with rework, then the desk collects the appraisal fee the decision table sets.
 */
@MotCuaTest
class TourGuideCardRenewalProcessTest extends ProcedureProcessTest {
    private static final String CODE = "1.001432";
    private static final String KEY = "tour-guide-card-renewal";

    @Autowired WorkingCalendar calendar;

    static Map<String, Object> intake() {
        return Map.of("cardType", "QUOC_TE", "currentCardNumber", "291180123", "currentCardExpiry", "2026-12-31",
                "languages", "Tiếng Anh, tiếng Hàn");
    }

    static Map<String, Object> review() {
        return Map.of("cardType", "QUOC_TE", "documentsComplete", true, "reviewOpinion", "Đủ điều kiện cấp đổi thẻ");
    }

    @Test
    void afterTheDirectorApprovesTheDeskCollectsTheAppraisalFeeOf650000DongBeforeHandingTheCardOver() {
        var dossier = driver.receive("clerk4", CODE, intake());
        assertThat(dossier.dueAt()).as("10 calendar days").isEqualTo(
                calendar.dueAt(dossier.receivedAt(), ProcessingTime.calendarDays(10), TOURISM));
        var instance = driver.instance(dossier.code(), KEY);
        assertThat(instance).isWaitingAt("Task_ReviewApplication").task().hasCandidateGroup("SPECIALIST_" + TOURISM);
        driver.complete("specialist4", dossier.code(), review());
        assertThat(instance).isWaitingAt("Task_ApproveCard").task().hasCandidateGroup("LEADER_" + TOURISM);
        driver.complete("leader4", dossier.code(), Map.of("decision", "APPROVE"));

        assertThat(instance).isWaitingAt("Task_CollectFee").task().hasCandidateGroup("CLERK_" + TOURISM);
        assertThat(driver.variable(dossier.code(), KEY, "feeAmount")).isEqualTo(650_000L);
        driver.complete("clerk4", dossier.code(), Map.of("amountCollected", 650_000, "paymentMethod", "BANK_TRANSFER",
                "receiptNumber", "BL-2026/00077"));
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.PROCESSED);
        driver.complete("clerk4", dossier.code(), Map.of("resultHandedOver", true, "receiverName", "Nguyễn Văn An"));

        assertThat(instance).isEnded().hasPassedInOrder("Task_ReviewApplication", "Task_ApproveCard", "Task_CalculateFee",
                "Task_CollectFee", "Task_MarkProcessed", "Task_ReturnResult", "Task_RecordResultReturned");
        assertThat(driver.status(dossier.code())).isEqualTo(DossierStatus.RETURNED);
        var payment = driver.steps(dossier.code()).stream().filter(s -> s.stepKey().equals("Task_CollectFee")).findFirst().orElseThrow();
        assertThat(payment.data()).containsEntry("receiptNumber", "BL-2026/00077").containsEntry("paymentMethod", "BANK_TRANSFER");
    }

    @Test
    void theDirectorSendingTheDossierBackReturnsItToTheSpecialistAndNoFeeIsAskedYet() {
        var dossier = driver.receive("clerk4", CODE, intake());
        var instance = driver.instance(dossier.code(), KEY);
        driver.complete("specialist4", dossier.code(), review());
        driver.complete("leader4", dossier.code(), Map.of("decision", "REWORK", "reworkReason", "Giấy khám sức khỏe quá 06 tháng"));
        assertThat(instance).isWaitingAt("Task_ReviewApplication").hasNotPassed("Task_CalculateFee", "Task_CollectFee");
    }
}
