package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages keep their boundaries: no cycles, no reaching into another feature's internals. The build
 * also writes the module documentation from the same model (Spring Modulith's Documenter) to
 * {@code target/spring-modulith-docs}: a C4 component diagram of all modules, one diagram and one canvas per module
 * (its API, events, configuration properties), and {@code all-docs.adoc} tying them together.
 */
class ModularityTest {
    static final Path DOCS = Path.of("target", "spring-modulith-docs");
    static final ApplicationModules MODULES = ApplicationModules.of(MotCuaApplication.class);

    @Test
    void featureModulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theBuildWritesTheModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString())).writeDocumentation();

        assertThat(DOCS.resolve("components.puml")).isNotEmptyFile();
        assertThat(DOCS.resolve("all-docs.adoc")).isNotEmptyFile();
        for (ApplicationModule module : MODULES) {
            String name = module.getIdentifier().toString();
            assertThat(DOCS.resolve("module-" + name + ".puml")).as("diagram of %s", name).isNotEmptyFile();
            assertThat(DOCS.resolve("module-" + name + ".adoc")).as("canvas of %s", name).isNotEmptyFile();
        }
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("dossier", "forms", "monitoring", "security", "shared");
    }
}
