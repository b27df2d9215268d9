package vn.motcua.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;

/**
 * Other systems call the API with their own credentials (issue 16, point 4): an administrator creates a connected
 * system with scopes and is shown its key once; the system receives a dossier with it, and a retry with the same
 * Idempotency-Key makes no second dossier; a read-only system reads but may not receive; a wrong or revoked key is a
 * 401 problem; only administrators manage systems, and the administrators' log records it.
 */
@MotCuaTest
class ApiClientsTest {
    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired JdbcClient jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void aSystemWithAKeyReceivesOnceForOneIdempotencyKeyAndLosesItsAccessWhenRevoked() throws Exception {
        var created = admin(HttpMethod.POST, "/api/admin/api-clients",
                Map.of("name", "Cổng Dịch vụ công quốc gia", "scopes", List.of("dossiers:write", "dossiers:read"),
                        "unit", BirthRegistrationSample.WARD));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = json.readTree(created.getBody());
        String key = body.get("apiKey").asText();
        String clientId = body.at("/client/clientId").asText();
        assertThat(key).startsWith(clientId + ".");
        assertThat(body.at("/client/unit").asText()).isEqualTo(BirthRegistrationSample.WARD);
        assertThat(jdbc.sql("select key_hash from api_client where client_id = ?").param(clientId).query(String.class).single())
                .as("only the secret's hash is kept").doesNotContain(key.substring(key.indexOf('.') + 1)).hasSize(64);

        long before = count();
        String idempotency = UUID.randomUUID().toString();
        var first = call(key, HttpMethod.POST, "/api/dossiers", receipt(), idempotency);
        var again = call(key, HttpMethod.POST, "/api/dossiers", receipt(), idempotency);
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String code = json.readTree(first.getBody()).get("code").asText();
        assertThat(json.readTree(again.getBody()).get("code").asText()).isEqualTo(code);
        assertThat(count()).as("one dossier for two requests with one Idempotency-Key").isEqualTo(before + 1);
        var other = receipt();
        ((Map<String, Object>) other.get("applicant")).put("fullName", "Lê Văn Khác");
        assertThat(call(key, HttpMethod.POST, "/api/dossiers", other, idempotency).getStatusCode())
                .as("the same key with another body").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(call(key, HttpMethod.GET, "/api/dossiers/" + code, null, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.sql("select created_by from dossier where code = ?").param(code).query(String.class).single())
                .as("the audit names the system's account").startsWith("api-");

        var wrong = call(clientId + ".0000", HttpMethod.GET, "/api/dossiers/" + code, null, null);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(wrong.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(json.readTree(wrong.getBody()).get("error").asText()).isEqualTo("INVALID_API_KEY");

        assertThat(admin(HttpMethod.POST, "/api/admin/api-clients/" + clientId + "/revoke", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(call(key, HttpMethod.GET, "/api/dossiers/" + code, null, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        var today = java.time.LocalDate.now(vn.motcua.shared.Formats.ZONE);
        String log = admin(HttpMethod.GET, "/api/admin/log?from=" + today.minusDays(1) + "&to=" + today.plusDays(1), null).getBody();
        assertThat(log).contains("API_CLIENT_CREATED").contains("API_CLIENT_REVOKED").contains(clientId);
    }

    @Test
    void aReadOnlySystemReadsItsUnitsDossiersButMayNotReceiveAndOnlyAdministratorsManageSystems() throws Exception {
        var created = admin(HttpMethod.POST, "/api/admin/api-clients",
                Map.of("name", "Hệ thống giám sát của tỉnh", "scopes", List.of("dossiers:read"), "unit", BirthRegistrationSample.WARD));
        String key = json.readTree(created.getBody()).get("apiKey").asText();
        assertThat(call(key, HttpMethod.GET, "/api/dossiers", null, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(call(key, HttpMethod.POST, "/api/dossiers", receipt(), null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        var refused = admin(HttpMethod.POST, "/api/admin/api-clients", Map.of("name", "", "scopes", List.of("everything"), "unit", "nope"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("\"name\"").contains("\"scopes\"").contains("\"unit\"");
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.withBasicAuth("supervisor", "demo").exchange("/api/admin/api-clients", HttpMethod.GET, null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var listed = json.readTree(admin(HttpMethod.GET, "/api/admin/api-clients", null).getBody());
        assertThat(listed.toString()).contains("Hệ thống giám sát của tỉnh").doesNotContain(key);
    }

    private long count() {
        return jdbc.sql("select count(*) from dossier").query(Long.class).single();
    }

    private ResponseEntity<String> admin(HttpMethod method, String path, Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("admin", "demo").exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> call(String apiKey, HttpMethod method, String path, Object body, String idempotencyKey) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Authorization", "ApiKey " + apiKey);
        if (idempotencyKey != null) headers.set("Idempotency-Key", idempotencyKey);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private static Map<String, Object> receipt() {
        return BirthRegistrationSample.receiptJson();
    }
}
