package vn.motcua.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import vn.motcua.notification.internal.Templates;

/**
 * The rules of notifications that need no application: phones masked, errors without personal data, placeholders
 * known or refused, and every template and label in Vietnamese and English.
 */
class NotificationRulesTest {

    @Test
    void aPhoneIsShownWithItsLastThreeDigitsOnly() {
        assertThat(NotificationChannel.maskPhone("0912345678")).isEqualTo("*******678");
        assertThat(NotificationChannel.maskPhone("+84912345678")).isEqualTo("********678");
        assertThat(NotificationChannel.maskPhone(null)).isEmpty();
        assertThat(new NotificationChannel.Message("0912345678", "s", "Trần Thị Mỹ Lệ", "X", "RECEIVED").toString())
                .doesNotContain("0912345678").doesNotContain("Trần");
    }

    @Test
    void aDeliveryErrorKeepsNeitherAddressesNorNumbers() {
        var e = new RuntimeException("Failed messages", new IllegalStateException(
                "550 5.1.1 <myle@example.vn>: Recipient address rejected; phone 0912345678"));
        String text = NotificationService.withoutPersonalData(e);
        assertThat(text).contains("RuntimeException").contains("IllegalStateException").contains("Recipient address rejected")
                .doesNotContain("myle").doesNotContain("example.vn").doesNotContain("0912345678");
    }

    @Test
    void placeholdersAreFilledAndUnknownOnesAreNamed() {
        assertThat(Templates.fill("Hồ sơ {code} hẹn {appointmentDate}", Map.of("code", "A-1", "appointmentDate", "05/12/2026")))
                .isEqualTo("Hồ sơ A-1 hẹn 05/12/2026");
        assertThat(Templates.unknownPlaceholders("Kính gửi {hoTen}, hồ sơ {code} {ngay}")).containsExactly("{hoTen}", "{ngay}");
        assertThat(Templates.unknownPlaceholders("Hồ sơ {code} của {applicant}")).isEmpty();
    }

    @Test
    void everyTemplateAndLabelExistsInVietnameseAndEnglishWithItsDiacritics() throws Exception {
        var vi = load("notification/templates_vi.properties");
        var en = load("notification/templates.properties");
        for (TemplateKey key : TemplateKey.values()) {
            for (String part : new String[] {".subject", ".body"}) {
                assertThat(vi.getProperty(key.name() + part)).as(key + part).isNotBlank();
                assertThat(en.getProperty(key.name() + part)).as(key + part).isNotBlank();
                assertThat(Templates.unknownPlaceholders(vi.getProperty(key.name() + part))).isEmpty();
                assertThat(Templates.unknownPlaceholders(en.getProperty(key.name() + part))).isEmpty();
            }
        }
        assertThat(vi.getProperty("SUPPLEMENT_REQUESTED.subject")).isEqualTo("Yêu cầu bổ sung, hoàn thiện hồ sơ {code}");
        var labelsVi = load("i18n/notification_vi.properties");
        assertThat(labelsVi.stringPropertyNames()).isEqualTo(load("i18n/notification.properties").stringPropertyNames());
        for (NotificationStatus s : NotificationStatus.values()) assertThat(labelsVi).containsKey(s.messageKey());
        for (TemplateKey k : TemplateKey.values()) assertThat(labelsVi).containsKey(k.messageKey());
        for (NotificationChannel.Kind c : NotificationChannel.Kind.values()) assertThat(labelsVi).containsKey(c.messageKey());
        assertThat(labelsVi.getProperty("notification.channel.EMAIL")).isEqualTo("Thư điện tử");
    }

    private static Properties load(String resource) throws Exception {
        var properties = new Properties();
        try (InputStream in = NotificationRulesTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void theRetryDelayDoublesAfterEachFailure() throws Exception {
        var constructor = vn.motcua.notification.internal.NotificationSettings.class.getDeclaredConstructors()[0];
        constructor.setAccessible(true);
        var settings = (vn.motcua.notification.internal.NotificationSettings) constructor.newInstance(true, "a@b.vn", 5,
                Duration.ofMinutes(1), Duration.ofSeconds(15), "logging", "logging");
        assertThat(settings.retryDelay(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.retryDelay(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.retryDelay(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(settings.retryDelay(40)).isEqualTo(Duration.ofDays(1));
    }
}
