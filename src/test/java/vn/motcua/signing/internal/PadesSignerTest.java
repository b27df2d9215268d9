package vn.motcua.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.attachment.SignatureCheck;
import vn.motcua.attachment.internal.PdfSignatures;
import vn.motcua.attachment.internal.TrustAnchors;
import vn.motcua.paperwork.DocumentSigner;
import vn.motcua.signing.InTestTimestampAuthority;
import vn.motcua.signing.SignatureDevice;

/**
 * The signer's rules: a unit's document is signed in PAdES with that unit's key (B-B: ETSI.CAdES.detached, the
 * signing certificate referenced, no signing-time attribute; B-T with a timestamp authority), verifiable by MotCua's
 * own check and by poppler's pdfsig; a change after signing is detected; a unit without a key leaves the document
 * unsigned unless the demo's authority issues one; the nearest unit above with a key signs for a unit without one.
 */
class PadesSignerTest {
    private static final Instant AT = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    @TempDir Path dir;

    private SigningSettings settings(boolean demo, String tsa) {
        return new SigningSettings(dir.toString(), "demo-pass", demo, tsa, Duration.ofSeconds(5));
    }

    private PadesSigner signer(SigningSettings settings) {
        return new PadesSigner(List.of(new KeyStoreDevice(settings)), settings);
    }

    private static DocumentSigner.Request request(String... identifiers) {
        var issuers = java.util.Arrays.stream(identifiers).map(i -> new DocumentSigner.Issuer(i, "UBND phường Vĩnh Thanh Vân " + i)).toList();
        return new DocumentSigner.Request(issuers, "Kết quả giải quyết hồ sơ", "Rạch Giá", AT);
    }

    static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void aDemoUnitsDocumentIsSignedInPadesBaselineBAndVerifiesWithMotCuasOwnCheckAndItsDemoRoot() throws Exception {
        var signed = signer(settings(true, "")).sign(pdf(), request("000.01.15.H33")).orElseThrow();

        assertThat(signed.issuer()).isEqualTo("000.01.15.H33");
        assertThat(signed.signer()).isEqualTo("UBND phường Vĩnh Thanh Vân 000.01.15.H33");
        assertThat(signed.timestamped()).isFalse();
        Path file = dir.resolve("signed.pdf");
        Files.write(file, signed.pdf());
        X509Certificate root = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(dir.resolve(DemoAuthority.CA_PEM)));
        List<SignatureCheck> checks = PdfSignatures.verify(file, TrustAnchors.of(List.of(root)));
        assertThat(checks).singleElement().satisfies(c -> {
            assertThat(c.valid()).isTrue();
            assertThat(c.coversWholeDocument()).isTrue();
            assertThat(c.trusted()).isTrue();
            assertThat(c.signer()).isEqualTo("UBND phường Vĩnh Thanh Vân 000.01.15.H33");
            assertThat(c.signedAt()).isEqualTo(AT);
        });
        try (PDDocument document = Loader.loadPDF(signed.pdf())) {
            PDSignature signature = document.getSignatureDictionaries().get(0);
            assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            SignerInformation info = new CMSSignedData(signature.getContents()).getSignerInfos().getSigners().iterator().next();
            assertThat(info.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
            assertThat(info.getSignedAttributes().get(CMSAttributes.signingTime)).as("B-B: no signing-time attribute").isNull();
            assertThat(info.getUnsignedAttributes()).isNull();
        }
    }

    @Test
    void pdfsigReportsTheSignatureValidAndTheWholeDocumentSignedAndATamperedCopyNot() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdfsig")), "poppler-utils (pdfsig) is installed by .ci/run");
        var signed = signer(settings(true, "")).sign(pdf(), request("000.01.15.H33")).orElseThrow();
        Path file = dir.resolve("signed.pdf");
        Files.write(file, signed.pdf());

        String report = pdfsig(file);
        assertThat(report).contains("Signature Type: ETSI.CAdES.detached").contains("Signature is Valid")
                .contains("Total document signed");

        byte[] tampered = signed.pdf().clone();
        int at = indexOf(tampered, "/MediaBox".getBytes(StandardCharsets.US_ASCII));
        tampered[at + 11] = (byte) (tampered[at + 11] == '1' ? '2' : '1'); // one digit of the page size, inside the signed range
        Path changed = dir.resolve("changed.pdf");
        Files.write(changed, tampered);
        assertThat(pdfsig(changed)).doesNotContain("Signature is Valid");
        assertThat(PdfSignatures.verify(changed)).singleElement().satisfies(c -> assertThat(c.valid()).isFalse());
    }

    @Test
    void withATimestampAuthorityTheSignatureCarriesItsTokenOverTheSignatureValue() throws Exception {
        try (var tsa = new InTestTimestampAuthority()) {
            var signed = signer(settings(true, tsa.url())).sign(pdf(), request("000.01.15.H33")).orElseThrow();

            assertThat(signed.timestamped()).isTrue();
            assertThat(tsa.stamped()).isEqualTo(1);
            try (PDDocument document = Loader.loadPDF(signed.pdf())) {
                SignerInformation info = new CMSSignedData(document.getSignatureDictionaries().get(0).getContents())
                        .getSignerInfos().getSigners().iterator().next();
                var attribute = info.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
                var token = new TimeStampToken(new CMSSignedData(attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
                assertThat(token.getTimeStampInfo().getMessageImprintDigest())
                        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(info.getSignature()));
            }
            Path file = dir.resolve("stamped.pdf");
            Files.write(file, signed.pdf());
            assertThat(PdfSignatures.verify(file)).singleElement().satisfies(c -> assertThat(c.valid()).isTrue());
        }
    }

    @Test
    void aTimestampAuthorityThatCannotBeReachedLeavesABaselineBSignatureNotAnUnsignedDocument() throws Exception {
        var signed = signer(settings(true, "http://127.0.0.1:9/tsa")).sign(pdf(), request("000.01.15.H33")).orElseThrow();

        assertThat(signed.timestamped()).isFalse();
        Path file = dir.resolve("signed.pdf");
        Files.write(file, signed.pdf());
        assertThat(PdfSignatures.verify(file)).singleElement().satisfies(c -> assertThat(c.valid()).isTrue());
    }

    @Test
    void withoutDemoKeysAUnitWithoutAKeyFileLeavesTheDocumentUnsigned() throws Exception {
        assertThat(signer(settings(false, "")).sign(pdf(), request("000.01.15.H33"))).isEmpty();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void theNearestUnitAboveWithAKeySignsForAUnitWithout() throws Exception {
        // the province's key exists (made by the demo authority), the ward has none and demo keys are off
        signer(settings(true, "")).sign(pdf(), request("000.00.00.H33")).orElseThrow();
        var signed = signer(settings(false, "")).sign(pdf(), request("000.01.15.H33", "000.00.00.H33")).orElseThrow();

        assertThat(signed.issuer()).isEqualTo("000.00.00.H33");
        assertThat(Files.exists(dir.resolve("000.01.15.H33.p12"))).isFalse();
    }

    @Test
    void aRemoteSigningDeviceAskedFirstSignsWithoutTheKeyStore() throws Exception {
        var store = new KeyStoreDevice(settings(true, ""));
        var province = store.identity(new DocumentSigner.Issuer("000.00.00.H33", "UBND tỉnh")).orElseThrow();
        int[] calls = {0};
        SignatureDevice remote = issuer -> Optional.of(new SignatureDevice.SigningIdentity() {
            @Override public List<X509Certificate> chain() { return province.chain(); }
            @Override public String algorithm() { return province.algorithm(); }
            @Override public byte[] sign(byte[] data) { calls[0]++; return province.sign(data); }
        });
        var signed = new PadesSigner(List.of(remote, new KeyStoreDevice(settings(false, ""))), settings(false, ""))
                .sign(pdf(), request("000.01.15.H33")).orElseThrow();

        assertThat(calls[0]).isEqualTo(1);
        Path file = dir.resolve("remote.pdf");
        Files.write(file, signed.pdf());
        assertThat(PdfSignatures.verify(file)).singleElement().satisfies(c -> assertThat(c.valid()).isTrue());
    }

    @Test
    void aKeyFileThatCannotBeOpenedIsAnErrorNamingTheFileNeverThePassword() throws Exception {
        Files.writeString(dir.resolve("000.01.15.H33.p12"), "not a key store");
        assertThatThrownBy(() -> signer(settings(false, "")).sign(pdf(), request("000.01.15.H33")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("000.01.15.H33.p12")
                .hasMessageNotContaining("demo-pass");
    }

    private static String pdfsig(Path file) throws Exception {
        Process process = new ProcessBuilder("/usr/bin/pdfsig", file.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    private static int indexOf(byte[] data, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= data.length; i++) {
            for (int j = 0; j < what.length; j++) if (data[i + j] != what[j]) continue outer;
            return i;
        }
        throw new AssertionError("not found");
    }
}
