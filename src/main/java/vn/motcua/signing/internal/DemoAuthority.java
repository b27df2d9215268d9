package vn.motcua.signing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The demo's certificate authority: a root key and certificate of its own ({@code demo-ca.p12}, and
 * {@code demo-ca.pem} for the trust stores of MotCua and of other tools), made the first time a demo unit signs, which
 * issues each unit a key and certificate ({@code <identifier>.p12}) the first time it signs. EC P-256 keys, made in
 * milliseconds. Never for production: a province's units get their keys from a licensed certification authority.
 */
final class DemoAuthority {
    static final String CA_FILE = "demo-ca.p12";
    static final String CA_PEM = "demo-ca.pem";
    static final String ALIAS = "signing";
    private static final String CA_ALIAS = "ca";
    private static final String ALGORITHM = "SHA256withECDSA";
    private final SecureRandom random = new SecureRandom();

    /** Writes a key and certificate for the unit into {@code file}, issued by the demo root (made when missing). */
    synchronized void issue(Path dir, Path file, String identifier, String name, char[] password) {
        try {
            Files.createDirectories(dir);
            if (Files.exists(file)) return;
            KeyStore ca = root(dir, password);
            PrivateKey caKey = (PrivateKey) ca.getKey(CA_ALIAS, password);
            X509Certificate caCert = (X509Certificate) ca.getCertificate(CA_ALIAS);
            KeyPair pair = ecKeys();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "VN")
                    .addRDN(BCStyle.O, "MotCua demo")
                    .addRDN(BCStyle.OU, identifier)
                    .addRDN(BCStyle.CN, name == null || name.isBlank() ? identifier : name).build();
            Instant now = Instant.now();
            var ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCert, serial(),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(5 * 365))), subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert));
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(ALGORITHM).build(caKey)));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, pair.getPrivate(), password, new Certificate[] {cert, caCert});
            write(file, store, password);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("the demo key of unit " + identifier + " cannot be made in " + dir, e);
        }
    }

    /** The demo root, made (with its PEM beside it) when missing. */
    private KeyStore root(Path dir, char[] password) throws GeneralSecurityException, IOException, OperatorCreationException {
        Path file = dir.resolve(CA_FILE);
        KeyStore store = KeyStore.getInstance("PKCS12");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            }
            return store;
        }
        KeyPair pair = ecKeys();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, "MotCua demo")
                .addRDN(BCStyle.CN, "MotCua Demo CA").build();
        Instant now = Instant.now();
        var ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(10 * 365))), subject, pair.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder(ALGORITHM).build(pair.getPrivate())));
        store.load(null, null);
        store.setKeyEntry(CA_ALIAS, pair.getPrivate(), password, new Certificate[] {cert});
        write(file, store, password);
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(cert);
        }
        Path pemFile = dir.resolve(CA_PEM);
        Path tmp = Files.createTempFile(dir, "demo-ca", ".tmp");
        Files.writeString(tmp, pem.toString(), StandardCharsets.US_ASCII);
        Files.move(tmp, pemFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return store;
    }

    private KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }

    private BigInteger serial() {
        return new BigInteger(64, random).add(BigInteger.ONE);
    }

    /** Written beside the target and moved into place: another node reading the folder never sees half a file. */
    private static void write(Path file, KeyStore store, char[] password) throws GeneralSecurityException, IOException {
        Path tmp = Files.createTempFile(file.getParent(), "key", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            store.store(out, password);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            if (!Files.exists(file)) throw e;
        }
    }
}
