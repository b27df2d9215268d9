package vn.motcua.api;

import static org.assertj.core.api.Assertions.assertThat;

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
import vn.motcua.catalogue.ProcedureDesigns;

/**
 * Camunda Modeler 5's Deploy dialog pointed at {@code /api/design/modeler} (issue 14.6): the connection check and
 * version answer as the engine's REST API does; a deployment runs the linter (problems in the 400's message, nothing
 * stored) and, clean, becomes the draft and is published for a caller of the publishing role, answered with the
 * engine deployment and its process definitions; the caller's own credentials decide.
 */
@MotCuaTest
class ModelerDeployApiTest {
    private static final String ENDPOINT = "/api/design/modeler";
    private static final String BPMN = "processes/" + ProcedureUploads.FOLDER + "/" + ProcedureUploads.FOLDER + ".bpmn";

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired ProcedureDesigns designs;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void restore() {
        ProcedureUploads.restore(designs, users, jdbc);
    }

    @Test
    void theConnectionCheckAndVersionAnswerAsTheEngineDoes() throws Exception {
        var designer = http.withBasicAuth("designer", "demo");
        var check = designer.getForEntity(ENDPOINT + "/deployment?maxResults=0", String.class);
        assertThat(check.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(check.getBody()).isArray()).isTrue();
        var version = designer.getForEntity(ENDPOINT + "/version", String.class);
        assertThat(json.readTree(version.getBody()).get("version").asText()).startsWith("7.");
        assertThat(http.getForEntity(ENDPOINT + "/version", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("clerk", "demo").getForEntity(ENDPOINT + "/version", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aDeployedDiagramIsCheckedThenPublishedWithTheProceduresOtherFiles() throws Exception {
        var broken = deploy("designer", ProcedureUploads.broken().get(BPMN));
        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(broken.getBody()).get("message").asText()).contains("Task_IssueCopy", "USER_TASK_DEADLINE");
        users.signInAs("designer");
        assertThat(designs.draft(ProcedureUploads.CODE)).isEmpty();
        users.signOut();

        assertThat(deploy("clerk", ProcedureUploads.revised().get(BPMN)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        var deployed = deploy("designer", ProcedureUploads.revised().get(BPMN));
        assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = json.readTree(deployed.getBody());
        assertThat(body.get("deployedProcessDefinitions").findValuesAsText("key")).containsExactly(ProcedureUploads.PROCESS_KEY);
        users.signInAs("designer");
        var current = designs.versions(ProcedureUploads.CODE).get(0);
        assertThat(current.current()).isTrue();
        assertThat(current.deploymentId()).isEqualTo(body.get("id").asText());
        assertThat(current.reason()).isEqualTo("Camunda Modeler: Đổi tên bước");
        assertThat(body.get("motcua").get("version").asInt()).isEqualTo(current.number());
        // Only the diagram changed: the procedure's forms and descriptor came from the version it replaced
        assertThat(current.changes()).extracting(ProcedureDesigns.Change::kind).containsOnly("step", "deadline");
    }

    private ResponseEntity<String> deploy(String user, byte[] bpmn) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("deployment-name", "Đổi tên bước");
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("enable-duplicate-filtering", "true");
        String name = ProcedureUploads.FOLDER + ".bpmn";
        parts.add(name, new ByteArrayResource(bpmn) {
            @Override
            public String getFilename() { return name; }
        });
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
        return http.withBasicAuth(user, "demo").postForEntity(ENDPOINT + "/deployment/create", new HttpEntity<>(parts, headers), String.class);
    }
}
