package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The sign-in messages exist in Vietnamese and English, the Vietnamese with its diacritics. */
class SecurityMessagesTest {
    private static Properties load(String name) throws Exception {
        var properties = new Properties();
        try (InputStream in = SecurityMessagesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void bothBundlesDefineTheSameKeys() throws Exception {
        assertThat(load("security_vi").stringPropertyNames()).isEqualTo(load("security").stringPropertyNames());
    }

    @Test
    void theLockMessageSaysForHowLongAndWhoCanUnlock() throws Exception {
        assertThat(load("security_vi").getProperty("security.signIn.locked"))
                .contains("tạm thời bị khóa", "{0} phút", "quản trị viên");
        assertThat(load("security").getProperty("security.signIn.locked")).contains("temporarily locked", "{0} minutes", "administrator");
    }
}
