package vn.motcua.signing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.motcua.paperwork.DocumentSigner;
import vn.motcua.signing.SignatureDevice;

/**
 * The server's key store: one PKCS#12 file per unit in {@code motcua.signing.key-dir}, named by the unit's identifier
 * ({@code 000.00.15.H33.p12}), holding the unit's key and its certificate chain, all under
 * {@code motcua.signing.key-password}. A file is read when first needed and again when it changes (a renewed
 * certificate is taken without a restart). With {@code motcua.signing.demo-keys} a unit without a file gets one from
 * the demo's certificate authority. Last in order: a remote-signing device plugged in as a bean is asked first.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class KeyStoreDevice implements SignatureDevice {
    /** What a unit's identifier may hold to name a file (QCVN 102: digits, letters and dots). */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,63}");

    private final SigningSettings settings;
    private final DemoAuthority demo = new DemoAuthority();
    private final Map<Path, Loaded> cache = new ConcurrentHashMap<>();

    KeyStoreDevice(SigningSettings settings) {
        this.settings = settings;
    }

    private record Loaded(FileTime modified, Identity identity) { }

    @Override
    public Optional<SigningIdentity> identity(DocumentSigner.Issuer issuer) {
        if (issuer == null || issuer.identifier() == null || !IDENTIFIER.matcher(issuer.identifier()).matches()
                || issuer.identifier().contains("..")) {
            return Optional.empty();
        }
        Path dir = settings.keyDir();
        Path file = dir.resolve(issuer.identifier() + ".p12");
        if (!Files.exists(file)) {
            if (!settings.demoKeys()) return Optional.empty();
            demo.issue(dir, file, issuer.identifier(), issuer.name(), settings.keyPassword());
        }
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            Loaded loaded = cache.get(file);
            if (loaded == null || !loaded.modified().equals(modified)) {
                loaded = new Loaded(modified, load(file));
                cache.put(file, loaded);
            }
            return Optional.of(loaded.identity());
        } catch (IOException | GeneralSecurityException e) {
            // The file name and the reason only: never the password
            throw new IllegalStateException("the signing key " + file + " cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }

    private Identity load(Path file) throws IOException, GeneralSecurityException {
        char[] password = settings.keyPassword();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        for (String alias : Collections.list(store.aliases())) {
            if (!store.isKeyEntry(alias)) continue;
            PrivateKey key = (PrivateKey) store.getKey(alias, password);
            Certificate[] certificates = store.getCertificateChain(alias);
            if (key == null || certificates == null || certificates.length == 0) continue;
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certificates) chain.add((X509Certificate) c);
            return new Identity(key, List.copyOf(chain));
        }
        throw new GeneralSecurityException("no key entry with a certificate");
    }

    /** A key of the store: signs in this JVM, never handed out. */
    private static final class Identity implements SigningIdentity {
        private final PrivateKey key;
        private final List<X509Certificate> chain;

        Identity(PrivateKey key, List<X509Certificate> chain) {
            this.key = key;
            this.chain = chain;
        }

        @Override
        public List<X509Certificate> chain() { return chain; }

        @Override
        public String algorithm() {
            return "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        }

        @Override
        public byte[] sign(byte[] data) {
            try {
                Signature signature = Signature.getInstance(algorithm());
                signature.initSign(key);
                signature.update(data);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("signing failed: " + e.getClass().getSimpleName(), e);
            }
        }
    }
}
