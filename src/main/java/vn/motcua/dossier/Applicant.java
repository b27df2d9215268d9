package vn.motcua.dossier;

/**
 * The person or business the dossier is for. Personal data: never logged, hence the masked {@link #toString()}.
 *
 * @param idNumber citizen identity number (CCCD, 12 digits) or old ID card (9 digits), or an enterprise code
 */
public record Applicant(String fullName, String idNumber, String phone, String email, String address) {
    @Override
    public String toString() { return "Applicant[***]"; }
}
