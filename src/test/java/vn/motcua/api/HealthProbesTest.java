package vn.motcua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import vn.motcua.MotCuaTest;

/**
 * The probes of the container (liveness) and the load balancer (readiness) answer anyone, without signing in, and
 * say only the state: no component, no detail (a database's name or version, a disk's size) leaks to the Internet.
 * Readiness includes the database (a node that cannot reach it takes no traffic); liveness does not (restarting a
 * node does not bring a database back).
 */
@MotCuaTest
class HealthProbesTest {
    @Autowired TestRestTemplate http;
    @Autowired HealthEndpoint health;
    @Autowired ObjectMapper json;

    @Test
    void probesAnswerAnonymousCallersWithTheirStateOnly() throws Exception {
        for (String path : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            var answer = http.getForEntity(path, String.class);
            assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(json.readValue(answer.getBody(), Map.class)).as(path).isEqualTo(Map.of("status", "UP"));
        }
        // the overall state names the probes' groups, nothing more
        var overall = http.getForEntity("/actuator/health", String.class);
        assertThat(overall.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readValue(overall.getBody(), Map.class))
                .isEqualTo(Map.of("status", "UP", "groups", java.util.List.of("liveness", "readiness")));
    }

    @Test
    void administratorsGetNoDetailsEither() throws Exception {
        var answer = http.withBasicAuth("admin", "demo").getForEntity("/actuator/health/readiness", String.class);
        assertThat(json.readValue(answer.getBody(), Map.class)).isEqualTo(Map.of("status", "UP"));
    }

    @Test
    void readinessChecksTheDatabaseAndLivenessDoesNot() {
        var readiness = (CompositeHealth) health.healthForPath("readiness");
        assertThat(readiness.getComponents()).containsKeys("readinessState", "db");
        var liveness = (CompositeHealth) health.healthForPath("liveness");
        assertThat(liveness.getComponents()).containsOnlyKeys("livenessState");
    }
}
