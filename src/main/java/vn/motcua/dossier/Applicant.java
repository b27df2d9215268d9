package vn.motcua.dossier;

/**
 * The person or business the dossier is for. Personal data: never logged, hence the masked {@link #toString()}.
 *
 * @param idNumber  citizen identity number (CCCD, 12 digits) or old ID card (9 digits), or an enterprise code
 * @param residence the electronic identifier of the commune, ward or special zone of the province where the applicant
 *                  lives (xã, phường, đặc khu nơi cư trú); null when not given. A desk receives regardless of it
 *                  (Decree 118/2025/ND-CP): it is recorded so that the dossier and the indicators show who was served
 *                  away from home
 */
public record Applicant(String fullName, String idNumber, String phone, String email, String address, String residence) {
    /** An applicant whose commune of residence is not given. */
    public Applicant(String fullName, String idNumber, String phone, String email, String address) {
        this(fullName, idNumber, phone, email, address, null);
    }

    /** The same applicant living in this commune (its identifier). */
    public Applicant withResidence(String identifier) {
        return new Applicant(fullName, idNumber, phone, email, address, identifier);
    }

    @Override
    public String toString() { return "Applicant[***]"; }
}
