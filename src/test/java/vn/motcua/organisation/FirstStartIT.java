package vn.motcua.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaApplication;

/**
 * Setting up a province (README): a fresh production start (no demo profile, an empty database) knows one
 * administrator and nothing else; through the API alone the administrator creates the province, a ward and its clerk,
 * and the clerk receives a dossier of a catalogue procedure at once, with no restart and no SQL. Runs in its own JVM
 * (Failsafe), next to no other application context.
 */
class FirstStartIT {
    private static final String ADMIN_PASSWORD = "a-long-admin-password";

    @TempDir Path temporary;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private int port;

    @Test
    void aFreshProductionStartReachesAReceivedDossierThroughTheApiAlone() throws Exception {
        Path data = temporary.resolve("data");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MotCuaApplication.class).run(
                "--spring.profiles.active=",
                "--server.port=0",
                "--motcua.data-dir=" + data,
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("motcua") + ";LOCK_TIMEOUT=20000",
                "--spring.datasource.username=sa",
                "--camunda.bpm.process-engine-name=first-start",
                "--motcua.admin.username=admin",
                "--motcua.admin.password=" + ADMIN_PASSWORD,
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn")) {
            port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));

            // nothing but the administrator: no unit, one user
            assertThat(get("admin", ADMIN_PASSWORD, "/api/admin/units").body()).isEqualTo("[]");
            assertThat(json.readTree(get("admin", ADMIN_PASSWORD, "/api/admin/users").body()).findValuesAsText("username"))
                    .containsExactly("admin");

            var province = send("admin", ADMIN_PASSWORD, "POST", "/api/admin/units", Map.of("identifier", "000.00.00.H33",
                    "name", "UBND tỉnh Kiên Giang", "level", "PROVINCE", "kind", "PEOPLES_COMMITTEE"));
            assertThat(province.statusCode()).as(province.body()).isEqualTo(201);
            var ward = send("admin", ADMIN_PASSWORD, "POST", "/api/admin/units", Map.of("identifier", "000.01.01.H33",
                    "name", "UBND phường Rạch Giá", "level", "COMMUNE", "kind", "WARD", "parent", "000.00.00.H33"));
            assertThat(ward.statusCode()).as(ward.body()).isEqualTo(201);
            var clerk = send("admin", ADMIN_PASSWORD, "POST", "/api/admin/users", Map.of("username", "mot.cua",
                    "fullName", "Lê Thị Một Cửa", "unit", "000.01.01.H33", "roles", List.of("CLERK"),
                    "password", "Một cửa điện tử 2026"));
            assertThat(clerk.statusCode()).as(clerk.body()).isEqualTo(201);

            var request = new HashMap<String, Object>();
            request.put("procedureCode", BirthRegistrationSample.PROCEDURE);
            request.put("channel", "IN_PERSON");
            request.put("applicant", Map.of("fullName", "Trần Thị Mỹ Lệ"));
            request.put("data", BirthRegistrationSample.intakeData());
            request.put("checkedComponents", BirthRegistrationSample.CHECKED);
            var received = send("mot.cua", "Một cửa điện tử 2026", "POST", "/api/dossiers", request);
            assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
            JsonNode dossier = json.readTree(received.body());
            assertThat(dossier.get("code").asText()).matches("000\\.01\\.01\\.H33-\\d{6}-0001");
            assertThat(dossier.get("statusCode").asInt()).isIn(2, 4);

            JsonNode log = json.readTree(get("admin", ADMIN_PASSWORD, "/api/admin/log?from=2000-01-01&to=2100-12-31").body());
            assertThat(log.findValuesAsText("action")).contains("UNIT_CREATED", "USER_CREATED");
        }
    }

    private HttpResponse<String> get(String username, String password, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(username, password)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String username, String password, String method, String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(username, password))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
