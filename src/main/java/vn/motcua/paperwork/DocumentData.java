package vn.motcua.paperwork;

import java.time.Instant;

/**
 * What one document is made of. There is one record per {@link OfficialForm}; the record's type decides the form.
 * Records accept incomplete data; {@link OfficialDocuments#render(DocumentData)} checks that the form has what it
 * needs and names what is missing.
 */
public sealed interface DocumentData permits DossierDocument, TrackingRegister {

    /** The form this data fills. */
    OfficialForm form();

    /** The unit that issues the document: its letterhead and the place of the date line. Required. */
    IssuingUnit unit();

    /** When the document is issued: the date line and the PDF's creation date. Required. */
    Instant issuedAt();
}
