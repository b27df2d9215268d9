package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.MotCuaApplication;

/**
 * The application as production runs it (no demo profile, an embedded database in a fresh data directory): it
 * refuses to start while no administrator can sign in; once one can, the API description and Swagger UI are off and
 * the data directory and the database files are the service user's alone. Runs in its own JVM (Failsafe): it starts
 * the application twice, next to no other application context.
 */
class ProductionDefaultsIT {
    @TempDir Path temporary;

    private ConfigurableApplicationContext start(Path data, String adminPassword) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=",
                "--server.port=0",
                "--motcua.data-dir=" + data,
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("motcua") + ";LOCK_TIMEOUT=20000",
                "--spring.datasource.username=sa",
                "--camunda.bpm.process-engine-name=production-defaults",
                "--camunda.bpm.job-execution.enabled=false",
                "--motcua.admin.username=admin",
                "--motcua.admin.password=" + adminPassword,
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn"));
        return new SpringApplicationBuilder(MotCuaApplication.class).run(args.toArray(String[]::new));
    }

    /** The messages of an exception and its causes. */
    private static String messages(Throwable e) {
        var all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) all.append(t.getMessage()).append('\n');
        return all.toString();
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void productionRefusesToStartWithoutAnAdministratorThenHidesTheApiDescriptionAndKeepsItsDataPrivate() throws Exception {
        Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path data = temporary.resolve("data");
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path stray = Files.writeString(data.resolve("left-by-an-older-version.txt"), "x");
        Files.setPosixFilePermissions(stray, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> start(data, "").close()).as("no MOTCUA_ADMIN_PASSWORD, no administrator")
                .satisfies(e -> assertThat(messages(e)).contains("No administrator can sign in", "MOTCUA_ADMIN_PASSWORD is not set"));
        assertThatThrownBy(() -> start(data, "short").close())
                .satisfies(e -> assertThat(messages(e)).contains("No administrator can sign in", "shorter than 8 characters"));

        try (var app = start(data, "a-long-admin-password")) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            var http = HttpClient.newHttpClient();
            for (String path : new String[] {"/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html"}) {
                var answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(path + " is off in production").isEqualTo(404);
                assertThat(answer.body()).as(path).doesNotContain("openapi", "swagger-ui-bundle");
            }
            String admin = "Basic " + Base64.getEncoder().encodeToString("admin:a-long-admin-password".getBytes(StandardCharsets.UTF_8));
            var signedIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dossiers"))
                    .header("Authorization", admin).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).as("the administrator created from MOTCUA_ADMIN_PASSWORD signs in").isEqualTo(200);

            assertThat(permissions(data)).as("the data directory").isEqualTo("rwx------");
            assertThat(permissions(data.resolve("motcua.mv.db"))).as("the database file").isEqualTo("rw-------");
            assertThat(permissions(stray)).as("a file already there").isEqualTo("rw-------");
            assertThat(permissions(data.resolve("attachments"))).as("the attachments").isEqualTo("rwx------");
            assertThat(permissions(data.resolve("attachments").resolve("staging"))).isEqualTo("rwx------");
        }
    }
}
