package vn.motcua.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The i18n/forms bundles: complete in both languages, valid MessageFormat, Vietnamese by default. */
class FormMessagesTest {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = FormMessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(load("forms_vi.properties").stringPropertyNames())
                .isEqualTo(load("forms.properties").stringPropertyNames());
    }

    @Test
    void everyViolationCodeHasAMessage() throws Exception {
        Set<String> keys = load("forms.properties").stringPropertyNames();
        Set<String> codes = java.util.Arrays.stream(FieldViolation.class.getFields())
                .filter(f -> f.getType() == String.class)
                .map(f -> {
                    try {
                        return "forms.violation." + f.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .collect(Collectors.toSet());
        assertThat(keys).containsAll(codes);
    }

    @Test
    void everyTextIsAValidMessageFormat() throws IOException {
        for (String bundle : new String[] {"forms.properties", "forms_vi.properties"}) {
            Properties properties = load(bundle);
            for (String key : properties.stringPropertyNames()) {
                new MessageFormat(properties.getProperty(key), Locale.ROOT).format(new Object[] {1, 2});
            }
        }
    }

    @Test
    void vietnameseTextsKeepTheirDiacritics() {
        assertThat(Messages.of(null).get("forms.ui.list.remove")).isEqualTo("Xóa");
        assertThat(Messages.of(Locale.forLanguageTag("vi-VN")).get("forms.violation.phone"))
                .isEqualTo("Số điện thoại không hợp lệ.");
    }

    @Test
    void englishDoesNotFallBackToTheServersDefaultLocale() {
        Locale previous = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("vi-VN"));
        try {
            assertThat(Messages.of(Locale.ENGLISH).get("forms.ui.list.add")).isEqualTo("Add");
            assertThat(Messages.of(Locale.GERMAN).get("forms.ui.list.add")).isEqualTo("Add");
        } finally {
            Locale.setDefault(previous);
        }
    }
}
