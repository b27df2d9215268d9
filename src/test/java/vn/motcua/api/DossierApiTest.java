package vn.motcua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;

/** The REST API as another system uses it: HTTP Basic, JSON, status codes and unit scoping. */
@MotCuaTest
class DossierApiTest {
    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;

    @Test
    void anonymousCallersGet401OnDossiersAndTasks() {
        assertThat(http.getForEntity("/api/dossiers/000.01.15.H33-261127-0001", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/tasks", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.postForEntity("/api/dossiers", jsonEntity(validRequest()), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theProcedureCatalogueIsPublicAndSearchIgnoresDiacritics() throws Exception {
        JsonNode all = body(http.getForEntity("/api/procedures", String.class), HttpStatus.OK);
        JsonNode birth = find(all, "1.001193");
        assertThat(birth.get("name").asText()).isEqualTo("Thủ tục đăng ký khai sinh");
        assertThat(birth.get("level").asText()).isEqualTo("COMMUNE");
        assertThat(birth.get("processingTime").asInt()).isEqualTo(1);
        assertThat(birth.get("processingTimeUnit").asText()).isEqualTo("WORKING_DAYS");

        JsonNode folded = body(http.getForEntity("/api/procedures?q=dang ky khai sinh", String.class), HttpStatus.OK);
        assertThat(folded.findValuesAsText("code")).contains("1.001193");
        JsonNode none = body(http.getForEntity("/api/procedures?q=khai sinh&level=PROVINCE", String.class), HttpStatus.OK);
        assertThat(none.findValuesAsText("code")).doesNotContain("1.001193");
        assertThat(http.getForEntity("/api/procedures?level=PLANET", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aClerkReceivesADossierWithItsCodeStatusAndDueDate() throws Exception {
        var response = clerk().postForEntity("/api/dossiers", jsonEntity(validRequest()), String.class);
        JsonNode dossier = body(response, HttpStatus.CREATED);
        String code = dossier.get("code").asText();
        assertThat(code).matches("000\\.01\\.15\\.H33-\\d{6}-\\d{4}");
        assertThat(dossier.get("statusCode").asInt()).isEqualTo(4);
        assertThat(dossier.get("receivedAt").asText()).isNotBlank();
        assertThat(dossier.get("dueAt").asText()).isNotBlank();
        assertThat(response.getHeaders().getLocation()).hasToString("/api/dossiers/" + code);

        JsonNode again = body(clerk().getForEntity("/api/dossiers/" + code, String.class), HttpStatus.OK);
        assertThat(again.at("/applicant/fullName").asText()).isEqualTo("Trần Thị Mỹ Lệ");
        assertThat(again.at("/data/childFullName").asText()).isEqualTo("Nguyễn Thị Hồng Nhung");

        JsonNode history = body(clerk().getForEntity("/api/dossiers/" + code + "/history", String.class), HttpStatus.OK);
        assertThat(history.findValuesAsText("action")).startsWith("RECEIVED", "PROCESSING_STARTED");
    }

    @Test
    void aUserOfAnotherUnitGets404ForADossierThatIsNotTheirs() throws Exception {
        String code = body(clerk().postForEntity("/api/dossiers", jsonEntity(validRequest()), String.class), HttpStatus.CREATED)
                .get("code").asText();
        assertThat(http.withBasicAuth("clerk2", "demo").getForEntity("/api/dossiers/" + code, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth("citizen", "demo").getForEntity("/api/dossiers/" + code, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth("supervisor", "demo").getForEntity("/api/dossiers/" + code, String.class).getStatusCode())
                .as("the province supervisor sees the units below").isEqualTo(HttpStatus.OK);
    }

    @Test
    void invalidInputGets400NamingTheFieldAndCreatesNothing() throws Exception {
        int before = body(http.withBasicAuth("admin", "demo").getForEntity("/api/dossiers?size=1", String.class), HttpStatus.OK).get("total").asInt();

        var noName = validRequest();
        ((Map<String, Object>) noName.get("applicant")).put("fullName", " ");
        assertField(clerk().postForEntity("/api/dossiers", jsonEntity(noName), String.class), "applicant.fullName");

        var badDate = validRequest();
        ((Map<String, Object>) badDate.get("data")).put("childBirthDate", "20/11/2026");
        assertField(clerk().postForEntity("/api/dossiers", jsonEntity(badDate), String.class), "data.childBirthDate");

        var missingMother = validRequest();
        ((Map<String, Object>) missingMother.get("data")).remove("motherFullName");
        assertField(clerk().postForEntity("/api/dossiers", jsonEntity(missingMother), String.class), "data.motherFullName");

        var badChannel = validRequest();
        badChannel.put("channel", "FAX");
        assertField(clerk().postForEntity("/api/dossiers", jsonEntity(badChannel), String.class), "channel");

        var unknown = validRequest();
        unknown.put("procedureCode", "9.999999");
        assertField(clerk().postForEntity("/api/dossiers", jsonEntity(unknown), String.class), "procedureCode");

        var badPhone = validRequest();
        ((Map<String, Object>) badPhone.get("applicant")).put("phone", "12345");
        assertField(clerk().postForEntity("/api/dossiers", jsonEntity(badPhone), String.class), "applicant.phone");

        int after = body(http.withBasicAuth("admin", "demo").getForEntity("/api/dossiers?size=1", String.class), HttpStatus.OK).get("total").asInt();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aSpecialistClaimsAndCompletesTheirTaskThroughTheApi() throws Exception {
        String code = body(clerk().postForEntity("/api/dossiers", jsonEntity(validRequest()), String.class), HttpStatus.CREATED)
                .get("code").asText();
        var specialist = http.withBasicAuth("specialist", "demo");
        JsonNode tasks = body(specialist.getForEntity("/api/tasks?size=1000", String.class), HttpStatus.OK).get("items");
        JsonNode task = null;
        for (JsonNode t : tasks) if (code.equals(t.get("dossierCode").asText())) task = t;
        assertThat(task).as("the specialist's task for " + code).isNotNull();
        assertThat(task.get("dueAt").asText()).isNotBlank();
        String id = task.get("id").asText();

        assertThat(http.withBasicAuth("specialist2", "demo").postForEntity("/api/tasks/" + id + "/claim", jsonEntity(Map.of()), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode claimed = body(specialist.postForEntity("/api/tasks/" + id + "/claim", jsonEntity(Map.of()), String.class), HttpStatus.OK);
        assertThat(claimed.get("assignee").asText()).isEqualTo("specialist");

        assertField(specialist.postForEntity("/api/tasks/" + id + "/complete",
                jsonEntity(Map.of("data", Map.of("documentsComplete", true))), String.class), "data.reviewOpinion");
        body(specialist.postForEntity("/api/tasks/" + id + "/complete",
                jsonEntity(Map.of("data", Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ hợp lệ"))), String.class), HttpStatus.OK);

        JsonNode leaderTasks = body(http.withBasicAuth("leader", "demo").getForEntity("/api/tasks?size=1000", String.class), HttpStatus.OK).get("items");
        assertThat(leaderTasks.findValuesAsText("dossierCode")).contains(code);
        assertThat(http.withBasicAuth("citizen", "demo").getForEntity("/api/tasks", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void actionsAnswer200ForTheAllowedRole403ForOthersAnd409ForAnIllegalTransitionOrAResumeOfAStoppedDossier() throws Exception {
        String code = body(clerk().postForEntity("/api/dossiers", jsonEntity(validRequest()), String.class), HttpStatus.CREATED)
                .get("code").asText();
        var leader = http.withBasicAuth("leader", "demo");
        assertThat(http.withBasicAuth("specialist", "demo").postForEntity("/api/dossiers/" + code + "/actions/stop",
                jsonEntity(Map.of("reason", "Chờ xác minh")), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(clerk().postForEntity("/api/dossiers/" + code + "/actions/return-result", jsonEntity(Map.of()), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertField(leader.postForEntity("/api/dossiers/" + code + "/actions/stop", jsonEntity(Map.of()), String.class), "reason");
        JsonNode stopped = body(leader.postForEntity("/api/dossiers/" + code + "/actions/stop",
                jsonEntity(Map.of("reason", "Chờ kết quả xác minh")), String.class), HttpStatus.OK);
        assertThat(stopped.get("statusCode").asInt()).isEqualTo(8);
        assertThat(stopped.get("clockStopped").asBoolean()).isTrue();
        assertThat(stopped.get("finishedAt").isNull()).as("the stop ended the dossier").isFalse();
        // the province does not resume stopped dossiers (motcua.dossier.resume-stopped off, the default)
        JsonNode refused = body(leader.postForEntity("/api/dossiers/" + code + "/actions/resume", jsonEntity(Map.of()), String.class), HttpStatus.CONFLICT);
        assertThat(refused.get("message").asText()).contains(code).contains("dừng xử lý (trạng thái 8) là kết thúc hồ sơ");
        assertThat(clerk().postForEntity("/api/dossiers/" + code + "/actions/teleport", jsonEntity(Map.of()), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth("clerk2", "demo").postForEntity("/api/dossiers/" + code + "/actions/withdraw",
                jsonEntity(Map.of("reason", "x")), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        JsonNode verified = body(http.withBasicAuth("supervisor", "demo").getForEntity("/api/dossiers/" + code + "/history/verify", String.class), HttpStatus.OK);
        assertThat(verified.get("intact").asBoolean()).isTrue();
    }

    @Test
    void theOfficialDocumentsArePdfsAndOnlyWhereTheyApply() {
        String code;
        try {
            code = body(clerk().postForEntity("/api/dossiers", jsonEntity(validRequest()), String.class), HttpStatus.CREATED).get("code").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        for (String form : new String[] {"01", "06", "07"}) {
            var pdf = clerk().getForEntity("/api/dossiers/" + code + "/documents/" + form, byte[].class);
            assertThat(pdf.getStatusCode()).as(form).isEqualTo(HttpStatus.OK);
            assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
            assertThat(new String(pdf.getBody(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        }
        assertThat(clerk().getForEntity("/api/dossiers/" + code + "/documents/03", String.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(clerk().getForEntity("/api/dossiers/" + code + "/documents/99", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.withBasicAuth("clerk2", "demo").getForEntity("/api/dossiers/" + code + "/documents/01", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theApiIsDescribedByOpenApi() throws Exception {
        JsonNode doc = body(http.getForEntity("/v3/api-docs", String.class), HttpStatus.OK);
        assertThat(doc.get("paths").has("/api/dossiers")).isTrue();
        assertThat(doc.get("paths").has("/api/tasks/{id}/complete")).isTrue();
        assertThat(doc.get("paths").has("/api/procedures")).isTrue();
    }

    private TestRestTemplate clerk() { return http.withBasicAuth("clerk", "demo"); }

    static Map<String, Object> validRequest() {
        var applicant = new HashMap<String, Object>();
        applicant.put("fullName", "Trần Thị Mỹ Lệ");
        applicant.put("idNumber", "091234567890");
        applicant.put("phone", "0912 345 678");
        applicant.put("email", "myle@example.vn");
        applicant.put("address", "12 Nguyễn Trung Trực, Rạch Giá");
        var request = new HashMap<String, Object>();
        request.put("procedureCode", BirthRegistrationSample.PROCEDURE);
        request.put("channel", "IN_PERSON");
        request.put("applicant", applicant);
        request.put("data", new HashMap<>(BirthRegistrationSample.intakeData()));
        request.put("checkedComponents", BirthRegistrationSample.CHECKED);
        return request;
    }

    private static HttpEntity<Object> jsonEntity(Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAcceptLanguageAsLocales(List.of(java.util.Locale.forLanguageTag("vi")));
        return new HttpEntity<>(body, headers);
    }

    private JsonNode body(ResponseEntity<String> response, HttpStatus expected) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return json.readTree(response.getBody());
    }

    private void assertField(ResponseEntity<String> response, String field) throws Exception {
        JsonNode error = body(response, HttpStatus.BAD_REQUEST);
        assertThat(error.findValuesAsText("field")).as(response.getBody()).contains(field);
        assertThat(error.get("message").asText()).isNotBlank();
    }

    private static JsonNode find(JsonNode list, String code) {
        for (JsonNode n : list) if (code.equals(n.get("code").asText())) return n;
        throw new AssertionError(code + " not in " + list);
    }
}
