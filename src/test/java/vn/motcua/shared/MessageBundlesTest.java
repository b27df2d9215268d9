package vn.motcua.shared;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message bundle of the application: a message with arguments is a MessageFormat pattern, in which a lone ASCII
 * apostrophe starts a quoted section and swallows the text after it ({0} shown as written, words lost). Such a message
 * writes a doubled apostrophe or none. And each bundle defines the same keys in Vietnamese and English.
 */
class MessageBundlesTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d+[^}]*}");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void noMessageWithArgumentsHasALoneApostrophe() throws IOException {
        List<String> found = new ArrayList<>();
        for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            Properties p = load(resource);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                if (ARGUMENT.matcher(value).find() && LONE_APOSTROPHE.matcher(value).find()) {
                    found.add(resource.getFilename() + ": " + key);
                }
            }
        }
        assertThat(found).as("messages whose apostrophe would swallow their arguments").isEmpty();
    }

    @Test
    void everyBundleHasTheSameKeysInBothLanguages() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        int bundles = 0;
        for (var resource : resolver.getResources("classpath*:i18n/*_vi.properties")) {
            String english = resource.getFilename().replace("_vi.properties", ".properties");
            var vi = load(resource).stringPropertyNames();
            var en = load(resolver.getResource("classpath:i18n/" + english)).stringPropertyNames();
            assertThat(en).as("keys of %s beside %s", english, resource.getFilename()).isEqualTo(vi);
            bundles++;
        }
        assertThat(bundles).isGreaterThanOrEqualTo(10);
    }

    private static Properties load(org.springframework.core.io.Resource resource) throws IOException {
        Properties p = new Properties();
        try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }
}
