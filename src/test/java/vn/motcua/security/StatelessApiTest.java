package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.MotCuaTest;

/**
 * An integration calling the API with HTTP Basic gets no HTTP session (nothing to keep per call on the server), and a
 * wrong password is refused even right after the right one was accepted and remembered.
 */
@MotCuaTest
class StatelessApiTest {
    @LocalServerPort int port;

    @Test
    void basicCallsCreateNoSession() throws Exception {
        for (int i = 0; i < 3; i++) {
            var response = get("/api/tasks", "specialist", "demo");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().allValues("Set-Cookie")).as("call %d, %s", i, SessionCreationTrace.last())
                    .noneMatch(c -> c.startsWith("JSESSIONID"));
        }
    }

    @Test
    void aRememberedPasswordDoesNotLetAnotherPasswordIn() throws Exception {
        assertThat(get("/api/worklist", "leader", "demo").statusCode()).isEqualTo(200);
        assertThat(get("/api/worklist", "leader", "demo").statusCode()).isEqualTo(200);
        assertThat(get("/api/worklist", "leader", "demo-wrong").statusCode()).isEqualTo(401);
        assertThat(get("/api/worklist", "leader", "demo").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
