/**
 * Paperwork: the seven documents the one-stop desk issues under Circular 03/2025/TT-VPCP, Annex I, rendered as PDF
 * ({@link vn.motcua.paperwork.OfficialDocuments}), and QR codes ({@link vn.motcua.paperwork.QrCodes}).
 *
 * <p>The caller maps its own dossier into the input records of this package ({@link vn.motcua.paperwork.DocumentData}
 * and the records it is made of); this module depends on no other module of the application. The documents are
 * official Vietnamese documents, so they are always written in Vietnamese, whatever the language of the user
 * interface; the English bundle serves the user interface (e.g. {@link vn.motcua.paperwork.OfficialForm#title}).
 * The font, Liberation Serif, comes from the server's Debian packages and is embedded in each PDF, so a PDF looks the
 * same everywhere; a server without it fails loudly (see {@code Typefaces}).
 */
package vn.motcua.paperwork;
