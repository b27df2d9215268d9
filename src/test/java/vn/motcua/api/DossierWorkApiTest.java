package vn.motcua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
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
import vn.motcua.MotCuaTest;

/**
 * The case file over the API: {@code /steps} lists the completed steps in order with who (login and full name), the
 * unit (identifier and name), when, the decision and the opinion, for whoever may see the dossier; {@code /notes}
 * holds the staff's internal notes, never the applicant's to read, cleaned like every other text, and recorded in
 * the timeline without their text.
 */
@MotCuaTest
class DossierWorkApiTest {
    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;

    @Test
    void theStepsCarryWhoWhereWhenTheDecisionAndTheOpinionInOrderAndASendBackSaysWhy() throws Exception {
        String code = receive();
        complete("specialist", code, Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ đầy đủ, đề nghị phê duyệt",
                "registerNumber", "15/2026"));
        complete("leader", code, Map.of("decision", "REWORK", "reworkReason", "Ghi sai nơi sinh\r\ntheo giấy chứng sinh"));
        complete("specialist", code, Map.of("documentsComplete", true, "reviewOpinion", "Đã sửa nơi sinh",
                "proposedResult", "REFUSE", "refusalGrounds", "Người đi đăng ký không có quyền yêu cầu"));

        JsonNode steps = body(as("clerk").getForEntity("/api/dossiers/" + code + "/steps", String.class), HttpStatus.OK);
        assertThat(steps).hasSize(3);
        JsonNode review = steps.get(0);
        assertThat(review.get("name").asText()).isEqualTo("Thẩm định hồ sơ, dự thảo kết quả");
        assertThat(review.at("/by/username").asText()).isEqualTo("specialist");
        assertThat(review.at("/by/fullName").asText()).isEqualTo("Hoàng Văn Xử Lý");
        assertThat(review.at("/unit/identifier").asText()).isEqualTo("000.01.15.H33");
        assertThat(review.at("/unit/name").asText()).startsWith("UBND phường");
        assertThat(review.get("completedAt").asText()).isNotBlank();
        assertThat(review.get("decision").asText())
                .as("the proposed result, by default to grant, goes to the leader with the assessment")
                .isEqualTo("Hồ sơ đầy đủ, hợp lệ theo quy định: có; Đề nghị giải quyết, cấp kết quả; "
                        + "Số đăng ký trong Sổ đăng ký khai sinh (dự kiến): 15/2026");
        assertThat(review.get("opinion").asText()).isEqualTo("Hồ sơ đầy đủ, đề nghị phê duyệt");

        JsonNode sendBack = steps.get(1);
        assertThat(sendBack.at("/by/fullName").asText()).isEqualTo("Võ Thị Lãnh Đạo");
        assertThat(sendBack.get("decision").asText()).isEqualTo("Trả lại chuyên viên xử lý lại");
        assertThat(sendBack.get("opinion").asText()).as("line breaks stored as LF").isEqualTo("Ghi sai nơi sinh\ntheo giấy chứng sinh");
        assertThat(steps.get(2).get("opinion").asText()).startsWith("Đã sửa nơi sinh").contains("Người đi đăng ký không có quyền yêu cầu");
        assertThat(steps.get(2).get("decision").asText()).contains("Đề nghị từ chối giải quyết");
        assertThat(steps.get(0).get("completedAt").asText()).isLessThanOrEqualTo(steps.get(2).get("completedAt").asText());

        JsonNode english = body(as("clerk").exchange("/api/dossiers/" + code + "/steps", HttpMethod.GET,
                entity(null, Locale.ENGLISH), String.class), HttpStatus.OK);
        assertThat(english.get(0).get("decision").asText()).startsWith("Hồ sơ đầy đủ, hợp lệ theo quy định: yes");
        assertThat(english.get(0).at("/unit/name").asText()).endsWith("People's Committee");
    }

    @Test
    void aProposalToRefuseNeedsItsGroundsAndIsRefusedWithoutThemNamingTheField() throws Exception {
        String code = receive();
        var client = as("specialist");
        JsonNode tasks = body(client.getForEntity("/api/tasks?size=1000", String.class), HttpStatus.OK).get("items");
        String id = null;
        for (JsonNode t : tasks) if (code.equals(t.get("dossierCode").asText())) id = t.get("id").asText();
        JsonNode refused = body(client.postForEntity("/api/tasks/" + id + "/complete", entity(Map.of("data", Map.of(
                "documentsComplete", true, "reviewOpinion", "Không đủ điều kiện", "proposedResult", "REFUSE")), null),
                String.class), HttpStatus.BAD_REQUEST);
        assertThat(refused.get("errors")).anySatisfy(v -> assertThat(v.get("field").asText()).isEqualTo("data.refusalGrounds"));
        assertThat(body(as("clerk").getForEntity("/api/dossiers/" + code + "/steps", String.class), HttpStatus.OK))
                .as("nothing completed").isEmpty();
    }

    @Test
    void theStepsHaveTheDossiersVisibility() throws Exception {
        String code = receive();
        assertThat(http.getForEntity("/api/dossiers/" + code + "/steps", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("clerk2").getForEntity("/api/dossiers/" + code + "/steps", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("citizen").getForEntity("/api/dossiers/" + code + "/steps", String.class).getStatusCode())
                .as("the steps are the staff's").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(body(as("supervisor").getForEntity("/api/dossiers/" + code + "/steps", String.class), HttpStatus.OK)).isEmpty();
    }

    @Test
    void staffWhoSeeTheDossierWriteAndReadNotesAndTheTimelineSaysANoteWasAddedWithoutItsText() throws Exception {
        String code = receive();
        JsonNode note = body(as("specialist").postForEntity("/api/dossiers/" + code + "/notes",
                entity(Map.of("text", "  Cần xác minh\r\nnơi cư trú của mẹ  "), null), String.class), HttpStatus.CREATED);
        assertThat(note.get("id").asLong()).isPositive();
        assertThat(note.get("text").asText()).isEqualTo("Cần xác minh\nnơi cư trú của mẹ");
        assertThat(note.at("/by/username").asText()).isEqualTo("specialist");
        assertThat(note.at("/by/fullName").asText()).isEqualTo("Hoàng Văn Xử Lý");
        assertThat(note.get("at").asText()).isNotBlank();
        body(as("leader").postForEntity("/api/dossiers/" + code + "/notes",
                entity(Map.of("text", "Đồng ý, ưu tiên xử lý"), null), String.class), HttpStatus.CREATED);

        JsonNode notes = body(as("clerk").getForEntity("/api/dossiers/" + code + "/notes", String.class), HttpStatus.OK);
        assertThat(notes.findValuesAsText("text")).containsExactly("Cần xác minh\nnơi cư trú của mẹ", "Đồng ý, ưu tiên xử lý");
        assertThat(notes.get(1).at("/by/fullName").asText()).isEqualTo("Võ Thị Lãnh Đạo");
        assertThat(body(as("supervisor").getForEntity("/api/dossiers/" + code + "/notes", String.class), HttpStatus.OK)).hasSize(2);

        JsonNode history = body(as("clerk").getForEntity("/api/dossiers/" + code + "/history", String.class), HttpStatus.OK);
        assertThat(history.findValuesAsText("action")).containsSubsequence("RECEIVED", "NOTE_ADDED", "NOTE_ADDED");
        assertThat(history.toString()).doesNotContain("nơi cư trú của mẹ", "ưu tiên");
        JsonNode verified = body(as("admin").getForEntity("/api/dossiers/" + code + "/history/verify", String.class), HttpStatus.OK);
        assertThat(verified.get("intact").asBoolean()).as("the notes are chained into the audit trail").isTrue();
    }

    @Test
    void notesAreNotForCitizensNorOtherUnitsAndBadTextIsRefusedNamingTheField() throws Exception {
        String code = receive();
        String path = "/api/dossiers/" + code + "/notes";
        assertThat(as("citizen").getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("citizen").postForEntity(path, entity(Map.of("text", "x"), null), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("clerk2").getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("clerk2").postForEntity(path, entity(Map.of("text", "x"), null), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.postForEntity(path, entity(Map.of("text", "x"), null), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        assertField(as("clerk").postForEntity(path, entity(Map.of("text", "   "), null), String.class), "text");
        assertField(as("clerk").postForEntity(path, entity(Map.of(), null), String.class), "text");
        assertField(as("clerk").postForEntity(path, entity(Map.of("text", "Ghi chú\u0000ẩn"), null), String.class), "text");
        assertField(as("clerk").postForEntity(path, entity(Map.of("text", "a".repeat(4001)), null), String.class), "text");
        assertThat(body(as("clerk").getForEntity(path, String.class), HttpStatus.OK)).as("nothing stored").isEmpty();

        // Vietnamese typed with combining marks is stored composed (NFC)
        JsonNode composed = body(as("clerk").postForEntity(path, entity(Map.of("text", "Nguye\u0302\u0303n"), null), String.class),
                HttpStatus.CREATED);
        assertThat(composed.get("text").asText()).isEqualTo("Nguyễn");
    }

    private String receive() throws Exception {
        return body(as("clerk").postForEntity("/api/dossiers", entity(DossierApiTest.validRequest(), null), String.class),
                HttpStatus.CREATED).get("code").asText();
    }

    private void complete(String user, String code, Map<String, Object> data) throws Exception {
        var client = as(user);
        JsonNode tasks = body(client.getForEntity("/api/tasks?size=1000", String.class), HttpStatus.OK).get("items");
        String id = null;
        for (JsonNode t : tasks) if (code.equals(t.get("dossierCode").asText())) id = t.get("id").asText();
        assertThat(id).as(user + "'s task on " + code).isNotNull();
        body(client.postForEntity("/api/tasks/" + id + "/complete", entity(Map.of("data", data), null), String.class), HttpStatus.OK);
    }

    private TestRestTemplate as(String user) { return http.withBasicAuth(user, "demo"); }

    private static HttpEntity<Object> entity(Object body, Locale locale) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAcceptLanguageAsLocales(List.of(locale == null ? Locale.forLanguageTag("vi") : locale));
        return new HttpEntity<>(body, headers);
    }

    private JsonNode body(ResponseEntity<String> response, HttpStatus expected) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return json.readTree(response.getBody());
    }

    private void assertField(ResponseEntity<String> response, String field) throws Exception {
        JsonNode error = body(response, HttpStatus.BAD_REQUEST);
        assertThat(error.findValuesAsText("field")).as(response.getBody()).contains(field);
    }
}
