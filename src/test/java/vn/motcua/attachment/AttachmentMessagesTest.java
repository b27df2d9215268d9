package vn.motcua.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The attachment bundles: the same keys in Vietnamese and English, the Vietnamese written with its diacritics. */
class AttachmentMessagesTest {

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (var in = AttachmentMessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        var vi = load("attachment_vi.properties");
        var en = load("attachment.properties");
        assertThat(vi.keySet()).containsExactlyInAnyOrderElementsOf(en.keySet());
    }

    @Test
    void everyStateReasonAndProblemHasAMessage() throws IOException {
        var vi = load("attachment_vi.properties");
        for (AttachmentState state : AttachmentState.values()) assertThat(vi).containsKey(state.messageKey());
        for (String reason : new String[] {"encrypted", "zipBomb", "xmlEntities", "imageTooLarge", "tooLarge", "tooComplex",
                "corrupt", "parseError", "timeout", "crashed", "tooManyAttempts", "missingContent", "ocrUnavailable",
                "truncated", "embeddedSkipped"}) {
            assertThat(vi).containsKey("attachment.reason." + reason);
        }
        for (String problem : new String[] {"digestMismatch", "signatureInvalid", "noCertificate", "certificateNotValid",
                "unsupported", "malformed"}) {
            assertThat(vi).containsKey("attachment.signature.problem." + problem);
        }
        for (String problem : new String[] {"untrustedIssuer", "expiredAtSigning", "notYetValidAtSigning", "invalidChain",
                "notChecked"}) {
            assertThat(vi).containsKey("attachment.signature.trustProblem." + problem);
        }
        for (Boolean trusted : new Boolean[] {true, false, null}) {
            assertThat(vi).containsKey(new SignatureCheck(null, null, true, true, null, trusted, null).trustKey());
        }
    }

    @Test
    void theVietnameseIsWrittenWithDiacritics() throws IOException {
        var vi = load("attachment_vi.properties");
        assertThat(vi.getProperty("attachment.tooLarge")).isEqualTo("Tệp vượt quá dung lượng cho phép ({0} MB).");
        assertThat(vi.getProperty("search.menu")).isEqualTo("Tìm kiếm");
    }
}
