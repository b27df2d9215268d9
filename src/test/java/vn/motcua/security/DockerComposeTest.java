package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml has no default password: {@code docker compose up} stops with a message unless the operator
 * gives the database's and the first administrator's passwords (${VAR:?message}, never ${VAR:-default}).
 */
class DockerComposeTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> compose, String service) {
        var services = (Map<String, Object>) compose.get("services");
        return (Map<String, Object>) ((Map<String, Object>) services.get(service)).get("environment");
    }

    @Test
    void everyPasswordMustBeGivenByTheOperator() throws Exception {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
        var db = environment(compose, "db");
        var app = environment(compose, "app");
        assertThat(String.valueOf(db.get("POSTGRES_PASSWORD"))).matches("\\$\\{MOTCUA_DB_PASSWORD:\\?.+}");
        assertThat(String.valueOf(app.get("SPRING_DATASOURCE_PASSWORD"))).matches("\\$\\{MOTCUA_DB_PASSWORD:\\?.+}");
        assertThat(String.valueOf(app.get("MOTCUA_ADMIN_PASSWORD"))).matches("\\$\\{MOTCUA_ADMIN_PASSWORD:\\?.+}");
        for (var environment : new Map[] {db, app}) {
            ((Map<String, Object>) environment).forEach((name, value) -> {
                if (name.contains("PASSWORD")) assertThat(String.valueOf(value)).as(name).doesNotContain(":-");
            });
        }
    }
}
