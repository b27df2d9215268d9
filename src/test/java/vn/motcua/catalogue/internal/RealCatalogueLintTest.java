package vn.motcua.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The catalogue as committed (the source folders processes/ and forms/, and the copy the build puts on the
 * classpath) passes every rule: the application would start with it.
 */
class RealCatalogueLintTest {
    private final CatalogueLinter linter = new CatalogueLinter(ModelConventions.motcua(), null, CatalogueWaivers.CURRENT);

    @Test
    void theSourceFoldersPassEveryRule() {
        var files = CatalogueFiles.fromDirectories(Path.of(""));
        assertThat(files.folders()).containsKeys(CatalogueFiles.SHARED, "birth-registration");

        var check = linter.check(files);

        assertThat(check.problems()).as("problems of the real catalogue").isEmpty();
        assertThat(check.contents()).containsOnlyKeys(files.folders().keySet());
        assertThat(check.contents().get("birth-registration").procedure().code()).isEqualTo("1.001193");
    }

    @Test
    void theClasspathCopyIsTheSameCatalogue() {
        var fromClasspath = CatalogueFiles.fromClasspath("");
        var fromSources = CatalogueFiles.fromDirectories(Path.of(""));
        assertThat(fromClasspath.folders().keySet()).isEqualTo(fromSources.folders().keySet());
        fromSources.folders().forEach((name, folder) -> {
            assertThat(fromClasspath.folders().get(name).processFiles().keySet()).isEqualTo(folder.processFiles().keySet());
            assertThat(fromClasspath.folders().get(name).formFiles().keySet()).isEqualTo(folder.formFiles().keySet());
        });
        assertThat(linter.check(fromClasspath).problems()).isEmpty();
    }

    @Test
    void everyWaiverStillCoversAProblem() {
        var check = linter.check(CatalogueFiles.fromDirectories(Path.of("")));
        // A waiver goes once its file is fixed; the start-up log says so too
        assertThat(check.staleWaivers()).as("waivers to remove from CatalogueWaivers").isEmpty();
        assertThat(check.waived()).allSatisfy(p -> assertThat(CatalogueWaivers.CURRENT).anyMatch(w -> w.covers(p)));
    }
}
