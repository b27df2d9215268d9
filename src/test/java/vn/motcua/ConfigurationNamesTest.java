package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import vn.motcua.attachment.internal.AttachmentSettings;

/**
 * Each setting has one name, and the environment variable the README (or docker-compose.yml) gives for it really
 * reaches the code, read the way the code reads it: through {@code @Value("${...}")} or a
 * {@code @ConfigurationProperties} class, with Spring Boot's own environment-variable mapping.
 */
class ConfigurationNamesTest {

    /** Documented variable → how the code reads its setting, given an environment. */
    private static final Map<String, Function<StandardEnvironment, String>> READ_BY_CODE = Map.of(
            "MOTCUA_DATA_DIR", env -> env.resolveRequiredPlaceholders("${motcua.data-dir}"),
            "MOTCUA_ADMIN_USERNAME", env -> env.resolveRequiredPlaceholders("${motcua.admin.username}"),
            "MOTCUA_ADMIN_PASSWORD", env -> env.resolveRequiredPlaceholders("${motcua.admin.password}"),
            "MOTCUA_ATTACHMENT_SIGNATURES_TRUSTSTORE", env -> Binder.get(env)
                    .bind("motcua.attachment", AttachmentSettings.class).get().getSignatures().getTrustStore());

    /** docker-compose.yml's own variable: the database password it gives both containers, not a MotCua setting. */
    private static final Set<String> COMPOSE_ONLY = Set.of("MOTCUA_DB_PASSWORD");

    private static final Pattern VARIABLE = Pattern.compile("\\bMOTCUA_[A-Z0-9_]+\\b");

    @Test
    void eachDocumentedVariableReachesTheSettingTheCodeReads() {
        READ_BY_CODE.forEach((variable, read) -> {
            String value = "value-of-" + variable;
            assertThat(read.apply(environmentWith(Map.of(variable, value)))).as(variable).isEqualTo(value);
        });
    }

    @Test
    void everyVariableTheDocumentationNamesIsChecked() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (Path file : new Path[] {Path.of("README.md"), Path.of("docker-compose.yml")}) {
            Matcher m = VARIABLE.matcher(Files.readString(file));
            while (m.find()) {
                documented.add(m.group());
            }
        }
        documented.removeAll(COMPOSE_ONLY);
        assertThat(documented).isNotEmpty();
        assertThat(READ_BY_CODE.keySet()).containsAll(documented);
    }

    /** An environment whose operating-system variables are exactly these, mapped as a Spring Boot application maps them. */
    private static StandardEnvironment environmentWith(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        ConfigurationPropertySources.attach(environment);
        return environment;
    }
}
