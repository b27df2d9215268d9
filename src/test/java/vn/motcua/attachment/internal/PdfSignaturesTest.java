package vn.motcua.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.attachment.SignatureCheck;
import vn.motcua.attachment.TestDocuments;

/** A PDF signed in the test with a self-signed certificate made in the test, and copies changed after signing. */
class PdfSignaturesTest {
    private static byte[] signed;
    @TempDir Path dir;

    @BeforeAll
    static void sign() {
        var signer = TestDocuments.Signer.selfSigned("Nguyễn Văn Lãnh Đạo");
        signed = TestDocuments.sign(TestDocuments.pdf(List.of("QUYẾT ĐỊNH", "Về việc cấp giấy khai sinh")), signer);
    }

    private List<SignatureCheck> verify(byte[] pdf) throws IOException {
        Path file = Files.write(dir.resolve("f" + System.nanoTime() + ".pdf"), pdf);
        return PdfSignatures.verify(file);
    }

    @Test
    void aSignedPdfIsValidCoversTheWholeFileAndNamesItsSigner() throws IOException {
        var signatures = verify(signed);
        assertThat(signatures).hasSize(1);
        var s = signatures.get(0);
        assertThat(s.valid()).isTrue();
        assertThat(s.problem()).isNull();
        assertThat(s.coversWholeDocument()).isTrue();
        assertThat(s.signer()).isEqualTo("Nguyễn Văn Lãnh Đạo");
        assertThat(Duration.between(s.signedAt(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(10));
    }

    @Test
    void aTamperedCopyIsNotValid() throws IOException {
        var s = verify(TestDocuments.tampered(signed)).get(0);
        assertThat(s.valid()).isFalse();
        assertThat(s.problem()).isEqualTo("digestMismatch");
        assertThat(s.coversWholeDocument()).isTrue();
    }

    @Test
    void aCopyChangedAfterSigningStillHasAValidSignatureThatNoLongerCoversTheFile() throws IOException {
        var s = verify(TestDocuments.appendedAfterSigning(signed)).get(0);
        assertThat(s.valid()).isTrue();
        assertThat(s.coversWholeDocument()).isFalse();
    }

    @Test
    void anUnsignedPdfHasNoSignature() throws IOException {
        assertThat(verify(TestDocuments.pdf(List.of("Không ký")))).isEmpty();
    }
}
