package vn.motcua.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import vn.motcua.attachment.AttachmentState;
import vn.motcua.attachment.SignatureCheck;
import vn.motcua.attachment.TestDocuments;
import vn.motcua.attachment.TestDocuments.Authority;
import vn.motcua.attachment.TestDocuments.Signer;

/**
 * Trust in PDF signers' certificates: a root CA, an intermediate CA and signers made in the test with Bouncy Castle;
 * a signature is trusted only when its certificate chains to a root of the trust store, valid at the signing time.
 */
class SignatureTrustTest {
    private static Authority root;
    private static Authority otherRoot;
    private static Authority intermediate;
    private static byte[] document;
    @TempDir Path dir;

    @BeforeAll
    static void authorities() {
        root = Authority.root("Root CA Bộ TT&TT (thử nghiệm)");
        otherRoot = Authority.root("Một CA gốc khác");
        intermediate = root.intermediate("CA trung gian (thử nghiệm)");
        document = TestDocuments.pdf(List.of("QUYẾT ĐỊNH", "Về việc cấp giấy khai sinh"));
    }

    private SignatureCheck verify(byte[] pdf, TrustAnchors trust) throws IOException {
        Path file = Files.write(dir.resolve("f" + System.nanoTime() + ".pdf"), pdf);
        var signatures = PdfSignatures.verify(file, trust);
        assertThat(signatures).hasSize(1);
        return signatures.get(0);
    }

    private static TrustAnchors trusting(Authority... roots) {
        return TrustAnchors.of(java.util.Arrays.stream(roots).map(Authority::certificate).toList());
    }

    @Test
    void aSignerIssuedThroughAnIntermediateOfATrustedRootIsTrusted() throws IOException {
        var s = verify(TestDocuments.sign(document, intermediate.issue("Nguyễn Văn Lãnh Đạo")), trusting(root));
        assertThat(s.valid()).isTrue();
        assertThat(s.signer()).isEqualTo("Nguyễn Văn Lãnh Đạo");
        assertThat(s.trusted()).isTrue();
        assertThat(s.trustProblem()).isNull();
    }

    @Test
    void aSignerOfAnotherRootIsNotTrusted() throws IOException {
        var s = verify(TestDocuments.sign(document, intermediate.issue("Nguyễn Văn Lãnh Đạo")), trusting(otherRoot));
        assertThat(s.valid()).as("cryptographically still valid").isTrue();
        assertThat(s.trusted()).isFalse();
        assertThat(s.trustProblem()).isEqualTo("untrustedIssuer");
    }

    @Test
    void aSelfSignedSignerIsNotTrusted() throws IOException {
        var s = verify(TestDocuments.sign(document, Signer.selfSigned("Tự ký")), trusting(root));
        assertThat(s.valid()).isTrue();
        assertThat(s.trusted()).isFalse();
        assertThat(s.trustProblem()).isEqualTo("untrustedIssuer");
    }

    @Test
    void aSignatureWithoutItsIntermediateCannotBeChainedToTheRoot() throws IOException {
        var full = intermediate.issue("Nguyễn Văn Lãnh Đạo");
        var bare = new Signer(full.keys(), full.certificate(), List.of());
        var s = verify(TestDocuments.sign(document, bare), trusting(root));
        assertThat(s.trusted()).isFalse();
        assertThat(s.trustProblem()).isEqualTo("untrustedIssuer");
    }

    @Test
    void aCertificateExpiredAtTheSigningTimeIsNotTrusted() throws IOException {
        Instant now = Instant.now();
        var expired = intermediate.issue("Hết Hạn", now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(30)));
        var s = verify(TestDocuments.sign(document, expired), trusting(root));
        assertThat(s.trusted()).isFalse();
        assertThat(s.trustProblem()).isEqualTo("expiredAtSigning");
    }

    @Test
    void aCertificateValidAtTheSigningTimeStaysTrustedAfterItExpires() throws IOException {
        Instant now = Instant.now();
        Instant signedAt = now.minus(Duration.ofDays(45));
        var since = root.issue("Đã Hết Hạn Sau Khi Ký", now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(30)));
        var s = verify(TestDocuments.sign(document, since, signedAt), trusting(root));
        assertThat(s.signedAt()).isBefore(now.minus(Duration.ofDays(44)));
        assertThat(s.trusted()).isTrue();

        // Every certificate of the chain must be valid then: this intermediate was issued only yesterday
        var throughNewIntermediate = intermediate.issue("Ký Trước Khi CA Có", now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(30)));
        var t = verify(TestDocuments.sign(document, throughNewIntermediate, signedAt), trusting(root));
        assertThat(t.trusted()).isFalse();
        assertThat(t.trustProblem()).isEqualTo("notYetValidAtSigning");
    }

    @Test
    void aCertificateNotYetValidAtTheSigningTimeIsNotTrusted() throws IOException {
        Instant now = Instant.now();
        var future = intermediate.issue("Chưa Hiệu Lực", now.plus(Duration.ofDays(10)), now.plus(Duration.ofDays(400)));
        var s = verify(TestDocuments.sign(document, future), trusting(root));
        assertThat(s.trusted()).isFalse();
        assertThat(s.trustProblem()).isEqualTo("notYetValidAtSigning");
    }

    @Test
    void withoutATrustStoreTrustIsNotCheckedAndSaysSo() throws IOException {
        var s = verify(TestDocuments.sign(document, intermediate.issue("Nguyễn Văn Lãnh Đạo")), TrustAnchors.none());
        assertThat(s.valid()).isTrue();
        assertThat(s.trusted()).isNull();
        assertThat(s.trustProblem()).isEqualTo("notChecked");
    }

    @Test
    void anEmptyTrustStoreTrustsNothing() throws IOException {
        var s = verify(TestDocuments.sign(document, intermediate.issue("Nguyễn Văn Lãnh Đạo")), TrustAnchors.of(List.of()));
        assertThat(s.trusted()).isFalse();
        assertThat(s.trustProblem()).isEqualTo("untrustedIssuer");
    }

    @Test
    void aTamperedDocumentIsInvalidWhateverTheTrust() throws IOException {
        var s = verify(TestDocuments.tampered(TestDocuments.sign(document, intermediate.issue("Lãnh Đạo"))), trusting(root));
        assertThat(s.valid()).isFalse();
        assertThat(s.problem()).isEqualTo("digestMismatch");
    }

    // --- the trust store as administrators provide it

    @Test
    void aFolderOfPemAndDerCertificatesIsReadAsTheTrustStore() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("roots"));
        Files.writeString(folder.resolve("root-ca.pem"), pem(root.certificate()), StandardCharsets.US_ASCII);
        Files.write(folder.resolve("other.cer"), otherRoot.certificate().getEncoded());
        Files.writeString(folder.resolve("README.txt"), "not a certificate");
        var anchors = SignatureTrustStore.load(folder.toString(), null);
        assertThat(anchors.configured()).isTrue();
        assertThat(anchors.x509()).containsExactlyInAnyOrder(root.certificate(), otherRoot.certificate());
        assertThat(verify(TestDocuments.sign(document, intermediate.issue("Lãnh Đạo")), anchors).trusted()).isTrue();
    }

    @Test
    void aPkcs12TrustStoreIsRead() throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("root-ca-bo-tttt", root.certificate());
        Path file = dir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        var anchors = SignatureTrustStore.load(file.toString(), "changeit");
        assertThat(anchors.x509()).containsExactly(root.certificate());
    }

    @Test
    void aTrustStoreThatCannotBeReadStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> SignatureTrustStore.load(dir.resolve("missing.p12").toString(), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("motcua.attachment.signatures.trust-store");
        assertThat(SignatureTrustStore.load(null, null).configured()).isFalse();
        assertThat(SignatureTrustStore.load("  ", null).configured()).isFalse();
    }

    @Test
    void theVerdictCrossesFromTheForkedExtractionJvm() throws IOException {
        var limits = new ExtractionLimits(1_000_000, 100, 4, 100, 100_000_000L, false, "vie+eng", 30);
        try (var extractor = new IsolatedExtractor(limits, Duration.ofSeconds(60), DataSize.ofMegabytes(256),
                Duration.ofSeconds(30), dir.resolve("work"))) {
            Path trusted = Files.write(dir.resolve("trusted.pdf"), TestDocuments.sign(document, intermediate.issue("Lãnh Đạo")));
            var outcome = extractor.extract(trusted, "application/pdf", trusting(root));
            assertThat(outcome.state()).isEqualTo(AttachmentState.EXTRACTED);
            assertThat(outcome.signatures()).singleElement().satisfies(s -> {
                assertThat(s.trusted()).isTrue();
                assertThat(s.trustProblem()).isNull();
            });
            var other = extractor.extract(trusted, "application/pdf", trusting(otherRoot));
            assertThat(other.signatures()).singleElement().satisfies(s -> {
                assertThat(s.trusted()).isFalse();
                assertThat(s.trustProblem()).isEqualTo("untrustedIssuer");
            });
        }
    }

    private static String pem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
