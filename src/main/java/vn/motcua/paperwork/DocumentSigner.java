package vn.motcua.paperwork;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Signs a PDF that MotCua issues (the electronic result, the official forms sent to the applicant) with the key of the
 * issuing unit, in PAdES (ETSI EN 319 142): baseline B-B, and B-T when a timestamp authority is configured. The
 * implementation ({@code vn.motcua.signing}) keeps every key in the server's key store or behind a remote-signing
 * service: the caller hands over the PDF and gets the signed PDF back, never a key.
 */
public interface DocumentSigner {

    /**
     * Signs the document for the first issuer that has a key.
     *
     * @return the signed PDF, or empty when none of the issuers has a key (the document is then issued unsigned)
     * @throws IllegalStateException when a key exists but signing failed (a broken key store, a remote service down)
     */
    Optional<Signed> sign(byte[] pdf, Request request);

    /**
     * What to sign for.
     *
     * @param issuers  the issuing unit first, then the units above it: the first with a key signs
     * @param reason   the signature's reason, e.g. "Kết quả giải quyết hồ sơ 000.00.15.H33-261204-0001"
     * @param location the place of signing (the date line's place)
     * @param signedAt the signing time written in the signature (its claimed time; a timestamp proves it)
     */
    record Request(List<Issuer> issuers, String reason, String location, Instant signedAt) {
        public Request {
            issuers = List.copyOf(issuers);
        }
    }

    /** A unit that may sign: its electronic identifier (QCVN 102) and its name. */
    record Issuer(String identifier, String name) { }

    /**
     * A signed document.
     *
     * @param pdf         the signed PDF
     * @param signer      the signing certificate's subject common name
     * @param issuer      the identifier of the unit whose key signed
     * @param timestamped whether a timestamp authority's token is in the signature (PAdES B-T)
     */
    record Signed(byte[] pdf, String signer, String issuer, boolean timestamped) { }
}
