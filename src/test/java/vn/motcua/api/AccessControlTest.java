package vn.motcua.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import vn.motcua.MotCuaTest;

/** Camunda's webapps and REST API are for administrators only; everyone else is kept out. */
@MotCuaTest
class AccessControlTest {
    @Autowired TestRestTemplate http;

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
}
