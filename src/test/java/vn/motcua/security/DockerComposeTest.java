package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The production cluster as committed (docker-compose.yml, Dockerfile, deploy/haproxy.cfg), checked without a Docker
 * engine: no default password ({@code docker compose up} stops unless the operator gives the database's and the first
 * administrator's passwords: ${VAR:?message}, never ${VAR:-default}); two application nodes, each with a health check
 * on the liveness probe and its own node name, the second starting after the first; a load balancer with sticky
 * sessions sending traffic only to ready nodes; an image that runs as a non-root user, has the Vietnamese OCR data
 * and a HEALTHCHECK.
 */
class DockerComposeTest {
    private static final List<String> NODES = List.of("app1", "app2");
    private static Map<String, Object> services;
    private static String dockerfile;
    private static String haproxy;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Object>) compose.get("services");
        }
        dockerfile = Files.readString(Path.of("Dockerfile"));
        haproxy = Files.readString(Path.of("deploy/haproxy.cfg"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        assertThat(services).as("services of docker-compose.yml").containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) {
        return (Map<String, Object>) service(service).get("environment");
    }

    @Test
    void everyPasswordMustBeGivenByTheOperator() {
        assertThat(String.valueOf(environment("db").get("POSTGRES_PASSWORD"))).matches("\\$\\{MOTCUA_DB_PASSWORD:\\?.+}");
        for (String node : NODES) {
            var app = environment(node);
            assertThat(String.valueOf(app.get("SPRING_DATASOURCE_PASSWORD"))).as(node).matches("\\$\\{MOTCUA_DB_PASSWORD:\\?.+}");
            assertThat(String.valueOf(app.get("MOTCUA_ADMIN_PASSWORD"))).as(node).matches("\\$\\{MOTCUA_ADMIN_PASSWORD:\\?.+}");
        }
        services.forEach((name, definition) -> {
            @SuppressWarnings("unchecked")
            var environment = (Map<String, Object>) ((Map<String, Object>) definition).get("environment");
            if (environment == null) return;
            environment.forEach((variable, value) -> {
                if (variable.contains("PASSWORD") || variable.contains("SECRET")) {
                    assertThat(String.valueOf(value)).as(name + " " + variable).doesNotContain(":-").startsWith("${");
                }
            });
        });
    }

    @Test
    void twoApplicationNodesWithHealthChecksOnTheLivenessProbe() {
        for (String node : NODES) {
            var app = service(node);
            assertThat(app.get("build")).as(node + " is built from the Dockerfile").isEqualTo(".");
            assertThat(app.get("hostname")).as(node + "'s name (its node id)").isEqualTo(node);
            @SuppressWarnings("unchecked")
            var healthcheck = (Map<String, Object>) app.get("healthcheck");
            assertThat(healthcheck).as(node + " health check").isNotNull();
            assertThat(String.valueOf(healthcheck.get("test"))).contains("/actuator/health/liveness");
            assertThat(String.valueOf(environment(node).get("SPRING_DATASOURCE_URL"))).startsWith("jdbc:postgresql://db:");
        }
        assertThat(String.valueOf(service("app2").get("depends_on")))
                .as("the second node waits for the first (migrations, deployments)").contains("app1");
    }

    @Test
    void attachmentsAreInTheObjectStoreWhoseBucketExistsBeforeTheNodesStart() {
        var storage = service("storage");
        assertThat(String.valueOf(storage.get("image"))).as("an S3-compatible store").startsWith("minio/minio:RELEASE.");
        assertThat(String.valueOf(storage.get("healthcheck"))).contains("ready");
        var init = service("storage-init");
        assertThat(String.valueOf(init.get("depends_on"))).contains("storage");
        for (String node : NODES) {
            var app = environment(node);
            assertThat(app.get("MOTCUA_STORAGE_TYPE")).as(node).isEqualTo("s3");
            assertThat(app.get("MOTCUA_STORAGE_S3_ENDPOINT")).as(node).isEqualTo("http://storage:9000");
            String bucket = String.valueOf(app.get("MOTCUA_STORAGE_S3_BUCKET"));
            assertThat(String.valueOf(init.get("entrypoint"))).as("the bucket " + node + " uses is created")
                    .contains("mc mb --ignore-existing store/" + bucket);
            assertThat(String.valueOf(app.get("MOTCUA_STORAGE_S3_SECRETACCESSKEY"))).as(node)
                    .matches("\\$\\{MOTCUA_S3_SECRET_KEY:\\?.+}");
            assertThat(String.valueOf(service(node).get("depends_on"))).as(node + " starts once the bucket exists")
                    .contains("storage-init").contains("service_completed_successfully");
        }
        assertThat(String.valueOf(environment("storage").get("MINIO_ROOT_PASSWORD")))
                .as("the same secret for the store and the nodes").matches("\\$\\{MOTCUA_S3_SECRET_KEY:\\?.+}");
    }

    @Test
    void theBalancerKeepsSessionsStickyAndSendsTrafficToReadyNodesOnly() {
        var lb = service("lb");
        assertThat(String.valueOf(lb.get("image"))).startsWith("haproxy:");
        assertThat(String.valueOf(lb.get("volumes"))).contains("./deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg");
        assertThat(haproxy).containsPattern("(?m)^\\s*cookie SERVERID insert indirect nocache");
        for (String node : NODES) {
            assertThat(haproxy).containsPattern("(?m)^\\s*server " + node + " " + node + ":8080 check cookie " + node + "\\b");
        }
        assertThat(haproxy).contains("uri /actuator/health/readiness").contains("X-Request-Id");
    }

    @Test
    void theImageRunsAsAUserOfItsOwnWithOcrAndAHealthCheck() {
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:25-jre");
        var user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
        assertThat(user.find()).as("a USER instruction").isTrue();
        assertThat(user.group(1)).isNotIn("root", "0", "0:0");
        assertThat(dockerfile.lastIndexOf("\nUSER ")).as("the last USER is the one that runs")
                .isEqualTo(dockerfile.indexOf("\nUSER "));
        assertThat(dockerfile).containsPattern("apt-get install[^\\n]*(\\\\\\n[^\\n]*)*\\btesseract-ocr-vie\\b");
        assertThat(dockerfile).containsPattern("apt-get install[^\\n]*(\\\\\\n[^\\n]*)*\\btesseract-ocr\\b");
        assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*(\\\\\\n.*)*/actuator/health/liveness");
        assertThat(dockerfile).contains("-XX:MaxRAMPercentage=");
    }

    @Test
    void theImageStartsWithTheAheadOfTimeCacheItsBuildTrained() throws java.io.IOException {
        // Java uses an ahead-of-time cache only from the JDK and the paths it was trained with: the image extracts,
        // trains and checks the cache with its own JDK and the entry point's own paths, and the build fails if the
        // cache would not be used
        var run = Pattern.compile("(?m)^RUN --mount=type=bind,source=\\$\\{JAR_FILE},target=/tmp/motcua.jar((?:[^\\n]*\\\\\\n)*[^\\n]*)")
                .matcher(dockerfile);
        assertThat(run.find()).as("the jar mounted for the build, not copied into a layer").isTrue();
        assertThat(run.group(1)).contains("java -Djarmode=tools -jar /tmp/motcua.jar extract --destination /app")
                .contains("--mount=type=bind,source=deploy/train-aot-cache.sh,target=/tmp/train-aot-cache.sh")
                .contains("sh /tmp/train-aot-cache.sh java /app/motcua.jar -XX:AOTCacheOutput=/app/motcua.aot /tmp/training")
                .contains("java -XX:AOTCache=/app/motcua.aot -XX:+PrintSharedArchiveAndExit -jar /app/motcua.jar")
                .contains("grep -q 'archive is valid'")
                .contains("chmod -R a-w,a+rX /app");
        assertThat(dockerfile.indexOf("\nRUN --mount")).as("trained as root, before the user that runs")
                .isLessThan(dockerfile.indexOf("\nUSER "));
        // The training run: a full start stopped once ready (so that the cache also holds what the start loads after
        // the context is up), on a scratch folder deleted after, the cache written as the JVM exits
        String training = Files.readString(Path.of("deploy", "train-aot-cache.sh"));
        assertThat(training).contains("MOTCUA_DATA_DIR=\"$scratch\"").contains("\"$java\" \"$option\" -jar \"$jar\"")
                .contains("/actuator/health/readiness").contains("kill -TERM \"$pid\"").contains("rm -rf \"$scratch\"");
        assertThat(Files.readAllLines(Path.of(".dockerignore"))).as("the build context holds the script")
                .contains("!deploy/train-aot-cache.sh");
        var entrypoint = Pattern.compile("(?m)^ENTRYPOINT .*$").matcher(dockerfile);
        assertThat(entrypoint.find()).isTrue();
        assertThat(entrypoint.group()).contains("java -XX:AOTCache=/app/motcua.aot -jar /app/motcua.jar");
    }
}
