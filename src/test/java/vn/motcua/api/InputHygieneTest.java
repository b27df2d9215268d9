package vn.motcua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.dossier.DossierService;

/**
 * What the API stores of what it is sent: no control characters (a line break only where the field is multi-line,
 * kept as LF), text in Unicode NFC however it was typed, declaration dates between 1900 and 2100; list filters take
 * {@code %} and {@code _} literally, limits are 1 to 1000, a calendar of an unknown unit is 404.
 */
@MotCuaTest
class InputHygieneTest {
    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;

    @AfterEach
    void signOut() { users.signOut(); }

    @Test
    void controlCharactersInSingleLineFieldsAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        int before = count();
        Map<String, String> forged = Map.of(
                "fullName", "Trần Thị Mỹ Lệ\r\nNgày hẹn trả: 01/01/2020",
                "address", "12 Nguyễn Trung Trực\u0000",
                "idNumber", "091234567890\u001b",
                "email", "myle@example.vn\u0007");
        for (var field : forged.entrySet()) {
            var request = DossierApiTest.validRequest();
            ((Map<String, Object>) request.get("applicant")).put(field.getKey(), field.getValue());
            assertField(clerk().postForEntity("/api/dossiers", DossierAudienceTest.jsonEntity(request), String.class),
                    "applicant." + field.getKey());
        }
        var forgedDeclaration = DossierApiTest.validRequest();
        ((Map<String, Object>) forgedDeclaration.get("data")).put("childFullName", "Nguyễn Thị Hồng Nhung\nGiới tính: Nam");
        assertField(clerk().postForEntity("/api/dossiers", DossierAudienceTest.jsonEntity(forgedDeclaration), String.class),
                "data.childFullName");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void reasonsMayHaveSeveralLinesButNoOtherControlCharacter() throws Exception {
        String code = receive(DossierApiTest.validRequest());
        assertField(clerk().postForEntity("/api/dossiers/" + code + "/actions/request-supplement",
                DossierAudienceTest.jsonEntity(Map.of("reason", "Bổ sung giấy chứng sinh\u0007")), String.class), "reason");
        JsonNode stopped = body(clerk().postForEntity("/api/dossiers/" + code + "/actions/request-supplement",
                DossierAudienceTest.jsonEntity(Map.of("reason", "Bổ sung:\r\n- giấy chứng sinh\r\n- sổ hộ khẩu")), String.class), HttpStatus.OK);
        assertThat(stopped.get("statusReason").asText()).isEqualTo("Bổ sung:\n- giấy chứng sinh\n- sổ hộ khẩu");
    }

    @Test
    void textIsStoredInNfcAndFoundHoweverItIsTyped() throws Exception {
        String decomposed = Normalizer.normalize("Lưu Thị Ngọc Ánh", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("Lưu Thị Ngọc Ánh");
        var request = DossierApiTest.validRequest();
        ((Map<String, Object>) request.get("applicant")).put("fullName", decomposed);
        ((Map<String, Object>) request.get("data")).put("childFullName", Normalizer.normalize("Đỗ Thị Ánh Dương", Normalizer.Form.NFD));
        String code = receive(request);

        JsonNode stored = body(clerk().getForEntity("/api/dossiers/" + code, String.class), HttpStatus.OK);
        assertThat(stored.at("/applicant/fullName").asText()).isEqualTo("Lưu Thị Ngọc Ánh");
        assertThat(stored.at("/data/childFullName").asText()).isEqualTo("Đỗ Thị Ánh Dương");
        assertThat(list("Lưu Thị Ngọc Ánh").findValuesAsText("code")).contains(code);
        assertThat(list(Normalizer.normalize("ngọc ánh", Normalizer.Form.NFD)).findValuesAsText("code")).contains(code);
    }

    @Test
    void declarationDatesBefore1900OrAfter2100AreRefused() throws Exception {
        for (String date : List.of("1899-12-31", "2101-01-01", "0001-01-01")) {
            var request = DossierApiTest.validRequest();
            ((Map<String, Object>) request.get("data")).put("childBirthDate", date);
            assertField(clerk().postForEntity("/api/dossiers", DossierAudienceTest.jsonEntity(request), String.class), "data.childBirthDate");
        }
    }

    @Test
    void percentAndUnderscoreInTheListFilterAreLiteral() throws Exception {
        var request = DossierApiTest.validRequest();
        ((Map<String, Object>) request.get("applicant")).put("fullName", "Công ty 100% vốn_tư nhân");
        String code = receive(request);
        for (String literal : List.of("100% v", "n_t", "%", "_")) {
            JsonNode found = list(literal);
            assertThat(found.findValuesAsText("code")).as(literal).contains(code);
            for (JsonNode d : found) {
                assertThat(d.get("code").asText() + " " + d.at("/applicant/fullName").asText()).as(literal).contains(literal);
            }
        }
    }

    @Test
    void limitsOutsideOneToAThousandAre400() throws Exception {
        for (String limit : List.of("0", "-1", "1001")) {
            assertField(clerk().getForEntity("/api/dossiers?limit=" + limit, String.class), "limit");
            assertField(clerk().getForEntity("/api/search?q=khai+sinh&limit=" + limit, String.class), "limit");
        }
        assertThat(clerk().getForEntity("/api/dossiers?limit=1000", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(clerk().getForEntity("/api/search?q=khai+sinh&limit=100", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theCalendarOfAnUnknownUnitIs404() throws Exception {
        String due = "/api/calendar/due?start=2026-02-13T02:00:00Z&workingDays=3&unit=";
        JsonNode unknown = body(http.getForEntity(due + "999.99.99.H99", String.class), HttpStatus.NOT_FOUND);
        assertThat(unknown.get("field").asText()).isEqualTo("unit");
        assertThat(unknown.get("message").asText()).contains("999.99.99.H99");
        assertThat(body(http.getForEntity(due + "000.01.15.H33", String.class), HttpStatus.OK).get("dueAt").asText()).isNotBlank();
    }

    private String receive(Map<String, Object> request) throws Exception {
        return body(clerk().postForEntity("/api/dossiers", DossierAudienceTest.jsonEntity(request), String.class), HttpStatus.CREATED)
                .get("code").asText();
    }

    private int count() throws Exception {
        return body(http.withBasicAuth("admin", "demo").getForEntity("/api/dossiers?size=1", String.class), HttpStatus.OK).get("total").asInt();
    }

    /** The clerk's dossiers matching the filter, sent percent-encoded as a browser would. */
    private JsonNode list(String q) throws Exception {
        var uri = org.springframework.web.util.UriComponentsBuilder.fromPath("/api/dossiers").queryParam("limit", 1000)
                .queryParam("q", q).build().encode().toUri();
        return body(clerk().getForEntity(uri, String.class), HttpStatus.OK).get("items");
    }

    private TestRestTemplate clerk() { return http.withBasicAuth("clerk", "demo"); }

    private JsonNode body(ResponseEntity<String> response, HttpStatus expected) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return json.readTree(response.getBody());
    }

    private void assertField(ResponseEntity<String> response, String field) throws Exception {
        JsonNode error = body(response, HttpStatus.BAD_REQUEST);
        assertThat(error.findValuesAsText("field")).as(response.getBody()).contains(field);
        assertThat(error.get("message").asText()).isNotBlank();
    }
}
