package vn.motcua.signing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.motcua.paperwork.DocumentSigner;
import vn.motcua.signing.SignatureDevice;

/**
 * Signs PDFs in PAdES baseline (ETSI EN 319 142-1) with PDFBox and Bouncy Castle: an incremental update adding a
 * signature field whose dictionary is {@code /Adobe.PPKLite} with sub-filter {@code ETSI.CAdES.detached}, holding a
 * detached CMS over the whole file but the signature itself, with the signed attributes content-type, message-digest
 * and signing-certificate-v2 (the signing certificate's SHA-256) and without signing-time (the claimed time is the
 * dictionary's {@code /M}, as B-B requires); the certificate chain is embedded. With a timestamp authority the
 * signature's value is stamped and the token added as the signature-time-stamp unsigned attribute (B-T); a timestamp
 * authority that cannot be reached leaves a B-B signature and a warning, never an unsigned result.
 */
@Component
public class PadesSigner implements DocumentSigner {
    private static final Logger log = LoggerFactory.getLogger(PadesSigner.class);
    /** Room reserved for the CMS in the file: the chain and, with a timestamp, the authority's token and chain. */
    private static final int SIGNATURE_SIZE = 16 * 1024;
    private static final int STAMPED_SIGNATURE_SIZE = 32 * 1024;

    private final List<SignatureDevice> devices;
    private final TimestampClient timestamps;

    PadesSigner(List<SignatureDevice> devices, SigningSettings settings) {
        this.devices = List.copyOf(devices);
        this.timestamps = settings.tsaUrl().isEmpty() ? null : new TimestampClient(settings.tsaUrl(), settings.tsaTimeout());
    }

    @Override
    public Optional<Signed> sign(byte[] pdf, Request request) {
        for (Issuer issuer : request.issuers()) {
            for (SignatureDevice device : devices) {
                var identity = device.identity(issuer);
                if (identity.isPresent()) return Optional.of(sign(pdf, request, issuer, identity.get()));
            }
        }
        return Optional.empty();
    }

    private Signed sign(byte[] pdf, Request request, Issuer issuer, SignatureDevice.SigningIdentity identity) {
        X509Certificate certificate = identity.chain().get(0);
        String signer = commonName(certificate);
        boolean[] stamped = {false};
        try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(signer);
            if (request.location() != null) signature.setLocation(request.location());
            if (request.reason() != null) signature.setReason(request.reason());
            Calendar at = new GregorianCalendar(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
            at.setTimeInMillis(request.signedAt().toEpochMilli());
            signature.setSignDate(at);
            options.setPreferredSignatureSize(timestamps == null ? SIGNATURE_SIZE : STAMPED_SIGNATURE_SIZE);
            document.addSignature(signature, content -> cms(content, identity, stamped), options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + STAMPED_SIGNATURE_SIZE * 2 + 4096);
            document.saveIncremental(out);
            log.debug("Signed a document for unit {} ({} bytes{})", issuer.identifier(), out.size(), stamped[0] ? ", timestamped" : "");
            return new Signed(out.toByteArray(), signer, issuer.identifier(), stamped[0]);
        } catch (IOException e) {
            throw new IllegalStateException("the document cannot be signed for unit " + issuer.identifier() + ": " + e.getMessage(), e);
        }
    }

    /** The detached CMS over the signed bytes, stamped when a timestamp authority is configured and answers. */
    private byte[] cms(InputStream content, SignatureDevice.SigningIdentity identity, boolean[] stamped) throws IOException {
        try {
            X509Certificate certificate = identity.chain().get(0);
            byte[] data = content.readAllBytes();
            AlgorithmIdentifier algorithm = new DefaultSignatureAlgorithmIdentifierFinder().find(identity.algorithm());
            ContentSigner signer = new ContentSigner() {
                private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                @Override public AlgorithmIdentifier getAlgorithmIdentifier() { return algorithm; }
                @Override public OutputStream getOutputStream() { return buffer; }
                @Override public byte[] getSignature() { return identity.sign(buffer.toByteArray()); }
            };
            var generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(signedAttributes(certificate)).build(signer, certificate));
            generator.addCertificates(new JcaCertStore(identity.chain()));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(data), false);
            if (timestamps != null) {
                try {
                    signed = stamp(signed);
                    stamped[0] = true;
                } catch (IOException e) {
                    log.warn("No timestamp for this signature (B-B only): {}", String.valueOf(e));
                }
            }
            return signed.getEncoded("DER");
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("the signature cannot be made: " + e.getMessage(), e);
        }
    }

    /** content-type, message-digest and signing-certificate-v2; signing-time left out (PAdES B-B). */
    private static CMSAttributeTableGenerator signedAttributes(X509Certificate certificate) throws GeneralSecurityException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        var issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
                X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))), certificate.getSerialNumber());
        var attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(hash, issuerSerial)}))));
        var defaults = new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes));
        return parameters -> defaults.getAttributes(parameters).remove(CMSAttributes.signingTime);
    }

    private CMSSignedData stamp(CMSSignedData signed) throws IOException {
        SignerInformation info = signed.getSignerInfos().getSigners().iterator().next();
        byte[] token = timestamps.stamp(info.getSignature());
        var unsigned = new ASN1EncodableVector();
        unsigned.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(ASN1Primitive.fromByteArray(token))));
        info = SignerInformation.replaceUnsignedAttributes(info, new AttributeTable(unsigned));
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(info));
    }

    private static String commonName(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        var names = subject.getRDNs(BCStyle.CN);
        if (names.length > 0 && names[0].getFirst() != null) return IETFUtils.valueToString(names[0].getFirst().getValue());
        return subject.toString();
    }
}
