package vn.motcua.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.dossier.DossierService;

/**
 * Camunda's webapps and REST API are for administrators only; everyone else is kept out. Camunda's Tasklist and the
 * engine's task completion are closed to everyone, administrators included: a step is completed through MotCua only
 * (its form validated, its audit record written).
 */
@MotCuaTest
class AccessControlTest {
    @Autowired TestRestTemplate http;
    @Autowired DossierService dossiers;
    @Autowired TaskService engineTasks;
    @Autowired TestUsers users;

    @Test
    void cockpitAndAdminOpenForTheAdministratorOnly() {
        assertThat(http.withBasicAuth("admin", "demo").getForEntity("/camunda/app/cockpit/default/", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("admin", "demo").getForEntity("/camunda/app/admin/default/", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        for (String user : new String[] {"clerk", "specialist", "supervisor", "citizen"}) {
            assertThat(http.withBasicAuth(user, "demo").getForEntity("/camunda/app/cockpit/default/", String.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        var anonymous = http.getForEntity("/camunda/app/cockpit/default/", String.class);
        assertThat(anonymous.getStatusCode().is2xxSuccessful() && anonymous.getBody().contains("Cockpit"))
                .as("anonymous never reaches Cockpit").isFalse();
    }

    @Test
    void theEngineRestApiIsForTheAdministratorOnly() {
        assertThat(http.withBasicAuth("admin", "demo").getForEntity("/engine-rest/process-definition?key=birth-registration", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("clerk", "demo").getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThat(http.withBasicAuth("clerk", "wrong").getForEntity("/api/tasks", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void camundasTasklistIsClosedEvenToTheAdministrator() {
        for (String path : new String[] {"/camunda/app/tasklist/default/", "/camunda/app/tasklist/", "/camunda/api/tasklist/plugin/x"}) {
            assertThat(http.withBasicAuth("admin", "demo").getForEntity(path, String.class).getStatusCode())
                    .as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.withBasicAuth("specialist", "demo").getForEntity(path, String.class).getStatusCode())
                    .as(path).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void noStepIsCompletedThroughTheEnginesApi() {
        String code;
        try {
            users.signInAs("clerk");
            code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
        } finally {
            users.signOut();
        }
        var task = engineTasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
        assertThat(task).as("the dossier's first step").isNotNull();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        var body = new HttpEntity<>("{\"variables\": {}}", json);
        for (String path : new String[] {"/engine-rest/task/%s/complete", "/engine-rest/task/%s/submit-form",
                "/engine-rest/task/%s/resolve", "/engine-rest/engine/default/task/%s/complete",
                "/camunda/api/engine/engine/default/task/%s/complete", "/camunda/api/engine/engine/default/task/%s/submit-form"}) {
            String target = path.formatted(task.getId());
            assertThat(http.withBasicAuth("admin", "demo").postForEntity(target, body, String.class).getStatusCode())
                    .as(target).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(engineTasks.createTaskQuery().taskId(task.getId()).count()).as("the step is still open").isEqualTo(1);
        // the administrator's engine API otherwise stays open
        assertThat(http.withBasicAuth("admin", "demo").getForEntity("/engine-rest/task/" + task.getId(), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
