package vn.motcua.attachment.internal;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Whether a signer's certificate chains to a trusted root: the path is assembled from the signer's certificate up
 * through the certificates embedded in the signature (the intermediates, matched by issuer name and verified key),
 * then checked with the JDK's PKIX {@link CertPathValidator} against the trust anchors, as of the signing time the
 * signature claims (a certificate that has expired since is still trusted for a signature made while it was valid).
 * Revocation (CRL, OCSP) is not checked: it needs the network, which the extraction JVM does not have.
 */
final class CertificateTrust {
    /** The longest chain assembled (signer, intermediates). */
    private static final int MAX_PATH = 10;

    private CertificateTrust() { }

    /**
     * The verdict: {@code trusted} true, false or null (not checked), and the problem when it is not true.
     *
     * @param problem {@code untrustedIssuer}, {@code expiredAtSigning}, {@code notYetValidAtSigning},
     *                {@code invalidChain}, {@code notChecked}, or null when trusted
     */
    record Verdict(Boolean trusted, String problem) {
        static final Verdict NOT_CHECKED = new Verdict(null, "notChecked");
        static final Verdict TRUSTED = new Verdict(true, null);

        static Verdict untrusted(String problem) { return new Verdict(false, problem); }
    }

    /**
     * @param signer   the signing certificate
     * @param embedded the certificates the signature carries (may include the signer's and the root)
     * @param at       the signing time (now when the signature claims none)
     */
    static Verdict check(X509Certificate signer, Collection<X509Certificate> embedded, Instant at, TrustAnchors trust) {
        if (!trust.configured()) return Verdict.NOT_CHECKED;
        Set<TrustAnchor> anchors;
        try {
            anchors = trust.anchors();
        } catch (RuntimeException e) {
            return Verdict.untrusted("invalidChain");
        }
        if (anchors.isEmpty()) return Verdict.untrusted("untrustedIssuer");
        Date when = Date.from(at == null ? Instant.now() : at);
        // The administrator may trust a signing certificate itself
        for (TrustAnchor anchor : anchors) {
            if (signer.equals(anchor.getTrustedCert())) return validity(signer, when);
        }
        try {
            var path = CertificateFactory.getInstance("X.509").generateCertPath(path(signer, embedded, anchors));
            var parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(when);
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
            return Verdict.TRUSTED;
        } catch (CertPathValidatorException e) {
            return Verdict.untrusted(problem(e));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Verdict.untrusted("invalidChain");
        }
    }

    private static String problem(CertPathValidatorException e) {
        var reason = e.getReason();
        if (reason == CertPathValidatorException.BasicReason.EXPIRED) return "expiredAtSigning";
        if (reason == CertPathValidatorException.BasicReason.NOT_YET_VALID) return "notYetValidAtSigning";
        if (reason == PKIXReason.NO_TRUST_ANCHOR) return "untrustedIssuer";
        return "invalidChain";
    }

    private static Verdict validity(X509Certificate certificate, Date when) {
        try {
            certificate.checkValidity(when);
            return Verdict.TRUSTED;
        } catch (CertificateExpiredException e) {
            return Verdict.untrusted("expiredAtSigning");
        } catch (CertificateNotYetValidException e) {
            return Verdict.untrusted("notYetValidAtSigning");
        }
    }

    /** Signer first, then each issuer found among the embedded certificates, up to one a trust anchor issued. */
    private static List<X509Certificate> path(X509Certificate signer, Collection<X509Certificate> embedded,
                                              Set<TrustAnchor> anchors) {
        var path = new ArrayList<X509Certificate>();
        path.add(signer);
        X509Certificate current = signer;
        while (path.size() < MAX_PATH && !issuedByAnchor(current, anchors) && !selfIssued(current)) {
            X509Certificate issuer = null;
            for (X509Certificate candidate : embedded) {
                if (!path.contains(candidate) && issued(current, candidate)) {
                    issuer = candidate;
                    break;
                }
            }
            if (issuer == null) break;
            path.add(issuer);
            current = issuer;
        }
        return path;
    }

    private static boolean issuedByAnchor(X509Certificate certificate, Set<TrustAnchor> anchors) {
        for (TrustAnchor anchor : anchors) {
            if (issued(certificate, anchor.getTrustedCert())) return true;
        }
        return false;
    }

    private static boolean selfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    private static boolean issued(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) return false;
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
