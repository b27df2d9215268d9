package vn.motcua.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import vn.motcua.integration.WebhookSignature;

/**
 * The rules of sending webhooks that need no application: where a message may go (public addresses only, unless a
 * province allows private ones), how long the sender waits before trying again (doubling, capped), and that a
 * signature verifies only for the very message and secret it was made with.
 */
class WebhookRulesTest {
    private static WebhookSettings settings(boolean allowPrivate) {
        return new WebhookSettings(true, Duration.ofSeconds(5), Duration.ofSeconds(10), 12, Duration.ofSeconds(30),
                Duration.ofHours(6), allowPrivate);
    }

    @Test
    void aWebhookGoesToAPublicHttpAddressOnlyUnlessPrivateOnesAreAllowed() {
        var addresses = new WebhookAddresses(settings(false));
        for (String url : new String[] {"http://127.0.0.1:8080/hooks", "http://10.1.2.3/hooks", "https://192.168.1.10/x",
                "http://172.16.0.1/", "http://169.254.169.254/latest/meta-data", "http://[::1]/hooks", "http://[fd00::1]/",
                "http://0.0.0.0/", "http://100.64.0.1/", "http://localhost/hooks"}) {
            assertThat(addresses.problem(url)).as(url).isEqualTo("webhook.url.private");
        }
        assertThat(addresses.problem("https://203.0.113.7/hooks")).as("a public address").isNull();
        assertThat(addresses.problem("https://[2001:db8::1]/hooks")).isNull();
        for (String url : new String[] {null, "", "ftp://203.0.113.7/", "https://user:pw@203.0.113.7/", "/relative",
                "https://203.0.113.7/#fragment", "https://" + "a".repeat(2000) + ".vn/"}) {
            assertThat(addresses.problem(url)).as(String.valueOf(url)).isEqualTo("webhook.url.invalid");
        }
        assertThat(new WebhookAddresses(settings(true)).problem("http://127.0.0.1:8080/hooks")).as("allowed by the setting").isNull();
    }

    @Test
    void theWaitBeforeTheNextAttemptDoublesUpToItsCap() {
        var s = settings(false);
        assertThat(s.retryDelay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.retryDelay(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.retryDelay(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(s.retryDelay(11)).isEqualTo(Duration.ofHours(6));
        assertThat(s.retryDelay(40)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void everyTextOfTheScreenAndTheErrorsIsInVietnameseAndEnglish() throws Exception {
        var vi = new java.util.Properties();
        var en = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/i18n/integration_vi.properties")) {
            vi.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        try (var in = getClass().getResourceAsStream("/i18n/integration.properties")) {
            en.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(vi.stringPropertyNames()).isNotEmpty().isEqualTo(en.stringPropertyNames());
        assertThat(vi.getProperty("webhook.url.private")).contains("mạng nội bộ");
    }

    @Test
    void aSignatureVerifiesOnlyForItsMessageAndSecret() {
        String secret = WebhookSignature.newSecret();
        String body = "{\"type\":\"dossier.status-changed\",\"dossier\":{\"statusName\":\"Đã trả kết quả\"}}";
        String signature = WebhookSignature.sign(secret, "msg_1", 1_765_000_000L, body);
        assertThat(signature).startsWith("v1,");
        assertThat(WebhookSignature.verify(secret, "msg_1", 1_765_000_000L, body, signature)).isTrue();
        assertThat(WebhookSignature.verify(secret, "msg_1", 1_765_000_000L, body, "v1,other " + signature)).as("one of several").isTrue();
        assertThat(WebhookSignature.verify(secret, "msg_1", 1_765_000_001L, body, signature)).as("another time").isFalse();
        assertThat(WebhookSignature.verify(secret, "msg_2", 1_765_000_000L, body, signature)).as("another id").isFalse();
        assertThat(WebhookSignature.verify(secret, "msg_1", 1_765_000_000L, body.replace("Đã", "Da"), signature)).as("another body").isFalse();
        assertThat(WebhookSignature.verify(WebhookSignature.newSecret(), "msg_1", 1_765_000_000L, body, signature)).as("another secret").isFalse();
        assertThat(WebhookSignature.verify(secret, "msg_1", 1_765_000_000L, body, null)).isFalse();
    }
}
