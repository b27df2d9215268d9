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

    /**
     * Extension points belong to the module they extend: the shared kernel offers no interface through which one
     * feature hands screen parts to another (the dossier's panels and intake files are its named interface
     * "extension"): nothing in shared takes or gives a Vaadin component.
     */
    @Test
    void theSharedKernelHoldsNoExtensionPointOfAFeature() throws Exception {
        var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
        var found = new java.util.ArrayList<String>();
        for (var resource : resolver.getResources("classpath*:vn/motcua/shared/*.class")) {
            String name = "vn.motcua.shared." + resource.getFilename().replace(".class", "");
            for (var method : Class.forName(name).getDeclaredMethods()) {
                var types = new java.util.ArrayList<Class<?>>(java.util.List.of(method.getParameterTypes()));
                types.add(method.getReturnType());
                if (types.stream().anyMatch(com.vaadin.flow.component.Component.class::isAssignableFrom)) {
                    found.add(name + "." + method.getName());
                }
            }
        }
        assertThat(found).as("shared methods dealing in screen components").isEmpty();
        assertThat(MODULES.getModuleByName("dossier").orElseThrow().getNamedInterfaces().getByName("extension"))
                .as("the dossier's named interface of extension points").isPresent();
    }
}
