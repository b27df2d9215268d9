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
 */
public record SignatureCheck(String signer, Instant signedAt, boolean coversWholeDocument, boolean valid, String problem) {
}
