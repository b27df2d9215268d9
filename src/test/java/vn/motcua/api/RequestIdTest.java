package vn.motcua.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import vn.motcua.MotCuaTest;

/**
 * The running application answers every request with its id in X-Request-Id: the caller's when given, a new one
 * otherwise; also for answers Spring Security writes (401) before any controller runs.
 */
@MotCuaTest
class RequestIdTest {
    @Autowired TestRestTemplate http;

    @Test
    void theRequestIdComesBack() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Request-Id", "proxy-42");
        var answer = http.exchange("/api/procedures", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(answer.getHeaders().getFirst("X-Request-Id")).isEqualTo("proxy-42");

        var anonymous = http.exchange("/api/dossiers", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().getFirst("X-Request-Id")).isEqualTo("proxy-42");

        var withoutOne = http.getForEntity("/actuator/health/liveness", String.class);
        assertThat(withoutOne.getHeaders().getFirst("X-Request-Id")).matches("[0-9a-f-]{36}");
    }
}
