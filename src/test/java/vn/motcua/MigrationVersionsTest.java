package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Flyway applies the migrations strictly in order (no out-of-order mode), reading {@code db/migration} and the
 * database's own {@code db/vendor/<vendor>}: one version may therefore name one migration only, across all folders,
 * so that a migration added to one folder never shadows or clashes with one of the other.
 */
class MigrationVersionsTest {
    private static final Path DB = Path.of("src", "main", "resources", "db");
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__\\w+\\.sql");

    @Test
    void eachVersionNamesOneMigrationAcrossAllFolders() throws IOException {
        List<Path> migrations;
        try (Stream<Path> files = Files.walk(DB)) {
            migrations = files.filter(f -> VERSIONED.matcher(f.getFileName().toString()).matches()).sorted().toList();
        }
        assertThat(migrations).as("versioned migrations under %s", DB).isNotEmpty();

        Map<String, List<String>> byVersion = migrations.stream().collect(Collectors.groupingBy(
                MigrationVersionsTest::version,
                Collectors.mapping(f -> DB.relativize(f).toString(), Collectors.toList())));
        assertThat(byVersion.values()).as("versions used by more than one migration")
                .allSatisfy(names -> assertThat(names).hasSize(1));
    }

    @Test
    void flywayRunsWithoutOutOfOrderMode() throws IOException {
        String settings = Files.readString(Path.of("src", "main", "resources", "application.yml"));
        assertThat(settings).doesNotContain("out-of-order");
    }

    private static String version(Path file) {
        Matcher m = VERSIONED.matcher(file.getFileName().toString());
        m.matches();
        // Flyway treats 1, 1.0 and 1_0 as one version
        return m.group(1).replace('_', '.').replaceAll("(\\.0+)+$", "").replaceFirst("^0+(?=\\d)", "");
    }
}
