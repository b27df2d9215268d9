package vn.motcua.attachment.internal;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The root certificates signatures are trusted to chain to (e.g. the national root CA of the Ministry of Information
 * and Communications, Bộ TT&TT), as DER bytes so that they travel to the forked extraction JVM with each file.
 * {@link #none()} means no trust store is configured: trust is then not checked at all, which is not the same as a
 * configured store with no certificate (nothing is trusted).
 *
 * @param configured   whether the administrator configured a trust store
 * @param certificates the trusted certificates, DER-encoded
 */
public record TrustAnchors(boolean configured, List<byte[]> certificates) implements Serializable {
    private static final long serialVersionUID = 1L;

    public TrustAnchors {
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
    }

    /** No trust store configured: trust is not checked. */
    public static TrustAnchors none() { return new TrustAnchors(false, List.of()); }

    /** These certificates and no other are trusted. */
    public static TrustAnchors of(Collection<X509Certificate> roots) {
        var der = new ArrayList<byte[]>();
        try {
            for (X509Certificate c : roots) der.add(c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
        return new TrustAnchors(true, der);
    }

    /** The certificates as PKIX trust anchors. */
    public Set<TrustAnchor> anchors() {
        var result = new LinkedHashSet<TrustAnchor>();
        for (X509Certificate c : x509()) result.add(new TrustAnchor(c, null));
        return result;
    }

    /** The certificates. */
    public List<X509Certificate> x509() {
        var result = new ArrayList<X509Certificate>();
        try {
            var factory = CertificateFactory.getInstance("X.509");
            for (byte[] der : certificates) {
                result.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException e) {
            throw new IllegalStateException("a trusted certificate cannot be read", e);
        }
        return result;
    }

    /** How many certificates are trusted. */
    public int size() { return certificates.size(); }

    @Override
    public String toString() {
        return configured ? "TrustAnchors[" + certificates.size() + " certificate(s)]" : "TrustAnchors[not configured]";
    }
}
