package vn.motcua.dossier;

/** What happened to dossiers, published in the transaction that made it happen. */
public final class DossierEvents {
    private DossierEvents() { }

    /** A dossier was received (status 2): its procedure's process must start, with the code as business key. */
    public record DossierReceived(String code, String procedureCode, String unitIdentifier) { }

    /** A dossier's status changed. */
    public record DossierStatusChanged(String code, DossierStatus from, DossierStatus to) { }
}
