package vn.motcua.attachment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The trust store PDF signatures are checked against ({@code motcua.attachment.signatures.trust-store}), read once at
 * start-up: a PKCS#12 or JKS file (its trusted-certificate entries), a PEM or DER certificate file, or a folder of
 * them. A configured store that cannot be read stops the start with a message naming the setting: a typo must not
 * silently turn trust checking off.
 */
@Component
public class SignatureTrustStore {
    private static final Logger log = LoggerFactory.getLogger(SignatureTrustStore.class);
    private static final String SETTING = "motcua.attachment.signatures.trust-store";
    private static final Set<String> KEY_STORES = Set.of("p12", "pfx", "jks");
    private static final Set<String> CERTIFICATES = Set.of("pem", "crt", "cer", "der");

    private final TrustAnchors anchors;

    SignatureTrustStore(AttachmentSettings settings) {
        var signatures = settings.getSignatures();
        this.anchors = load(signatures.getTrustStore(), signatures.getTrustStorePassword());
        if (!anchors.configured()) {
            log.info("PDF signatures: no trust store configured ({}); signatures are verified but whether their "
                    + "certificates are trusted is not checked", SETTING);
        } else if (anchors.size() == 0) {
            log.warn("PDF signatures: the trust store {} holds no certificate; no signature will be trusted", signatures.getTrustStore());
        } else {
            log.info("PDF signatures: {} trusted root certificate(s) from {}: {} (revocation is not checked)", anchors.size(),
                    signatures.getTrustStore(), anchors.x509().stream().map(c -> c.getSubjectX500Principal().getName()).toList());
        }
    }

    /** The trusted roots ({@link TrustAnchors#none()} when none is configured). */
    public TrustAnchors anchors() { return anchors; }

    /**
     * Reads a trust store.
     *
     * @param location a PKCS#12 or JKS file, a PEM/DER certificate file or a folder of them; null or blank: none
     * @param password the key store's password, or null
     * @throws IllegalStateException when it cannot be read
     */
    public static TrustAnchors load(String location, String password) {
        if (location == null || location.isBlank()) return TrustAnchors.none();
        Path path = Path.of(location.trim());
        try {
            if (Files.isDirectory(path)) {
                var roots = new ArrayList<X509Certificate>();
                try (Stream<Path> files = Files.list(path)) {
                    for (Path file : files.filter(Files::isRegularFile).filter(f -> CERTIFICATES.contains(extension(f))).sorted().toList()) {
                        roots.addAll(certificates(file));
                    }
                }
                return TrustAnchors.of(roots);
            }
            if (!Files.isRegularFile(path)) throw new IOException("no such file or folder");
            if (KEY_STORES.contains(extension(path))) return TrustAnchors.of(keyStore(path, password));
            return TrustAnchors.of(certificates(path));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException(SETTING + " = " + path + " cannot be read as a trust store (" + e.getMessage() + ")", e);
        }
    }

    private static List<X509Certificate> keyStore(Path file, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(file.toFile(), password == null ? null : password.toCharArray());
        var roots = new ArrayList<X509Certificate>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isCertificateEntry(alias) && store.getCertificate(alias) instanceof X509Certificate c) roots.add(c);
        }
        return roots;
    }

    private static List<X509Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        var roots = new ArrayList<X509Certificate>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                if (c instanceof X509Certificate x509) roots.add(x509);
            }
        }
        if (roots.isEmpty()) throw new IOException(file.getFileName() + " holds no certificate");
        return roots;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
