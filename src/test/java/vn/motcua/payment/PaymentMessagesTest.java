package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The payment messages exist in Vietnamese and English, for every status and refused callback, with diacritics. */
class PaymentMessagesTest {
    private static Properties load(String name) throws Exception {
        var properties = new Properties();
        try (InputStream in = PaymentMessagesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void bothBundlesDefineTheSameKeysAndEveryStatusAndRefusalIsNamed() throws Exception {
        var vi = load("payment_vi");
        assertThat(vi.stringPropertyNames()).isEqualTo(load("payment").stringPropertyNames());
        Arrays.stream(PaymentStatus.values()).forEach(s -> assertThat(vi).containsKey(s.messageKey()));
        for (var refused : new CallbackOutcome[] {CallbackOutcome.BAD_SIGNATURE, CallbackOutcome.UNKNOWN_PAYMENT,
                CallbackOutcome.AMOUNT_MISMATCH}) {
            assertThat(vi).containsKey("payment.callback." + refused.name());
        }
        assertThat(vi.getProperty("payment.status.PAID")).isEqualTo("Đã thanh toán");
        assertThat(vi.getProperty("payment.notRequested")).contains("nghĩa vụ tài chính");
    }
}
