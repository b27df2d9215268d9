package vn.motcua.attachment;

import java.time.Instant;

/**
 * A digital signature found in a PDF attachment, as verified with PDFBox and Bouncy Castle.
 *
 * @param signer               the signer's name from the signing certificate (its CN, else the whole subject), or the
 *                             name written in the signature dictionary; null when neither is known
 * @param signedAt             the signing time the signature claims (signed attribute, else the dictionary's date)
 * @param coversWholeDocument  true when the signed byte range covers the whole file, i.e. nothing was added after
 *                             signing; false when the document was changed (an incremental update) after it
 * @param valid                true when the signature is cryptographically valid: the signed bytes' digest matches
 *                             and the signature over it verifies with the certificate's key. Says nothing of whether
 *                             the certificate is trusted
 * @param problem              why it is not valid ({@code digestMismatch}, {@code signatureInvalid},
 *                             {@code noCertificate}, {@code unsupported}, {@code malformed}), or null
 * @param trusted              true when the signer's certificate chains, at the signing time, to a root certificate of
 *                             the configured trust store (PKIX, with the certificates embedded in the signature as
 *                             intermediates; revocation is not checked); false when it does not; null when trust was
 *                             not checked (no trust store configured, no certificate, or verified before trust was
 *                             checked)
 * @param trustProblem         why it is not trusted ({@code untrustedIssuer}, {@code expiredAtSigning},
 *                             {@code notYetValidAtSigning}, {@code invalidChain}), or {@code notChecked} when no trust
 *                             store is configured; null when trusted or unknown
 */
public record SignatureCheck(String signer, Instant signedAt, boolean coversWholeDocument, boolean valid, String problem,
                             Boolean trusted, String trustProblem) {

    /** The message key saying where trust stands: {@code attachment.signature.trust.<trusted|untrusted|unknown>}. */
    public String trustKey() {
        if (trusted == null) return "attachment.signature.trust.unknown";
        return trusted ? "attachment.signature.trust.trusted" : "attachment.signature.trust.untrusted";
    }

    /** The message key of the trust problem, or null. */
    public String trustProblemKey() {
        return trustProblem == null ? null : "attachment.signature.trustProblem." + trustProblem;
    }
}
