package vn.motcua.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Demo data and demo history exist with the {@code demo} profile only: without it, whatever the settings say (a stray
 * {@code motcua.demo-history.generate} or {@code .size} in production), the demo module contributes no bean that
 * writes anything, only the warning that the setting is ignored. Read from the module's component scan, as the
 * application makes it, for the profiles and settings given.
 */
class DemoProfileTest {
    private static final Map<String, Object> STRAY_SETTINGS = Map.of(
            "motcua.demo-history.generate", "1000000", "motcua.demo-history.size", "3000");

    /** The simple names of the beans the demo module's scan registers. */
    private static Set<String> beans(Map<String, Object> settings, String... profiles) {
        var environment = new StandardEnvironment();
        environment.setActiveProfiles(profiles);
        environment.getPropertySources().addFirst(new MapPropertySource("settings", settings));
        var registry = new SimpleBeanDefinitionRegistry();
        new ClassPathBeanDefinitionScanner(registry, true, environment).scan("vn.motcua.demo");
        var names = new TreeSet<String>();
        for (String name : registry.getBeanDefinitionNames()) {
            String type = registry.getBeanDefinition(name).getBeanClassName();
            if (type != null && type.startsWith("vn.motcua.demo.")) names.add(type.substring("vn.motcua.demo.".length()));
        }
        return names;
    }

    @Test
    void withoutTheDemoProfileNothingWritesWhateverTheSettingsSay() {
        for (String[] profiles : new String[][] {{}, {"test"}, {"production"}}) {
            assertThat(beans(STRAY_SETTINGS, profiles)).as("beans with the profiles %s", Arrays.toString(profiles))
                    .containsExactly("GenerateHistoryCommand$Ignored");
            assertThat(beans(Map.of(), profiles)).as("beans with the profiles %s and no setting", Arrays.toString(profiles))
                    .isEmpty();
        }
    }

    @Test
    void withTheDemoProfileTheOrganisationAndTheHistoryAreThere() {
        assertThat(beans(Map.of(), "demo")).contains("DemoOrganisation", "HistoryGenerator", "EngineHistory",
                "DemoHistoryOnFirstStart").doesNotContain("GenerateHistoryCommand", "GenerateHistoryCommand$Ignored");
        assertThat(beans(STRAY_SETTINGS, "demo")).contains("HistoryGenerator", "GenerateHistoryCommand")
                .doesNotContain("GenerateHistoryCommand$Ignored");
        assertThat(beans(Map.of(), "demo", "test")).as("the tests make the data they check")
                .contains("HistoryGenerator").doesNotContain("DemoHistoryOnFirstStart");
    }
}
