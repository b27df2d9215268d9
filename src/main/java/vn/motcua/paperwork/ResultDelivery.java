package vn.motcua.paperwork;

/** Where the applicant asked to receive the result. Labels: {@code paperwork.delivery.*}. */
public enum ResultDelivery {
    /** At the one-stop desk of the issuing unit. */
    AT_DESK,
    /** By the public postal service, at the applicant's address. */
    POSTAL,
    /** Electronically, on the public service portal. */
    ONLINE;

    String messageKey() {
        return "paperwork.delivery." + name();
    }
}
