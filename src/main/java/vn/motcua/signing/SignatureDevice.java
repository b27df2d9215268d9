package vn.motcua.signing;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import vn.motcua.paperwork.DocumentSigner;

/**
 * Where signing keys live. The key store device ({@code motcua.signing.key-dir}) is MotCua's own; a province plugs a
 * remote-signing service (a leader's personal signing service, an HSM) in as another bean implementing this interface,
 * ordered before it ({@link org.springframework.core.annotation.Order}). The signer asks the devices in order and uses
 * the first that has a key for the issuer; the key itself is never asked for, only a signature over the bytes to be
 * signed.
 */
public interface SignatureDevice {

    /** The signing identity of this issuer, or empty when this device holds no key for it. */
    Optional<SigningIdentity> identity(DocumentSigner.Issuer issuer);

    /** A key able to sign, seen from outside: its certificate chain and a signing operation. */
    interface SigningIdentity {
        /** The signing certificate first, then its issuers up to (and including) the root when known. */
        List<X509Certificate> chain();

        /** The JCA signature algorithm, e.g. {@code SHA256withECDSA} or {@code SHA256withRSA}. */
        String algorithm();

        /** Signs these bytes (the DER of the CMS signed attributes) with the key. */
        byte[] sign(byte[] data);
    }
}
