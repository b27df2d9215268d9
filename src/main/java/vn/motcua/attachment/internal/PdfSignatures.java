package vn.motcua.attachment.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import vn.motcua.attachment.SignatureCheck;

/**
 * Finds the digital signatures of a PDF and verifies each with PDFBox and Bouncy Castle: who signed (the signing
 * certificate's subject), when (the signed signing-time attribute), whether the signed byte range covers the whole
 * file (nothing appended since), and whether the signature is cryptographically valid (the digest of the signed
 * bytes matches, the signature over it verifies with the certificate's key), and whether the signer's certificate
 * chains to a trusted root at the signing time ({@link CertificateTrust}; revocation is not checked). The signed bytes
 * are streamed from the file, never read whole. Called in the forked extraction JVM: a hostile PDF never reaches the
 * application's own.
 */
public final class PdfSignatures {
    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private PdfSignatures() { }

    /** The signatures of a PDF file without checking trust (no trust store). */
    public static List<SignatureCheck> verify(Path pdf) throws IOException {
        return verify(pdf, TrustAnchors.none());
    }

    /**
     * The signatures of a PDF file, in the order of the document's signature fields; empty when it has none.
     *
     * @param trust the roots a signer's certificate must chain to ({@link TrustAnchors#none()}: trust not checked)
     */
    public static List<SignatureCheck> verify(Path pdf, TrustAnchors trust) throws IOException {
        long length = Files.size(pdf);
        var result = new ArrayList<SignatureCheck>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (PDSignature signature : document.getSignatureDictionaries()) {
                result.add(check(signature, pdf, length, trust));
            }
        }
        return result;
    }

    private static SignatureCheck check(PDSignature signature, Path pdf, long length, TrustAnchors trust) {
        Instant declared = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        int[] range = signature.getByteRange();
        boolean wellFormed = range != null && range.length == 4 && range[0] == 0 && range[1] >= 0 && range[2] >= range[1]
                && range[3] >= 0 && (long) range[2] + range[3] <= length;
        boolean wholeFile = wellFormed && (long) range[2] + range[3] == length;
        byte[] contents;
        try {
            contents = signature.getContents();
        } catch (RuntimeException e) {
            contents = null;
        }
        if (!wellFormed || contents == null || contents.length == 0) {
            return untrusted(signature.getName(), declared, wholeFile, "malformed");
        }
        String subFilter = signature.getSubFilter();
        if ("adbe.x509.rsa_sha1".equals(subFilter)) {
            return untrusted(signature.getName(), declared, wholeFile, "unsupported");
        }
        String signer = signature.getName();
        Instant signedAt = declared;
        CertificateTrust.Verdict verdict = new CertificateTrust.Verdict(null, null);
        try {
            CMSSignedData cms;
            if ("adbe.pkcs7.sha1".equals(subFilter)) {
                // The CMS signs the SHA-1 digest of the byte range, which it encapsulates
                cms = new CMSSignedData(contents);
                Object encapsulated = cms.getSignedContent() == null ? null : cms.getSignedContent().getContent();
                if (!(encapsulated instanceof byte[] digest) || !Arrays.equals(digest, sha1(pdf, range))) {
                    return untrusted(signer, signedAt, wholeFile, "digestMismatch");
                }
            } else {
                cms = new CMSSignedData(new ByteRangeContent(pdf, range), contents);
            }
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.isEmpty()) return untrusted(signer, signedAt, wholeFile, "malformed");
            SignerInformation info = signers.iterator().next();
            signedAt = signingTime(info, declared);
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certificates = cms.getCertificates().getMatches(info.getSID());
            if (certificates.isEmpty()) return untrusted(signer, signedAt, wholeFile, "noCertificate");
            X509CertificateHolder certificate = certificates.iterator().next();
            signer = commonName(certificate.getSubject());
            verdict = trust(certificate, cms, signedAt, trust);
            boolean valid = info.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(PROVIDER).build(certificate));
            return new SignatureCheck(signer, signedAt, wholeFile, valid, valid ? null : "signatureInvalid",
                    verdict.trusted(), verdict.problem());
        } catch (CMSSignerDigestMismatchException e) {
            return new SignatureCheck(signer, signedAt, wholeFile, false, "digestMismatch", verdict.trusted(), verdict.problem());
        } catch (CMSVerifierCertificateNotValidException e) {
            return new SignatureCheck(signer, signedAt, wholeFile, false, "certificateNotValid", verdict.trusted(), verdict.problem());
        } catch (CMSException | OperatorCreationException | java.security.cert.CertificateException | IOException
                 | RuntimeException e) {
            return new SignatureCheck(signer, signedAt, wholeFile, false, "signatureInvalid", verdict.trusted(), verdict.problem());
        }
    }

    /** A signature whose certificate could not be reached: trust not checked. */
    private static SignatureCheck untrusted(String signer, Instant signedAt, boolean wholeFile, String problem) {
        return new SignatureCheck(signer, signedAt, wholeFile, false, problem, null, null);
    }

    /** Whether the signing certificate chains to a trusted root, with the signature's own certificates as intermediates. */
    private static CertificateTrust.Verdict trust(X509CertificateHolder certificate, CMSSignedData cms, Instant signedAt,
                                                  TrustAnchors trust) {
        if (!trust.configured()) return CertificateTrust.Verdict.NOT_CHECKED;
        try {
            var converter = new JcaX509CertificateConverter();
            var embedded = new ArrayList<X509Certificate>();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> all = cms.getCertificates().getMatches(null);
            for (X509CertificateHolder holder : all) {
                if (embedded.size() >= 50) break;
                embedded.add(converter.getCertificate(holder));
            }
            return CertificateTrust.check(converter.getCertificate(certificate), embedded, signedAt, trust);
        } catch (java.security.cert.CertificateException | RuntimeException e) {
            return CertificateTrust.Verdict.untrusted("invalidChain");
        }
    }

    private static Instant signingTime(SignerInformation info, Instant fallback) {
        var attributes = info.getSignedAttributes();
        if (attributes == null) return fallback;
        Attribute attribute = attributes.get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() == 0) return fallback;
        try {
            return Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant();
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static String commonName(X500Name subject) {
        RDN[] names = subject.getRDNs(BCStyle.CN);
        if (names.length > 0 && names[0].getFirst() != null) return IETFUtils.valueToString(names[0].getFirst().getValue());
        return subject.toString();
    }

    private static byte[] sha1(Path pdf, int[] range) throws IOException {
        try {
            var digest = MessageDigest.getInstance("SHA-1");
            new ByteRangeContent(pdf, range).write(new OutputStream() {
                @Override public void write(int b) { digest.update((byte) b); }
                @Override public void write(byte[] b, int off, int len) { digest.update(b, off, len); }
            });
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signed bytes: the two parts of the byte range, streamed from the file. */
    private record ByteRangeContent(Path pdf, int[] range) implements CMSTypedData {
        @Override
        public ASN1ObjectIdentifier getContentType() { return CMSObjectIdentifiers.data; }

        @Override
        public void write(OutputStream out) throws IOException {
            try (var file = new RandomAccessFile(pdf.toFile(), "r")) {
                copy(file, range[0], range[1], out);
                copy(file, range[2], range[3], out);
            }
        }

        @Override
        public Object getContent() { return null; }

        private static void copy(RandomAccessFile file, long offset, long length, OutputStream out) throws IOException {
            file.seek(offset);
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = file.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) throw new IOException("byte range beyond the end of the file");
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }
}
