/**
 * Signing (ký số): the PDFs MotCua issues — the electronic result of a dossier, the official forms sent to the
 * applicant — signed in PAdES with the issuing unit's key ({@link vn.motcua.paperwork.DocumentSigner}). Keys come from
 * a {@link vn.motcua.signing.SignatureDevice}: the server's key store (a PKCS#12 file per unit, generated with a demo
 * certificate authority in the demo) or a remote-signing service plugged in as another bean. A timestamp authority
 * (RFC 3161) makes the signatures PAdES B-T. Keys never leave the device: only digests travel to it.
 */
package vn.motcua.signing;
