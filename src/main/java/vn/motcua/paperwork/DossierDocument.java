package vn.motcua.paperwork;

/**
 * A document about one dossier: forms 01 to 06 (the register, form 07, covers many).
 */
public sealed interface DossierDocument extends DocumentData
        permits ReceiptAndAppointment, SupplementRequest, RefusalNotice, ApologyAndExtension, StopNotice,
        ControlSheet {

    /** The dossier the document is about. Required; which of its components are required depends on the form. */
    DossierSheet dossier();
}
