package vn.motcua.dossier;

/** For tests outside this package: the public address the receipts print (motcua.public-url), changed for a while. */
public final class PublicAddress {
    private PublicAddress() {
    }

    /** Sets the address the receipt's link and QR code use; "" for none. */
    public static void set(DossierDocuments documents, String url) {
        documents.setPublicUrl(url);
    }
}
