package vn.motcua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import vn.motcua.MotCuaTest;
import vn.motcua.ProcedureUploads;
import vn.motcua.TestUsers;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.catalogue.ProcedureDesigns;

/**
 * Process designers' API (issue 14): an upload is checked by the catalogue linter (problems: 400 with the list,
 * nothing stored; clean: 201 and a draft), publishing makes the draft the current version with who, when and why,
 * the versions compare with the previous one, an earlier version is re-published in one call, and a version
 * exports as the zip that reproduces it. Designers draft; the publishing role (DESIGNER by default) publishes;
 * others get 403, anonymous callers 401.
 */
@MotCuaTest
class DesignApiTest {
    private static final String BASE = "/api/design/procedures";

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired ProcedureDesigns designs;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void restore() {
        ProcedureUploads.restore(designs, users, jdbc);
    }

    @Test
    void aBrokenUploadAnswers400WithEveryProblemAndStoresNothing() throws Exception {
        int rows = rows();

        var answer = upload("designer", zipPart("diploma.zip", ProcedureUploads.zip(ProcedureUploads.broken())));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode body = json.readTree(answer.getBody());
        assertThat(body.get("problems")).anySatisfy(problem -> {
            assertThat(problem.get("file").asText()).isEqualTo("processes/diploma-copy-from-register/diploma-copy-from-register.bpmn");
            assertThat(problem.get("elementId").asText()).isEqualTo(ProcedureUploads.STEP);
            assertThat(problem.get("rule").asText()).isEqualTo("USER_TASK_DEADLINE");
            assertThat(problem.get("message").asText()).contains("hạn xử lý");
            assertThat(problem.get("messageEn").asText()).contains("deadline");
        });
        assertThat(rows()).isEqualTo(rows);
    }

    @Test
    void uploadPublishCompareRollBackAndExport() throws Exception {
        // Separate files, as Camunda Modeler saves them
        var parts = new LinkedMultiValueMap<String, Object>();
        ProcedureUploads.revised().forEach((path, bytes) -> parts.add("files", file(path.substring(path.lastIndexOf('/') + 1), bytes)));
        var uploaded = upload("designer", parts);
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode draft = json.readTree(uploaded.getBody());
        assertThat(draft.get("code").asText()).isEqualTo(ProcedureUploads.CODE);
        assertThat(draft.get("draft").get("createdBy").asText()).isEqualTo("designer");

        // Without a reason nothing is published
        assertThat(post("designer", BASE + "/" + ProcedureUploads.CODE + "/publish", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        var published = post("designer", BASE + "/" + ProcedureUploads.CODE + "/publish", Map.of("reason", "Sửa tên bước và hạn xử lý"));
        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.OK);
        int number = json.readTree(published.getBody()).get("version").asInt();

        JsonNode versions = json.readTree(get("designer", BASE + "/" + ProcedureUploads.CODE + "/versions").getBody());
        JsonNode latest = versions.get(0);
        assertThat(latest.get("version").asInt()).isEqualTo(number);
        assertThat(latest.get("current").asBoolean()).isTrue();
        assertThat(latest.get("origin").asText()).isEqualTo("UPLOAD");
        assertThat(latest.get("publishedBy").asText()).isEqualTo("designer");
        assertThat(latest.get("reason").asText()).isEqualTo("Sửa tên bước và hạn xử lý");
        assertThat(latest.get("publishedAt").asText()).isNotBlank();
        assertThat(latest.get("deploymentId").asText()).isNotBlank();
        List<String> changes = latest.get("changes").findValuesAsText("messageEn");
        assertThat(changes).contains(
                "Step Task_IssueCopy renamed: “Đối chiếu sổ gốc, cấp bản sao” → “" + ProcedureUploads.REVISED_STEP_NAME + "”",
                "Deadline of step Task_IssueCopy: ${deadlines.workingHours(execution, 4)} → ${deadlines.workingHours(execution, 6)}",
                "Form diploma-copy-from-register-review: fields added registerPage");
        assertThat(versions.get(1).get("current").asBoolean()).isFalse();
        assertThat(catalogue.form("diploma-copy-from-register-review").orElseThrow().inputKeys()).contains(ProcedureUploads.ADDED_FIELD);

        // Export → the same files, which lint and hash as the version did
        var export = http.withBasicAuth("designer", "demo").getForEntity(BASE + "/" + ProcedureUploads.CODE + "/versions/" + number + "/export", byte[].class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getHeaders().getContentDisposition().getFilename()).isEqualTo("diploma-copy-from-register-v" + number + ".zip");
        Map<String, byte[]> exported = ProcedureUploads.unzip(export.getBody());
        assertThat(exported.keySet()).isEqualTo(ProcedureUploads.revised().keySet());
        ProcedureUploads.revised().forEach((path, bytes) -> assertThat(exported.get(path)).as(path).isEqualTo(bytes));
        var reuploaded = upload("designer", zipPart("export.zip", export.getBody()));
        assertThat(reuploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(reuploaded.getBody()).get("draft").get("contentHash").asText()).isEqualTo(latest.get("contentHash").asText());

        // Roll back to the version before: re-published as a new version
        int previous = versions.get(1).get("version").asInt();
        var rolledBack = post("designer", BASE + "/" + ProcedureUploads.CODE + "/versions/" + previous + "/publish",
                Map.of("reason", "Quay lại phiên bản trước"));
        assertThat(rolledBack.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode afterRollback = json.readTree(get("designer", BASE + "/" + ProcedureUploads.CODE + "/versions").getBody()).get(0);
        assertThat(afterRollback.get("version").asInt()).isEqualTo(number + 1);
        assertThat(afterRollback.get("origin").asText()).isEqualTo("ROLLBACK");
        assertThat(afterRollback.get("basedOn").asInt()).isEqualTo(previous);
        assertThat(afterRollback.get("contentHash").asText()).isEqualTo(versions.get(1).get("contentHash").asText());
        assertThat(catalogue.form("diploma-copy-from-register-review").orElseThrow().inputKeys()).doesNotContain(ProcedureUploads.ADDED_FIELD);
    }

    @Test
    void onlyDesignersDraftOnlyThePublishingRolePublishes() throws Exception {
        int rows = rows();
        var zip = ProcedureUploads.zip(ProcedureUploads.revised());
        for (String user : List.of("clerk", "admin", "leader", "citizen")) {
            assertThat(upload(user, zipPart("d.zip", zip)).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            // Administrators see the procedures and their versions (they choose who publishes), nobody else but designers
            HttpStatus reading = "admin".equals(user) ? HttpStatus.OK : HttpStatus.FORBIDDEN;
            assertThat(get(user, BASE).getStatusCode()).as(user).isEqualTo(reading);
            assertThat(get(user, BASE + "/" + ProcedureUploads.CODE + "/versions").getStatusCode()).as(user).isEqualTo(reading);
            assertThat(post(user, BASE + "/" + ProcedureUploads.CODE + "/publish", Map.of("reason", "x")).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(post(user, BASE + "/" + ProcedureUploads.CODE + "/versions/1/publish", Map.of("reason", "x")).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.getForEntity(BASE, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity(BASE + "/" + ProcedureUploads.CODE + "/versions", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rows()).isEqualTo(rows);

        JsonNode list = json.readTree(get("designer", BASE).getBody());
        assertThat(list.findValuesAsText("code")).contains(ProcedureUploads.CODE, "1.001193");
        // No draft yet: nothing to publish
        assertThat(post("designer", BASE + "/" + ProcedureUploads.CODE + "/publish", Map.of("reason", "x")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aZipWithAPathLeavingItIsRefusedAndNothingStored() throws Exception {
        int rows = rows();
        var files = ProcedureUploads.original();
        files.put("../../etc/evil.bpmn", "<x/>".getBytes());

        var answer = upload("designer", zipPart("evil.zip", ProcedureUploads.zip(files)));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("../../etc/evil.bpmn");
        assertThat(rows()).isEqualTo(rows);
    }

    private int rows() {
        return jdbc.queryForObject("select count(*) from procedure_version", Integer.class);
    }

    private ResponseEntity<String> upload(String user, LinkedMultiValueMap<String, Object> parts) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, "demo").postForEntity(BASE, new HttpEntity<>(parts, headers), String.class);
    }

    private static LinkedMultiValueMap<String, Object> zipPart(String name, byte[] zip) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", file(name, zip));
        return parts;
    }

    private static ByteArrayResource file(String name, byte[] bytes) {
        return new ByteArrayResource(bytes) {
            @Override
            public String getFilename() { return name; }
        };
    }

    private ResponseEntity<String> post(String user, String path, Map<String, ?> body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }
}
