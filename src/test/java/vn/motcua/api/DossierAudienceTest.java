package vn.motcua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.LandTransferSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.tasklist.TaskListService;

/**
 * Who gets what of a dossier: the unit's tracking register (form 07) and the control sheet (form 06) are the staff's
 * (the unit's clerks, specialists and leaders, supervisors above it, administrators); the applicant gets their own
 * papers; a user whose only link to a dossier is an open step of it (the tax office) sees it and works on that step,
 * and takes no action on the dossier itself. Out of scope: 404; in sight but not allowed: 403.
 */
@MotCuaTest
class DossierAudienceTest {
    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired vn.motcua.attachment.StagedUploadService staged;
    @Autowired TaskListService tasks;
    @Autowired OrganisationService organisation;

    @AfterEach
    void signOut() { users.signOut(); }

    @Test
    void aCitizenGetsTheirOwnPapersButNeverTheUnitsRegisterOrControlSheetNotEvenAfterWithdrawing() throws Exception {
        // Online, the citizen hands in the required components as files: staged in the submission screen
        users.signInAs("citizen");
        var sample = BirthRegistrationSample.inPerson();
        String code = dossiers.receive(vn.motcua.Intakes.uploaded(new vn.motcua.dossier.ReceiveDossier(sample.procedureCode(),
                Channel.ONLINE, sample.applicant(), sample.data(), BirthRegistrationSample.WARD), staged)).code();
        users.signOut();
        assertError(as("citizen").getForEntity(document(code, "07"), String.class), HttpStatus.FORBIDDEN);
        assertError(as("citizen").getForEntity(document(code, "06"), String.class), HttpStatus.FORBIDDEN);

        body(as("clerk").postForEntity("/api/dossiers/" + code + "/actions/accept", jsonEntity(Map.of()), String.class), HttpStatus.OK);
        assertPdf(as("citizen").getForEntity(document(code, "01"), byte[].class));
        assertError(as("citizen").getForEntity(document(code, "07"), String.class), HttpStatus.FORBIDDEN);

        body(as("citizen").postForEntity("/api/dossiers/" + code + "/actions/withdraw",
                jsonEntity(Map.of("reason", "Tôi nộp nhầm thủ tục")), String.class), HttpStatus.OK);
        assertError(as("citizen").getForEntity(document(code, "07"), String.class), HttpStatus.FORBIDDEN);
        assertError(as("citizen").getForEntity(document(code, "06"), String.class), HttpStatus.FORBIDDEN);
        assertThat(as("citizen").getForEntity(document(code, "01"), byte[].class).getStatusCode())
                .as("the receipt stays the applicant's").isEqualTo(HttpStatus.OK);
    }

    @Test
    void theRegisterIsForTheUnitsOwnStaffTheSupervisorsAboveItAndAdministrators() throws Exception {
        String code = body(as("clerk").postForEntity("/api/dossiers", jsonEntity(DossierApiTest.validRequest()), String.class),
                HttpStatus.CREATED).get("code").asText();
        for (String staff : List.of("clerk", "specialist", "leader", "supervisor", "admin")) {
            var register = as(staff).getForEntity(document(code, "07"), byte[].class);
            assertThat(register.getStatusCode()).as(staff).isEqualTo(HttpStatus.OK);
            assertPdf(register);
            assertThat(as(staff).getForEntity(document(code, "06"), byte[].class).getStatusCode()).as(staff).isEqualTo(HttpStatus.OK);
        }
        for (String other : List.of("clerk2", "leader2", "tax", "citizen")) {
            assertError(as(other).getForEntity(document(code, "07"), String.class), HttpStatus.NOT_FOUND);
        }
    }

    @Test
    void aTaxOfficerWithAnOpenStepSeesTheDossierAndWorksOnTheStepButGetsNoRegisterAndTakesNoDossierAction() throws Exception {
        String code = landTransferAtTheTaxOffice();
        var tax = as("tax");
        JsonNode dossier = body(tax.getForEntity("/api/dossiers/" + code, String.class), HttpStatus.OK);
        assertThat(dossier.get("statusCode").asInt()).isEqualTo(4);

        assertError(tax.getForEntity(document(code, "07"), String.class), HttpStatus.FORBIDDEN);
        for (String action : List.of("request-supplement", "request-payment")) {
            assertError(tax.postForEntity("/api/dossiers/" + code + "/actions/" + action,
                    jsonEntity(Map.of("reason", "Thiếu tờ khai thuế thu nhập cá nhân")), String.class), HttpStatus.FORBIDDEN);
        }
        JsonNode after = body(as("landclerk").getForEntity("/api/dossiers/" + code, String.class), HttpStatus.OK);
        assertThat(after.get("statusCode").asInt()).as("the other unit's clock still runs").isEqualTo(4);
        assertThat(after.get("clockStopped").asBoolean()).isFalse();

        users.signInAs("tax");
        assertThat(dossiers.availableActions(code)).as("no action buttons for a step user").isEmpty();
        users.signOut();
        JsonNode list = body(tax.getForEntity("/api/dossiers?limit=1000", String.class), HttpStatus.OK);
        assertThat(list.findValuesAsText("code")).as("the list is the tax office's own dossiers").doesNotContain(code);

        String taskId = null;
        for (JsonNode t : body(tax.getForEntity("/api/tasks?size=1000", String.class), HttpStatus.OK).get("items")) {
            if (code.equals(t.get("dossierCode").asText())) taskId = t.get("id").asText();
        }
        assertThat(taskId).as("the tax office's step").isNotNull();
        body(tax.postForEntity("/api/tasks/" + taskId + "/complete",
                jsonEntity(Map.of("data", LandTransferSample.obligationDetermined())), String.class), HttpStatus.OK);
        assertError(tax.getForEntity("/api/dossiers/" + code, String.class), HttpStatus.NOT_FOUND);
    }

    @Test
    void theUnitsOwnStaffStillTakeTheirActionsOnTheDossier() throws Exception {
        String code = landTransferAtTheTaxOffice();
        JsonNode stopped = body(as("landofficer").postForEntity("/api/dossiers/" + code + "/actions/request-payment",
                jsonEntity(Map.of("reason", "Nộp lệ phí trước bạ theo thông báo thuế")), String.class), HttpStatus.OK);
        assertThat(stopped.get("statusCode").asInt()).isEqualTo(6);
        assertError(as("clerk").postForEntity("/api/dossiers/" + code + "/actions/confirm-payment", jsonEntity(Map.of()),
                String.class), HttpStatus.NOT_FOUND);
    }

    /** A land transfer the office has checked, now waiting at the tax office's step. */
    private String landTransferAtTheTaxOffice() {
        LandTransferSample.ensureStaff(organisation);
        users.signInAs("landclerk");
        String code = dossiers.receive(vn.motcua.Intakes.checked(new ReceiveDossier(LandTransferSample.PROCEDURE, Channel.IN_PERSON,
                new Applicant("Nguyễn Văn An", "091234567890", "0912345678", "an@example.vn", "5 Trần Phú, Rạch Giá"),
                LandTransferSample.intakeData(), null))).code();
        users.signInAs("landofficer");
        var check = tasks.tasksOf(code).stream().findFirst().orElseThrow();
        tasks.complete(check.id(), LandTransferSample.conditionsChecked());
        users.signOut();
        return code;
    }

    private TestRestTemplate as(String user) { return http.withBasicAuth(user, "demo"); }

    private static String document(String code, String form) { return "/api/dossiers/" + code + "/documents/" + form; }

    private static void assertPdf(ResponseEntity<byte[]> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(new String(response.getBody(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    private void assertError(ResponseEntity<String> response, HttpStatus expected) throws Exception {
        JsonNode error = body(response, expected);
        assertThat(error.get("status").asInt()).isEqualTo(expected.value());
        assertThat(error.get("message").asText()).isNotBlank();
    }

    static HttpEntity<Object> jsonEntity(Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAcceptLanguageAsLocales(List.of(Locale.forLanguageTag("vi")));
        return new HttpEntity<>(body, headers);
    }

    private JsonNode body(ResponseEntity<String> response, HttpStatus expected) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return json.readTree(response.getBody());
    }
}
