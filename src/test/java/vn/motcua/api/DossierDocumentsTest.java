package vn.motcua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.tasklist.TaskListService;

/**
 * The official documents of a dossier in every status it can be in: a document that applies is a PDF, one that does
 * not is a 409 saying so; never a 500. Forms 04 and 05 are signed by the leader who decided the extension or the stop.
 */
@MotCuaTest
class DossierDocumentsTest {
    private static final List<String> FORMS = List.of("01", "02", "03", "04", "05", "06", "07");
    private static final String LEADER = "Võ Thị Lãnh Đạo";

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired vn.motcua.attachment.StagedUploadService staged;
    @Autowired TaskListService tasks;
    @Autowired ProcessEngine engine;

    @AfterEach
    void signOut() { users.signOut(); }

    @Test
    void anOnlineSubmissionNotYetAcceptedHasNoReceiptNorControlSheetYet() throws Exception {
        String code = submittedOnline();
        assertDocuments(code, Set.of("07"));
        users.signInAs("clerk");
        dossiers.act(code, DossierAction.ACCEPT, null);
        assertDocuments(code, Set.of("01", "06", "07"));
    }

    @Test
    void aSubmissionRefusedAtTheDeskHasItsRefusalButNoReceipt() throws Exception {
        String code = submittedOnline();
        users.signInAs("clerk");
        dossiers.act(code, DossierAction.REFUSE, "Thủ tục không thuộc thẩm quyền của phường");
        assertDocuments(code, Set.of("03", "07"));
    }

    @Test
    void aDossierInProcessAndItsClockStopsGetTheirNotices() throws Exception {
        String code = received();
        assertDocuments(code, Set.of("01", "06", "07"));
        users.signInAs("clerk");
        dossiers.act(code, DossierAction.REQUEST_PAYMENT, "Lệ phí đăng ký khai sinh quá hạn");
        assertDocuments(code, Set.of("01", "06", "07"));
        dossiers.act(code, DossierAction.CONFIRM_PAYMENT, null);
        dossiers.act(code, DossierAction.REQUEST_SUPPLEMENT, "Bổ sung giấy chứng sinh bản chính");
        assertDocuments(code, Set.of("01", "02", "06", "07"));
        dossiers.act(code, DossierAction.RECEIVE_SUPPLEMENT, null);
        assertDocuments(code, Set.of("01", "02", "06", "07"));
    }

    @Test
    void theStopNoticeIsSignedByTheLeaderWhoStoppedTheDossierAndStaysWithTheEndedDossier() throws Exception {
        String code = received();
        users.signInAs("leader");
        dossiers.act(code, DossierAction.STOP, "Chờ kết quả xác minh nơi cư trú của người mẹ");
        assertDocuments(code, Set.of("01", "05", "06", "07"));
        String notice = text(get("clerk", code, "05"));
        assertThat(notice).contains(LEADER).contains("Chờ kết quả xác minh nơi cư trú");
        users.signInAs("leader");
        assertThat(dossiers.get(code).finishedAt()).as("the stop ended it").isNotNull();
        assertDocuments(code, Set.of("01", "05", "06", "07"));
    }

    @Test
    void theApologyIsSignedByTheLeaderWhoDecidedTheExtension() throws Exception {
        String code = received();
        var parent = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(code)
                .processDefinitionKey("dossier-lifecycle").singleResult();
        var warning = engine.getManagementService().createJobQuery().processInstanceId(parent.getId()).timers().list().stream()
                .min((a, b) -> a.getDuedate().compareTo(b.getDuedate())).orElseThrow();
        engine.getManagementService().executeJob(warning.getId());
        users.signInAs("leader");
        var decision = tasks.tasksOf(code).stream()
                .filter(t -> "Task_DecideOnDelay".equals(t.stepKey())).findFirst().orElseThrow();
        tasks.complete(decision.id(), Map.of("willBeLate", "YES",
                "newDueDate", LocalDate.now(WorkingCalendar.ZONE).plusDays(10).toString(),
                "apologyReason", "Cần xác minh thêm thông tin nơi sinh với bệnh viện"));
        assertDocuments(code, Set.of("01", "04", "06", "07"));
        assertThat(text(get("clerk", code, "04"))).contains(LEADER).contains("xác minh thêm thông tin nơi sinh");
    }

    @Test
    void endedDossiersKeepTheirPapers() throws Exception {
        String withdrawn = received();
        users.signInAs("clerk");
        dossiers.act(withdrawn, DossierAction.WITHDRAW, "Công dân có đơn xin rút hồ sơ");
        assertDocuments(withdrawn, Set.of("01", "06", "07"));

        String returned = received();
        complete("specialist", returned, Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ đầy đủ, hợp lệ"));
        complete("leader", returned, Map.of("decision", "APPROVE"));
        users.signInAs("clerk");
        assertThat(dossiers.get(returned).status()).isEqualTo(DossierStatus.PROCESSED);
        assertDocuments(returned, Set.of("01", "06", "07"));
        complete("clerk", returned, Map.of("resultHandedOver", true, "receiverName", "Trần Thị Mỹ Lệ"));
        users.signInAs("clerk");
        assertThat(dossiers.get(returned).status()).isEqualTo(DossierStatus.RETURNED);
        assertDocuments(returned, Set.of("01", "06", "07"));
    }

    @Test
    void theReceiptTheControlSheetAndTheRegisterCiteTheSameNumbersAndEachStepIsJudgedByItsDueDate() throws Exception {
        String code = received();
        complete("specialist", code, Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ đầy đủ, hợp lệ"));
        String number = code.substring(code.lastIndexOf('-') + 1) + "/01";

        String receipt = text(get("clerk", code, "01"));
        String sheet = text(get("clerk", code, "06"));
        String register = text(get("clerk", code, "07"));

        assertThat(receipt).contains("Số: " + number, "(Liên 1: Lưu tại Bộ phận Một cửa)", "(Liên 2: Giao người nộp hồ sơ)");
        var entry = java.util.regex.Pattern.compile("Quyển số: (\\d{2}/\\d{4}), Số thứ tự: (\\d+)").matcher(receipt);
        assertThat(entry.find()).as(receipt).isTrue();
        // the register's book and the dossier's row in it are those the receipt cites
        assertThat(register).contains("Quyển số: " + entry.group(1), entry.group(2) + " " + code);
        assertThat(sheet).contains("(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả số: " + number + ")");
        // the specialist's step was due (its task's due date) and is judged against it
        assertThat(sheet).containsAnyOf("Trước hạn", "Đúng hạn", "Quá hạn");
    }

    /** Every form as the unit's clerk: those expected are PDFs, the others 409 with a message; nothing else. */
    private void assertDocuments(String code, Set<String> applicable) throws Exception {
        for (String form : FORMS) {
            var response = get("clerk", code, form);
            if (applicable.contains(form)) {
                assertThat(response.getStatusCode()).as("form " + form + ": " + body(response)).isEqualTo(HttpStatus.OK);
                assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
                assertThat(text(response)).as("form " + form).isNotBlank();
            } else {
                assertThat(response.getStatusCode()).as("form " + form + ": " + body(response)).isEqualTo(HttpStatus.CONFLICT);
                JsonNode error = json.readTree(response.getBody());
                assertThat(error.get("message").asText()).contains(form).contains(code);
            }
        }
    }

    private ResponseEntity<byte[]> get(String user, String code, String form) {
        return http.withBasicAuth(user, "demo").getForEntity("/api/dossiers/" + code + "/documents/" + form, byte[].class);
    }

    private String submittedOnline() {
        users.signInAs("citizen");
        var sample = BirthRegistrationSample.inPerson();
        String code = dossiers.receive(vn.motcua.Intakes.uploaded(new ReceiveDossier(sample.procedureCode(),
                vn.motcua.dossier.Channel.ONLINE, sample.applicant(), sample.data(), BirthRegistrationSample.WARD), staged)).code();
        users.signOut();
        return code;
    }

    private String received() {
        users.signInAs("clerk");
        String code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
        users.signOut();
        return code;
    }

    private void complete(String username, String code, Map<String, Object> data) {
        users.signInAs(username);
        var task = tasks.tasksOf(code).stream().findFirst().orElseThrow();
        tasks.complete(task.id(), data);
        users.signOut();
    }

    private static String body(ResponseEntity<byte[]> response) {
        return response.getBody() == null ? "" : new String(response.getBody(), 0, Math.min(300, response.getBody().length),
                StandardCharsets.UTF_8);
    }

    private static String text(ResponseEntity<byte[]> pdf) throws IOException {
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (var document = Loader.loadPDF(pdf.getBody())) {
            return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFC).replaceAll("\\s+", " ");
        }
    }
}
