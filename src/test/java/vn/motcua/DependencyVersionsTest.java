package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * No library the application runs on, among those that face the network or parse what users send, is older than the
 * release that fixed its last published vulnerability known to this project: the build fails when a version falls
 * below its minimum (a parent upgrade that lowers an override, an override removed too early). It also prints the
 * resolved versions, so that a build log shows what shipped.
 *
 * <p>The minimums follow pom.xml's overrides and their comments (README, "Production deployment / Triển khai"); raise
 * a minimum when a newer fix is adopted. {@code mvn versions:display-dependency-updates} lists what is newer.
 */
class DependencyVersionsTest {
    /** A library, a class of it, and the lowest version allowed (the release that fixed its last known vulnerability). */
    private record Library(String name, String className, String minimum) { }

    private static final List<Library> SECURITY_RELEVANT = List.of(
            // CVE-2026-22732 (6.5.9), CVE-2026-47838 (6.5.11)
            new Library("spring-security-web", "org.springframework.security.web.SecurityFilterChain", "6.5.11"),
            new Library("spring-security-core", "org.springframework.security.core.SpringSecurityCoreVersion", "6.5.11"),
            // CVE-2026-41840, CVE-2026-41850 (6.2.19)
            new Library("spring-core", "org.springframework.core.SpringVersion", "6.2.19"),
            new Library("spring-webmvc", "org.springframework.web.servlet.DispatcherServlet", "6.2.19"),
            // CVE-2026-53434 (10.1.56) and the fixes after it
            new Library("tomcat-embed-core", "org.apache.catalina.connector.Connector", "10.1.62"),
            new Library("jackson-databind", "com.fasterxml.jackson.databind.ObjectMapper", "2.19.4"),
            new Library("logback-classic", "ch.qos.logback.classic.Logger", "1.5.38"),
            new Library("postgresql", "org.postgresql.Driver", "42.7.14"),
            // CVE-2025-48924 (3.18.0)
            new Library("commons-lang3", "org.apache.commons.lang3.StringUtils", "3.18.0"),
            // the 24.9.x advisories (e.g. CVE-2026-2742) are fixed from 24.9.8
            new Library("flow-server", "com.vaadin.flow.server.VaadinServlet", "24.9.8"),
            new Library("camunda-engine", "org.camunda.bpm.engine.ProcessEngine", "7.24.0"),
            new Library("snakeyaml", "org.yaml.snakeyaml.Yaml", "2.0"));

    /** The version in a Maven repository jar's name: …/artifactId/1.2.3/artifactId-1.2.3.jar */
    private static final Pattern JAR = Pattern.compile("([A-Za-z0-9_.-]+?)-(\\d+(?:\\.\\d+)*)(?:[.-][A-Za-z0-9.-]*)?\\.jar$");

    @Test
    void securityRelevantLibrariesAreNotBelowTheirFixedReleases() throws Exception {
        Map<String, String> resolved = new LinkedHashMap<>();
        List<String> tooOld = new ArrayList<>();
        for (Library library : SECURITY_RELEVANT) {
            String version = versionOf(library);
            resolved.put(library.name(), version);
            if (compare(version, library.minimum()) < 0) {
                tooOld.add(library.name() + " " + version + " < " + library.minimum());
            }
        }
        StringBuilder table = new StringBuilder("Resolved versions of the security-relevant libraries:\n");
        resolved.forEach((name, version) -> table.append(String.format("  %-22s %s%n", name, version)));
        System.out.print(table);
        assertThat(tooOld).as("libraries below the release that fixed their known vulnerabilities").isEmpty();
    }

    @Test
    void versionsAreComparedNumerically() {
        assertThat(compare("10.1.62", "10.1.9")).isPositive();
        assertThat(compare("6.5.6", "6.5.11")).isNegative();
        assertThat(compare("2.19", "2.19.0")).isZero();
    }

    private static String versionOf(Library library) throws ClassNotFoundException, URISyntaxException {
        Class<?> type = Class.forName(library.className());
        Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        Matcher m = JAR.matcher(jar.getFileName().toString());
        assertThat(m.find()).as("%s comes from a versioned jar, not %s", library.name(), jar).isTrue();
        assertThat(m.group(1)).as("the jar of %s", library.className()).isEqualTo(library.name());
        return m.group(2);
    }

    /** Compares dotted version numbers part by part (a missing part counts as 0). */
    static int compare(String a, String b) {
        String[] x = a.split("\\."), y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i]) : 0;
            int q = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (p != q) return Integer.compare(p, q);
        }
        return 0;
    }
}
