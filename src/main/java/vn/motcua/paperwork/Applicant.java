package vn.motcua.paperwork;

/**
 * The person or organisation who submitted the dossier.
 *
 * @param name    full name, e.g. {@code "Trần Thị Mỹ Lệ"}; required by every form that names the applicant
 * @param address postal address; optional
 * @param phone   phone number; optional
 * @param email   e-mail address; optional
 */
public record Applicant(String name, String address, String phone, String email) {
}
