package vn.motcua.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import vn.motcua.organisation.UnitLevel;

/**
 * The supervision dashboard speaks Vietnamese and English: both bundles hold the same keys, and every key the view
 * names literally (or builds from a unit level) is in them.
 */
class MonitoringMessagesTest {
    private static final Pattern KEY = Pattern.compile("\"(monitoring\\.[A-Za-z0-9.]+)\"");

    private static Properties load(String name) throws Exception {
        var properties = new Properties();
        try (InputStream in = MonitoringMessagesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void bothBundlesDefineTheSameKeys() throws Exception {
        assertThat(load("monitoring_vi").stringPropertyNames()).isEqualTo(load("monitoring").stringPropertyNames());
    }

    @Test
    void everyKeyOfTheDashboardIsInTheBundles() throws Exception {
        String source = Files.readString(Path.of("src/main/java/vn/motcua/monitoring/ui/SupervisionView.java"));
        Set<String> used = new TreeSet<>();
        var m = KEY.matcher(source);
        while (m.find()) if (!m.group(1).endsWith(".")) used.add(m.group(1));
        for (UnitLevel level : UnitLevel.values()) {
            used.add("monitoring.units.title." + level.name());
            used.add("monitoring.chart.units." + level.name());
        }
        for (String group : vn.motcua.monitoring.internal.ScoringTable.GROUPS) used.add("monitoring.score.group." + group);
        // the tabs' titles: monitoring.tab.<the tab's name in the address>
        for (String tab : List.of("overview", "rankings", "due", "bottlenecks", "dossiers")) used.add("monitoring.tab." + tab);
        assertThat(used).contains("monitoring.address.invalid", "monitoring.tab.dossiers", "monitoring.filter.apply");
        assertThat(load("monitoring_vi").stringPropertyNames()).containsAll(used);
        assertThat(load("monitoring_vi").getProperty("monitoring.units.title.COMMUNE")).contains("xã, phường, đặc khu");
    }
}
